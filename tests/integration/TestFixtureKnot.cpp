// SPDX-License-Identifier: GPL-3.0-or-later
// Proves the Knot fixture and core/dns's RFC 2136 path against it: a TXT value added with the
// fixture's TSIG key is served, a second value survives the deletion of the first, a wrong key or
// clock is refused with a message that says what to fix, a silent server times out naming
// itself, and no knotd outlives its fixture.
#include "core/common/Clock.h"
#include "core/dns/Resolver.h"
#include "core/dns/Rfc2136Updater.h"
#include "tests/support/KnotFixture.h"

#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>

#include <csignal>

using namespace certdeck;
using namespace certdeck::dns;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(certdeck::dns::Transport)

namespace {

const QString challenge = QStringLiteral("_acme-challenge.www.example.test");

NameServer serverOf(const test::KnotFixture& knot) {
    return NameServer{knot.address(), knot.port(), {}};
}

TsigKey keyOf(const test::KnotFixture& knot) {
    return TsigKey{knot.tsigKeyName(), *TsigKey::algorithmFromName(knot.tsigAlgorithm()),
                   SecureBytes(knot.tsigSecret())};
}

Rfc2136Options updaterOptions(const test::KnotFixture& knot) {
    Rfc2136Options o;
    o.server = serverOf(knot);
    o.key = keyOf(knot);
    o.timeout = 5s;
    return o;
}

Resolver resolverFor(const test::KnotFixture& knot) {
    ResolverOptions o;
    o.servers = {serverOf(knot)};
    o.recursionDesired = false;
    return Resolver(o);
}

QStringList txtValues(const test::KnotFixture& knot, const QString& name) {
    auto answer = QCoro::waitFor(resolverFor(knot).query(name, RecordType::TXT));
    if (!answer)
        return {QStringLiteral("ERROR: ") + answer.error().userMessage};
    QStringList values = answer->values(RecordType::TXT);
    values.sort();
    return values;
}

QString describe(const Status& s) {
    return s ? QString() : s.error().toString() + QStringLiteral(" | ") + s.error().detail;
}

} // namespace

