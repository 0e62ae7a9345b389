// SPDX-License-Identifier: GPL-3.0-or-later
// Preflight against a real authoritative server (Knot on loopback): the dozen CAA situations a user
// meets (RFC 8659, RFC 8657), an AAAA pointing elsewhere, a dangling CNAME, NXDOMAIN, wildcards and
// IP addresses. What the user relies on: the verdict, and for a blocker the exact record to add.
#include "core/dns/CaaLookup.h"
#include "core/dns/Preflight.h"
#include "tests/support/KnotFixture.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace certdeck;
using namespace certdeck::dns;

namespace {

const QString ca = QStringLiteral("letsencrypt.org");
const QString account1 = QStringLiteral("https://acme.test/acct/1");
const QString account2 = QStringLiteral("https://acme.test/acct/2");

QString describe(const PreflightNameReport& r) {
    QStringList lines{r.name + QStringLiteral(": ") + preflightVerdictName(r.verdict())};
    for (const PreflightFinding& f : r.findings)
        lines << QStringLiteral("  [%1] %2: %3 -> %4 {%5}")
                     .arg(preflightVerdictName(f.verdict), f.check, f.message, f.advice, f.record);
    return lines.join(QLatin1Char('\n'));
}

const PreflightFinding* findingOf(const PreflightNameReport& r, const QString& check) {
    for (const PreflightFinding& f : r.findings) {
        if (f.check == check)
            return &f;
    }
    return nullptr;
}

} // namespace

class TestCaaKnot : public QObject {
    Q_OBJECT

    std::unique_ptr<test::KnotFixture> m_knot;

    PreflightOptions options(const QString& method, const QString& account = account1) const {
        PreflightOptions o;
        o.resolver.servers = {NameServer{m_knot->address(), m_knot->port(), {}}};
        o.resolver.recursionDesired = false; // an authoritative server for local zones
        o.resolver.authoritativePort = m_knot->port();
        o.caIdentities = {ca};
        o.accountUri = account;
        o.method = method;
        o.serverAddresses = {QStringLiteral("127.0.0.1")};
        return o;
    }

    PreflightNameReport check(const QString& name, const QString& method = QStringLiteral("http-01"),
                              const QString& account = account1) const {
        const Preflight preflight(options(method, account));
        return QCoro::waitFor(preflight.checkName(name, CancelToken()));
    }

private Q_SLOTS:
    void initTestCase() {
        test::KnotFixture::Options o;
        o.extraRecords = {
            QStringLiteral("none A 127.0.0.1"),
            QStringLiteral("allowed A 127.0.0.1"),
            QStringLiteral("allowed CAA 0 issue \"letsencrypt.org\""),
            QStringLiteral("other A 127.0.0.1"),
            QStringLiteral("other CAA 0 issue \"sectigo.com\""),
            QStringLiteral("wildonly A 127.0.0.1"),
            QStringLiteral("wildonly CAA 0 issuewild \"sectigo.com\""),
            QStringLiteral("crit A 127.0.0.1"),
            QStringLiteral("crit CAA 0 issue \"letsencrypt.org\""),
            QStringLiteral("crit CAA 128 tbs \"unknown\""),
            QStringLiteral("acct A 127.0.0.1"),
            QStringLiteral("acct CAA 0 issue \"letsencrypt.org; accounturi=https://acme.test/acct/1\""),
            QStringLiteral("methods A 127.0.0.1"),
            QStringLiteral("methods CAA 0 issue \"letsencrypt.org; validationmethods=dns-01\""),
            QStringLiteral("parent CAA 0 issue \"sectigo.com\""),
            QStringLiteral("child.parent A 127.0.0.1"),
            QStringLiteral("caalias CNAME target.other.test."),
            QStringLiteral("empty A 127.0.0.1"),
            QStringLiteral("empty CAA 0 issue \";\""),
            QStringLiteral("v6 A 127.0.0.1"),
            QStringLiteral("v6 AAAA 2001:db8::1"),
            QStringLiteral("wrong4 A 192.0.2.7"),
            QStringLiteral("dangling CNAME gone.example.test."),
        };
        o.extraZones = {{QStringLiteral("other.test"),
                         {QStringLiteral("target A 127.0.0.1"), QStringLiteral("target CAA 0 issue \"sectigo.com\"")}}};
        m_knot = std::make_unique<test::KnotFixture>(o);
        QString error;
        CERTDECK_REQUIRE(m_knot->start(&error), error);
    }
    void cleanupTestCase() { m_knot.reset(); }

