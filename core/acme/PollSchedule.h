// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

#include <chrono>
#include <optional>

namespace certdeck::acme {

/// When to look again at a pending authorization or a processing order (pure logic).
/// The response that started the wait counts as the first, immediate check; after it the interval
/// starts short and doubles up to a cap, so a fast CA is seen within milliseconds and a slow one is
/// not hammered. A server's Retry-After wins (RFC 8555 §7.5.1, §7.4), bounded so a hostile server cannot
/// park us forever. Never a fixed sleep of a second or more when the server says nothing.
class PollSchedule {
public:
    struct Options {
        std::chrono::milliseconds first{5};
        std::chrono::milliseconds cap{2000};
        std::chrono::milliseconds maxRetryAfter{std::chrono::minutes(5)};
        std::chrono::milliseconds total{std::chrono::minutes(10)};
    };
    PollSchedule();
    explicit PollSchedule(Options options);

    /// The delay before the next check. `retryAfter`: what the last response said, if anything.
    std::chrono::milliseconds next(const std::optional<QDateTime>& retryAfter, const QDateTime& now);
    /// Whether the whole wait has used up its budget (measured as the sum of delays handed out).
    [[nodiscard]] bool exhausted() const { return m_waited >= m_options.total; }
    [[nodiscard]] int attempts() const { return m_attempts; }

private:
    Options m_options;
    int m_attempts = 0;
    std::chrono::milliseconds m_waited{0};
};

} // namespace certdeck::acme
