// SPDX-License-Identifier: GPL-3.0-or-later
// The rfc2136 provider as the app builds it (DnsProviderFactory: stored settings + the TSIG secret from
// the secrets store) against the real Knot fixture: the failures a user meets first — a wrong TSIG
// secret or key name is refused with a message that says what to fix and changes nothing, and a server
// that never answers times out naming itself. (TestFixtureKnot covers the same through Rfc2136Updater.)
#include "core/dns/Resolver.h"
#include "core/dns/providers/DnsProviderFactory.h"
#include "core/dns/providers/Rfc2136Provider.h"
#include "tests/support/KnotFixture.h"

#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace certdeck;
using namespace certdeck::dns;
using namespace std::chrono_literals;

namespace {

const QString kName = QStringLiteral("_acme-challenge.www.example.test.");

QStringList txtValues(const test::KnotFixture& knot, const QString& name) {
    ResolverOptions o;
    o.servers = {NameServer{knot.address(), knot.port(), {}}};
    o.recursionDesired = false;
    const Resolver resolver(o);
    auto answer = QCoro::waitFor(resolver.query(name, RecordType::TXT));
    if (!answer)
        return {QStringLiteral("ERROR: ") + answer.error().userMessage};
    QStringList values = answer->values(RecordType::TXT);
    values.sort();
    return values;
}

} // namespace

class TestDnsRfc2136 : public QObject {
    Q_OBJECT

    std::unique_ptr<test::KnotFixture> m_knot;

    Result<std::unique_ptr<DnsProvider>> provider(const QString& keyName, const QByteArray& secret) const {
        const QVariantMap settings{
            {QStringLiteral("server"), QStringLiteral("%1:%2").arg(m_knot->address()).arg(m_knot->port())},
            {QStringLiteral("keyName"), keyName},
            {QStringLiteral("algorithm"), m_knot->tsigAlgorithm()}};
        return DnsProviderFactory::create(QStringLiteral("rfc2136"), settings, SecureBytes(secret), nullptr);
    }

private Q_SLOTS:
    void initTestCase() {
        m_knot = std::make_unique<test::KnotFixture>();
        QString error;
        CERTDECK_REQUIRE(m_knot->start(&error), error);
    }
    void cleanupTestCase() { m_knot.reset(); }

    void rightKeyWorksThroughTheFactory() {
        auto p = provider(m_knot->tsigKeyName(), m_knot->tsigSecret());
        QVERIFY2(p, p ? "" : qPrintable(p.error().toString()));
        Progress progress;
        const TxtRecord rec{kName, QStringLiteral("right-key"), QStringLiteral("www.example.test"), {}, 60};
        auto s = QCoro::waitFor((*p)->addTxt(rec, progress, CancelToken()));
        QVERIFY2(s, s ? "" : qPrintable(s.error().toString()));
        QCOMPARE(txtValues(*m_knot, kName), QStringList{QStringLiteral("right-key")});
        QVERIFY(QCoro::waitFor((*p)->removeTxt(rec, progress, CancelToken())));
        QCOMPARE(txtValues(*m_knot, kName), QStringList());
    }

    void wrongSecretIsRefusedClearly() {
        auto p = provider(m_knot->tsigKeyName(), QByteArrayLiteral("dGhpcyBpcyBub3QgdGhlIHJpZ2h0IHNlY3JldCEhIQ=="));
        QVERIFY(p);
        Progress progress;
        const TxtRecord rec{kName, QStringLiteral("wrong-key"), QStringLiteral("www.example.test"), {}, 60};
        auto s = QCoro::waitFor((*p)->addTxt(rec, progress, CancelToken()));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Dns);
        QVERIFY2(s.error().userMessage.contains(QLatin1String("the TSIG key is wrong (BADSIG)")),
                 qPrintable(s.error().userMessage));
        QVERIFY(s.error().userMessage.contains(QStringLiteral("127.0.0.1:%1").arg(m_knot->port())));
        QCOMPARE(txtValues(*m_knot, kName), QStringList());
        // cleanUp after a failed present must not fail differently (or change anything).
        auto cleanup = QCoro::waitFor((*p)->removeTxt(rec, progress, CancelToken()));
        QVERIFY(!cleanup);
        QCOMPARE(cleanup.error().code, ErrorCode::Dns);
    }

    void unknownKeyNameIsRefusedClearly() {
        auto p = provider(QStringLiteral("someone-else."), m_knot->tsigSecret());
        QVERIFY(p);
        Progress progress;
        const TxtRecord rec{kName, QStringLiteral("wrong-name"), QStringLiteral("www.example.test"), {}, 60};
        auto s = QCoro::waitFor((*p)->addTxt(rec, progress, CancelToken()));
        QVERIFY(!s);
        QVERIFY2(s.error().userMessage.contains(QLatin1String("the TSIG key is wrong (BADKEY)")),
                 qPrintable(s.error().userMessage));
        QCOMPARE(txtValues(*m_knot, kName), QStringList());
    }

    void silentServerTimesOutNamingIt() {
        // Accepts TCP connections (the kernel does) and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        Rfc2136Options o;
        o.server = NameServer{QStringLiteral("127.0.0.1"), silent.serverPort(), {}};
        o.key = TsigKey{m_knot->tsigKeyName(), *TsigKey::algorithmFromName(m_knot->tsigAlgorithm()),
                        SecureBytes(m_knot->tsigSecret())};
        o.zone = QStringLiteral("example.test");
        o.timeout = 500ms;
        Rfc2136Provider p(o);
        Progress progress;
        const TxtRecord rec{kName, QStringLiteral("x"), QStringLiteral("www.example.test"), {}, 60};
        auto s = QCoro::waitFor(p.addTxt(rec, progress, CancelToken()));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Timeout);
        QCOMPARE(s.error().userMessage,
                 QStringLiteral("The DNS server 127.0.0.1:%1 did not answer within 0.5 s.").arg(silent.serverPort()));
    }
};

QTEST_GUILESS_MAIN(TestDnsRfc2136)
#include "TestDnsRfc2136.moc"
