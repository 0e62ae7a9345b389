// SPDX-License-Identifier: GPL-3.0-or-later
// A full wildcard issuance through the real stack: Pebble validates dns-01 against Knot (its
// -dnsserver points there), the Dns01Solver publishes through RFC 2136 with TSIG and waits for
// Knot to serve the value, and cleans up afterwards. `*.example.test` and `example.test` share
// one TXT name: both values must be there at once, and both gone after.
#include "core/acme/AcmeClient.h"
#include "core/challenge/Dns01Solver.h"
#include "core/crypto/Certificate.h"
#include "core/dns/Resolver.h"
#include "core/dns/providers/Rfc2136Provider.h"
#include "core/workflow/AccountFiles.h"
#include "core/workflow/IssueCertificate.h"
#include "tests/support/KnotFixture.h"
#include "tests/support/PebbleFixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace certdeck;
using namespace std::chrono_literals;

namespace {

template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : r.error().toString() + QStringLiteral(" | ") + r.error().detail;
}

} // namespace

class TestDns01Pebble : public QObject {
    Q_OBJECT

    std::unique_ptr<test::KnotFixture> m_knot;
    std::unique_ptr<test::PebbleFixture> m_pebble;

    dns::ResolverOptions resolverOptions() const {
        dns::ResolverOptions o;
        o.servers = {dns::NameServer{m_knot->address(), m_knot->port(), {}}};
        o.recursionDesired = false;
        o.authoritativePort = m_knot->port();
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        m_knot = std::make_unique<test::KnotFixture>();
        QString error;
        CERTDECK_REQUIRE(m_knot->start(&error), error);
        test::PebbleFixture::Options po;
        po.dnsServer = QStringLiteral("127.0.0.1:%1").arg(m_knot->port());
        m_pebble = std::make_unique<test::PebbleFixture>(po);
        CERTDECK_REQUIRE(m_pebble->start(&error), error);
    }
    void cleanupTestCase() {
        m_pebble.reset();
        m_knot.reset();
    }

    void wildcardThroughRfc2136() {
        net::HttpClient http;
        QVERIFY(http.addTrustedCertificatesFromFile(m_pebble->listenerCaFile()));
        acme::AcmeClient client(http);
        QTemporaryDir data;
        Progress progress;
        workflow::AccountOptions accountOptions;
        accountOptions.termsOfServiceAgreed = true;
        workflow::AccountFiles files(data.path());
        auto account = QCoro::waitFor(
            workflow::openAccount(client, files, m_pebble->directoryUrl(), accountOptions, progress, CancelToken()));
        QVERIFY2(account, qPrintable(why(account)));

        dns::Rfc2136Options ro;
        ro.server = dns::NameServer{m_knot->address(), m_knot->port(), {}};
        ro.key.name = m_knot->tsigKeyName();
        ro.key.secretBase64 = SecureBytes(m_knot->tsigSecret());
        dns::Rfc2136Provider provider(ro);
        challenge::Dns01Options so;
        so.resolver = resolverOptions();
        so.propagation.resolver = resolverOptions();
        so.propagation.timeout = 60s;
        challenge::Dns01Solver solver(provider, so);

        workflow::IssueRequest req;
        auto ids = acme::parseIdentifiers({QStringLiteral("*.example.test"), QStringLiteral("example.test")});
        QVERIFY2(ids, qPrintable(why(ids)));
        req.identifiers = *ids;
        req.solvers = {&solver};
        auto issued = QCoro::waitFor(workflow::issueCertificate(client, req, progress, CancelToken()));
        QVERIFY2(issued, qPrintable(why(issued) + QStringLiteral("\nPebble log:\n") + m_pebble->log().right(3000)));

        const crypto::Certificate& leaf = issued->chain.leaf();
        QStringList sans = leaf.dnsNames();
        sans.sort();
        QCOMPARE(sans, (QStringList{QStringLiteral("*.example.test"), QStringLiteral("example.test")}));

        // Both values were served together by the authoritative server (the progress says so) ...
        bool propagated = false;
        for (const ProgressStep& s : progress.steps())
            propagated = propagated || (s.id == QLatin1String("propagation:_acme-challenge.example.test.") &&
                                        s.state == ProgressStep::State::Done);
        QVERIFY(propagated);
        // ... and both are gone after clean-up.
        QVERIFY(solver.outstanding().isEmpty());
        const dns::Resolver resolver(resolverOptions());
        auto txt = QCoro::waitFor(resolver.query(QStringLiteral("_acme-challenge.example.test"), dns::RecordType::TXT));
        QVERIFY2(txt, qPrintable(why(txt)));
        QVERIFY(txt->values(dns::RecordType::TXT).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDns01Pebble)
#include "TestDns01Pebble.moc"
