// SPDX-License-Identifier: GPL-3.0-or-later
// The ACME engine against a real Pebble: issuance with one name, 10 SANs, an IP identifier, a wildcard
// through dns-01 (challtestsrv's TXT interface), EAB, 50 % badNonce, revocation, key rollover,
// deactivation, and a failed validation that cleans up and explains itself.
#include "core/acme/AcmeClient.h"
#include "core/challenge/LocalWebrootSolver.h"
#include "core/challenge/StandaloneSolver.h"
#include "core/crypto/CertificateRequest.h"
#include "core/workflow/AccountFiles.h"
#include "core/workflow/IssueCertificate.h"
#include "tests/support/PebbleFixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;

namespace {

/// dns-01 through pebble-challtestsrv's management API (the real DNS providers live in core/dns).
class ChalltestsrvDnsSolver final : public acme::ChallengeSolver {
public:
    explicit ChalltestsrvDnsSolver(const test::PebbleFixture& pebble)
        : m_pebble(pebble) {}
    QString challengeType() const override { return QStringLiteral("dns-01"); }
    QString description() const override { return QStringLiteral("challtestsrv"); }
    QCoro::Task<Status> present(const acme::ChallengeTask& task, Progress&, const CancelToken&) override {
        QString error;
        if (!m_pebble.setTxt(task.dnsRecordName(), task.dnsRecordValue(), &error))
            co_return Error(ErrorCode::Dns, error);
        ++presented;
        co_return Status{};
    }
    QCoro::Task<Status> cleanUp(const acme::ChallengeTask& task) override {
        QString error;
        m_pebble.clearTxt(task.dnsRecordName(), &error);
        ++cleaned;
        co_return Status{};
    }
    int presented = 0;
    int cleaned = 0;

private:
    const test::PebbleFixture& m_pebble;
};

/// Counts present/cleanUp around another solver, and can refuse to serve the token.
class CountingSolver final : public acme::ChallengeSolver {
public:
    explicit CountingSolver(acme::ChallengeSolver& inner, bool serveWrongContent = false)
        : m_inner(inner)
        , m_wrong(serveWrongContent) {}
    QString challengeType() const override { return m_inner.challengeType(); }
    QString description() const override { return m_inner.description(); }
    QCoro::Task<Status> present(const acme::ChallengeTask& task, Progress& p, const CancelToken& c) override {
        acme::ChallengeTask t = task;
        if (m_wrong)
            t.keyAuthorization = "not-the-key-authorization";
        auto s = co_await m_inner.present(t, p, c);
        if (s)
            ++presented;
        co_return s;
    }
    QCoro::Task<Status> cleanUp(const acme::ChallengeTask& task) override {
        ++cleaned;
        co_return co_await m_inner.cleanUp(task);
    }
    int presented = 0;
    int cleaned = 0;

private:
    acme::ChallengeSolver& m_inner;
    bool m_wrong;
};

struct Harness {
    net::HttpClient http;
    acme::AcmeClient client{http};
    QTemporaryDir data;
    Progress progress;

    bool open(const test::PebbleFixture& pebble, workflow::AccountOptions options = {}) {
        if (!http.addTrustedCertificatesFromFile(pebble.listenerCaFile()))
            return false;
        options.termsOfServiceAgreed = true;
        workflow::AccountFiles files(data.path());
        auto account = QCoro::waitFor(
            workflow::openAccount(client, files, pebble.directoryUrl(), options, progress, CancelToken()));
        if (!account)
            qWarning() << account.error().toString() << account.error().detail;
        return account.has_value();
    }

    Result<workflow::IssueResult> issue(const QStringList& names, std::vector<acme::ChallengeSolver*> solvers,
                                        crypto::KeyType type = crypto::KeyType::P256) {
        workflow::IssueRequest req;
        auto ids = acme::parseIdentifiers(names);
        if (!ids)
            return ids.error();
        req.identifiers = *ids;
        req.keyType = type;
        req.solvers = std::move(solvers);
        return QCoro::waitFor(workflow::issueCertificate(client, req, progress, CancelToken()));
    }
};

QString describe(const Error& e) {
    return e.toString() + QStringLiteral(" | ") + e.detail;
}

/// For QVERIFY2 messages, which are evaluated even when the check passes.
template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : describe(r.error());
}

} // namespace

