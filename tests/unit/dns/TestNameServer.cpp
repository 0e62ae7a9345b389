// SPDX-License-Identifier: GPL-3.0-or-later
// How a user types a DNS server, and how messages name it back.
#include "core/dns/NameServer.h"

#include <QTest>

using namespace certdeck;
using namespace certdeck::dns;

class TestNameServer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("shown");
        QTest::newRow("v4") << QStringLiteral("192.0.2.1") << QStringLiteral("192.0.2.1") << 53
                            << QStringLiteral("192.0.2.1:53");
        QTest::newRow("v4 port") << QStringLiteral("127.0.0.1:5353") << QStringLiteral("127.0.0.1") << 5353
                                 << QStringLiteral("127.0.0.1:5353");
        QTest::newRow("v6") << QStringLiteral("2001:db8::1") << QStringLiteral("2001:db8::1") << 53
                            << QStringLiteral("[2001:db8::1]:53");
        QTest::newRow("v6 brackets port")
            << QStringLiteral("[::1]:5353") << QStringLiteral("::1") << 5353 << QStringLiteral("[::1]:5353");
        QTest::newRow("v6 long form") << QStringLiteral("0:0:0:0:0:0:0:1") << QStringLiteral("::1") << 53
                                      << QStringLiteral("[::1]:53");
        QTest::newRow("spaces") << QStringLiteral(" 192.0.2.1 ") << QStringLiteral("192.0.2.1") << 53
                                << QStringLiteral("192.0.2.1:53");
    }
    void parse() {
        QFETCH(QString, input);
        QFETCH(QString, address);
        QFETCH(int, port);
        QFETCH(QString, shown);
        auto r = NameServer::parse(input);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().userMessage));
        QCOMPARE(r->address, address);
        QCOMPARE(int(r->port), port);
        QCOMPARE(r->toString(), shown);
    }

    void refused_data() {
        QTest::addColumn<QString>("input");
        QTest::newRow("empty") << QString();
        QTest::newRow("host name") << QStringLiteral("ns1.example.com");
        QTest::newRow("port zero") << QStringLiteral("127.0.0.1:0");
        QTest::newRow("port too big") << QStringLiteral("127.0.0.1:65536");
        QTest::newRow("port text") << QStringLiteral("127.0.0.1:dns");
        QTest::newRow("unclosed bracket") << QStringLiteral("[::1:53");
        QTest::newRow("junk after bracket") << QStringLiteral("[::1]x53");
    }
    void refused() {
        QFETCH(QString, input);
        auto r = NameServer::parse(input);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QVERIFY(r.error().userMessage.contains(QLatin1String("IP address")));
    }

    void equalityIgnoresTheHostName() {
        NameServer a{QStringLiteral("127.0.0.1"), 53, QStringLiteral("ns1.example.")};
        NameServer b{QStringLiteral("127.0.0.1"), 53, {}};
        NameServer c{QStringLiteral("127.0.0.1"), 54, {}};
        QVERIFY(a == b);
        QVERIFY(!(a == c));
    }
};

QTEST_GUILESS_MAIN(TestNameServer)
#include "TestNameServer.moc"
