// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's toolbar against REAL servers: a lineage issued by Pebble is selected and Renew
// gives it version 2 in the store with the row following; Deploy installs the current certificate
// over the REAL sshd into the REAL nginx (reloaded) and the dialog shows the fingerprint nginx now
// serves, which matches the stored certificate; a lineage without targets cannot be deployed and
// says why; the Certificates page opens the details dialog for its lineage. Offscreen; QTRY_*.
#include "PebbleLineage.h"
#include "core/monitor/TlsProbe.h"
#include "core/ssh/SshSession.h"
#include "core/store/Store.h"
#include "core/workflow/LineageDeployment.h"
#include "tests/support/NginxFixture.h"
#include "tests/support/SshdFixture.h"
#include "ui/CertificateTableModel.h"
#include "ui/CertificatesPage.h"
#include "ui/DashboardPage.h"
#include "ui/DeployDialog.h"
#include "ui/MainWindow.h"
#include "ui/StoreCertificateRows.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace certdeck;

namespace {
QWidget* topLevel(const QString& objectName) {
    for (QWidget* w : QApplication::topLevelWidgets())
        if (w->objectName() == objectName && w->isVisible())
            return w;
    return nullptr;
}
} // namespace

class TestToolbarActions : public QObject {
    Q_OBJECT

    test::PebbleFixture m_pebble;
    test::SshdFixture m_sshd;
    test::NginxFixture m_nginx{[] {
        test::NginxFixture::Options o;
        o.masterProcess = true;
        return o;
    }()};

    [[nodiscard]] QString served(const QString& sni) const {
        monitor::TlsProbe::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = m_nginx.httpsPort();
        o.serverName = sni;
        auto r = monitor::TlsProbe::probeBlocking(o);
        return r ? r->leafSha256Hex : QString();
    }

