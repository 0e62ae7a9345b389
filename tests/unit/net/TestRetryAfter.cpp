// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/RetryAfter.h"

#include <QTest>
#include <QTimeZone>

using namespace certdeck::net;

class TestRetryAfter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parses_data() {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expectedSeconds"); // -1: invalid
        QTest::newRow("seconds") << QByteArray("120") << qint64(120);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 5 ") << qint64(5);
        QTest::newRow("imf-fixdate") << QByteArray("Sun, 01 Nov 2026 12:10:00 GMT") << qint64(600);
        QTest::newRow("rfc850") << QByteArray("Sunday, 01-Nov-26 12:01:00 GMT") << qint64(60);
        QTest::newRow("asctime") << QByteArray("Sun Nov  1 12:00:30 2026") << qint64(30);
        QTest::newRow("past date is now") << QByteArray("Sun, 01 Nov 2026 11:00:00 GMT") << qint64(0);
        QTest::newRow("capped") << QByteArray("99999999") << qint64(86400);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("empty") << QByteArray("") << qint64(-1);
        QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
    }
    void parses() {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expectedSeconds);
        const QDateTime now(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
        auto t = parseRetryAfter(value, now);
        if (expectedSeconds < 0) {
            QVERIFY(!t.has_value());
        } else {
            QVERIFY(t.has_value());
            QCOMPARE(now.secsTo(*t), expectedSeconds);
        }
    }
};

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "TestRetryAfter.moc"
