// SPDX-License-Identifier: GPL-3.0-or-later
// dns::checkProvider against real servers: PowerDNS (HTTP API) and Knot (RFC 2136 + TSIG). A working
// provider writes _certdeck-check.<zone> and removes it again (the servers answer no TXT there
// afterwards); a wrong API key or TSIG secret is a plain error and leaves nothing behind; no zone to
// test in says so; a manual provider has nothing to call.
#include "core/dns/Resolver.h"
#include "core/dns/providers/ProviderCheck.h"
#include "tests/support/KnotFixture.h"
#include "tests/support/PowerDnsFixture.h"

#include <QTest>

#include <memory>

using namespace certdeck;
using namespace certdeck::dns;

namespace {

template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : r.error().toString() + QStringLiteral(" | ") + r.error().detail;
}

/// The TXT values at `name` as the authoritative server at 127.0.0.1:`port` answers; "<error>" when it
/// does not answer.
QStringList txtAt(quint16 port, const QString& name) {
    ResolverOptions ro;
    ro.servers = {NameServer{QStringLiteral("127.0.0.1"), port, {}}};
    ro.recursionDesired = false;
    const Resolver resolver(ro);
    auto r = QCoro::waitFor(resolver.query(name, RecordType::TXT));
    return r ? r->values(RecordType::TXT) : QStringList{QStringLiteral("<error>")};
}

} // namespace

class TestProviderCheck : public QObject {
    Q_OBJECT

    std::unique_ptr<test::PowerDnsFixture> m_pdns;
    std::unique_ptr<test::KnotFixture> m_knot;

    ProviderCheckRequest powerDns(const QString& apiKey) const {
        ProviderCheckRequest r;
        r.type = QStringLiteral("powerdns");
        r.settings.insert(QStringLiteral("url"), m_pdns->apiUrl().toString());
        r.settings.insert(QStringLiteral("zone"), QStringLiteral("example.test"));
        r.secret = SecureBytes(apiKey.toLatin1());
        return r;
    }

    ProviderCheckRequest rfc2136(const QByteArray& secret) const {
        ProviderCheckRequest r;
        r.type = QStringLiteral("rfc2136");
        r.settings.insert(QStringLiteral("server"), QStringLiteral("127.0.0.1:%1").arg(m_knot->port()));
        r.settings.insert(QStringLiteral("keyName"), m_knot->tsigKeyName());
        r.settings.insert(QStringLiteral("algorithm"), m_knot->tsigAlgorithm());
        r.secret = SecureBytes(secret);
        r.zone = QStringLiteral("example.test");
        return r;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        m_pdns = std::make_unique<test::PowerDnsFixture>();
        CERTDECK_REQUIRE(m_pdns->start(&error), error);
        QVERIFY2(m_pdns->createZone(QStringLiteral("example.test"), &error), qPrintable(error));
        m_knot = std::make_unique<test::KnotFixture>();
        CERTDECK_REQUIRE(m_knot->start(&error), error);
    }
    void cleanupTestCase() {
        m_pdns.reset();
        m_knot.reset();
    }

    void powerDnsWritesAndRemoves() {
        auto r = QCoro::waitFor(checkProvider(powerDns(m_pdns->apiKey()), CancelToken()));
        QVERIFY2(r, qPrintable(why(r)));
        QCOMPARE(r->outcome, ProviderCheckResult::Outcome::WroteAndRemoved);
        QCOMPARE(r->zone, QStringLiteral("example.test"));
        QCOMPARE(r->fqdn, QStringLiteral("_certdeck-check.example.test."));
        QVERIFY(txtAt(m_pdns->dnsPort(), r->fqdn).isEmpty());
    }

    void powerDnsWrongKeyIsPlainError() {
        auto r = QCoro::waitFor(checkProvider(powerDns(QStringLiteral("not-the-key")), CancelToken()));
        QVERIFY(!r);
        QVERIFY2(r.error().userMessage.contains(QLatin1String("key"), Qt::CaseInsensitive),
                 qPrintable(r.error().userMessage));
        QVERIFY(!r.error().userMessage.contains(QLatin1String("not-the-key")));
        QVERIFY(txtAt(m_pdns->dnsPort(), QStringLiteral("_certdeck-check.example.test.")).isEmpty());
    }

    void rfc2136WritesAndRemoves() {
        auto r = QCoro::waitFor(checkProvider(rfc2136(m_knot->tsigSecret()), CancelToken()));
        QVERIFY2(r, qPrintable(why(r)));
        QCOMPARE(r->outcome, ProviderCheckResult::Outcome::WroteAndRemoved);
        QCOMPARE(r->zone, QStringLiteral("example.test"));
        QVERIFY(txtAt(m_knot->port(), r->fqdn).isEmpty());
    }

    void rfc2136WrongSecretIsPlainError() {
        // A valid base64 secret of the right size that the server does not know.
        const QByteArray wrong = QByteArray(32, 'x').toBase64();
        auto r = QCoro::waitFor(checkProvider(rfc2136(wrong), CancelToken()));
        QVERIFY(!r);
        QVERIFY(!r.error().userMessage.isEmpty());
        QVERIFY(txtAt(m_knot->port(), QStringLiteral("_certdeck-check.example.test.")).isEmpty());
    }

    void noZoneSaysSo() {
        ProviderCheckRequest req = rfc2136(m_knot->tsigSecret());
        req.zone.clear();
        auto r = QCoro::waitFor(checkProvider(req, CancelToken()));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QVERIFY(r.error().userMessage.contains(QLatin1String("zone")));
    }

    void manualHasNothingToCheck() {
        ProviderCheckRequest req;
        req.type = QStringLiteral("manual");
        auto r = QCoro::waitFor(checkProvider(req, CancelToken()));
        QVERIFY2(r, qPrintable(why(r)));
        QCOMPARE(r->outcome, ProviderCheckResult::Outcome::NothingToCheck);
    }

    void zoneFromSettings() {
        QVariantMap s;
        s.insert(QStringLiteral("domain"), QStringLiteral("example.org"));
        QCOMPARE(providerZone(QStringLiteral("desec"), s), QStringLiteral("example.org"));
        QCOMPARE(providerZone(QStringLiteral("cloudflare"), s), QString());
    }
};

QTEST_GUILESS_MAIN(TestProviderCheck)
#include "TestProviderCheck.moc"
