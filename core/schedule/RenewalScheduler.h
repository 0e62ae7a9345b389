// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Clock.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <memory>

namespace certdeck::schedule {

/// The timer shell around the RenewalPlanner: emits tick() when the next due time (setNextDue) has
/// come, and in any case every `maxSleepSeconds` so a suspended laptop or a clock jump is caught up
/// on waking. Time comes from an injectable Clock; with a ManualClock, call poll() after moving it.
/// Lives in the thread that created it.
class RenewalScheduler : public QObject {
    Q_OBJECT
public:
    explicit RenewalScheduler(std::shared_ptr<Clock> clock, QObject* parent = nullptr);

    void setMaxSleepSeconds(qint64 seconds) { m_maxSleep = seconds; }
    /// When the earliest lineage is due; invalid: only the periodic wake-up.
    void setNextDue(const QDateTime& when);
    [[nodiscard]] QDateTime nextDue() const { return m_due; }
    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }
    /// Re-reads the clock: emits tick() if the due time (or the periodic wake-up) has passed, then
    /// re-arms the timer. The timer calls it; tests with a ManualClock call it too.
    void poll();

Q_SIGNALS:
    /// Time to ask the planner which lineages are due.
    void tick();

private:
    void arm();

    std::shared_ptr<Clock> m_clock;
    QTimer m_timer;
    QDateTime m_due;
    QDateTime m_lastTick;
    qint64 m_maxSleep = 12 * 3600;
    bool m_running = false;
};

} // namespace certdeck::schedule
