// SPDX-License-Identifier: GPL-3.0-or-later
// The PowerDNS provider against a real pdns_server (HTTP API + its DNS port): values added next to
// others (PATCH REPLACE replaces the whole RRset), exactly one removed, the zone found by itself,
// a wrong API key refused clearly, plain http refused for a non-loopback host.
#include "core/dns/Resolver.h"
#include "core/dns/providers/PowerDnsProvider.h"
#include "tests/support/PowerDnsFixture.h"

#include <QTest>

#include <memory>

using namespace certdeck;
using namespace certdeck::dns;

namespace {

template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : r.error().toString() + QStringLiteral(" | ") + r.error().detail;
}

} // namespace

class TestDnsPowerDns : public QObject {
    Q_OBJECT

    std::unique_ptr<test::PowerDnsFixture> m_pdns;
    net::HttpClient m_http;

    PowerDnsOptions options() const {
        PowerDnsOptions o;
        o.baseUrl = m_pdns->apiUrl();
        o.apiKey = SecureBytes(m_pdns->apiKey().toLatin1());
        return o;
    }

    QStringList txt(const QString& name) const {
        ResolverOptions ro;
        ro.servers = {NameServer{QStringLiteral("127.0.0.1"), m_pdns->dnsPort(), {}}};
        ro.recursionDesired = false;
        const Resolver resolver(ro);
        auto r = QCoro::waitFor(resolver.query(name, RecordType::TXT));
        QStringList v = r ? r->values(RecordType::TXT) : QStringList{QStringLiteral("<error>")};
        v.sort();
        return v;
    }

private Q_SLOTS:
    void initTestCase() {
        m_pdns = std::make_unique<test::PowerDnsFixture>();
        QString error;
        CERTDECK_REQUIRE(m_pdns->start(&error), error);
        QVERIFY2(m_pdns->createZone(QStringLiteral("example.test"), &error), qPrintable(error));
    }
    void cleanupTestCase() { m_pdns.reset(); }

    void addKeepsOtherValuesAndRemoveIsExact() {
        PowerDnsProvider provider(m_http, options());
        const QString name = QStringLiteral("_acme-challenge.www.example.test.");
        const TxtRecord a{name, QStringLiteral("value-a"), QStringLiteral("www.example.test"), {}, 60};
        const TxtRecord b{name, QStringLiteral("value-b"), QStringLiteral("*.www.example.test"), {}, 60};
        Progress progress;
        auto ra = QCoro::waitFor(provider.addTxt(a, progress, CancelToken()));
        QVERIFY2(ra, qPrintable(why(ra)));
        auto rb = QCoro::waitFor(provider.addTxt(b, progress, CancelToken()));
        QVERIFY2(rb, qPrintable(why(rb)));
        QCOMPARE(txt(name), (QStringList{QStringLiteral("value-a"), QStringLiteral("value-b")}));
        // Adding again changes nothing.
        QVERIFY(QCoro::waitFor(provider.addTxt(a, progress, CancelToken())));
        QCOMPARE(txt(name).size(), 2);

        QVERIFY(QCoro::waitFor(provider.removeTxt(a, progress, CancelToken())));
        QCOMPARE(txt(name), QStringList{QStringLiteral("value-b")});
        QVERIFY(QCoro::waitFor(provider.removeTxt(b, progress, CancelToken())));
        QVERIFY(txt(name).isEmpty());
        // Removing what is not there succeeds.
        QVERIFY(QCoro::waitFor(provider.removeTxt(b, progress, CancelToken())));
    }

    void concurrentAddsDoNotOverwriteEachOther() {
        PowerDnsProvider provider(m_http, options());
        const QString name = QStringLiteral("_acme-challenge.example.test.");
        const TxtRecord a{name, QStringLiteral("parallel-a"), {}, {}, 60};
        const TxtRecord b{name, QStringLiteral("parallel-b"), {}, {}, 60};
        Progress progress;
        auto both = [&]() -> QCoro::Task<bool> {
            auto t1 = provider.addTxt(a, progress, CancelToken());
            auto t2 = provider.addTxt(b, progress, CancelToken());
            const Status s1 = co_await t1;
            const Status s2 = co_await t2;
            co_return s1&& s2;
        };
        QVERIFY(QCoro::waitFor(both()));
        QCOMPARE(txt(name), (QStringList{QStringLiteral("parallel-a"), QStringLiteral("parallel-b")}));
        QVERIFY(QCoro::waitFor(provider.removeTxt(a, progress, CancelToken())));
        QVERIFY(QCoro::waitFor(provider.removeTxt(b, progress, CancelToken())));
    }

    void wrongKeyIsRefusedClearly() {
        PowerDnsOptions o = options();
        o.apiKey = SecureBytes(QByteArrayLiteral("not-the-key"));
        PowerDnsProvider provider(m_http, o);
        Progress progress;
        auto r = QCoro::waitFor(
            provider.addTxt(TxtRecord{QStringLiteral("_acme-challenge.example.test."), QStringLiteral("x"), {}, {}, 60},
                            progress, CancelToken()));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Permission);
        QVERIFY(r.error().userMessage.contains(QLatin1String("API key")));
    }

    void unknownZoneIsNamed() {
        PowerDnsProvider provider(m_http, options());
        Progress progress;
        auto r = QCoro::waitFor(provider.addTxt(
            TxtRecord{QStringLiteral("_acme-challenge.nowhere.invalid."), QStringLiteral("x"), {}, {}, 60}, progress,
            CancelToken()));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NotFound);
        QVERIFY(r.error().userMessage.contains(QLatin1String("nowhere.invalid")));
    }

    void plainHttpOnlyOnLoopback() {
        PowerDnsOptions o = options();
        o.baseUrl = QUrl(QStringLiteral("http://pdns.example.com:8081"));
        PowerDnsProvider provider(m_http, o);
        const Status s = provider.validate();
        QVERIFY(!s);
        QVERIFY(s.error().userMessage.contains(QLatin1String("https")));
        QVERIFY(PowerDnsProvider(m_http, options()).validate());
    }
};

QTEST_GUILESS_MAIN(TestDnsPowerDns)
#include "TestDnsPowerDns.moc"
