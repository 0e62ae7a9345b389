// SPDX-License-Identifier: GPL-3.0-or-later
// The timer shell with a ManualClock: ticks when the due time has come, and periodically even
// without one (a suspended machine catches up on waking); never before the due time.
#include "core/schedule/RenewalScheduler.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace certdeck;
using namespace certdeck::schedule;

class TestRenewalScheduler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ticksWhenDue() {
        auto clock = std::make_shared<ManualClock>(QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc()));
        RenewalScheduler scheduler(clock);
        QSignalSpy ticks(&scheduler, &RenewalScheduler::tick);
        scheduler.setNextDue(clock->now().addSecs(3600));
        scheduler.start();
        scheduler.poll();
        QCOMPARE(ticks.count(), 0);
        clock->advance(3599);
        scheduler.poll();
        QCOMPARE(ticks.count(), 0);
        clock->advance(1);
        scheduler.poll();
        QCOMPARE(ticks.count(), 1);
        scheduler.poll();
        QCOMPARE(ticks.count(), 1); // once per due time
    }

    void periodicWakeUp() {
        auto clock = std::make_shared<ManualClock>(QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc()));
        RenewalScheduler scheduler(clock);
        scheduler.setMaxSleepSeconds(12 * 3600);
        QSignalSpy ticks(&scheduler, &RenewalScheduler::tick);
        scheduler.start();
        clock->advance(5 * 86400); // asleep for days
        scheduler.poll();
        QCOMPARE(ticks.count(), 1);
        scheduler.stop();
        clock->advance(5 * 86400);
        scheduler.poll();
        QCOMPARE(ticks.count(), 1);
    }

    void realTimerFires() {
        auto clock = std::make_shared<SystemClock>();
        RenewalScheduler scheduler(clock);
        QSignalSpy ticks(&scheduler, &RenewalScheduler::tick);
        scheduler.setNextDue(clock->now());
        scheduler.start();
        QTRY_COMPARE_WITH_TIMEOUT(ticks.count(), 1, 10000);
    }
};

QTEST_GUILESS_MAIN(TestRenewalScheduler)
#include "TestRenewalScheduler.moc"
