// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

#include <atomic>
#include <memory>

namespace certdeck {

/// Wall-clock time, injectable so planners and tests can drive time forward.
/// Implementations are thread-safe.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const = 0;

    /// The process-wide system clock (UTC).
    static std::shared_ptr<Clock> system();
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

/// A clock that only moves when told to (tests, the simulated-year run).
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start)
        : m_now(std::move(start)) {}
    [[nodiscard]] QDateTime now() const override;
    void set(const QDateTime& t);
    void advance(qint64 seconds);

private:
    mutable std::atomic<qint64> m_msecs{0};
    QDateTime m_now;
};

} // namespace certdeck
