// SPDX-License-Identifier: GPL-3.0-or-later
// Building DNS providers from stored settings + a secret: what a settings page relies on.
#include "core/dns/providers/DnsProviderFactory.h"

#include <QTest>

using namespace certdeck;
using namespace certdeck::dns;

class TestDnsProviderFactory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void buildsEachType() {
        auto manual = DnsProviderFactory::create(QStringLiteral("manual"), {}, {}, nullptr);
        QVERIFY(manual);
        QVERIFY((*manual)->isManual());
        auto rfc =
            DnsProviderFactory::create(QStringLiteral("rfc2136"),
                                       {{QStringLiteral("server"), QStringLiteral("127.0.0.1:5353")},
                                        {QStringLiteral("keyName"), QStringLiteral("certdeck.")},
                                        {QStringLiteral("algorithm"), QStringLiteral("hmac-sha512")}},
                                       SecureBytes(QByteArrayLiteral("c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0")), nullptr);
        QVERIFY2(rfc, rfc ? "" : qPrintable(rfc.error().toString()));
        QCOMPARE((*rfc)->type(), QStringLiteral("rfc2136"));
        auto hook = DnsProviderFactory::create(QStringLiteral("hook"),
                                               {{QStringLiteral("program"), QStringLiteral("/bin/true")}}, {}, nullptr);
        QVERIFY(hook);
        QCOMPARE((*hook)->type(), QStringLiteral("hook"));
    }
    void refusesBadSettings() {
        auto unknown = DnsProviderFactory::create(QStringLiteral("nope"), {}, {}, nullptr);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::InvalidInput);
        auto noSecret = DnsProviderFactory::create(QStringLiteral("rfc2136"),
                                                   {{QStringLiteral("server"), QStringLiteral("127.0.0.1")},
                                                    {QStringLiteral("keyName"), QStringLiteral("k.")}},
                                                   {}, nullptr);
        QVERIFY(!noSecret);
        auto noProgram = DnsProviderFactory::create(QStringLiteral("hook"), {}, {}, nullptr);
        QVERIFY(!noProgram);
        QVERIFY(noProgram.error().userMessage.contains(QLatin1String("program")));
        auto pdnsNoHttp = DnsProviderFactory::create(QStringLiteral("powerdns"), {}, {}, nullptr);
        QVERIFY(!pdnsNoHttp);
    }
};

QTEST_GUILESS_MAIN(TestDnsProviderFactory)
#include "TestDnsProviderFactory.moc"
