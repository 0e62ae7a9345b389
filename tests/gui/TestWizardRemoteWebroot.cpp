// SPDX-License-Identifier: GPL-3.0-or-later
// The whole add-domain wizard end to end against real servers on loopback, as a user drives it:
// a stored SSH server (real sshd, its host key confirmed in Certdeck's known_hosts, logged in through
// ssh-agent) whose webroot a real nginx serves; Pebble validates http-01 against that nginx. Names →
// SSH server's webroot → custom CA (Pebble) → preflight (Knot) → Issue: the token goes over SFTP and
// is removed afterwards (the preflight compares the name's address with the server's) → Deploy: an nginx target (the
// fixture's own certificate paths, `nginx -t` and a real reload over SSH) → the row shows the new certificate's
// fingerprint as served over TLS, and the target is kept on the certificate's lineage for renewals → Done. Offscreen;
// every wait is a QTRY_* with a deadline.
#include "core/store/StoreExecutor.h"
#include "tests/support/KnotFixture.h"
#include "tests/support/NginxFixture.h"
#include "tests/support/PebbleFixture.h"
#include "tests/support/SshdFixture.h"
#include "ui/AddDomainWizard.h"
#include "ui/WizardCaPage.h"
#include "ui/WizardChallengePage.h"
#include "ui/WizardDeployPage.h"
#include "ui/WizardIssuePage.h"
#include "ui/WizardPreflightPage.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace certdeck;
using ui::AddDomainWizard;

namespace {
QString commandLine(const QStringList& argv) {
    QStringList parts;
    for (const QString& a : argv)
        parts << (a.contains(QLatin1Char(' ')) ? QLatin1Char('"') + a + QLatin1Char('"') : a);
    return parts.join(QLatin1Char(' '));
}
} // namespace

