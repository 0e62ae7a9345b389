// SPDX-License-Identifier: GPL-3.0-or-later
// core/dns's Resolver against a real authoritative server (Knot on loopback): every record type
// Certdeck reads, negative answers as values, TCP when UDP is too small, and the zone walk the
// propagation checker relies on.
#include "core/dns/Resolver.h"
#include "tests/support/KnotFixture.h"

#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace certdeck;
using namespace certdeck::dns;
using namespace std::chrono_literals;

namespace {

QString bigTxtLine() {
    // 12 character-strings of 200 octets: about 2.4 KB, more than the 1232 octets of EDNS UDP.
    QStringList strings;
    for (int i = 0; i < 12; ++i)
        strings << QStringLiteral("\"%1%2\"").arg(QChar(QLatin1Char('a' + i))).arg(QString(199, QLatin1Char('x')));
    return QStringLiteral("big TXT ") + strings.join(QLatin1Char(' '));
}

QString describe(const Result<DnsAnswer>& r) {
    return r ? QString() : r.error().toString() + QStringLiteral(" | ") + r.error().detail;
}

} // namespace

class TestDnsResolver : public QObject {
    Q_OBJECT

    std::unique_ptr<test::KnotFixture> m_knot;

    Resolver resolver() const {
        ResolverOptions o;
        o.servers = {NameServer{m_knot->address(), m_knot->port(), {}}};
        o.recursionDesired = false;
        o.authoritativePort = m_knot->port();
        return Resolver(o);
    }

    DnsAnswer ask(const QString& name, RecordType type) const {
        auto r = QCoro::waitFor(resolver().query(name, type));
        if (!r)
            qWarning() << describe(r);
        return r ? *r : DnsAnswer{};
    }

private Q_SLOTS:
    void initTestCase() {
        test::KnotFixture::Options options;
        options.extraRecords = {
            QStringLiteral("@ CAA 0 issue \"letsencrypt.org\""),
            QStringLiteral(
                "@ CAA 0 issue \"ca.example; accounturi=https://ca.example/acct/1; validationmethods=dns-01\""),
            QStringLiteral("@ CAA 128 issuewild \";\""),
            QStringLiteral("@ CAA 0 iodef \"mailto:security@example.test\""),
            QStringLiteral("multi TXT \"part one \" \"part two\""),
            bigTxtLine(),
            // A delegated child zone, served by the same Knot.
            QStringLiteral("sub NS ns1.sub"),
            QStringLiteral("ns1.sub A 127.0.0.1"),
        };
        options.extraZones = {{QStringLiteral("sub.example.test"), {QStringLiteral("host A 127.0.0.9")}}};
        m_knot = std::make_unique<test::KnotFixture>(options);
        QString error;
        CERTDECK_REQUIRE(m_knot->start(&error), error);
    }
    void cleanupTestCase() { m_knot.reset(); }

    void addresses() {
        const DnsAnswer a = ask(QStringLiteral("www.example.test"), RecordType::A);
        QCOMPARE(a.rcode, Rcode::NoError);
        QVERIFY(a.authoritative);
        QCOMPARE(a.server, QStringLiteral("127.0.0.1:%1").arg(m_knot->port()));
        QCOMPARE(a.values(RecordType::A), QStringList{QStringLiteral("127.0.0.2")});
        QCOMPARE(a.answers.first().name, QStringLiteral("www.example.test."));
        QCOMPARE(a.answers.first().ttl, 300u);
        QVERIFY(!a.overTcp);

        const DnsAnswer aaaa = ask(QStringLiteral("www.example.test."), RecordType::AAAA);
        QCOMPARE(aaaa.values(RecordType::AAAA), QStringList{QStringLiteral("::2")});
    }

