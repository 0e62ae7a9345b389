// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QCoroFuture>
#include <QCoroTask>

#include <chrono>
#include <type_traits>

namespace certdeck {

/// Runs blocking work (libssh, ldns, RSA key generation, bulk SQL) on the global thread pool and
/// resumes the awaiting coroutine on its own thread when done. Never call from a worker that the
/// pool itself may need (no nesting).
template <typename F>
auto runBlocking(F&& f) -> QCoro::Task<std::invoke_result_t<F>>
{
    auto future = QtConcurrent::run(std::forward<F>(f));
    co_return co_await future;
}

/// Sleeps for `duration` unless the token is cancelled first. Returns false when cancelled.
QCoro::Task<bool> sleepFor(std::chrono::milliseconds duration, const CancelToken& cancel);

/// The Error for "the user cancelled", with a message fit to show.
Error cancelledError();

} // namespace certdeck
