// SPDX-License-Identifier: GPL-3.0-or-later
// The renewal policy: a third of the lifetime left (half under 10 days), jitter only earlier and
// bounded, a random but stable point in the ARI window, backoff 1 min / 10 min / 100 min / daily,
// Retry-After honoured, pause after repeated authorization failures, expiry notices once each, from
// the user's chosen first warning (default 14 days) down to 1 day.
#include "core/common/Clock.h"
#include "core/schedule/RenewalPlanner.h"

#include <QTest>
#include <QTimeZone>

using namespace certdeck;
using namespace certdeck::schedule;

namespace {
const QDateTime kStart(QDate(2026, 3, 1), QTime(0, 0), QTimeZone::utc());

RenewalState cert(qint64 lifetimeDays, quint64 seed = 42) {
    RenewalState s;
    s.notBefore = kStart;
    s.notAfter = kStart.addDays(lifetimeDays);
    s.seed = seed;
    return s;
}
} // namespace

class TestRenewalPlanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thirdOfLifetimeLeft() {
        const RenewalPlanner planner;
        const RenewalState s = cert(90);
        const QDateTime planned = planner.plannedRenewal(s);
        const QDateTime rule = s.notAfter.addDays(-30);
        QVERIFY(planned <= rule);                    // never later than the rule
        QVERIFY(planned >= rule.addSecs(-4 * 3600)); // jitter bounded
        ManualClock clock(kStart);
        QCOMPARE(planner.decide(s, clock.now()).action, RenewalDecision::Action::Wait);
        QCOMPARE(planner.decide(s, clock.now()).at, planned);
        clock.set(planned.addSecs(-1));
        QCOMPARE(planner.decide(s, clock.now()).action, RenewalDecision::Action::Wait);
        clock.set(planned);
        QCOMPARE(planner.decide(s, clock.now()).action, RenewalDecision::Action::RenewNow);
    }

    void halfOfShortLifetime() {
        const RenewalPlanner planner;
        const RenewalState s = cert(6);
        const QDateTime planned = planner.plannedRenewal(s);
        QVERIFY(planned <= s.notAfter.addDays(-3));
        // Jitter at most 2 % of the lifetime for short-lived certificates.
        QVERIFY(planned >= s.notAfter.addDays(-3).addSecs(-(6 * 86400) / 50));
    }

    void jitterSpreadsCertificates() {
        const RenewalPlanner planner;
        QSet<qint64> times;
        for (quint64 seed = 1; seed <= 50; ++seed)
            times.insert(planner.plannedRenewal(cert(90, seed)).toSecsSinceEpoch());
        QVERIFY(times.size() > 40);
        // ... and stable for one certificate.
        QCOMPARE(planner.plannedRenewal(cert(90, 7)), planner.plannedRenewal(cert(90, 7)));
    }

    void ariWindowWins() {
        const RenewalPlanner planner;
        RenewalState s = cert(90);
        s.ariWindowStart = kStart.addDays(10);
        s.ariWindowEnd = kStart.addDays(12);
        const QDateTime planned = planner.plannedRenewal(s);
        QVERIFY(planned >= s.ariWindowStart && planned < s.ariWindowEnd);
        QCOMPARE(planner.decide(s, kStart.addDays(13)).action, RenewalDecision::Action::RenewNow);
        QCOMPARE(planner.decide(s, kStart.addDays(9)).action, RenewalDecision::Action::Wait);
        // Spread across the window for different certificates.
        QSet<qint64> points;
        for (quint64 seed = 0; seed < 20; ++seed) {
            s.seed = seed;
            points.insert(planner.plannedRenewal(s).toSecsSinceEpoch());
        }
        QVERIFY(points.size() > 15);
    }

    void ariCheckedTwiceADayHonouringRetryAfter() {
        const RenewalPlanner planner;
        RenewalState s = cert(90);
        QVERIFY(planner.shouldCheckAri(s, kStart));
        s.ariCheckedAt = kStart;
        QVERIFY(!planner.shouldCheckAri(s, kStart.addSecs(11 * 3600)));
        QVERIFY(planner.shouldCheckAri(s, kStart.addSecs(12 * 3600)));
        s.ariRetryAfter = kStart.addDays(2);
        QVERIFY(!planner.shouldCheckAri(s, kStart.addDays(1)));
        QVERIFY(planner.shouldCheckAri(s, kStart.addDays(2)));
    }

    void backoffAfterFailures() {
        QCOMPARE(RenewalPlanner::backoffSeconds(1), 60);
        QCOMPARE(RenewalPlanner::backoffSeconds(2), 600);
        QCOMPARE(RenewalPlanner::backoffSeconds(3), 6000);
        QCOMPARE(RenewalPlanner::backoffSeconds(4), 86400);
        QCOMPARE(RenewalPlanner::backoffSeconds(40), 86400);
        const RenewalPlanner planner;
        RenewalState s = cert(90);
        const QDateTime due = planner.plannedRenewal(s);
        ManualClock clock(due.addSecs(10));
        s.failureCount = 2;
        s.lastFailureAt = clock.now();
        auto d = planner.decide(s, clock.now());
        QCOMPARE(d.action, RenewalDecision::Action::Wait);
        QCOMPARE(d.at, s.lastFailureAt.addSecs(600));
        clock.advance(600);
        QCOMPARE(planner.decide(s, clock.now()).action, RenewalDecision::Action::RenewNow);
        // A Retry-After later than the backoff wins.
        s.retryAfter = clock.now().addSecs(3 * 3600);
        d = planner.decide(s, clock.now());
        QCOMPARE(d.action, RenewalDecision::Action::Wait);
        QCOMPARE(d.at, s.retryAfter);
    }

    void noRetryStormOverAMonthOfFailures() {
        // A CA down for 30 days: attempts are 1 + 1 + 1 + (daily) — a few dozen, not thousands.
        const RenewalPlanner planner;
        RenewalState s = cert(90);
        ManualClock clock(planner.plannedRenewal(s));
        int attempts = 0;
        const QDateTime end = clock.now().addDays(30);
        while (clock.now() < end) {
            if (planner.decide(s, clock.now()).action == RenewalDecision::Action::RenewNow) {
                ++attempts;
                ++s.failureCount;
                s.lastFailureAt = clock.now();
            }
            clock.advance(60);
        }
        QVERIFY2(attempts <= 34, qPrintable(QString::number(attempts)));
        QVERIFY(attempts >= 30); // but it keeps trying daily
    }

    void pausesAfterRepeatedAuthorizationFailures() {
        const RenewalPlanner planner;
        RenewalState s = cert(90);
        s.authzFailureCount = 4;
        QVERIFY(planner.decide(s, s.notAfter).action != RenewalDecision::Action::Paused);
        s.authzFailureCount = 5;
        const auto d = planner.decide(s, s.notAfter);
        QCOMPARE(d.action, RenewalDecision::Action::Paused);
        QVERIFY(!d.reason.isEmpty());
    }

    void noCertificateMeansNow() {
        const RenewalPlanner planner;
        QCOMPARE(planner.decide(RenewalState{}, kStart).action, RenewalDecision::Action::RenewNow);
    }

    void expiryNoticesOnceEach() {
        const QDateTime notAfter = kStart.addDays(30);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, kStart, 0), 0);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-14), 0), 14);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-13), 14), 0);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-7), 14), 7);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-2), 7), 3);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addSecs(-3600), 3), 1);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addSecs(-60), 1), 0);
        // Skipped thresholds (the machine was off): the most urgent one only.
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-2), 0), 3);
        // A short-lived certificate renewed automatically with 3 days left: no 7-day notice at issuance.
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-6), 0, 3 * 86400 + 3600), 0);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-3), 0, 3 * 86400 + 3600), 3);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-3), 0, 3 * 86400), 0);
    }

    void expiryNoticesFromTheUsersFirstWarning_data() {
        QTest::addColumn<int>("first");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("30") << 30 << QList<int>{30, 14, 7, 3, 1};
        QTest::newRow("10") << 10 << QList<int>{10, 7, 3, 1};
        QTest::newRow("14 (default)") << 14 << QList<int>{14, 7, 3, 1};
        QTest::newRow("7") << 7 << QList<int>{7, 3, 1};
        QTest::newRow("1") << 1 << QList<int>{1};
        QTest::newRow("60") << 60 << QList<int>{60, 14, 7, 3, 1};
        QTest::newRow("0 clamps to 1") << 0 << QList<int>{1};
        QTest::newRow("99 clamps to 60") << 99 << QList<int>{60, 14, 7, 3, 1};
    }
    void expiryNoticesFromTheUsersFirstWarning() {
        QFETCH(int, first);
        QFETCH(QList<int>, expected);
        // A 90-day certificate, not renewed automatically, looked at every hour of its life: each
        // notice exactly once, in order, at its threshold.
        const QDateTime notAfter = kStart.addDays(90);
        QList<int> sent;
        int last = 0;
        for (QDateTime now = kStart; now < notAfter; now = now.addSecs(3600)) {
            const int days = RenewalPlanner::expiryNoticeDue(notAfter, now, last, 0, first);
            if (days == 0)
                continue;
            QVERIFY(now.secsTo(notAfter) <= qint64(days) * 86400);
            QVERIFY(now.secsTo(notAfter) > qint64(days) * 86400 - 3600);
            sent << days;
            last = days;
        }
        QCOMPARE(sent, expected);
    }

    void expiryNoticeFirstWarningEdges() {
        const QDateTime notAfter = kStart.addDays(90);
        // 20 days left: a 30-day first warning is due, the default one is not yet.
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-20), 0, 0, 30), 30);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-20), 0), 0);
        // Sent once: no second 30-day notice; the 14-day one supersedes it later.
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-19), 30, 0, 30), 0);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-14), 30, 0, 30), 14);
        // The machine was off past several thresholds: the most urgent one only.
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-5), 0, 0, 30), 7);
        // The setting raised after the 14-day notice went out: nothing new until 7.
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-10), 14, 0, 30), 0);
        // The setting lowered to 10 after the 30-day notice: 10, which is smaller, still comes.
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-10), 30, 0, 10), 10);
        // Renewed automatically with 30 days + jitter left: the 30-day warning is no news, the rule
        // that skips thresholds at or above the renewal margin is unchanged.
        const qint64 margin = 30 * 86400 + 3600;
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-29), 0, margin, 60), 0);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-29), 0, margin, 30), 30);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-29), 0, 30 * 86400, 30), 0);
        QCOMPARE(RenewalPlanner::expiryNoticeDue(notAfter, notAfter.addDays(-14), 0, 30 * 86400, 30), 14);
    }
};

QTEST_GUILESS_MAIN(TestRenewalPlanner)
#include "TestRenewalPlanner.moc"
