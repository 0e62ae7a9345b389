// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/PollSchedule.h"

#include <algorithm>

namespace certdeck::acme {

PollSchedule::PollSchedule()
    : PollSchedule(Options{}) {}

PollSchedule::PollSchedule(Options options)
    : m_options(options) {}

std::chrono::milliseconds PollSchedule::next(const std::optional<QDateTime>& retryAfter, const QDateTime& now) {
    using std::chrono::milliseconds;
    milliseconds delay;
    if (retryAfter) {
        delay = std::clamp(milliseconds(now.msecsTo(*retryAfter)), milliseconds(0), m_options.maxRetryAfter);
    } else {
        const int shift = std::min(m_attempts, 20);
        delay = std::min(milliseconds(m_options.first.count() << shift), m_options.cap);
    }
    ++m_attempts;
    m_waited += delay;
    return delay;
}

} // namespace certdeck::acme
