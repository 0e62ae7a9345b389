// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Module-private: included by core/ssh only.
#include <QCoroFuture>
#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <type_traits>

namespace certdeck::ssh::internal {

/// One OS thread that drives one libssh session (libssh: one session per thread). Jobs run in the
/// order they were posted, one at a time; awaiting a job resumes the coroutine on its own thread
/// (QCoro's QFuture awaiter), so callers never see the worker.
class Worker {
public:
    Worker() {
        m_pool.setMaxThreadCount(1);
        // Never let the thread expire: a new thread would inherit the session mid-life.
        m_pool.setExpiryTimeout(-1);
    }
    ~Worker() { m_pool.waitForDone(); }
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    /// Queues f on the worker; `co_await` the future to resume on the awaiting thread with its result.
    ///
    /// Deliberately not a coroutine taking the lambda: GCC 12 destroys a lambda's captures twice when
    /// the lambda is a temporary inside a co_await expression (double free). Call it in a statement
    /// of its own and await the named future:
    ///     auto job = worker.start([core] { return work(*core); });
    ///     auto result = co_await job;
    template <typename F> auto start(F f) -> QFuture<std::invoke_result_t<F>> {
        return QtConcurrent::run(&m_pool, std::move(f));
    }

    /// Fire and forget (keepalive, final clean-up).
    void post(std::function<void()> f) { m_pool.start(std::move(f)); }
    void waitForDone() { m_pool.waitForDone(); }

private:
    QThreadPool m_pool;
};

} // namespace certdeck::ssh::internal
