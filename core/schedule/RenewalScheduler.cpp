// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/RenewalScheduler.h"

#include <algorithm>

namespace certdeck::schedule {

RenewalScheduler::RenewalScheduler(std::shared_ptr<Clock> clock, QObject* parent)
    : QObject(parent)
    , m_clock(std::move(clock)) {
    m_timer.setSingleShot(true);
    // A coarse timer: renewals are planned to the minute; this costs no wake-ups.
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RenewalScheduler::poll);
}

void RenewalScheduler::setNextDue(const QDateTime& when) {
    m_due = when;
    if (m_running)
        arm();
}

void RenewalScheduler::start() {
    m_running = true;
    m_lastTick = m_clock->now();
    arm();
}

void RenewalScheduler::stop() {
    m_running = false;
    m_timer.stop();
}

void RenewalScheduler::poll() {
    if (!m_running)
        return;
    const QDateTime now = m_clock->now();
    const bool due = m_due.isValid() && m_due <= now;
    const bool periodic = m_lastTick.isValid() && m_lastTick.secsTo(now) >= m_maxSleep;
    if (due || periodic) {
        m_lastTick = now;
        m_due = QDateTime(); // the tick handler sets the next one
        Q_EMIT tick();
    }
    if (m_running)
        arm();
}

void RenewalScheduler::arm() {
    const QDateTime now = m_clock->now();
    qint64 wait = m_maxSleep - (m_lastTick.isValid() ? m_lastTick.secsTo(now) : 0);
    if (m_due.isValid())
        wait = std::min(wait, now.secsTo(m_due));
    // QTimer takes int milliseconds: cap at a day (and wake again), never negative.
    wait = std::clamp<qint64>(wait, 0, 86400);
    m_timer.start(static_cast<int>(wait * 1000));
}

} // namespace certdeck::schedule