    void caaCases_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("record");
        const QString http = QStringLiteral("http-01");
        const QString dns = QStringLiteral("dns-01");
        auto issue = [](const QString& owner, const QString& extra = {}) {
            return QStringLiteral("%1 CAA 0 issue \"letsencrypt.org; accounturi=https://acme.test/acct/1%2\"")
                .arg(owner, extra);
        };
        QTest::newRow("no CAA anywhere") << QStringLiteral("none.example.test") << http << account1
                                         << QStringLiteral("ok") << QString();
        QTest::newRow("issue for this CA")
            << QStringLiteral("allowed.example.test") << http << account1 << QStringLiteral("ok") << QString();
        QTest::newRow("issue for another CA only")
            << QStringLiteral("other.example.test") << http << account1 << QStringLiteral("blocker")
            << issue(QStringLiteral("other.example.test."));
        QTest::newRow("issuewild only, plain name")
            << QStringLiteral("wildonly.example.test") << http << account1 << QStringLiteral("ok") << QString();
        QTest::newRow("issuewild only, wildcard")
            << QStringLiteral("*.wildonly.example.test") << dns << account1 << QStringLiteral("blocker")
            << QStringLiteral("wildonly.example.test. CAA 0 issuewild \"letsencrypt.org; "
                              "accounturi=https://acme.test/acct/1\"");
        QTest::newRow("critical unknown tag")
            << QStringLiteral("crit.example.test") << http << account1 << QStringLiteral("blocker") << QString();
        QTest::newRow("accounturi match")
            << QStringLiteral("acct.example.test") << http << account1 << QStringLiteral("ok") << QString();
        QTest::newRow("accounturi mismatch")
            << QStringLiteral("acct.example.test") << http << account2 << QStringLiteral("blocker")
            << QStringLiteral(
                   "acct.example.test. CAA 0 issue \"letsencrypt.org; accounturi=https://acme.test/acct/2\"");
        QTest::newRow("validationmethods excludes the method")
            << QStringLiteral("methods.example.test") << http << account1 << QStringLiteral("blocker")
            << issue(QStringLiteral("methods.example.test."), QStringLiteral("; validationmethods=http-01"));
        QTest::newRow("validationmethods includes the method")
            << QStringLiteral("methods.example.test") << dns << account1 << QStringLiteral("ok") << QString();
        QTest::newRow("CAA at the parent")
            << QStringLiteral("child.parent.example.test") << http << account1 << QStringLiteral("blocker")
            << issue(QStringLiteral("parent.example.test."));
        QTest::newRow("CNAME to a zone with CAA")
            << QStringLiteral("caalias.example.test") << http << account1 << QStringLiteral("blocker")
            << issue(QStringLiteral("target.other.test."));
        QTest::newRow("empty value forbids all")
            << QStringLiteral("empty.example.test") << http << account1 << QStringLiteral("blocker")
            << issue(QStringLiteral("empty.example.test."));
    }
    void caaCases() {
        QFETCH(QString, name);
        QFETCH(QString, method);
        QFETCH(QString, account);
        QFETCH(QString, verdict);
        QFETCH(QString, record);
        const PreflightNameReport r = check(name, method, account);
        const PreflightFinding* caa = findingOf(r, QStringLiteral("caa"));
        QVERIFY2(caa, qPrintable(describe(r)));
        QVERIFY2(preflightVerdictName(caa->verdict) == verdict, qPrintable(describe(r)));
        QCOMPARE(caa->record, record);
        QVERIFY(!caa->message.isEmpty());
        QVERIFY(!caa->advice.isEmpty());
        if (!record.isEmpty())
            QVERIFY2(caa->advice.contains(record), qPrintable(caa->advice)); // the advice names the record
    }

    void caaFollowsCnameAndReportsOwner() {
        const Resolver resolver(options(QString()).resolver);
        auto set = QCoro::waitFor(CaaLookup::find(resolver, QStringLiteral("caalias.example.test"), CancelToken()));
        QVERIFY2(set, set ? "" : qPrintable(set.error().toString()));
        QCOMPARE(set->queriedName, QStringLiteral("caalias.example.test."));
        QCOMPARE(set->owner, QStringLiteral("target.other.test."));
        QCOMPARE(set->aliasChain, QStringList{QStringLiteral("target.other.test.")});
        QCOMPARE(set->records.size(), 1);
        QCOMPARE(set->records.first().caaValue, QStringLiteral("sectigo.com"));
    }

    void aaaaPointingElsewhereBlocksHttp01() {
        const PreflightNameReport r = check(QStringLiteral("v6.example.test"));
        QCOMPARE(r.verdict(), PreflightVerdict::Blocker);
        QCOMPARE(r.ipv6, QStringList{QStringLiteral("2001:db8::1")});
        const PreflightFinding* f = findingOf(r, QStringLiteral("address"));
        QVERIFY2(f && f->verdict == PreflightVerdict::Blocker, qPrintable(describe(r)));
        QVERIFY(f->message.contains(QLatin1String("2001:db8::1")));
        QVERIFY2(f->advice.contains(QLatin1String("v6.example.test. AAAA 2001:db8::1")), qPrintable(f->advice));
        // With dns-01 the addresses do not matter for validation: a warning only.
        const PreflightNameReport viaDns = check(QStringLiteral("v6.example.test"), QStringLiteral("dns-01"));
        QCOMPARE(viaDns.verdict(), PreflightVerdict::Warning);
    }

    void wrongIpv4GivesTheRecordToSet() {
        const PreflightNameReport r = check(QStringLiteral("wrong4.example.test"));
        const PreflightFinding* f = findingOf(r, QStringLiteral("address"));
        QVERIFY2(f && f->verdict == PreflightVerdict::Blocker, qPrintable(describe(r)));
        QCOMPARE(f->record, QStringLiteral("wrong4.example.test. A 127.0.0.1"));
    }

    void matchingAddressIsOk() {
        const PreflightNameReport r = check(QStringLiteral("none.example.test"));
        QVERIFY2(r.verdict() == PreflightVerdict::Ok, qPrintable(describe(r)));
        QCOMPARE(r.ipv4, QStringList{QStringLiteral("127.0.0.1")});
    }

    void cnameChainIsShown() {
        // The fixture's alias CNAME www (www has A 127.0.0.2 and AAAA ::2).
        const PreflightNameReport r = check(QStringLiteral("alias.example.test"));
        QCOMPARE(r.cnameChain, QStringList{QStringLiteral("www.example.test.")});
        QCOMPARE(r.ipv4, QStringList{QStringLiteral("127.0.0.2")});
        const PreflightFinding* f = findingOf(r, QStringLiteral("cname"));
        QVERIFY(f);
        QVERIFY(f->message.contains(QLatin1String("www.example.test")));
    }

    void danglingCname() {
        const PreflightNameReport r = check(QStringLiteral("dangling.example.test"));
        const PreflightFinding* f = findingOf(r, QStringLiteral("address"));
        QVERIFY2(f && f->verdict == PreflightVerdict::Blocker, qPrintable(describe(r)));
        QVERIFY(f->message.contains(QLatin1String("gone.example.test")));
        QCOMPARE(f->record, QStringLiteral("gone.example.test. A 127.0.0.1"));
    }

    void nxdomain() {
        const PreflightNameReport r = check(QStringLiteral("missing.example.test"));
        const PreflightFinding* f = findingOf(r, QStringLiteral("address"));
        QVERIFY2(f && f->verdict == PreflightVerdict::Blocker, qPrintable(describe(r)));
        QVERIFY(f->message.contains(QLatin1String("NXDOMAIN")));
        QCOMPARE(f->record, QStringLiteral("missing.example.test. A 127.0.0.1"));
    }

    void wildcardNeedsDns01() {
        const PreflightNameReport r = check(QStringLiteral("*.example.test"), QStringLiteral("http-01"));
        const PreflightFinding* f = findingOf(r, QStringLiteral("method"));
        QVERIFY2(f && f->verdict == PreflightVerdict::Blocker, qPrintable(describe(r)));
        QVERIFY(f->advice.contains(QLatin1String("dns-01")));
        const PreflightNameReport ok = check(QStringLiteral("*.example.test"), QStringLiteral("dns-01"));
        QVERIFY2(ok.verdict() == PreflightVerdict::Ok, qPrintable(describe(ok)));
    }

    void ipAddressCannotUseDns01() {
        const PreflightNameReport r = check(QStringLiteral("127.0.0.1"), QStringLiteral("dns-01"));
        QVERIFY(r.isIpAddress);
        QCOMPARE(r.verdict(), PreflightVerdict::Blocker);
        QVERIFY(findingOf(r, QStringLiteral("method")));
        const PreflightNameReport http = check(QStringLiteral("127.0.0.1"), QStringLiteral("http-01"));
        QCOMPARE(http.verdict(), PreflightVerdict::Ok);
    }

    void reportKeepsOrderAndJson() {
        const Preflight preflight(options(QStringLiteral("http-01")));
        const QStringList names{QStringLiteral("other.example.test"), QStringLiteral("none.example.test"),
                                QStringLiteral("v6.example.test")};
        const PreflightReport report = QCoro::waitFor(preflight.run(names, CancelToken()));
        QCOMPARE(report.names.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(report.names.at(i).name, names.at(i));
        QCOMPARE(report.verdict(), PreflightVerdict::Blocker);
        const QJsonObject json = report.toJson();
        QCOMPARE(json.value(QStringLiteral("verdict")).toString(), QStringLiteral("blocker"));
        QCOMPARE(json.value(QStringLiteral("names")).toArray().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCaaKnot)
#include "TestCaaKnot.moc"