class TestFixtureKnot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addReadDelete_data() {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<Transport>("transport");
        QTest::newRow("hmac-sha256 tcp") << QStringLiteral("hmac-sha256") << Transport::Tcp;
        QTest::newRow("hmac-sha256 udp") << QStringLiteral("hmac-sha256") << Transport::Udp;
        QTest::newRow("hmac-sha384 tcp") << QStringLiteral("hmac-sha384") << Transport::Tcp;
        QTest::newRow("hmac-sha512 udp") << QStringLiteral("hmac-sha512") << Transport::Udp;
    }
    void addReadDelete() {
        QFETCH(QString, algorithm);
        QFETCH(Transport, transport);
        qint64 pid = 0;
        {
            test::KnotFixture::Options options;
            options.tsigAlgorithm = algorithm;
            test::KnotFixture knot(options);
            QString error;
            CERTDECK_REQUIRE(knot.start(&error), error);
            pid = knot.pid();
            QVERIFY(pid > 0);

            // No zone given: the updater finds example.test. by SOA through the server.
            Rfc2136Options o = updaterOptions(knot);
            o.transport = transport;
            const Rfc2136Updater updater(o);
            auto zone = QCoro::waitFor(updater.zoneFor(challenge));
            QVERIFY2(zone, qPrintable(zone ? QString() : zone.error().toString()));
            QCOMPARE(*zone, QStringLiteral("example.test."));

            QCOMPARE(txtValues(knot, challenge), QStringList());
            auto added = QCoro::waitFor(updater.addTxt(challenge, QStringLiteral("token-one")));
            QVERIFY2(added, qPrintable(describe(added)));
            QCOMPARE(txtValues(knot, challenge), QStringList{QStringLiteral("token-one")});

            // A second order for the same name (wildcard + base): both values side by side.
            auto second = QCoro::waitFor(updater.addTxt(challenge, QStringLiteral("token-two")));
            QVERIFY2(second, qPrintable(describe(second)));
            QCOMPARE(txtValues(knot, challenge),
                     (QStringList{QStringLiteral("token-one"), QStringLiteral("token-two")}));

            // Deleting the first leaves the second alone (RFC 2136 §2.5.4).
            auto deleted = QCoro::waitFor(updater.deleteTxt(challenge, QStringLiteral("token-one")));
            QVERIFY2(deleted, qPrintable(describe(deleted)));
            QCOMPARE(txtValues(knot, challenge), QStringList{QStringLiteral("token-two")});
            // Written back to the zone file (Knot does it in the background, right after the update).
            QTRY_VERIFY_WITH_TIMEOUT(knot.zoneFileText(knot.zone()).contains(QLatin1String("token-two")) &&
                                         !knot.zoneFileText(knot.zone()).contains(QLatin1String("token-one")),
                                     10000);

            auto last = QCoro::waitFor(updater.deleteTxt(challenge, QStringLiteral("token-two")));
            QVERIFY2(last, qPrintable(describe(last)));
            QCOMPARE(txtValues(knot, challenge), QStringList());
            // Deleting what is not there is no error (RFC 2136 §3.4.2.4).
            QVERIFY(QCoro::waitFor(updater.deleteTxt(challenge, QStringLiteral("token-two"))));
        }
        // Stopped by PID when the fixture goes away.
        QVERIFY2(::kill(static_cast<pid_t>(pid), 0) != 0, "knotd outlived its fixture");
    }

    void longValueIsSplitAndJoined() {
        test::KnotFixture knot;
        QString error;
        CERTDECK_REQUIRE(knot.start(&error), error);
        const QString value = QString(300, QLatin1Char('v')) + QStringLiteral("-end");
        Rfc2136Options o = updaterOptions(knot);
        o.zone = knot.zone();
        QVERIFY(QCoro::waitFor(Rfc2136Updater(o).addTxt(challenge, value)));
        auto answer = QCoro::waitFor(resolverFor(knot).query(challenge, RecordType::TXT));
        QVERIFY(answer);
        QCOMPARE(answer->answers.size(), 1);
        QCOMPARE(answer->answers.first().value, value);
        QCOMPARE(answer->answers.first().txtStrings.size(), 2);
        QVERIFY(QCoro::waitFor(Rfc2136Updater(o).deleteTxt(challenge, value)));
        QCOMPARE(txtValues(knot, challenge), QStringList());
    }

    void wrongKeyIsRefusedClearly() {
        test::KnotFixture knot;
        QString error;
        CERTDECK_REQUIRE(knot.start(&error), error);

        Rfc2136Options wrongSecret = updaterOptions(knot);
        wrongSecret.key.secretBase64 = SecureBytes(QByteArrayLiteral("dGhpcyBpcyBub3QgdGhlIHJpZ2h0IHNlY3JldCEhIQ=="));
        auto s = QCoro::waitFor(Rfc2136Updater(wrongSecret).addTxt(challenge, QStringLiteral("nope")));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Dns);
        QVERIFY2(s.error().userMessage.contains(QLatin1String("the TSIG key is wrong (BADSIG)")),
                 qPrintable(s.error().userMessage));
        QVERIFY(s.error().userMessage.contains(QLatin1String("check the key name and secret")));
        QVERIFY(s.error().userMessage.contains(QStringLiteral("127.0.0.1:%1").arg(knot.port())));

        Rfc2136Options wrongName = updaterOptions(knot);
        wrongName.key.name = QStringLiteral("someone-else.");
        auto n = QCoro::waitFor(Rfc2136Updater(wrongName).addTxt(challenge, QStringLiteral("nope")));
        QVERIFY(!n);
        QVERIFY2(n.error().userMessage.contains(QLatin1String("the TSIG key is wrong (BADKEY)")),
                 qPrintable(n.error().userMessage));

        // Nothing was changed by the refused updates.
        QCOMPARE(txtValues(knot, challenge), QStringList());
    }

    void clockTooFarOffIsExplained() {
        test::KnotFixture knot;
        QString error;
        CERTDECK_REQUIRE(knot.start(&error), error);
        Rfc2136Options o = updaterOptions(knot);
        o.clock = std::make_shared<ManualClock>(QDateTime::currentDateTimeUtc().addSecs(-3600));
        auto s = QCoro::waitFor(Rfc2136Updater(o).addTxt(challenge, QStringLiteral("late")));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Dns);
        QVERIFY2(s.error().userMessage.contains(QLatin1String("BADTIME")), qPrintable(s.error().userMessage));
        QVERIFY(s.error().userMessage.contains(QLatin1String("clock")));
        QCOMPARE(txtValues(knot, challenge), QStringList());
    }

    void zoneTheServerDoesNotHave() {
        test::KnotFixture knot;
        QString error;
        CERTDECK_REQUIRE(knot.start(&error), error);
        Rfc2136Options o = updaterOptions(knot);
        o.zone = QStringLiteral("elsewhere.test");
        auto s = QCoro::waitFor(
            Rfc2136Updater(o).addTxt(QStringLiteral("_acme-challenge.elsewhere.test"), QStringLiteral("x")));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Dns);
        QVERIFY2(s.error().userMessage.contains(QLatin1String("not authoritative for the zone elsewhere.test")),
                 qPrintable(s.error().userMessage));

        // The name must lie inside the configured zone: caught before anything is sent.
        o.zone = knot.zone();
        auto outside =
            QCoro::waitFor(Rfc2136Updater(o).addTxt(QStringLiteral("_acme-challenge.other.test"), QStringLiteral("x")));
        QVERIFY(!outside);
        QCOMPARE(outside.error().code, ErrorCode::InvalidInput);

        // And without a zone, asking the server about a name outside its zones says so.
        o.zone.clear();
        auto unknown =
            QCoro::waitFor(Rfc2136Updater(o).addTxt(QStringLiteral("_acme-challenge.other.test"), QStringLiteral("x")));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::Dns);
        QVERIFY2(unknown.error().userMessage.contains(QLatin1String("REFUSED")),
                 qPrintable(unknown.error().userMessage));
    }

    void silentServerTimesOutNamingIt() {
        // A server that takes the question and never answers: UDP socket bound, TCP listener that
        // accepts (the kernel does) but never replies.
        QUdpSocket silentUdp;
        QVERIFY(silentUdp.bind(QHostAddress::LocalHost, 0));
        QTcpServer silentTcp;
        QVERIFY(silentTcp.listen(QHostAddress::LocalHost, 0));

        ResolverOptions ro;
        ro.servers = {NameServer{QStringLiteral("127.0.0.1"), silentUdp.localPort(), {}}};
        ro.timeout = 500ms;
        ro.retries = 1;
        auto answer = QCoro::waitFor(Resolver(ro).query(QStringLiteral("example.test"), RecordType::SOA));
        QVERIFY(!answer);
        QCOMPARE(answer.error().code, ErrorCode::Timeout);
        QCOMPARE(answer.error().userMessage,
                 QStringLiteral("The DNS server 127.0.0.1:%1 did not answer within 0.5 s.").arg(silentUdp.localPort()));

        Rfc2136Options o;
        o.server = NameServer{QStringLiteral("127.0.0.1"), silentTcp.serverPort(), {}};
        o.key = TsigKey{QStringLiteral("k."), TsigAlgorithm::HmacSha256, SecureBytes(QByteArrayLiteral("c2VjcmV0"))};
        o.zone = QStringLiteral("example.test");
        o.timeout = 500ms;
        auto update = QCoro::waitFor(Rfc2136Updater(o).addTxt(challenge, QStringLiteral("x")));
        QVERIFY(!update);
        QCOMPARE(update.error().code, ErrorCode::Timeout);
        QCOMPARE(
            update.error().userMessage,
            QStringLiteral("The DNS server 127.0.0.1:%1 did not answer within 0.5 s.").arg(silentTcp.serverPort()));
    }

    void portNobodyListensOn() {
        // A free port: the kernel answers "port unreachable" (UDP) or RST (TCP) at once; the error
        // names the server and says nothing is listening, without waiting for the timeout.
        const quint16 port = test::freePort(true);
        ResolverOptions ro;
        ro.servers = {NameServer{QStringLiteral("127.0.0.1"), port, {}}};
        ro.timeout = 30s;
        auto answer = QCoro::waitFor(Resolver(ro).query(QStringLiteral("example.test"), RecordType::SOA));
        QVERIFY(!answer);
        QCOMPARE(answer.error().code, ErrorCode::Network);
        QVERIFY2(answer.error().userMessage.contains(QStringLiteral("127.0.0.1:%1").arg(port)),
                 qPrintable(answer.error().userMessage));
        QVERIFY(answer.error().userMessage.contains(QLatin1String("refused")));

        Rfc2136Options o;
        o.server = NameServer{QStringLiteral("127.0.0.1"), port, {}};
        o.key = TsigKey{QStringLiteral("k."), TsigAlgorithm::HmacSha256, SecureBytes(QByteArrayLiteral("c2VjcmV0"))};
        o.zone = QStringLiteral("example.test");
        o.timeout = 30s;
        auto update = QCoro::waitFor(Rfc2136Updater(o).addTxt(challenge, QStringLiteral("x")));
        QVERIFY(!update);
        QCOMPARE(update.error().code, ErrorCode::Network);
        QVERIFY(update.error().userMessage.contains(QStringLiteral("127.0.0.1:%1").arg(port)));
    }
};

QTEST_GUILESS_MAIN(TestFixtureKnot)
#include "TestFixtureKnot.moc"
