// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/Async.h"

#include <QCoroSignal>
#include <QCoroTimer>
#include <QTimer>

#include <memory>

namespace certdeck {

namespace {
/// Threads of runWaiting(): enough for a fleet's TLS checks or a name's DNS servers at once; an
/// idle thread ends after the pool's expiry (30 s).
constexpr int kWaitingThreads = 32;

struct WaitingPool : QThreadPool {
    WaitingPool() { setMaxThreadCount(kWaitingThreads); }
};
Q_GLOBAL_STATIC(WaitingPool, gWaitingPool)
} // namespace

QThreadPool* waitingPool() {
    return gWaitingPool();
}

QCoro::Task<bool> sleepFor(std::chrono::milliseconds duration, const CancelToken& cancel) {
    if (cancel.isCancelled())
        co_return false;
    if (duration.count() <= 0)
        co_return true;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(
        cancel.notifier(), &detail::CancelState::cancelRequested, &timer, [&timer] { timer.start(0); },
        Qt::QueuedConnection);
    timer.start(duration);
    // QCoro's own timer awaiter: awaiting the timeout *signal* (which carries a QPrivateSignal) trips UBSan.
    QTimer* t = &timer;
    co_await t;
    co_return !cancel.isCancelled();
}

Error cancelledError() {
    return Error(ErrorCode::Cancelled, QObject::tr("The operation was cancelled."));
}

} // namespace certdeck
