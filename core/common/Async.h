// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"

#include <QCoroFuture>
#include <QCoroTask>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>
#include <type_traits>

namespace certdeck {

/// Runs blocking work (libssh, ldns, RSA key generation, bulk SQL) on the global thread pool; `co_await`
/// the returned QFuture to resume on the awaiting thread when done.
///
/// GCC 12 destroys temporaries inside a `co_await` expression twice (a capturing lambda's captures,
/// a braced argument, a default-constructed QUrl or CancelToken ...). Always name things first:
///     auto job = runBlocking([x] { ... });
///     auto result = co_await job;
/// and pass only lvalues to the coroutines you co_await.
template <typename F> auto runBlocking(F&& f) {
    return QtConcurrent::run(std::forward<F>(f));
}

/// Sleeps for `duration` unless the token is cancelled first. Returns false when cancelled.
QCoro::Task<bool> sleepFor(std::chrono::milliseconds duration, const CancelToken& cancel);

/// The Error for "the user cancelled", with a message fit to show.
Error cancelledError();

} // namespace certdeck
