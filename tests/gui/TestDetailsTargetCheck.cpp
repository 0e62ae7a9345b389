// SPDX-License-Identifier: GPL-3.0-or-later
// "Check servers" in the certificate details: each stored deploy target's verify address is asked by a
// real TLS handshake (the REAL nginx fixture) what it serves now. Before the lineage's certificate is
// installed nginx serves another one (amber, with its fingerprint and expiry); once nginx serves it,
// the row says "This certificate" (green); a target whose address does not answer shows the error,
// with its detail behind Details…. Offscreen; waits with QTRY_* / QSignalSpy.
#include "PebbleLineage.h"
#include "core/crypto/Certificate.h"
#include "core/store/Store.h"
#include "core/store/StoreExecutor.h"
#include "tests/support/NginxFixture.h"
#include "ui/CertificateDetailsDialog.h"
#include "ui/StoreCertificateRows.h"

#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace certdeck;
using Check = ui::CertificateDetailsDialog::TargetCheck;

class TestDetailsTargetCheck : public QObject {
    Q_OBJECT

    test::PebbleFixture m_pebble;
    test::NginxFixture m_nginx;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        CERTDECK_REQUIRE(m_pebble.start(&error), error);
        CERTDECK_REQUIRE(m_nginx.start(&error), error);
    }

    void checkShowsWhatEachServerServes() {
        QTemporaryDir data;
        const QString name = QStringLiteral("check-me.example");
        // A port nothing listens on: bound, then released.
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        ui::CertificateRow row;
        QByteArray chainPem;
        QByteArray keyPem;
        {
            auto opened = store::Store::open(data.path());
            QVERIFY(opened);
            store::Store& st = **opened;
            const QString error = test::issueIntoStore(m_pebble, st, name);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            store::ServerRecord server;
            server.name = QStringLiteral("web1");
            server.host = QStringLiteral("127.0.0.1");
            server.userName = QStringLiteral("deploy");
            QVERIFY(st.servers().save(server));
            auto lineage = st.lineages().byName(name);
            QVERIFY(lineage);
            const auto target = [&](const QString& targetName, quint16 port) {
                return QJsonObject{{QStringLiteral("name"), targetName},
                                   {QStringLiteral("server"), QStringLiteral("web1")},
                                   {QStringLiteral("preset"), QStringLiteral("nginx")},
                                   {QStringLiteral("directory"), QStringLiteral("/etc/ssl/check-me")},
                                   {QStringLiteral("verifyHost"), QStringLiteral("127.0.0.1")},
                                   {QStringLiteral("verifyPort"), port},
                                   {QStringLiteral("serverName"), name}};
            };
            lineage->deployTargets = QJsonArray{target(QStringLiteral("web1-nginx"), m_nginx.httpsPort()),
                                                target(QStringLiteral("web1-down"), closedPort)};
            QVERIFY(st.lineages().update(*lineage));
            auto r = ui::StoreCertificateRows::readLineage(st, name);
            QVERIFY(r);
            row = *r;
            auto chain = st.vault().loadChain(name);
            auto key = st.vault().loadKey(name);
            QVERIFY(chain && key);
            chainPem = crypto::Certificate::chainToPem(*chain);
            auto pem = key->toPem();
            QVERIFY(pem);
            keyPem = pem->bytes();
        }
        store::StoreExecutor executor(data.path());
        ui::CertificateDetailsDialog dialog(row, QDateTime::currentDateTimeUtc(), &executor);
        dialog.show();
        auto* targets = dialog.findChild<QTreeWidget*>(QStringLiteral("detailsTargets"));
        auto* check = dialog.findChild<QPushButton*>(QStringLiteral("detailsCheckTargets"));
        QVERIFY(targets && check);
        QTRY_VERIFY(check->isEnabled());
        QCOMPARE(targets->topLevelItemCount(), 2);

        // nginx still serves its own certificate: amber, with that certificate's fingerprint and expiry.
        QSignalSpy checked(&dialog, &ui::CertificateDetailsDialog::targetsChecked);
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(checked.wait(30000));
        QVERIFY2(dialog.targetChecks() == (QList<Check>{Check::Other, Check::Failed}),
                 qPrintable(targets->topLevelItem(0)->text(3) + QStringLiteral(" | ") +
                            targets->topLevelItem(0)->toolTip(3)));
        QVERIFY2(targets->topLevelItem(0)->text(3).startsWith(QLatin1String("Another certificate")),
                 qPrintable(targets->topLevelItem(0)->text(3)));
        QVERIFY(targets->topLevelItem(0)->text(3).contains(QLatin1String("expires")));
        QVERIFY(!targets->topLevelItem(1)->text(3).isEmpty());
        // The unreachable one's error is in the message line, its detail behind Details….
        auto* message = dialog.findChild<QLabel*>(QStringLiteral("detailsMessage"));
        QVERIFY(message);
        QVERIFY2(message->text().startsWith(QLatin1String("web1-down: ")), qPrintable(message->text()));

        // Once nginx serves the lineage's certificate, the check says so.
        QString error;
        QVERIFY2(m_nginx.replaceCertificate(chainPem, keyPem, &error), qPrintable(error));
        QTRY_VERIFY(check->isEnabled());
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(checked.wait(30000));
        QVERIFY2(dialog.targetChecks() == (QList<Check>{Check::Matches, Check::Failed}),
                 qPrintable(targets->topLevelItem(0)->text(3) + QStringLiteral(" | ") +
                            targets->topLevelItem(0)->toolTip(3)));
        QCOMPARE(targets->topLevelItem(0)->text(3), QStringLiteral("This certificate"));
    }
};

QTEST_MAIN(TestDetailsTargetCheck)
#include "TestDetailsTargetCheck.moc"
