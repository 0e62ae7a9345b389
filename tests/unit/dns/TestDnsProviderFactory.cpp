// SPDX-License-Identifier: GPL-3.0-or-later
// Building DNS providers from stored settings + a secret: what a settings page relies on.
#include "core/dns/providers/DnsProviderFactory.h"
#include "core/net/HttpClient.h"

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

    void hostedProvidersAreListed() {
        const QStringList types = DnsProviderFactory::types();
        for (const char* t : {"cloudflare", "digitalocean", "hetzner", "desec", "acme-dns"})
            QVERIFY2(types.contains(QLatin1String(t)), t);
    }

    void buildsHostedProviders_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QVariantMap>("settings");
        QTest::newRow("cloudflare") << QStringLiteral("cloudflare")
                                    << QVariantMap{{QStringLiteral("zone"), QStringLiteral("example.com")}};
        QTest::newRow("digitalocean") << QStringLiteral("digitalocean") << QVariantMap{};
        QTest::newRow("hetzner") << QStringLiteral("hetzner") << QVariantMap{};
        QTest::newRow("desec") << QStringLiteral("desec")
                               << QVariantMap{{QStringLiteral("domain"), QStringLiteral("example.dedyn.io")}};
        QTest::newRow("acme-dns") << QStringLiteral("acme-dns")
                                  << QVariantMap{{QStringLiteral("url"), QStringLiteral("https://auth.acme-dns.io")},
                                                 {QStringLiteral("username"), QStringLiteral("u")},
                                                 {QStringLiteral("subdomain"), QStringLiteral("d160cf10")}};
        // A local endpoint (a test's fake server) may be plain http.
        QTest::newRow("cloudflare-loopback")
            << QStringLiteral("cloudflare")
            << QVariantMap{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:8080/client/v4")}};
    }
    void buildsHostedProviders() {
        QFETCH(QString, type);
        QFETCH(QVariantMap, settings);
        net::HttpClient http;
        const SecureBytes token(QByteArrayLiteral("token"));
        auto p = DnsProviderFactory::create(type, settings, token, &http);
        QVERIFY2(p, p ? "" : qPrintable(p.error().toString()));
        QCOMPARE((*p)->type(), type);
        QVERIFY(!(*p)->isManual());
        // Without a client or without the secret: refused, not a provider that fails later.
        QVERIFY(!DnsProviderFactory::create(type, settings, token, nullptr));
        auto noSecret = DnsProviderFactory::create(type, settings, SecureBytes(), &http);
        QVERIFY(!noSecret);
        QCOMPARE(noSecret.error().code, ErrorCode::InvalidInput);
    }

    void hostedProvidersRefusePlainHttpToAnotherHost_data() {
        QTest::addColumn<QString>("type");
        for (const char* t : {"cloudflare", "digitalocean", "hetzner", "desec", "acme-dns"})
            QTest::newRow(t) << QString::fromLatin1(t);
    }
    void hostedProvidersRefusePlainHttpToAnotherHost() {
        QFETCH(QString, type);
        net::HttpClient http;
        const QVariantMap settings{{QStringLiteral("url"), QStringLiteral("http://dns-api.example.com/v1")},
                                   {QStringLiteral("username"), QStringLiteral("u")},
                                   {QStringLiteral("subdomain"), QStringLiteral("s")}};
        auto p = DnsProviderFactory::create(type, settings, SecureBytes(QByteArrayLiteral("token")), &http);
        QVERIFY(!p);
        QCOMPARE(p.error().code, ErrorCode::InvalidInput);
        QVERIFY2(p.error().userMessage.contains(QLatin1String("https")), qPrintable(p.error().userMessage));
    }

    void acmeDnsNeedsItsRegistration() {
        net::HttpClient http;
        const SecureBytes key(QByteArrayLiteral("password"));
        auto noUrl = DnsProviderFactory::create(QStringLiteral("acme-dns"), {}, key, &http);
        QVERIFY(!noUrl);
        QVERIFY(noUrl.error().userMessage.contains(QLatin1String("\"url\"")));
        auto noSub = DnsProviderFactory::create(QStringLiteral("acme-dns"),
                                                {{QStringLiteral("url"), QStringLiteral("https://auth.acme-dns.io")},
                                                 {QStringLiteral("username"), QStringLiteral("u")}},
                                                key, &http);
        QVERIFY(!noSub);
        QVERIFY(noSub.error().userMessage.contains(QLatin1String("\"subdomain\"")));
    }
};

QTEST_GUILESS_MAIN(TestDnsProviderFactory)
#include "TestDnsProviderFactory.moc"
