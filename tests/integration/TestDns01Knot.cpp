// SPDX-License-Identifier: GPL-3.0-or-later
// dns-01 against a real authoritative server (Knot on loopback): the RFC 2136 provider, propagation
// watched on every authoritative server with per-server progress, clean-up of exactly the value
// added, `_acme-challenge` CNAME delegation, and the hook provider's documented environment.
#include "core/challenge/Dns01Solver.h"
#include "core/dns/PropagationChecker.h"
#include "core/dns/Resolver.h"
#include "core/dns/providers/HookProvider.h"
#include "core/dns/providers/ManualProvider.h"
#include "core/dns/providers/Rfc2136Provider.h"
#include "tests/support/KnotFixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace certdeck;
using namespace certdeck::dns;
using namespace std::chrono_literals;

namespace {

template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : r.error().toString() + QStringLiteral(" | ") + r.error().detail;
}

acme::ChallengeTask dnsTask(const QString& name, const QString& token) {
    acme::ChallengeTask t;
    t.identifier.type = acme::Identifier::Type::Dns;
    t.identifier.value = name;
    t.type = QStringLiteral("dns-01");
    t.token = token;
    t.keyAuthorization = token.toLatin1() + ".thumbprint";
    return t;
}

} // namespace

class TestDns01Knot : public QObject {
    Q_OBJECT

    std::unique_ptr<test::KnotFixture> m_knot;

    ResolverOptions resolverOptions() const {
        ResolverOptions o;
        o.servers = {NameServer{m_knot->address(), m_knot->port(), {}}};
        o.recursionDesired = false;
        o.authoritativePort = m_knot->port();
        return o;
    }

    Rfc2136Options updateOptions() const {
        Rfc2136Options o;
        o.server = NameServer{m_knot->address(), m_knot->port(), {}};
        o.key.name = m_knot->tsigKeyName();
        o.key.secretBase64 = SecureBytes(m_knot->tsigSecret());
        return o;
    }

    challenge::Dns01Options solverOptions() const {
        challenge::Dns01Options o;
        o.resolver = resolverOptions();
        o.propagation.resolver = resolverOptions();
        o.propagation.timeout = 20s;
        return o;
    }

    QStringList txtValues(const QString& name) const {
        const Resolver resolver(resolverOptions());
        auto r = QCoro::waitFor(resolver.query(name, RecordType::TXT));
        return r ? r->values(RecordType::TXT) : QStringList{QStringLiteral("<error>")};
    }

private Q_SLOTS:
    void initTestCase() {
        test::KnotFixture::Options o;
        // acme-dns style: the challenge name is delegated into another zone.
        o.extraRecords = {QStringLiteral("_acme-challenge.deleg CNAME deleg.acme.other.test.")};
        o.extraZones = {{QStringLiteral("acme.other.test"), {}}};
        m_knot = std::make_unique<test::KnotFixture>(o);
        QString error;
        CERTDECK_REQUIRE(m_knot->start(&error), error);
    }
    void cleanupTestCase() { m_knot.reset(); }

    void propagationReportsEveryServer() {
        Rfc2136Provider provider(updateOptions());
        const TxtRecord record{QStringLiteral("_acme-challenge.prop.example.test."),
                               QStringLiteral("prop-value"),
                               QStringLiteral("prop.example.test"),
                               {},
                               60};
        Progress progress;
        auto added = QCoro::waitFor(provider.addTxt(record, progress, CancelToken()));
        QVERIFY2(added, qPrintable(why(added)));

        PropagationOptions po;
        po.resolver = resolverOptions();
        const PropagationChecker checker(po);
        auto states = QCoro::waitFor(checker.waitForTxt(record.fqdn, record.value, progress, CancelToken()));
        QVERIFY2(states, qPrintable(why(states)));
        QCOMPARE(states->size(), 1); // ns1.example.test. -> 127.0.0.1
        QCOMPARE(states->first().server.name, QStringLiteral("ns1.example.test."));
        QVERIFY(states->first().seen);

        bool perServer = false;
        for (const ProgressStep& s : progress.steps()) {
            if (s.id.startsWith(QLatin1String("propagation:_acme-challenge.prop.example.test.:"))) {
                perServer = true;
                QCOMPARE(s.state, ProgressStep::State::Done);
                QCOMPARE(s.data.value(QStringLiteral("seen")).toBool(), true);
                QCOMPARE(s.data.value(QStringLiteral("server")).toString(),
                         QStringLiteral("127.0.0.1:%1").arg(m_knot->port()));
                QVERIFY(s.data.value(QStringLiteral("lastAnswer")).toString().contains(QLatin1String("prop-value")));
            }
        }
        QVERIFY(perServer);
        auto removed = QCoro::waitFor(provider.removeTxt(record, progress, CancelToken()));
        QVERIFY2(removed, qPrintable(why(removed)));
    }

