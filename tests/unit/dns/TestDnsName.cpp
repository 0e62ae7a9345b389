// SPDX-License-Identifier: GPL-3.0-or-later
// The spelling core/dns promises for names: what callers may pass and what they get back.
#include "core/dns/DnsName.h"

#include <QTest>

using namespace certdeck;
using namespace certdeck::dns;

class TestDnsName : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalise_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("relative") << QStringLiteral("example.com") << QStringLiteral("example.com.");
        QTest::newRow("absolute") << QStringLiteral("example.com.") << QStringLiteral("example.com.");
        QTest::newRow("upper case") << QStringLiteral("WWW.Example.COM") << QStringLiteral("www.example.com.");
        QTest::newRow("acme label") << QStringLiteral("_acme-challenge.www.example.com")
                                    << QStringLiteral("_acme-challenge.www.example.com.");
        QTest::newRow("wildcard") << QStringLiteral("*.example.com") << QStringLiteral("*.example.com.");
        QTest::newRow("a-label") << QStringLiteral("xn--bcher-kva.example") << QStringLiteral("xn--bcher-kva.example.");
        QTest::newRow("root") << QStringLiteral(".") << QStringLiteral(".");
        QTest::newRow("63-octet label") << QString(63, QLatin1Char('a')) + QStringLiteral(".com")
                                        << QString(63, QLatin1Char('a')) + QStringLiteral(".com.");
    }
    void normalise() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        auto r = DnsName::normalise(input);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().userMessage));
        QCOMPARE(*r, expected);
    }

    void refused_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("double dot") << QStringLiteral("a..example.com") << QStringLiteral("empty label");
        QTest::newRow("leading dot") << QStringLiteral(".example.com") << QStringLiteral("empty label");
        QTest::newRow("two trailing dots") << QStringLiteral("example.com..") << QStringLiteral("empty label");
        QTest::newRow("64-octet label") << QString(64, QLatin1Char('a')) + QStringLiteral(".com")
                                        << QStringLiteral("longer than 63");
        QTest::newRow("unicode") << QStringLiteral("bücher.example") << QStringLiteral("xn--");
        QTest::newRow("space") << QStringLiteral("www example.com") << QStringLiteral("not allowed");
        QTest::newRow("shell") << QStringLiteral("a;rm -rf.example") << QStringLiteral("not allowed");
        QTest::newRow("star inside label") << QStringLiteral("a*b.example") << QStringLiteral("not allowed");
        // 4 labels of 63 + dots = 255 characters: 257 octets on the wire.
        const QString label(63, QLatin1Char('a'));
        QTest::newRow("too long") << QStringList{label, label, label, label}.join(QLatin1Char('.'))
                                  << QStringLiteral("longer than 253");
    }
    void refused() {
        QFETCH(QString, input);
        QFETCH(QString, why);
        auto r = DnsName::normalise(input);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QVERIFY2(r.error().userMessage.contains(why), qPrintable(r.error().userMessage));
    }

    void longestNameAccepted() {
        // 3 × 63 + 61 octets of labels + 4 length octets + root = 255 octets: the limit.
        const QString label(63, QLatin1Char('a'));
        const QString name = QStringList{label, label, label, QString(61, QLatin1Char('b'))}.join(QLatin1Char('.'));
        QCOMPARE(name.size(), 253);
        QVERIFY(DnsName::normalise(name));
    }

    void parentClimbsToRoot() {
        QCOMPARE(DnsName::parent(QStringLiteral("a.b.example.")), QStringLiteral("b.example."));
        QCOMPARE(DnsName::parent(QStringLiteral("example.")), QStringLiteral("."));
        QCOMPARE(DnsName::parent(QStringLiteral(".")), QString());
    }

    void sameOrBelowComparesWholeLabels() {
        QVERIFY(DnsName::isSameOrBelow(QStringLiteral("www.example.com."), QStringLiteral("example.com.")));
        QVERIFY(DnsName::isSameOrBelow(QStringLiteral("example.com."), QStringLiteral("example.com.")));
        QVERIFY(DnsName::isSameOrBelow(QStringLiteral("example.com."), QStringLiteral(".")));
        QVERIFY(!DnsName::isSameOrBelow(QStringLiteral("badexample.com."), QStringLiteral("example.com.")));
        QVERIFY(!DnsName::isSameOrBelow(QStringLiteral("example.com."), QStringLiteral("www.example.com.")));
    }

    void labelsAndDisplay() {
        QCOMPARE(DnsName::labelCount(QStringLiteral("www.example.com.")), 3);
        QCOMPARE(DnsName::labelCount(QStringLiteral(".")), 0);
        QCOMPARE(DnsName::display(QStringLiteral("www.example.com.")), QStringLiteral("www.example.com"));
        QCOMPARE(DnsName::display(QStringLiteral(".")), QStringLiteral("."));
    }
};

QTEST_GUILESS_MAIN(TestDnsName)
#include "TestDnsName.moc"
