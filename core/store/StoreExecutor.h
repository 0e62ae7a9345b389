// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/store/Store.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QString>
#include <QThread>

#include <memory>
#include <type_traits>
#include <utility>

namespace certdeck::store {

/// The store for a GUI: one Store opened on one dedicated thread (QtSql connections belong to the
/// thread that opened them), and every query sent there. `run(f)` calls `f(Store&)` on that thread
/// and returns a QFuture the caller co_awaits, so bulk SQL never runs on the GUI thread and two
/// screens never race on one connection. The Store opens on the first call; if it cannot, every
/// call returns that error (f must return a Result<T>).
///
///     auto job = executor.run([](store::Store& s) { return s.events().recent(200); });
///     auto events = co_await job;
class StoreExecutor {
public:
    explicit StoreExecutor(QString dataDir);
    /// Closes the Store on its own thread, after the calls already queued.
    ~StoreExecutor();
    StoreExecutor(const StoreExecutor&) = delete;
    StoreExecutor& operator=(const StoreExecutor&) = delete;

    [[nodiscard]] QString dataDir() const { return m_dataDir; }

    template <typename F> auto run(F f) {
        using R = std::invoke_result_t<F, Store&>;
        static_assert(std::is_constructible_v<R, Error>, "StoreExecutor::run: f must return a Result<T>");
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            m_context,
            [this, promise, f = std::move(f)]() mutable {
                auto* opened = storeOnThisThread();
                promise->addResult(opened ? f(*opened) : R(m_openError));
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

private:
    /// Only ever called on m_thread.
    Store* storeOnThisThread();

    QString m_dataDir;
    QThread m_thread;
    QObject* m_context = nullptr;   ///< lives on m_thread; calls are queued to it, in order
    std::unique_ptr<Store> m_store; ///< touched only on m_thread
    Error m_openError;
    bool m_tried = false;
};

} // namespace certdeck::store
