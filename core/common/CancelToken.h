// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <atomic>
#include <memory>

namespace certdeck {

namespace detail {
class CancelState : public QObject {
    Q_OBJECT
public:
    std::atomic<bool> cancelled{false};
Q_SIGNALS:
    void cancelRequested();
};
} // namespace detail

/// A shared, copyable cancellation flag. Whoever starts a long operation keeps a copy and calls
/// cancel(); the operation checks isCancelled() between steps and may listen to cancelRequested()
/// (emitted in the thread that cancels) to abort a wait early. A default-constructed token is
/// live and can be cancelled too.
class CancelToken {
public:
    CancelToken();
    void cancel() const;
    [[nodiscard]] bool isCancelled() const noexcept { return m_state->cancelled.load(); }
    /// The QObject that emits cancelRequested(); for QObject::connect / QCoro::connect.
    [[nodiscard]] detail::CancelState* notifier() const { return m_state.get(); }

private:
    std::shared_ptr<detail::CancelState> m_state;
};

} // namespace certdeck
