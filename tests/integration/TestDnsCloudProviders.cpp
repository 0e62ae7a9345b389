// SPDX-License-Identifier: GPL-3.0-or-later
// The hosted dns-01 providers (Cloudflare, DigitalOcean, Hetzner, deSEC, acme-dns) cannot run here: each
// is driven, through DnsProviderFactory as the app builds it, against a local fake that follows the
// provider's documented API. Asserted: the exact requests (method, path, auth header, JSON body), that
// adding keeps the other TXT values at the name and removing takes away exactly ours, pagination, a
// refused token and an unknown zone explained, a non-JSON answer refused.
#include "core/dns/providers/DnsProviderFactory.h"
#include "core/net/HttpClient.h"
#include "tests/support/FakeDnsApiServer.h"

#include <QTest>

#include <memory>

using namespace certdeck;
using namespace certdeck::dns;
using test::FakeDnsApiServer;
using Api = test::FakeDnsApiServer::Api;

Q_DECLARE_METATYPE(certdeck::test::FakeDnsApiServer::Api)

namespace {

const QByteArray kToken = QByteArrayLiteral("secret-token");
const QString kName = QStringLiteral("_acme-challenge.www.example.com.");
const QString kBare = QStringLiteral("_acme-challenge.www.example.com");

// dns-01 values are 43 base64url characters (RFC 8555 §8.4); acme-dns accepts nothing else.
QString value(char c) {
    return QString(43, QLatin1Char(c));
}

QStringList sorted(QStringList list) {
    list.sort();
    return list;
}

template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : r.error().toString() + QStringLiteral(" | ") + r.error().detail;
}

QString typeOf(Api api) {
    switch (api) {
    case Api::Cloudflare:
        return QStringLiteral("cloudflare");
    case Api::DigitalOcean:
        return QStringLiteral("digitalocean");
    case Api::Hetzner:
        return QStringLiteral("hetzner");
    case Api::DeSec:
        return QStringLiteral("desec");
    case Api::AcmeDns:
        return QStringLiteral("acme-dns");
    }
    return {};
}

QJsonObject object(std::initializer_list<QPair<QString, QJsonValue>> list) {
    QJsonObject o;
    for (const auto& [k, v] : list)
        o.insert(k, v);
    return o;
}

} // namespace

class TestDnsCloudProviders : public QObject {
    Q_OBJECT

    net::HttpClient m_http;
    Progress m_progress;