class TestWizardRemoteWebroot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_data.isValid());
        QString error;
        CERTDECK_REQUIRE(m_sshd.start(&error), error);
        test::NginxFixture::Options no;
        no.masterProcess = true; // reloaded for real over SSH by the deployment
        no.serverNames = {QStringLiteral("localhost"), QStringLiteral("site.example.test")};
        m_nginx = std::make_unique<test::NginxFixture>(no);
        CERTDECK_REQUIRE(m_nginx->start(&error), error);
        test::KnotFixture::Options ko;
        ko.extraRecords = {QStringLiteral("site A 127.0.0.1")}; // the name points at the SSH server
        m_knot = std::make_unique<test::KnotFixture>(ko);
        CERTDECK_REQUIRE(m_knot->start(&error), error);
        test::PebbleFixture::Options po;
        po.httpPort = m_nginx->httpPort(); // Pebble's http-01 validation reaches the nginx fixture
        m_pebble = std::make_unique<test::PebbleFixture>(po);
        CERTDECK_REQUIRE(m_pebble->start(&error), error);

        // The user logs in through their ssh-agent, and confirmed the server's host key when adding it
        // in the Servers section (which records it in Certdeck's known_hosts).
        qputenv("SSH_AUTH_SOCK", m_sshd.agentSocket().toLocal8Bit());
        QFile known(m_data.filePath(QStringLiteral("known_hosts")));
        QVERIFY(known.open(QIODevice::WriteOnly));
        known.write(m_sshd.knownHostsLine().toUtf8() + '\n');
        known.close();
        m_store = std::make_unique<store::StoreExecutor>(m_data.path());
        store::ServerRecord web1;
        web1.name = QStringLiteral("web1");
        web1.host = m_sshd.host();
        web1.port = m_sshd.port();
        web1.userName = m_sshd.user();
        web1.authMethod = QStringLiteral("agent");
        web1.hostKeyFingerprint = m_sshd.hostKeyFingerprint();
        auto saving = m_store->run([web1](store::Store& s) { return s.servers().save(web1); });
        saving.waitForFinished();
        const Result<qint64> saved = saving.result();
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    }

    void cleanupTestCase() {
        m_store.reset();
        m_pebble.reset();
        m_nginx.reset();
        m_knot.reset();
    }

    void remoteWebrootThenDeployToNginx() {
        AddDomainWizard::Context ctx;
        ctx.dataDir = m_data.path();
        ctx.store = m_store.get();
        ctx.defaultCa = ui::CaChoice::Custom;
        ctx.caTrustFile = m_pebble->listenerCaFile();
        ctx.dnsResolver = QStringLiteral("127.0.0.1:%1").arg(m_knot->port());
        AddDomainWizard wizard(ctx);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        QTest::keyClicks(wizard.findChild<QPlainTextEdit*>(QStringLiteral("wizardNames")),
                         QStringLiteral("site.example.test"));
        next(&wizard);

        // The SSH server's webroot: the stored server is offered, the nginx preset's default folder
        // replaced by the site's real one; the self-check is skipped (the name is not in this
        // machine's DNS).
        QCOMPARE(wizard.currentId(), int(AddDomainWizard::ChallengePageId));
        auto* challenge = qobject_cast<ui::WizardChallengePage*>(wizard.currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(challenge->isLoaded(), 30000);
        wizard.findChild<QRadioButton*>(QStringLiteral("challengeRemoteWebroot"))->click();
        auto* server = wizard.findChild<QComboBox*>(QStringLiteral("challengeServer"));
        QCOMPARE(server->count(), 1);
        QCOMPARE(server->currentData().toString(), QStringLiteral("web1"));
        auto* folder = wizard.findChild<QLineEdit*>(QStringLiteral("challengeRemoteWebrootPath"));
        QCOMPARE(folder->text(), QStringLiteral("/var/www/html"));
        auto* preset = wizard.findChild<QComboBox*>(QStringLiteral("challengeServerPreset"));
        preset->setCurrentIndex(preset->findData(QStringLiteral("generic")));
        QCOMPARE(folder->text(), QString());
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        folder->setText(m_nginx->webroot());
        wizard.findChild<QCheckBox*>(QStringLiteral("challengeSkipSelfCheck"))->setChecked(true);
        next(&wizard);

        QCOMPARE(wizard.currentId(), int(AddDomainWizard::CaPageId));
        auto* url = wizard.findChild<QLineEdit*>(QStringLiteral("wizardCaUrl"));
        url->setText(m_pebble->directoryUrl().toString());
        Q_EMIT url->editingFinished();
        wizard.findChild<QCheckBox*>(QStringLiteral("wizardTerms"))->setChecked(true);
        next(&wizard);

        QCOMPARE(wizard.currentId(), int(AddDomainWizard::PreflightPageId));
        auto* preflight = qobject_cast<ui::WizardPreflightPage*>(wizard.currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(!preflight->isRunning(), 60000);
        QVERIFY2(!preflight->hasBlockers(),
                 qPrintable(wizard.findChild<QLabel*>(QStringLiteral("wizardPreflightStatus"))->text()));
        // The name's address is compared with the chosen server's.
        auto* results = wizard.findChild<QTreeWidget*>(QStringLiteral("wizardPreflightResults"));
        QStringList findings;
        for (int i = 0; i < results->topLevelItem(0)->childCount(); ++i)
            findings << results->topLevelItem(0)->child(i)->text(1);
        QVERIFY2(findings.join(QLatin1Char('\n')).contains(QStringLiteral("points to your server")),
                 qPrintable(findings.join(QLatin1Char('\n'))));
        next(&wizard);
        QCOMPARE(wizard.currentId(), int(AddDomainWizard::ReviewPageId));
        QVERIFY(
            wizard.findChild<QLabel*>(QStringLiteral("wizardReviewSummary"))->text().contains(QStringLiteral("web1")));
        QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);

        // Issue: live steps (SSH login, order, authorization, …), then the deploy page.
        auto* issuePage = qobject_cast<ui::WizardIssuePage*>(wizard.currentPage());
        QVERIFY(issuePage);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentId() == AddDomainWizard::DeployPageId || !issuePage->isRunning(),
                                 120000);
        QVERIFY2(wizard.currentId() == AddDomainWizard::DeployPageId,
                 qPrintable(wizard.findChild<QLabel*>(QStringLiteral("wizardIssueStatus"))->text() + QLatin1Char('\n') +
                            wizard.findChild<QPlainTextEdit*>(QStringLiteral("wizardIssueDetailText"))->toPlainText() +
                            QStringLiteral("\nPebble:\n") + m_pebble->log().right(2000)));
        auto* steps = wizard.findChild<QListWidget*>(QStringLiteral("wizardIssueSteps"));
        QVERIFY(!steps->findItems(QStringLiteral("Logged in to"), Qt::MatchStartsWith).isEmpty());
        // The token file was removed again; nothing else left in the challenge folder.
        QVERIFY(
            QDir(m_nginx->webroot() + QStringLiteral("/.well-known/acme-challenge")).entryList(QDir::Files).isEmpty());

        // Deploy: an nginx target on web1 with the fixture's own files, test and reload commands.
        auto* deployPage = qobject_cast<ui::WizardDeployPage*>(wizard.currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(deployPage->isLoaded(), 30000);
        auto* deployServer = wizard.findChild<QComboBox*>(QStringLiteral("wizardDeployServer"));
        QCOMPARE(deployServer->currentData().toString(), QStringLiteral("web1"));
        auto* deployPreset = wizard.findChild<QComboBox*>(QStringLiteral("wizardDeployPreset"));
        QCOMPARE(deployPreset->currentText(), QStringLiteral("nginx"));
        QVERIFY(wizard.findChild<QLineEdit*>(QStringLiteral("wizardDeployCertPath"))
                    ->text()
                    .endsWith(QStringLiteral("/fullchain.pem")));
        QCOMPARE(wizard.findChild<QLineEdit*>(QStringLiteral("wizardDeployReload"))->text(),
                 QStringLiteral("systemctl reload nginx"));
        wizard.findChild<QLineEdit*>(QStringLiteral("wizardDeployCertPath"))->setText(m_nginx->tlsCertPath());
        wizard.findChild<QLineEdit*>(QStringLiteral("wizardDeployKeyPath"))->setText(m_nginx->tlsKeyPath());
        wizard.findChild<QLineEdit*>(QStringLiteral("wizardDeployConfigTest"))
            ->setText(commandLine(m_nginx->testCommand()));
        wizard.findChild<QLineEdit*>(QStringLiteral("wizardDeployReload"))
            ->setText(commandLine(m_nginx->reloadCommand()));
        wizard.findChild<QLineEdit*>(QStringLiteral("wizardDeployVerifyHost"))->setText(QStringLiteral("127.0.0.1"));
        wizard.findChild<QSpinBox*>(QStringLiteral("wizardDeployVerifyPort"))->setValue(m_nginx->httpsPort());
        wizard.findChild<QPushButton*>(QStringLiteral("wizardDeployAdd"))->click();
        QCOMPARE(deployPage->targetCount(), 1);
        auto* deployButton = wizard.findChild<QPushButton*>(QStringLiteral("wizardDeployRun"));
        QVERIFY(deployButton->isEnabled());
        QTest::mouseClick(deployButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!deployPage->isDeploying(), 120000);
        QCOMPARE(deployPage->results().size(), 1);
        const deploy::DeployResult& result = deployPage->results().first();
        QVERIFY2(result.deployed,
                 qPrintable(result.error ? result.error->userMessage + QLatin1Char('\n') + result.error->detail +
                                               QLatin1Char('\n') + result.steps.join(QLatin1Char('\n'))
                                         : QString()));
        auto* targets = wizard.findChild<QTreeWidget*>(QStringLiteral("wizardDeployTargets"));
        QVERIFY(targets->topLevelItem(0)->text(2).contains(QStringLiteral("new certificate")));
        // nginx serves what was issued: its certificate file is the issued leaf.
        QFile served(m_nginx->tlsCertPath());
        QVERIFY(served.open(QIODevice::ReadOnly));
        const QByteArray servedPem = served.readAll();
        QFile issued(m_data.filePath(QStringLiteral("live/site.example.test/cert.pem")));
        QVERIFY2(issued.open(QIODevice::ReadOnly), qPrintable(issued.fileName()));
        QVERIFY(servedPem.startsWith(issued.readAll().trimmed()));
        QVERIFY(!result.servedFingerprint.isEmpty());
        QVERIFY(wizard.findChild<QLabel*>(QStringLiteral("wizardDeployStatus"))
                    ->text()
                    .contains(QStringLiteral("every server")));

        // The target is kept on the lineage so renewals deploy the same way.
        auto reading =
            m_store->run([](store::Store& s) { return s.lineages().byName(QStringLiteral("site.example.test")); });
        reading.waitForFinished();
        const Result<store::Lineage> lineage = reading.result();
        QVERIFY2(lineage, qPrintable(lineage ? QString() : lineage.error().toString()));
        QCOMPARE(lineage->deployTargets.size(), 1);
        QCOMPARE(lineage->deployTargets.first().toObject().value(QStringLiteral("server")).toString(),
                 QStringLiteral("web1"));
        QCOMPARE(lineage->challenge.value(QStringLiteral("method")).toString(), QStringLiteral("remote-webroot"));

        next(&wizard);
        QCOMPARE(wizard.currentId(), int(AddDomainWizard::DonePageId));
    }

private:
    static void next(AddDomainWizard* wizard) {
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    }

    QTemporaryDir m_data;
    test::SshdFixture m_sshd;
    std::unique_ptr<test::NginxFixture> m_nginx;
    std::unique_ptr<test::KnotFixture> m_knot;
    std::unique_ptr<test::PebbleFixture> m_pebble;
    std::unique_ptr<store::StoreExecutor> m_store;
};

QTEST_MAIN(TestWizardRemoteWebroot)
#include "TestWizardRemoteWebroot.moc"
