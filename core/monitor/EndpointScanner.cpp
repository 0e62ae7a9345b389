// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/monitor/EndpointScanner.h"

#include "core/common/Async.h"

#include <QCoroFuture>
#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <memory>

namespace certdeck::monitor {

EndpointScanner::EndpointScanner(int maxConcurrent)
    : m_maxConcurrent(std::clamp(maxConcurrent, 1, 64)) {}

QCoro::Task<QList<Result<TlsProbeResult>>> EndpointScanner::scan(QList<TlsProbe::Options> endpoints,
                                                                 CancelToken cancel) {
    // The pool's size is the bound; its threads exist only for this scan. Shared so that a future
    // still queued when this frame is destroyed never outlives its pool.
    auto pool = std::make_shared<QThreadPool>();
    pool->setMaxThreadCount(m_maxConcurrent);
    QList<QFuture<Result<TlsProbeResult>>> jobs;
    jobs.reserve(endpoints.size());
    for (const TlsProbe::Options& endpoint : endpoints) {
        jobs << QtConcurrent::run(pool.get(), [endpoint, cancel]() -> Result<TlsProbeResult> {
            if (cancel.isCancelled())
                return cancelledError();
            return TlsProbe::probeBlocking(endpoint);
        });
    }
    QList<Result<TlsProbeResult>> results;
    results.reserve(jobs.size());
    for (auto& job : jobs) {
        auto result = co_await job;
        results << std::move(result);
    }
    co_return results;
}

} // namespace certdeck::monitor