    void propagationTimesOutNamingTheServer() {
        PropagationOptions po;
        po.resolver = resolverOptions();
        po.timeout = 1500ms;
        const PropagationChecker checker(po);
        Progress progress;
        auto r = QCoro::waitFor(checker.waitForTxt(QStringLiteral("_acme-challenge.never.example.test"),
                                                   QStringLiteral("never"), progress, CancelToken()));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Timeout);
        QVERIFY2(r.error().userMessage.contains(QStringLiteral("127.0.0.1:%1").arg(m_knot->port())),
                 qPrintable(r.error().userMessage));
        // Several looks, not one fixed sleep.
        bool polledMore = false;
        for (const ProgressStep& s : progress.steps())
            polledMore = polledMore || s.data.value(QStringLiteral("queries")).toInt() >= 3;
        QVERIFY(polledMore);
    }

    void propagationIsCancellable() {
        PropagationOptions po;
        po.resolver = resolverOptions();
        const PropagationChecker checker(po);
        CancelToken cancel;
        Progress progress;
        QTimer::singleShot(300, [cancel] { cancel.cancel(); });
        auto r = QCoro::waitFor(checker.waitForTxt(QStringLiteral("_acme-challenge.never.example.test"),
                                                   QStringLiteral("never"), progress, cancel));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
    }

    void cleanUpRemovesExactlyItsValue() {
        // example.test and *.example.test share _acme-challenge.example.test: two values at one name.
        Rfc2136Provider provider(updateOptions());
        challenge::Dns01Solver solver(provider, solverOptions());
        const acme::ChallengeTask base =
            dnsTask(QStringLiteral("shared.example.test"), QStringLiteral("tokenBase0123456789abcdef"));
        const acme::ChallengeTask wild =
            dnsTask(QStringLiteral("*.shared.example.test"), QStringLiteral("tokenWild0123456789abcdef"));
        QCOMPARE(base.dnsRecordName(), wild.dnsRecordName());
        Progress progress;
        auto p1 = QCoro::waitFor(solver.present(base, progress, CancelToken()));
        QVERIFY2(p1, qPrintable(why(p1)));
        auto p2 = QCoro::waitFor(solver.present(wild, progress, CancelToken()));
        QVERIFY2(p2, qPrintable(why(p2)));
        QStringList values = txtValues(base.dnsRecordName());
        values.sort();
        QStringList both{base.dnsRecordValue(), wild.dnsRecordValue()};
        both.sort();
        QCOMPARE(values, both);
        QCOMPARE(solver.outstanding().size(), 2);

        auto c1 = QCoro::waitFor(solver.cleanUp(base));
        QVERIFY2(c1, qPrintable(why(c1)));
        QCOMPARE(txtValues(base.dnsRecordName()), QStringList{wild.dnsRecordValue()});
        auto c2 = QCoro::waitFor(solver.cleanUp(wild));
        QVERIFY2(c2, qPrintable(why(c2)));
        QVERIFY(txtValues(base.dnsRecordName()).isEmpty());
        QVERIFY(solver.outstanding().isEmpty());
        // A second clean-up of the same task does nothing and succeeds.
        auto again = QCoro::waitFor(solver.cleanUp(wild));
        QVERIFY(again);
    }

    void followsAcmeChallengeCname() {
        Rfc2136Provider provider(updateOptions());
        challenge::Dns01Solver solver(provider, solverOptions());
        const acme::ChallengeTask task =
            dnsTask(QStringLiteral("deleg.example.test"), QStringLiteral("tokenDeleg0123456789abcdef"));
        Progress progress;
        auto p = QCoro::waitFor(solver.present(task, progress, CancelToken()));
        QVERIFY2(p, qPrintable(why(p)));
        QCOMPARE(solver.outstanding().size(), 1);
        QCOMPARE(solver.outstanding().first().fqdn, QStringLiteral("deleg.acme.other.test."));
        QCOMPARE(txtValues(QStringLiteral("deleg.acme.other.test")), QStringList{task.dnsRecordValue()});
        // The CNAME itself is left alone.
        const Resolver resolver(resolverOptions());
        auto cname = QCoro::waitFor(resolver.query(task.dnsRecordName(), RecordType::CNAME));
        QVERIFY(cname);
        QCOMPARE(cname->values(RecordType::CNAME), QStringList{QStringLiteral("deleg.acme.other.test.")});
        auto c = QCoro::waitFor(solver.cleanUp(task));
        QVERIFY2(c, qPrintable(why(c)));
        QVERIFY(txtValues(QStringLiteral("deleg.acme.other.test")).isEmpty());
    }

    void failedPropagationWithdrawsTheRecord() {
        // A provider whose record never reaches the servers: the hook "succeeds" but publishes nothing.
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("noop.sh"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\necho \"$CERTDECK_ACTION\" >> \"$0.log\"\n");
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        HookProvider provider(HookOptions{script, {}, 10s});
        challenge::Dns01Options o = solverOptions();
        o.propagation.timeout = 1s;
        challenge::Dns01Solver solver(provider, o);
        Progress progress;
        auto p = QCoro::waitFor(
            solver.present(dnsTask(QStringLiteral("lost.example.test"), QStringLiteral("tokenLost0123456789abcdef")),
                           progress, CancelToken()));
        QVERIFY(!p);
        QCOMPARE(p.error().code, ErrorCode::Timeout);
        QVERIFY(solver.outstanding().isEmpty());
        QFile log(script + QStringLiteral(".log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QCOMPARE(log.readAll(), QByteArray("present\ncleanup\n"));
    }

    void hookGetsDocumentedEnvironment() {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("hook.sh"));
        const QString out = dir.filePath(QStringLiteral("env.txt"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\nprintf '%s|%s|%s|%s|%s|%s|%s\\n' \"$1\" \"$CERTDECK_ACTION\" \"$CERTDECK_FQDN\" "
                "\"$CERTDECK_VALUE\" \"$CERTDECK_DOMAIN\" \"$CERTDECK_TOKEN\" \"$CERTDECK_TTL\" >> \"$1\"\n"
                "[ \"$CERTDECK_VALUE\" = fail ] && { echo 'provider said no' >&2; exit 3; }\nexit 0\n");
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        // A value with shell metacharacters reaches the program verbatim: nothing goes through a shell.
        const QString nasty = QStringLiteral("v$(touch pwned);`id`");
        HookProvider provider(HookOptions{script, {out}, 10s});
        const TxtRecord record{QStringLiteral("_acme-challenge.example.test."), nasty, QStringLiteral("*.example.test"),
                               QStringLiteral("tok"), 60};
        Progress progress;
        QVERIFY(QCoro::waitFor(provider.addTxt(record, progress, CancelToken())));
        QVERIFY(QCoro::waitFor(provider.removeTxt(record, progress, CancelToken())));
        QFile env(out);
        QVERIFY(env.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(env.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0),
                 QStringLiteral("%1|present|_acme-challenge.example.test.|%2|*.example.test|tok|60").arg(out, nasty));
        QVERIFY(lines.at(1).contains(QLatin1String("|cleanup|")));
        QVERIFY(!QFile::exists(QStringLiteral("pwned")));

        TxtRecord failing = record;
        failing.value = QStringLiteral("fail");
        auto r = QCoro::waitFor(provider.addTxt(failing, progress, CancelToken()));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Dns);
        QVERIFY(r.error().detail.contains(QLatin1String("provider said no")));

        HookProvider missing(HookOptions{dir.filePath(QStringLiteral("nope")), {}, 10s});
        auto m = QCoro::waitFor(missing.addTxt(record, progress, CancelToken()));
        QVERIFY(!m);
        QCOMPARE(m.error().code, ErrorCode::NotFound);
    }

    void manualProviderShowsTheRecordAndWaits() {
        ManualProvider manual;
        challenge::Dns01Options o = solverOptions();
        o.manualTimeout = 20s;
        challenge::Dns01Solver solver(manual, o);
        const acme::ChallengeTask task =
            dnsTask(QStringLiteral("manual.example.test"), QStringLiteral("tokenManual0123456789abcd"));
        Progress progress;
        // "The user" adds the record as soon as it is shown.
        Rfc2136Provider user(updateOptions());
        bool shown = false;
        QObject::connect(&progress, &Progress::stepChanged, &progress, [&](const ProgressStep& s) {
            if (shown || !s.id.startsWith(QLatin1String("manual-dns:")))
                return;
            shown = true;
            QCOMPARE(s.data.value(QStringLiteral("fqdn")).toString(),
                     QStringLiteral("_acme-challenge.manual.example.test."));
            const TxtRecord r{s.data.value(QStringLiteral("fqdn")).toString(),
                              s.data.value(QStringLiteral("value")).toString(),
                              {},
                              {},
                              60};
            const Status added = QCoro::waitFor(user.addTxt(r, Progress::null(), CancelToken()));
            QVERIFY(added);
        });
        auto p = QCoro::waitFor(solver.present(task, progress, CancelToken()));
        QVERIFY2(p, qPrintable(why(p)));
        QVERIFY(shown);
        QVERIFY(QCoro::waitFor(solver.cleanUp(task)));
        const TxtRecord r{QStringLiteral("_acme-challenge.manual.example.test."), task.dnsRecordValue(), {}, {}, 60};
        QVERIFY(QCoro::waitFor(user.removeTxt(r, Progress::null(), CancelToken())));
    }
};

QTEST_GUILESS_MAIN(TestDns01Knot)
#include "TestDns01Knot.moc"