    void namesComeBackNormalised() {
        const DnsAnswer a = ask(QStringLiteral("WWW.Example.TEST"), RecordType::A);
        QCOMPARE(a.rcode, Rcode::NoError);
        QCOMPARE(a.answers.size(), 1);
        QCOMPARE(a.answers.first().name, QStringLiteral("www.example.test."));

        auto bad = QCoro::waitFor(resolver().query(QStringLiteral("bücher.example.test"), RecordType::A));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::InvalidInput);
    }

    void cname() {
        const DnsAnswer c = ask(QStringLiteral("alias.example.test"), RecordType::CNAME);
        QCOMPARE(c.values(RecordType::CNAME), QStringList{QStringLiteral("www.example.test.")});
        // Asking for A at an alias gives the chain: CNAME first, then the target's address.
        const DnsAnswer a = ask(QStringLiteral("alias.example.test"), RecordType::A);
        QCOMPARE(a.answers.size(), 2);
        QCOMPARE(a.answers.at(0).type, RecordType::CNAME);
        QCOMPARE(a.answers.at(1).name, QStringLiteral("www.example.test."));
        QCOMPARE(a.answers.at(1).value, QStringLiteral("127.0.0.2"));
    }

    void caaFlagsTagsAndValues() {
        const DnsAnswer caa = ask(QStringLiteral("example.test"), RecordType::CAA);
        QCOMPARE(caa.rcode, Rcode::NoError);
        const QList<DnsRecord> records = caa.answersOfType(RecordType::CAA);
        QCOMPARE(records.size(), 4);
        QStringList seen;
        for (const DnsRecord& r : records)
            seen << QStringLiteral("%1|%2|%3").arg(r.caaFlags).arg(r.caaTag, r.caaValue);
        seen.sort();
        QCOMPARE(seen, (QStringList{
                           QStringLiteral("0|iodef|mailto:security@example.test"),
                           QStringLiteral("0|issue|ca.example; accounturi=https://ca.example/acct/1; "
                                          "validationmethods=dns-01"),
                           QStringLiteral("0|issue|letsencrypt.org"),
                           QStringLiteral("128|issuewild|;"),
                       }));
        QVERIFY(caa.values(RecordType::CAA).contains(QStringLiteral("0 issue \"letsencrypt.org\"")));
        // No CAA at www: NOERROR with no records (the CAA walk then climbs to the parent).
        const DnsAnswer none = ask(QStringLiteral("www.example.test"), RecordType::CAA);
        QCOMPARE(none.rcode, Rcode::NoError);
        QVERIFY(none.answers.isEmpty());
    }

    void txtWithSeveralStrings() {
        const DnsAnswer txt = ask(QStringLiteral("multi.example.test"), RecordType::TXT);
        QCOMPARE(txt.answers.size(), 1);
        QCOMPARE(txt.answers.first().value, QStringLiteral("part one part two"));
        QCOMPARE(txt.answers.first().txtStrings,
                 (QStringList{QStringLiteral("part one "), QStringLiteral("part two")}));
    }

    void truncatedAnswerIsFetchedOverTcp() {
        const DnsAnswer big = ask(QStringLiteral("big.example.test"), RecordType::TXT);
        QCOMPARE(big.rcode, Rcode::NoError);
        QVERIFY(big.overTcp);
        QCOMPARE(big.answers.size(), 1);
        QCOMPARE(big.answers.first().txtStrings.size(), 12);
        QCOMPARE(big.answers.first().value.size(), 12 * 200);
        QVERIFY(big.answers.first().value.startsWith(QLatin1String("axxx")));
        QVERIFY(big.answers.first().value.endsWith(QLatin1String("x")));
        QCOMPARE(big.answers.first().txtStrings.last().at(0), QLatin1Char('l'));
    }

    void nsAndSoa() {
        const DnsAnswer ns = ask(QStringLiteral("example.test"), RecordType::NS);
        QCOMPARE(ns.values(RecordType::NS), QStringList{QStringLiteral("ns1.example.test.")});
        const DnsAnswer soa = ask(QStringLiteral("example.test"), RecordType::SOA);
        QCOMPARE(soa.answers.size(), 1);
        QVERIFY2(soa.answers.first().value.startsWith(QLatin1String("ns1.example.test. hostmaster.example.test. ")),
                 qPrintable(soa.answers.first().value));
        QVERIFY(soa.answers.first().value.endsWith(QLatin1String(" 3600 900 604800 60")));
    }

    void negativeAnswersAreValues() {
        const DnsAnswer nx = ask(QStringLiteral("nosuch.example.test"), RecordType::A);
        QCOMPARE(nx.rcode, Rcode::NxDomain);
        QVERIFY(nx.answers.isEmpty());
        QCOMPARE(nx.authority.size(), 1);
        QCOMPARE(nx.authority.first().type, RecordType::SOA);
        QCOMPARE(nx.authority.first().name, QStringLiteral("example.test."));

        const DnsAnswer nodata = ask(QStringLiteral("www.example.test"), RecordType::TXT);
        QCOMPARE(nodata.rcode, Rcode::NoError);
        QVERIFY(nodata.answers.isEmpty());
        QCOMPARE(nodata.authority.first().type, RecordType::SOA);

        // A name outside every zone of this server: REFUSED is an answer too.
        const DnsAnswer refused = ask(QStringLiteral("example.org"), RecordType::A);
        QCOMPARE(refused.rcode, Rcode::Refused);
    }

    void zoneApex() {
        const Resolver r = resolver();
        auto apex = QCoro::waitFor(r.findZoneApex(QStringLiteral("_acme-challenge.www.example.test")));
        QVERIFY2(apex, qPrintable(apex ? QString() : apex.error().toString()));
        QCOMPARE(*apex, QStringLiteral("example.test."));
        QCOMPARE(*QCoro::waitFor(r.findZoneApex(QStringLiteral("example.test"))), QStringLiteral("example.test."));
        // Below the delegation: the child zone, not the parent.
        QCOMPARE(*QCoro::waitFor(r.findZoneApex(QStringLiteral("_acme-challenge.host.sub.example.test"))),
                 QStringLiteral("sub.example.test."));
        auto outside = QCoro::waitFor(r.findZoneApex(QStringLiteral("www.example.org")));
        QVERIFY(!outside);
        QCOMPARE(outside.error().code, ErrorCode::Dns);
        QVERIFY(outside.error().userMessage.contains(QLatin1String("REFUSED")));
    }

    void authoritativeServers() {
        auto servers =
            QCoro::waitFor(resolver().authoritativeServers(QStringLiteral("_acme-challenge.www.example.test")));
        QVERIFY2(servers, qPrintable(servers ? QString() : servers.error().toString()));
        QCOMPARE(servers->size(), 1);
        QCOMPARE(servers->first().address, QStringLiteral("127.0.0.1"));
        QCOMPARE(servers->first().port, m_knot->port());
        QCOMPARE(servers->first().name, QStringLiteral("ns1.example.test."));

        auto child = QCoro::waitFor(resolver().authoritativeServers(QStringLiteral("host.sub.example.test")));
        QVERIFY(child);
        QCOMPARE(child->first().name, QStringLiteral("ns1.sub.example.test."));
    }

    void nextServerWhenOneIsSilent() {
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        ResolverOptions o;
        o.servers = {NameServer{QStringLiteral("127.0.0.1"), silent.localPort(), {}},
                     NameServer{m_knot->address(), m_knot->port(), {}}};
        o.timeout = 300ms;
        o.recursionDesired = false;
        auto a = QCoro::waitFor(Resolver(o).query(QStringLiteral("www.example.test"), RecordType::A));
        QVERIFY2(a, qPrintable(describe(a)));
        QCOMPARE(a->server, QStringLiteral("127.0.0.1:%1").arg(m_knot->port()));
        QCOMPARE(a->values(RecordType::A), QStringList{QStringLiteral("127.0.0.2")});

        // Both silent: one error naming both.
        QUdpSocket silent2;
        QVERIFY(silent2.bind(QHostAddress::LocalHost, 0));
        o.servers = {NameServer{QStringLiteral("127.0.0.1"), silent.localPort(), {}},
                     NameServer{QStringLiteral("127.0.0.1"), silent2.localPort(), {}}};
        o.retries = 0;
        auto none = QCoro::waitFor(Resolver(o).query(QStringLiteral("www.example.test"), RecordType::A));
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::Timeout);
        QCOMPARE(none.error().userMessage, QStringLiteral("None of the DNS servers 127.0.0.1:%1, 127.0.0.1:%2 answered "
                                                          "within 0.3 s.")
                                               .arg(silent.localPort())
                                               .arg(silent2.localPort()));
    }

    void cancelledBeforeAnswer() {
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        ResolverOptions o;
        o.servers = {NameServer{QStringLiteral("127.0.0.1"), silent.localPort(), {}}};
        o.timeout = 60s; // only the cancellation can end this query in time
        CancelToken cancel;
        auto task = Resolver(o).query(QStringLiteral("www.example.test"), RecordType::A, cancel);
        cancel.cancel();
        auto r = QCoro::waitFor(std::move(task));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestDnsResolver)
#include "TestDnsResolver.moc"
