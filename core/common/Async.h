// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"

#include <QCoroFuture>
#include <QCoroTask>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>
#include <type_traits>

namespace certdeck {

/// Runs blocking work that keeps a core busy (RSA key generation, bulk file and SQL work) on the
/// global thread pool, sized to the cores; `co_await` the returned QFuture to resume on the awaiting
/// thread when done. Work that mostly waits on a peer goes through runWaiting() instead.
///
/// GCC 12 destroys temporaries inside a `co_await` expression twice (a capturing lambda's captures,
/// a braced argument, a default-constructed QUrl or CancelToken ...). Always name things first:
///     auto job = runBlocking([x] { ... });
///     auto result = co_await job;
/// and pass only lvalues to the coroutines you co_await.
template <typename F> auto runBlocking(F&& f) {
    return QtConcurrent::run(std::forward<F>(f));
}

/// The pool of runWaiting(): sized for waiting, not for cores (see there).
QThreadPool* waitingPool();

/// Runs blocking work that mostly waits on a peer (a socket read bounded by a timeout: a TLS
/// handshake, a DNS query, an HTTP fetch, SMTP) on a pool of its own with many threads, so that ten
/// slow servers are waited for at once instead of two at a time behind the cores' count, and so
/// that they never hold up CPU work on the global pool. Same rules as runBlocking().
template <typename F> auto runWaiting(F&& f) {
    return QtConcurrent::run(waitingPool(), std::forward<F>(f));
}

/// Sleeps for `duration` unless the token is cancelled first. Returns false when cancelled.
QCoro::Task<bool> sleepFor(std::chrono::milliseconds duration, const CancelToken& cancel);

/// The Error for "the user cancelled", with a message fit to show.
Error cancelledError();

} // namespace certdeck