    static ui::MainWindow::Options windowOptions(const QString& data) {
        ui::MainWindow::Options o;
        o.dataDir = data;
        o.backgroundRenewal = false; // only the toolbar renews here
        o.systemd = false;
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CertdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("certdeck-toolbar-test"));
        QString error;
        CERTDECK_REQUIRE(m_pebble.start(&error), error);
        CERTDECK_REQUIRE(m_sshd.start(&error), error);
        CERTDECK_REQUIRE(m_nginx.start(&error), error);
    }

    void renewSelectedCertificate() {
        QTemporaryDir data;
        const QString name = QStringLiteral("toolbar-renew.example");
        {
            auto st = store::Store::open(data.path());
            QVERIFY(st);
            const QString error = test::issueIntoStore(m_pebble, **st, name);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        ui::MainWindow w(windowOptions(data.path()));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const ui::CertificateTableModel* model = w.dashboard()->model();
        const QString id = ui::StoreCertificateRows::lineageRowId(name);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfId(id) >= 0, 10000);
        QCOMPARE(model->rowAt(model->rowOfId(id)).version, 1);
        auto* renew = w.findChild<QAction*>(QStringLiteral("actionRenew"));
        QVERIFY(renew);
        QVERIFY(renew->isEnabled());

        // Nothing selected and nothing due: Renew says so instead of doing nothing silently.
        QVERIFY(w.selectedLineage().isEmpty());
        renew->trigger();
        QVERIFY(w.statusBar()->currentMessage().contains(QLatin1String("No certificate is due")));

        // Selected: renewed now although it is not due (forced), and the row follows.
        QVERIFY(w.dashboard()->selectId(id));
        QCOMPARE(w.selectedLineage(), name);
        QVERIFY(renew->toolTip().contains(name));
        renew->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfId(id) >= 0 && model->rowAt(model->rowOfId(id)).version == 2, 60000);
        QTRY_VERIFY(w.statusBar()->currentMessage().contains(QLatin1String("renewed")));
        QVERIFY(!w.findChild<QWidget*>(QStringLiteral("renewDetailsButton"))->isVisible());

        auto st = store::Store::open(data.path());
        QVERIFY(st);
        auto lineage = (*st)->lineages().byName(name);
        QVERIFY(lineage);
        auto latest = (*st)->certificates().latest(lineage->id);
        QVERIFY(latest);
        QCOMPARE(latest->version, 2);
        QCOMPARE(model->rowAt(model->rowOfId(id)).notAfter, latest->notAfter);

        // Check DNS starts the wizard with the selected certificate's names.
        auto* checkDns = w.findChild<QAction*>(QStringLiteral("actionCheckDns"));
        QVERIFY(checkDns);
        checkDns->trigger();
        QWidget* wizard = nullptr;
        QTRY_VERIFY((wizard = topLevel(QStringLiteral("addDomainWizard"))) != nullptr);
        auto* namesEdit = wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardNames"));
        QVERIFY(namesEdit);
        QCOMPARE(namesEdit->toPlainText(), name);
        wizard->close();

        // No deploy targets: Deploy stays off and says why.
        auto* deploy = w.findChild<QAction*>(QStringLiteral("actionDeploy"));
        QVERIFY(deploy);
        QTRY_VERIFY(deploy->toolTip().contains(QLatin1String("no deploy targets")));
        QVERIFY(!deploy->isEnabled());
    }

    void failedRenewalShowsThePlainErrorWithDetails() {
        QTemporaryDir data;
        const QString name = QStringLiteral("toolbar-fail.example");
        {
            auto st = store::Store::open(data.path());
            QVERIFY(st);
            const QString error = test::issueIntoStore(m_pebble, **st, name);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            // The built-in responder now answers on a port Pebble never asks: validation fails.
            auto lineage = (*st)->lineages().byName(name);
            QVERIFY(lineage);
            QTcpServer elsewhere;
            QVERIFY(elsewhere.listen(QHostAddress::LocalHost, 0));
            lineage->challenge.insert(QStringLiteral("port"), elsewhere.serverPort());
            elsewhere.close();
            QVERIFY((*st)->lineages().update(*lineage));
        }
        ui::MainWindow w(windowOptions(data.path()));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const ui::CertificateTableModel* model = w.dashboard()->model();
        const QString id = ui::StoreCertificateRows::lineageRowId(name);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfId(id) >= 0, 10000);
        QVERIFY(w.dashboard()->selectId(id));
        auto* renew = w.findChild<QAction*>(QStringLiteral("actionRenew"));
        QVERIFY(renew);
        renew->trigger();
        auto* details = w.findChild<QPushButton*>(QStringLiteral("renewDetailsButton"));
        QVERIFY(details);
        QTRY_VERIFY_WITH_TIMEOUT(details->isVisible(), 60000);
        QVERIFY2(w.statusBar()->currentMessage().startsWith(QStringLiteral("Renewing %1 failed: ").arg(name)),
                 qPrintable(w.statusBar()->currentMessage()));
        // The row says so too, and the store still has version 1 only.
        QTRY_VERIFY(!model->rowAt(model->rowOfId(id)).lastError.isEmpty());
        QCOMPARE(model->rowAt(model->rowOfId(id)).version, 1);
        QTest::mouseClick(details, Qt::LeftButton);
        QWidget* box = nullptr;
        QTRY_VERIFY((box = topLevel(QStringLiteral("errorMessage"))) != nullptr);
        auto* message = qobject_cast<QMessageBox*>(box);
        QVERIFY(message);
        QVERIFY(!message->text().isEmpty());
        QVERIFY(!message->detailedText().isEmpty());
        qInfo().noquote() << "shown:" << message->text() << "|" << message->detailedText().left(300);
        message->close();
    }

    void deployFromTheCertificatesPage() {
        QTemporaryDir data;
        const QString name = QStringLiteral("toolbar-deploy.example");
        QString expected;
        {
            auto opened = store::Store::open(data.path());
            QVERIFY(opened);
            store::Store& st = **opened;
            const QString error = test::issueIntoStore(m_pebble, st, name);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(st.setSecretsBackend(store::Secrets::Backend::File));
            // A stored server (key login, confirmed host key) and an nginx target on the lineage, as the
            // wizard's deploy step or `certdeck-cli target add` keep them.
            store::ServerRecord server;
            server.name = QStringLiteral("web1");
            server.host = m_sshd.host();
            server.port = m_sshd.port();
            server.userName = m_sshd.user();
            server.authMethod = QStringLiteral("key");
            server.identityFile = m_sshd.clientKeyPath();
            server.useAgent = false;
            server.sshConfig = false;
            QVERIFY(st.servers().save(server));
            const auto sshTarget = workflow::sshTargetFor(server, data.path());
            QVERIFY(QCoro::waitFor(ssh::SshSession::trustHostKey(sshTarget, m_sshd.hostKeyFingerprint())));
            auto lineage = st.lineages().byName(name);
            QVERIFY(lineage);
            QJsonArray configTest;
            for (const QString& a : m_nginx.testCommand())
                configTest.append(a);
            QJsonArray reload;
            for (const QString& a : m_nginx.reloadCommand())
                reload.append(a);
            lineage->deployTargets =
                QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("web1-nginx")},
                                       {QStringLiteral("server"), QStringLiteral("web1")},
                                       {QStringLiteral("preset"), QStringLiteral("nginx")},
                                       {QStringLiteral("files"),
                                        QJsonArray{QJsonObject{{QStringLiteral("content"), QStringLiteral("fullchain")},
                                                               {QStringLiteral("path"), m_nginx.tlsCertPath()}},
                                                   QJsonObject{{QStringLiteral("content"), QStringLiteral("privkey")},
                                                               {QStringLiteral("path"), m_nginx.tlsKeyPath()}}}},
                                       {QStringLiteral("configTest"), configTest},
                                       {QStringLiteral("reload"), reload},
                                       {QStringLiteral("verifyHost"), QStringLiteral("127.0.0.1")},
                                       {QStringLiteral("verifyPort"), m_nginx.httpsPort()},
                                       {QStringLiteral("serverName"), name}}};
            // A target whose server was removed since: its row shows the plain reason.
            lineage->deployTargets.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("gone-nginx")},
                                                      {QStringLiteral("server"), QStringLiteral("gone")},
                                                      {QStringLiteral("preset"), QStringLiteral("nginx")},
                                                      {QStringLiteral("directory"), QStringLiteral("/etc/ssl/gone")}});
            QVERIFY(st.lineages().update(*lineage));
            auto latest = st.certificates().latest(lineage->id);
            QVERIFY(latest);
            expected = latest->sha256;
        }
        QVERIFY(served(name) != expected);

        ui::MainWindow w(windowOptions(data.path()));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* sidebar = w.findChild<QListWidget*>(QStringLiteral("sidebar"));
        QVERIFY(sidebar);
        sidebar->setCurrentRow(1);
        ui::CertificatesPage* page = w.certificatesPage();
        QTRY_VERIFY(page->isVisible());
        QTRY_COMPARE(page->rows().size(), 1);
        QTRY_COMPARE(w.selectedLineage(), name);
        auto* deploy = w.findChild<QAction*>(QStringLiteral("actionDeploy"));
        QVERIFY(deploy);
        QTRY_VERIFY_WITH_TIMEOUT(deploy->isEnabled(), 10000);

        deploy->trigger();
        auto* dialog = qobject_cast<ui::DeployDialog*>(topLevel(QStringLiteral("deployDialog")));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 60000);
        QCOMPARE(dialog->results().size(), 2);
        const deploy::DeployResult& r = dialog->results().first();
        QVERIFY2(r.deployed, qPrintable(r.error ? r.error->toString() + r.error->detail : QString()));
        QCOMPARE(dialog->expectedFingerprint(), expected);
        auto* table = dialog->findChild<QTreeWidget*>(QStringLiteral("deployResults"));
        QVERIFY(table);
        QCOMPARE(table->topLevelItemCount(), 2);
        QCOMPARE(table->topLevelItem(0)->text(0), QStringLiteral("web1-nginx"));
        QVERIFY(table->topLevelItem(0)->text(1).contains(QLatin1String("matches")));
        QCOMPARE(table->topLevelItem(0)->text(2), expected);
        // What the dialog says is what nginx serves, by a fresh handshake from here.
        QCOMPARE(served(name), expected);
        // The failed one: its plain reason in the row and, selected first, in the message line.
        QVERIFY(!dialog->results().at(1).deployed);
        QCOMPARE(table->topLevelItem(1)->text(0), QStringLiteral("gone-nginx"));
        QVERIFY2(table->topLevelItem(1)->text(1).contains(QLatin1String("not in the store")),
                 qPrintable(table->topLevelItem(1)->text(1)));
        QCOMPARE(table->currentItem(), table->topLevelItem(1));
        auto* message = dialog->findChild<QLabel*>(QStringLiteral("deployMessageText"));
        QVERIFY(message);
        QVERIFY2(message->text().startsWith(QLatin1String("gone-nginx: ")), qPrintable(message->text()));
        dialog->close();

        // The same page opens the details dialog of its lineage (history from the store).
        auto* certificates = page->findChild<QTableWidget*>(QStringLiteral("certificatesTable"));
        QVERIFY(certificates);
        auto* details = page->findChild<QWidget*>(QStringLiteral("certificatesDetails"));
        QVERIFY(details);
        QTest::mouseClick(details, Qt::LeftButton);
        QWidget* opened = nullptr;
        QTRY_VERIFY((opened = topLevel(QStringLiteral("certificateDetails"))) != nullptr);
        auto* history = opened->findChild<QTreeWidget*>(QStringLiteral("detailsHistory"));
        QVERIFY(history);
        QTRY_COMPARE(history->topLevelItemCount(), 1);
        opened->close();
    }
};

QTEST_MAIN(TestToolbarActions)
#include "TestToolbarActions.moc"
