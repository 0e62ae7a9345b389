// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/Clock.h"

namespace certdeck {

std::shared_ptr<Clock> Clock::system() {
    static const std::shared_ptr<Clock> clock = std::make_shared<SystemClock>();
    return clock;
}

QDateTime ManualClock::now() const {
    return m_now.addMSecs(m_msecs.load());
}

void ManualClock::set(const QDateTime& t) {
    m_msecs.store(m_now.msecsTo(t));
}

void ManualClock::advance(qint64 seconds) {
    m_msecs.fetch_add(seconds * 1000);
}

} // namespace certdeck