class TestAcmePebble : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void singleNameThroughStandalone() {
        test::PebbleFixture pebble;
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);
        Harness h;
        QVERIFY(h.open(pebble));
        challenge::StandaloneSolver standalone(QHostAddress::LocalHost, pebble.httpPort());
        CountingSolver solver(standalone);
        auto r = h.issue({QStringLiteral("one.example.test")}, {&solver});
        QVERIFY2(r, qPrintable(why(r)));
        QVERIFY(r->chain.leaf().matchesKey(r->key));
        QCOMPARE(r->chain.leaf().dnsNames(), QStringList{QStringLiteral("one.example.test")});
        QVERIFY(r->chain.certificates.size() >= 2);
        QVERIFY(crypto::checkChainOrder(r->chain.certificates));
        QCOMPARE(solver.presented, 1);
        QCOMPARE(solver.cleaned, 1);
        QVERIFY(!standalone.isListening()); // the responder stops with the last clean-up
        QVERIFY(standalone.answered() >= 1);
        // One name, steady state: no more requests than the most frugal peer (certbot: 9).
        QVERIFY2(r->requests <= 9, qPrintable(QString::number(r->requests)));
        // One kept-alive connection for the whole issuance, not one per request.
        QCOMPARE(h.http.connectionsOpened(), 1);
    }

    void tenNamesAndAnIp() {
        test::PebbleFixture pebble;
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);
        Harness h;
        QVERIFY(h.open(pebble));
        challenge::StandaloneSolver standalone(QHostAddress::LocalHost, pebble.httpPort());
        QStringList names;
        for (int i = 0; i < 10; ++i)
            names << QStringLiteral("san%1.example.test").arg(i);
        auto r = h.issue(names, {&standalone});
        QVERIFY2(r, qPrintable(why(r)));
        QCOMPARE(r->chain.leaf().dnsNames().size(), 10);
        for (const auto& n : names)
            QVERIFY(r->chain.leaf().coversName(n));

        auto ip = h.issue({QStringLiteral("127.0.0.1")}, {&standalone});
        QVERIFY2(ip, qPrintable(why(ip)));
        QCOMPARE(ip->chain.leaf().ipAddresses(), QStringList{QStringLiteral("127.0.0.1")});
    }

    void wildcardThroughDns01() {
        test::PebbleFixture pebble;
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);
        Harness h;
        QVERIFY(h.open(pebble));
        ChalltestsrvDnsSolver dns(pebble);
        challenge::StandaloneSolver standalone(QHostAddress::LocalHost, pebble.httpPort());
        // http-01 is preferred but cannot serve a wildcard: the wildcard must go through dns-01.
        auto r =
            h.issue({QStringLiteral("*.wild.example.test"), QStringLiteral("wild.example.test")}, {&standalone, &dns});
        QVERIFY2(r, qPrintable(why(r)));
        QVERIFY(r->chain.leaf().coversName(QStringLiteral("anything.wild.example.test")));
        QCOMPARE(dns.presented, 1);
        QCOMPARE(dns.cleaned, 1);

        // Without a dns-01 solver the wildcard is refused with a clear way forward.
        auto refused = h.issue({QStringLiteral("*.other.example.test")}, {&standalone});
        QVERIFY(!refused);
        QVERIFY2(refused.error().userMessage.contains(QLatin1String("dns-01")),
                 qPrintable(refused.error().userMessage));
    }

    void preferredChainByIssuerName() {
        test::PebbleFixture::Options o;
        o.alternateRoots = 2;
        test::PebbleFixture pebble(o);
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);
        auto altRoot = crypto::Certificate::fromPem(pebble.rootCertificatePem(&error, 2));
        QVERIFY2(altRoot, qPrintable(error));
        Harness h;
        QVERIFY(h.open(pebble));
        challenge::StandaloneSolver standalone(QHostAddress::LocalHost, pebble.httpPort());
        workflow::IssueRequest req;
        req.identifiers = *acme::parseIdentifiers({QStringLiteral("chain.example.test")});
        req.solvers = {&standalone};
        req.preferredChain = altRoot->commonName();
        auto r = QCoro::waitFor(workflow::issueCertificate(h.client, req, h.progress, CancelToken()));
        QVERIFY2(r, qPrintable(why(r)));
        QCOMPARE(r->chain.certificates.last().issuerCommonName(), altRoot->commonName());
        QVERIFY(r->chain.certificates.last().isIssuedBy(*altRoot));

        // A name no chain has: the default chain, not a failure.
        req.identifiers = *acme::parseIdentifiers({QStringLiteral("chain2.example.test")});
        req.preferredChain = QStringLiteral("No Such Root");
        auto fallback = QCoro::waitFor(workflow::issueCertificate(h.client, req, h.progress, CancelToken()));
        QVERIFY2(fallback, qPrintable(why(fallback)));
        auto defaultRoot = crypto::Certificate::fromPem(pebble.rootCertificatePem(&error, 0));
        QVERIFY(fallback->chain.certificates.last().isIssuedBy(*defaultRoot));
    }

    void failedValidationExplainsAndCleansUp() {
        test::PebbleFixture pebble;
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);
        Harness h;
        QVERIFY(h.open(pebble));
        challenge::StandaloneSolver standalone(QHostAddress::LocalHost, pebble.httpPort());
        CountingSolver wrong(standalone, /*serveWrongContent=*/true);
        auto r = h.issue({QStringLiteral("fail.example.test")}, {&wrong});
        QVERIFY(!r);
        QVERIFY2(r.error().code == ErrorCode::AcmeUnauthorized, qPrintable(why(r)));
        QVERIFY(r.error().userMessage.contains(QLatin1String("fail.example.test")) ||
                r.error().context.contains(QLatin1String("fail.example.test")));
        QCOMPARE(wrong.presented, 1);
        QCOMPARE(wrong.cleaned, 1);
        QVERIFY(!standalone.isListening());

        // Token not served at all (nothing listens): also a clear error, also cleaned up.
        QTemporaryDir webroot;
        challenge::LocalWebrootSolver unserved(webroot.path());
        CountingSolver counting(unserved);
        auto r2 = h.issue({QStringLiteral("unserved.example.test")}, {&counting});
        QVERIFY(!r2);
        QCOMPARE(counting.cleaned, counting.presented);
        QVERIFY(QDir(webroot.filePath(QStringLiteral(".well-known/acme-challenge"))).isEmpty());
    }

    void badNonceHalfTheTime() {
        test::PebbleFixture::Options o;
        o.nonceRejectPercent = 50;
        test::PebbleFixture pebble(o);
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);
        Harness h;
        QVERIFY(h.open(pebble));
        challenge::StandaloneSolver standalone(QHostAddress::LocalHost, pebble.httpPort());
        for (int i = 0; i < 5; ++i) {
            auto r = h.issue({QStringLiteral("nonce%1.example.test").arg(i)}, {&standalone});
            QVERIFY2(r, qPrintable(why(r)));
        }
        QVERIFY(h.client.badNonceRetries() > 0); // the rejection really happened and was survived
    }

    void externalAccountBinding() {
        test::PebbleFixture::Options o;
        o.eabKeys.insert(QStringLiteral("kid-1"),
                         QStringLiteral("zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W"));
        test::PebbleFixture pebble(o);
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);

        Harness without;
        QVERIFY(!without.open(pebble)); // refused: EAB required
        Harness with;
        workflow::AccountOptions options;
        options.eab = *acme::ExternalAccountBinding::fromStrings(
            QStringLiteral("kid-1"), "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W");
        QVERIFY(with.open(pebble, options));
        challenge::StandaloneSolver standalone(QHostAddress::LocalHost, pebble.httpPort());
        auto r = with.issue({QStringLiteral("eab.example.test")}, {&standalone});
        QVERIFY2(r, qPrintable(why(r)));
    }

    void revokeRolloverDeactivate() {
        test::PebbleFixture pebble;
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);
        Harness h;
        QVERIFY(h.open(pebble));
        challenge::StandaloneSolver standalone(QHostAddress::LocalHost, pebble.httpPort());
        auto r = h.issue({QStringLiteral("revoke.example.test")}, {&standalone});
        QVERIFY2(r, qPrintable(why(r)));

        // Revoke with the account key, then again: already revoked.
        auto revoked = QCoro::waitFor(h.client.revoke(r->chain.leaf(), 4));
        QVERIFY2(revoked, qPrintable(why(revoked)));
        auto again = QCoro::waitFor(h.client.revoke(r->chain.leaf(), 4));
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::AcmeAlreadyRevoked);

        // Revoke another with the certificate's own key.
        auto r2 = h.issue({QStringLiteral("revoke2.example.test")}, {&standalone});
        QVERIFY(r2);
        crypto::JwsSigner certKey(r2->key);
        auto byKey = QCoro::waitFor(h.client.revoke(r2->chain.leaf(), 1, &certKey));
        QVERIFY2(byKey, qPrintable(why(byKey)));

        // Key rollover: the old key stops working, the new one works.
        const QUrl account = h.client.accountUrl();
        auto oldSigner = *h.client.signer();
        auto newKey = crypto::PrivateKey::generate(crypto::KeyType::P384);
        QVERIFY(newKey);
        auto rolled = QCoro::waitFor(h.client.rolloverKey(crypto::JwsSigner(*newKey)));
        QVERIFY2(rolled, qPrintable(why(rolled)));
        QCOMPARE(h.client.signer()->algorithm(), QStringLiteral("ES384"));
        auto fetched = QCoro::waitFor(h.client.fetchAccount());
        QVERIFY2(fetched, qPrintable(why(fetched)));
        QCOMPARE(fetched->url, account);
        acme::AcmeClient stale(h.http);
        stale.useDirectory(h.client.directory());
        stale.setAccount(oldSigner);
        QVERIFY(!QCoro::waitFor(stale.findAccount()));

        // Deactivate: afterwards the account cannot order.
        auto deactivated = QCoro::waitFor(h.client.deactivateAccount());
        QVERIFY(deactivated);
        QCOMPARE(deactivated->status, acme::Account::Status::Deactivated);
        auto refused = h.issue({QStringLiteral("after.example.test")}, {&standalone});
        QVERIFY(!refused);
    }
};

QTEST_GUILESS_MAIN(TestAcmePebble)
#include "TestAcmePebble.moc"
