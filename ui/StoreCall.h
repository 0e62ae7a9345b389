// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace certdeck::ui {

/// Calls `done(result)` on `context`'s thread once `future` (a StoreExecutor::run job) has its
/// result, and never when `context` is destroyed first: the watcher is a child of `context`.
template <typename T, typename F> void whenReady(QFuture<T> future, QObject* context, F done) {
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            done(watcher->future().result());
    });
    watcher->setFuture(std::move(future));
}

} // namespace certdeck::ui
