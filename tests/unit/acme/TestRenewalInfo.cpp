// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/RenewalInfo.h"

#include <QTest>

using namespace certdeck;
using namespace certdeck::acme;

class TestRenewalInfo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void certificateIdMatchesRfc9773Example() {
        // RFC 9773 §4.1: AKI 69:88:5B:6B:87:46:40:41:E1:B3:7B:84:7B:A0:AE:2C:DE:01:C8:D4, serial 00:87:65:43:21.
        const QByteArray aki = QByteArray::fromHex("69885B6B87464041E1B37B847BA0AE2CDE01C8D4");
        const QByteArray serial = QByteArray::fromHex("0087654321");
        auto id = RenewalInfo::certificateId(aki, serial);
        QVERIFY(id);
        QCOMPARE(*id, QStringLiteral("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE"));
    }

    void certificateIdNeedsAki() {
        auto id = RenewalInfo::certificateId(QByteArray(), QByteArray::fromHex("01"));
        QVERIFY(!id);
        QCOMPARE(id.error().code, ErrorCode::InvalidInput);
    }

    void parsesRfcResponse() {
        // RFC 9773 §4.2 example.
        const QByteArray json =
            "{\n"
            "          \"suggestedWindow\": {\"start\": \"2025-01-02T04:00:00Z\", \"end\": \"2025-01-03T04:00:00Z\"},\n"
            "          \"explanationURL\": \"https://acme.example.com/docs/ari\"\n"
            "        }";
        auto info = RenewalInfo::parse(json);
        QVERIFY(info);
        QCOMPARE(info->windowStart, QDateTime(QDate(2025, 1, 2), QTime(4, 0), Qt::UTC));
        QCOMPARE(info->windowEnd, QDateTime(QDate(2025, 1, 3), QTime(4, 0), Qt::UTC));
        QCOMPARE(info->explanationUrl, QUrl(QStringLiteral("https://acme.example.com/docs/ari")));
    }

    void refusesBadWindows_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("end before start") << QByteArray(
            "{\"suggestedWindow\":{\"start\":\"2025-01-03T04:00:00Z\",\"end\":\"2025-01-02T04:00:00Z\"}}");
        QTest::newRow("no window") << QByteArray("{\"explanationURL\":\"https://x.example/\"}");
        QTest::newRow("not json") << QByteArray("<html>");
        QTest::newRow("bad date") << QByteArray("{\"suggestedWindow\":{\"start\":\"soon\",\"end\":\"later\"}}");
    }
    void refusesBadWindows() {
        QFETCH(QByteArray, json);
        QVERIFY(!RenewalInfo::parse(json));
    }

    void plainHttpExplanationIsDropped() {
        auto info = RenewalInfo::parse("{\"suggestedWindow\":{\"start\":\"2025-01-02T04:00:00Z\",\"end\":\"2025-01-"
                                       "03T04:00:00Z\"},\"explanationURL\":\"http://evil.example/\"}");
        QVERIFY(info);
        QVERIFY(info->explanationUrl.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRenewalInfo)
#include "TestRenewalInfo.moc"