    std::unique_ptr<DnsProvider> make(const FakeDnsApiServer& fake, Api api, const QByteArray& token,
                                      QVariantMap settings = {}) {
        settings.insert(QStringLiteral("url"), fake.baseUrl().toString());
        if (api == Api::AcmeDns) {
            settings.insert(QStringLiteral("username"), QStringLiteral("user-1"));
            settings.insert(QStringLiteral("subdomain"), QStringLiteral("d160cf10"));
        }
        auto p = DnsProviderFactory::create(typeOf(api), settings, SecureBytes(token), &m_http);
        if (!p)
            qWarning() << p.error().toString();
        return p ? std::move(*p) : nullptr;
    }
    Status add(DnsProvider& p, const QString& name, const QString& v) {
        const TxtRecord rec{name, v, QStringLiteral("www.example.com"), {}, 60};
        return QCoro::waitFor(p.addTxt(rec, m_progress, CancelToken()));
    }
    Status remove(DnsProvider& p, const QString& name, const QString& v) {
        const TxtRecord rec{name, v, QStringLiteral("www.example.com"), {}, 60};
        return QCoro::waitFor(p.removeTxt(rec, m_progress, CancelToken()));
    }
    static QString idOf(const FakeDnsApiServer& fake, const QString& v) {
        for (const auto& r : fake.records())
            if (FakeDnsApiServer::Record{r}.value.contains(v))
                return r.id;
        return {};
    }

private Q_SLOTS:
    void cloudflareSendsTheDocumentedRequests() {
        FakeDnsApiServer fake(Api::Cloudflare, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.addZone(QStringLiteral("example.com"));
        fake.seed(kBare, QStringLiteral("TXT"), QStringLiteral("someone-else"));
        fake.seed(QStringLiteral("www.example.com"), QStringLiteral("A"), QStringLiteral("192.0.2.1"));
        auto p = make(fake, Api::Cloudflare, kToken);
        QVERIFY(p);

        auto s = add(*p, kName, value('a'));
        QVERIFY2(s, qPrintable(why(s)));
        // Zone lookup walks up from the name; then the TXT values at the name; then one POST.
        const auto& reqs = fake.requests();
        QCOMPARE(reqs.size(), 5);
        QCOMPARE(reqs[0].method, QByteArrayLiteral("GET"));
        QCOMPARE(reqs[0].path(), QStringLiteral("/client/v4/zones"));
        QCOMPARE(reqs[0].query().queryItemValue(QStringLiteral("name")), kBare);
        QCOMPARE(reqs[2].query().queryItemValue(QStringLiteral("name")), QStringLiteral("example.com"));
        const QString zone = fake.zoneId(QStringLiteral("example.com"));
        QCOMPARE(reqs[3].path(), QStringLiteral("/client/v4/zones/%1/dns_records").arg(zone));
        QCOMPARE(reqs[3].query().queryItemValue(QStringLiteral("type")), QStringLiteral("TXT"));
        QCOMPARE(reqs[3].query().queryItemValue(QStringLiteral("name")), kBare);
        QCOMPARE(reqs[4].method, QByteArrayLiteral("POST"));
        QCOMPARE(reqs[4].path(), QStringLiteral("/client/v4/zones/%1/dns_records").arg(zone));
        QCOMPARE(reqs[4].headers.value("content-type"), QByteArrayLiteral("application/json"));
        QCOMPARE(reqs[4].json(), object({{QStringLiteral("type"), QStringLiteral("TXT")},
                                         {QStringLiteral("name"), kBare},
                                         {QStringLiteral("content"), value('a')},
                                         {QStringLiteral("ttl"), 120}}));
        for (const auto& r : reqs)
            QCOMPARE(r.headers.value("authorization"), QByteArrayLiteral("Bearer secret-token"));

        QVERIFY(add(*p, kName, value('b')));
        QCOMPARE(fake.txt(kBare), sorted({QStringLiteral("someone-else"), value('a'), value('b')}));
        // Adding a value that is there already writes nothing.
        fake.clearRequests();
        QVERIFY(add(*p, kName, value('a')));
        QVERIFY(fake.writes().isEmpty());

        const QString idA = idOf(fake, value('a'));
        QVERIFY(remove(*p, kName, value('a')));
        QCOMPARE(fake.writes().size(), 1);
        QCOMPARE(fake.writes()[0].method, QByteArrayLiteral("DELETE"));
        QCOMPARE(fake.writes()[0].path(), QStringLiteral("/client/v4/zones/%1/dns_records/%2").arg(zone, idA));
        QCOMPARE(fake.txt(kBare), sorted({QStringLiteral("someone-else"), value('b')}));
        // Removing what is not there succeeds and writes nothing.
        fake.clearRequests();
        QVERIFY(remove(*p, kName, value('a')));
        QVERIFY(fake.writes().isEmpty());
        QVERIFY(remove(*p, kName, value('b')));
        QCOMPARE(fake.txt(kBare), QStringList{QStringLiteral("someone-else")});
        QCOMPARE(fake.records().size(), 2); // the A record untouched
    }

    void digitalOceanSendsTheDocumentedRequests() {
        FakeDnsApiServer fake(Api::DigitalOcean, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.addZone(QStringLiteral("example.com"));
        fake.seed(kBare, QStringLiteral("TXT"), QStringLiteral("someone-else"));
        auto p = make(fake, Api::DigitalOcean, kToken);
        QVERIFY(p);

        auto s = add(*p, kName, value('a'));
        QVERIFY2(s, qPrintable(why(s)));
        const auto& reqs = fake.requests();
        QCOMPARE(reqs.size(), 5);
        QCOMPARE(reqs[0].path(), QStringLiteral("/v2/domains/_acme-challenge.www.example.com"));
        QCOMPARE(reqs[1].path(), QStringLiteral("/v2/domains/www.example.com"));
        QCOMPARE(reqs[2].path(), QStringLiteral("/v2/domains/example.com"));
        QCOMPARE(reqs[3].path(), QStringLiteral("/v2/domains/example.com/records"));
        QCOMPARE(reqs[3].query().queryItemValue(QStringLiteral("type")), QStringLiteral("TXT"));
        QCOMPARE(reqs[3].query().queryItemValue(QStringLiteral("name")), kBare);
        QCOMPARE(reqs[4].method, QByteArrayLiteral("POST"));
        QCOMPARE(reqs[4].path(), QStringLiteral("/v2/domains/example.com/records"));
        QCOMPARE(reqs[4].json(), object({{QStringLiteral("type"), QStringLiteral("TXT")},
                                         {QStringLiteral("name"), QStringLiteral("_acme-challenge.www")},
                                         {QStringLiteral("data"), value('a')},
                                         {QStringLiteral("ttl"), 60}}));
        for (const auto& r : reqs)
            QCOMPARE(r.headers.value("authorization"), QByteArrayLiteral("Bearer secret-token"));

        QVERIFY(add(*p, kName, value('b')));
        fake.clearRequests();
        QVERIFY(add(*p, kName, value('b')));
        QVERIFY(fake.writes().isEmpty()); // DigitalOcean would store a duplicate: we must not send one
        QCOMPARE(fake.txt(kBare), sorted({QStringLiteral("someone-else"), value('a'), value('b')}));

        const QString idA = idOf(fake, value('a'));
        fake.clearRequests();
        QVERIFY(remove(*p, kName, value('a')));
        QCOMPARE(fake.writes().size(), 1);
        QCOMPARE(fake.writes()[0].method, QByteArrayLiteral("DELETE"));
        QCOMPARE(fake.writes()[0].path(), QStringLiteral("/v2/domains/example.com/records/%1").arg(idA));
        QCOMPARE(fake.txt(kBare), sorted({QStringLiteral("someone-else"), value('b')}));
        QVERIFY(remove(*p, kName, value('a')));
    }

    void hetznerSendsTheDocumentedRequests() {
        FakeDnsApiServer fake(Api::Hetzner, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.addZone(QStringLiteral("example.com"));
        fake.seed(kBare, QStringLiteral("TXT"), QStringLiteral("someone-else"));
        fake.seed(QStringLiteral("www.example.com"), QStringLiteral("A"), QStringLiteral("192.0.2.1"));
        auto p = make(fake, Api::Hetzner, kToken);
        QVERIFY(p);

        auto s = add(*p, kName, value('a'));
        QVERIFY2(s, qPrintable(why(s)));
        const auto& reqs = fake.requests();
        const QString zone = fake.zoneId(QStringLiteral("example.com"));
        QCOMPARE(reqs.size(), 5);
        QCOMPARE(reqs[0].path(), QStringLiteral("/api/v1/zones"));
        QCOMPARE(reqs[0].query().queryItemValue(QStringLiteral("name")), kBare);
        QCOMPARE(reqs[3].path(), QStringLiteral("/api/v1/records"));
        QCOMPARE(reqs[3].query().queryItemValue(QStringLiteral("zone_id")), zone);
        QCOMPARE(reqs[4].method, QByteArrayLiteral("POST"));
        QCOMPARE(reqs[4].path(), QStringLiteral("/api/v1/records"));
        QCOMPARE(reqs[4].json(), object({{QStringLiteral("name"), QStringLiteral("_acme-challenge.www")},
                                         {QStringLiteral("ttl"), 60},
                                         {QStringLiteral("type"), QStringLiteral("TXT")},
                                         {QStringLiteral("value"), value('a')},
                                         {QStringLiteral("zone_id"), zone}}));
        for (const auto& r : reqs) {
            QCOMPARE(r.headers.value("auth-api-token"), kToken);
            QVERIFY(!r.headers.contains("authorization"));
        }

        QVERIFY(add(*p, kName, value('b')));
        QCOMPARE(fake.txt(kBare), sorted({QStringLiteral("someone-else"), value('a'), value('b')}));
        const QString idA = idOf(fake, value('a'));
        fake.clearRequests();
        QVERIFY(remove(*p, kName, value('a')));
        QCOMPARE(fake.writes().size(), 1);
        QCOMPARE(fake.writes()[0].method, QByteArrayLiteral("DELETE"));
        QCOMPARE(fake.writes()[0].path(), QStringLiteral("/api/v1/records/%1").arg(idA));
        QCOMPARE(fake.txt(kBare), sorted({QStringLiteral("someone-else"), value('b')}));
        QCOMPARE(fake.records().size(), 3);
    }

    void deSecRewritesTheWholeRrsetKeepingOthers() {
        FakeDnsApiServer fake(Api::DeSec, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.addZone(QStringLiteral("example.com"), 3600);
        fake.seed(kBare, QStringLiteral("TXT"), QStringLiteral("someone-else"));
        auto p = make(fake, Api::DeSec, kToken);
        QVERIFY(p);

        auto s = add(*p, kName, value('a'));
        QVERIFY2(s, qPrintable(why(s)));
        const auto& reqs = fake.requests();
        QCOMPARE(reqs.size(), 3);
        QCOMPARE(reqs[0].path(), QStringLiteral("/api/v1/domains/"));
        QCOMPARE(reqs[0].query().queryItemValue(QStringLiteral("owns_qname")), kBare);
        QCOMPARE(reqs[1].method, QByteArrayLiteral("GET"));
        QCOMPARE(reqs[1].path(), QStringLiteral("/api/v1/domains/example.com/rrsets/_acme-challenge.www/TXT/"));
        QCOMPARE(reqs[2].method, QByteArrayLiteral("PATCH"));
        QCOMPARE(reqs[2].path(), reqs[1].path());
        // TXT contents in presentation form: quoted, the other value first and kept.
        const QJsonArray expected{QStringLiteral("\"someone-else\""), QLatin1Char('"') + value('a') + QLatin1Char('"')};
        QCOMPARE(reqs[2].json(), object({{QStringLiteral("records"), expected}}));
        for (const auto& r : reqs)
            QCOMPARE(r.headers.value("authorization"), QByteArrayLiteral("Token secret-token"));

        QVERIFY(add(*p, kName, value('b')));
        QCOMPARE(fake.txt(kBare), sorted({QStringLiteral("someone-else"), value('a'), value('b')}));
        QVERIFY(remove(*p, kName, value('a')));
        QCOMPARE(fake.txt(kBare), sorted({QStringLiteral("someone-else"), value('b')}));
        QVERIFY(remove(*p, kName, value('a')));
        QCOMPARE(fake.txt(kBare), sorted({QStringLiteral("someone-else"), value('b')}));
    }

    void deSecCreatesANewRrsetAtTheMinimumTtlAndDeletesItWhenEmpty() {
        FakeDnsApiServer fake(Api::DeSec, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.addZone(QStringLiteral("example.com"), 3600);
        auto p = make(fake, Api::DeSec, kToken);
        QVERIFY(p);
        QVERIFY(add(*p, kName, value('a')));
        const auto writes = fake.writes();
        QCOMPARE(writes.size(), 1);
        QCOMPARE(writes[0].method, QByteArrayLiteral("POST"));
        QCOMPARE(writes[0].path(), QStringLiteral("/api/v1/domains/example.com/rrsets/"));
        QCOMPARE(writes[0].json(),
                 object({{QStringLiteral("subname"), QStringLiteral("_acme-challenge.www")},
                         {QStringLiteral("type"), QStringLiteral("TXT")},
                         {QStringLiteral("ttl"), 3600},
                         {QStringLiteral("records"), QJsonArray{QLatin1Char('"') + value('a') + QLatin1Char('"')}}}));
        fake.clearRequests();
        QVERIFY(remove(*p, kName, value('a')));
        QCOMPARE(fake.writes().size(), 1);
        QCOMPARE(fake.writes()[0].method, QByteArrayLiteral("PATCH"));
        QCOMPARE(fake.writes()[0].json(), object({{QStringLiteral("records"), QJsonArray{}}}));
        QVERIFY(fake.txt(kBare).isEmpty());
    }

    void deSecConcurrentAddsDoNotOverwriteEachOther() {
        // example.com and *.example.com share one name: read-modify-write must not lose a value.
        FakeDnsApiServer fake(Api::DeSec, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.addZone(QStringLiteral("example.com"), 3600);
        auto p = make(fake, Api::DeSec, kToken);
        QVERIFY(p);
        const TxtRecord a{kName, value('a'), QStringLiteral("www.example.com"), {}, 60};
        const TxtRecord b{kName, value('b'), QStringLiteral("*.www.example.com"), {}, 60};
        DnsProvider& provider = *p;
        Progress& progress = m_progress;
        auto both = [&]() -> QCoro::Task<bool> {
            auto t1 = provider.addTxt(a, progress, CancelToken());
            auto t2 = provider.addTxt(b, progress, CancelToken());
            const Status s1 = co_await t1;
            const Status s2 = co_await t2;
            co_return s1&& s2;
        };
        QVERIFY(QCoro::waitFor(both()));
        QCOMPARE(fake.txt(kBare), sorted({value('a'), value('b')}));
    }

    void deSecWaitsOutAShortThrottle() {
        FakeDnsApiServer fake(Api::DeSec, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.addZone(QStringLiteral("example.com"), 3600);
        auto p = make(fake, Api::DeSec, kToken);
        QVERIFY(p);
        fake.throttleNext(1);
        auto s = add(*p, kName, value('a'));
        QVERIFY2(s, qPrintable(why(s)));
        QCOMPARE(fake.txt(kBare), QStringList{value('a')});
        QCOMPARE(fake.requests().first().path(), fake.requests().at(1).path()); // the throttled request, repeated
    }

    void acmeDnsUpdatesItsSubdomain() {
        FakeDnsApiServer fake(Api::AcmeDns, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.registerAcmeDns(QStringLiteral("user-1"), QStringLiteral("d160cf10"));
        const QString full = QStringLiteral("d160cf10.auth.example.test");
        auto p = make(fake, Api::AcmeDns, kToken, {{QStringLiteral("fulldomain"), full}});
        QVERIFY(p);
        // The solver followed _acme-challenge.www.example.com's CNAME to the registration's fulldomain.
        const QString target = full + QLatin1Char('.');
        auto s = add(*p, target, value('a'));
        QVERIFY2(s, qPrintable(why(s)));
        QCOMPARE(fake.requests().size(), 1);
        const auto& r = fake.requests().first();
        QCOMPARE(r.method, QByteArrayLiteral("POST"));
        QCOMPARE(r.path(), QStringLiteral("/update"));
        QCOMPARE(r.headers.value("x-api-user"), QByteArrayLiteral("user-1"));
        QCOMPARE(r.headers.value("x-api-key"), kToken);
        QCOMPARE(r.json(), object({{QStringLiteral("subdomain"), QStringLiteral("d160cf10")},
                                   {QStringLiteral("txt"), value('a')}}));
        // Two values live at once (example.com and *.example.com): acme-dns keeps the last two.
        QVERIFY(add(*p, target, value('b')));
        QCOMPARE(fake.txt(full), (QStringList{value('a'), value('b')}));
        // No delete in acme-dns: removal sends nothing and succeeds.
        fake.clearRequests();
        QVERIFY(remove(*p, target, value('a')));
        QVERIFY(fake.requests().isEmpty());
    }

    void acmeDnsWithoutTheCnameSaysWhichRecordToAdd() {
        FakeDnsApiServer fake(Api::AcmeDns, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.registerAcmeDns(QStringLiteral("user-1"), QStringLiteral("d160cf10"));
        auto p = make(fake, Api::AcmeDns, kToken,
                      {{QStringLiteral("fulldomain"), QStringLiteral("d160cf10.auth.example.test")}});
        QVERIFY(p);
        auto s = add(*p, kName, value('a'));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::InvalidInput);
        QVERIFY2(s.error().userMessage.contains(
                     QLatin1String("_acme-challenge.www.example.com. CNAME d160cf10.auth.example.test.")),
                 qPrintable(s.error().userMessage));
        QVERIFY(fake.requests().isEmpty());
    }

    void removalFindsOurValueOnALaterPage_data() {
        QTest::addColumn<Api>("api");
        QTest::newRow("cloudflare") << Api::Cloudflare;
        QTest::newRow("digitalocean") << Api::DigitalOcean;
        QTest::newRow("hetzner") << Api::Hetzner;
    }
    void removalFindsOurValueOnALaterPage() {
        QFETCH(Api, api);
        FakeDnsApiServer fake(api, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.addZone(QStringLiteral("example.com"));
        for (char c : {'p', 'q', 'r'})
            fake.seed(kBare, QStringLiteral("TXT"), value(c));
        fake.seed(kBare, QStringLiteral("TXT"), value('a'));
        fake.setPageSize(1);
        auto p = make(fake, api, kToken);
        QVERIFY(p);
        auto s = remove(*p, kName, value('a'));
        QVERIFY2(s, qPrintable(why(s)));
        QCOMPARE(fake.writes().size(), 1);
        QCOMPARE(fake.txt(kBare), sorted({value('p'), value('q'), value('r')}));
        // And a value on the last page is seen, so it is not added twice.
        fake.clearRequests();
        QVERIFY(add(*p, kName, value('r')));
        QVERIFY(fake.writes().isEmpty());
    }

    void refusedTokenIsExplained_data() {
        QTest::addColumn<Api>("api");
        QTest::addColumn<QString>("scope");
        QTest::newRow("cloudflare") << Api::Cloudflare << kBare;
        QTest::newRow("digitalocean") << Api::DigitalOcean << kBare;
        QTest::newRow("hetzner") << Api::Hetzner << kBare;
        QTest::newRow("desec") << Api::DeSec << kBare;
        QTest::newRow("acme-dns") << Api::AcmeDns << QStringLiteral("d160cf10");
    }
    void refusedTokenIsExplained() {
        QFETCH(Api, api);
        QFETCH(QString, scope);
        FakeDnsApiServer fake(api, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.addZone(QStringLiteral("example.com"));
        fake.registerAcmeDns(QStringLiteral("user-1"), QStringLiteral("d160cf10"));
        auto p = make(fake, api, QByteArrayLiteral("not-the-token"));
        QVERIFY(p);
        auto s = add(*p, kName, value('a'));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Permission);
        const QString expected =
            QStringLiteral("the API token was refused: check it has DNS edit rights for %1.").arg(scope);
        QVERIFY2(s.error().userMessage.contains(expected), qPrintable(s.error().userMessage));
        QVERIFY(!s.error().userMessage.contains(QLatin1String("not-the-token")));
        QVERIFY(!s.error().detail.contains(QLatin1String("not-the-token")));
        QVERIFY(fake.writes().isEmpty() || api == Api::AcmeDns);
    }

    void configuredZoneNamedWhenRefused() {
        FakeDnsApiServer fake(Api::Cloudflare, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.addZone(QStringLiteral("example.com"));
        auto p = make(fake, Api::Cloudflare, QByteArrayLiteral("wrong"),
                      {{QStringLiteral("zone"), QStringLiteral("example.com")}});
        QVERIFY(p);
        auto s = add(*p, kName, value('a'));
        QVERIFY(!s);
        QVERIFY2(s.error().userMessage.contains(QLatin1String("DNS edit rights for example.com.")),
                 qPrintable(s.error().userMessage));
    }

    void unknownZoneIsNamed_data() {
        QTest::addColumn<Api>("api");
        QTest::newRow("cloudflare") << Api::Cloudflare;
        QTest::newRow("digitalocean") << Api::DigitalOcean;
        QTest::newRow("hetzner") << Api::Hetzner;
        QTest::newRow("desec") << Api::DeSec;
    }
    void unknownZoneIsNamed() {
        QFETCH(Api, api);
        FakeDnsApiServer fake(api, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.addZone(QStringLiteral("example.com"));
        auto p = make(fake, api, kToken);
        QVERIFY(p);
        auto s = add(*p, QStringLiteral("_acme-challenge.shop.example.org."), value('a'));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::NotFound);
        QVERIFY2(s.error().userMessage.contains(QLatin1String("shop.example.org")), qPrintable(s.error().userMessage));
        QVERIFY(fake.writes().isEmpty());
    }

    void nonJsonAnswerIsRefused_data() {
        QTest::addColumn<Api>("api");
        QTest::newRow("cloudflare") << Api::Cloudflare;
        QTest::newRow("digitalocean") << Api::DigitalOcean;
        QTest::newRow("hetzner") << Api::Hetzner;
        QTest::newRow("desec") << Api::DeSec;
        QTest::newRow("acme-dns") << Api::AcmeDns;
    }
    void nonJsonAnswerIsRefused() {
        QFETCH(Api, api);
        FakeDnsApiServer fake(api, kToken);
        QString error;
        QVERIFY2(fake.start(&error), qPrintable(error));
        fake.addZone(QStringLiteral("example.com"));
        fake.setMalformed(true);
        auto p = make(fake, api, kToken);
        QVERIFY(p);
        auto s = add(*p, kName, value('a'));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Protocol);
    }
};

QTEST_GUILESS_MAIN(TestDnsCloudProviders)
#include "TestDnsCloudProviders.moc"
