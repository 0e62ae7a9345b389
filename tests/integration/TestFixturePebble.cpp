// SPDX-License-Identifier: GPL-3.0-or-later
// Proves the Pebble fixture: its directory is fetched through core's HttpClient, trusting only the
// listener CA the fixture generated; and the fixture leaves no process behind.
#include "core/net/HttpClient.h"
#include "tests/support/PebbleFixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>

using namespace certdeck;

class TestFixturePebble : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void directoryThroughHttpClient()
    {
        QList<qint64> pids;
        {
            test::PebbleFixture pebble;
            QString error;
            CERTDECK_REQUIRE(pebble.start(&error), error);
            pids = pebble.pids();
            QCOMPARE(pids.size(), 2);

            net::HttpClient http;
            // Without the fixture's CA the connection must be refused: no silent trust.
            auto untrusted = QCoro::waitFor(http.get(pebble.directoryUrl()));
            QVERIFY(!untrusted);
            QCOMPARE(untrusted.error().code, ErrorCode::Tls);

            QVERIFY(http.addTrustedCertificatesFromFile(pebble.listenerCaFile()));
            auto r = QCoro::waitFor(http.get(pebble.directoryUrl()));
            QVERIFY2(r, qPrintable(r ? QString() : r.error().toString() + r.error().detail));
            QCOMPARE(r->status, 200);
            const auto dir = QJsonDocument::fromJson(r->body).object();
            QVERIFY(dir.value(QStringLiteral("newNonce")).toString().startsWith(QLatin1String("https://127.0.0.1:")));
            QVERIFY(dir.contains(QStringLiteral("newOrder")));
            QVERIFY(!pebble.rootCertificatePem(&error).isEmpty());
        }
        // Stopped by PID when the fixture goes away.
        for (qint64 pid : pids)
            QVERIFY2(::kill(static_cast<pid_t>(pid), 0) != 0, "a fixture process outlived its fixture");
    }

    void plainHttpIsRefused()
    {
        net::HttpClient http;
        auto r = QCoro::waitFor(http.get(QUrl(QStringLiteral("http://127.0.0.1:1/dir"))));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Protocol);
    }
};

QTEST_GUILESS_MAIN(TestFixturePebble)
#include "TestFixturePebble.moc"
