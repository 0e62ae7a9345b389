// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/DeferredSolver.h"

#include <QCoroFuture>
#include <QPromise>

namespace certdeck::workflow {

DeferredSolver::DeferredSolver(QString challengeType, QString description, Maker make)
    : m_type(std::move(challengeType))
    , m_description(std::move(description))
    , m_make(std::move(make)) {}

QCoro::Task<DeferredSolver::Made> DeferredSolver::solver() {
    if (m_solver)
        co_return m_solver;
    if (!m_building) {
        // The first caller builds; the future lets the others that arrive meanwhile wait for it.
        m_building = true;
        auto promise = std::make_shared<QPromise<Made>>();
        m_built = promise->future();
        promise->start();
        auto making = m_make();
        Made made = co_await making;
        if (made)
            m_solver = *made;
        m_building = false;
        promise->addResult(made);
        promise->finish();
        co_return made;
    }
    QFuture<Made> pending = m_built;
    auto made = co_await pending;
    co_return made;
}

QCoro::Task<Status> DeferredSolver::present(const acme::ChallengeTask& task, Progress& progress,
                                            const CancelToken& cancel) {
    auto getting = solver();
    auto made = co_await getting;
    if (!made)
        co_return made.error();
    std::shared_ptr<acme::ChallengeSolver> inner = *made;
    auto presenting = inner->present(task, progress, cancel);
    auto presented = co_await presenting;
    co_return presented;
}

QCoro::Task<Status> DeferredSolver::cleanUp(const acme::ChallengeTask& task) {
    // Nothing was presented through a solver that was never built.
    if (!m_solver)
        co_return Status();
    std::shared_ptr<acme::ChallengeSolver> inner = m_solver;
    auto cleaning = inner->cleanUp(task);
    auto cleaned = co_await cleaning;
    co_return cleaned;
}

} // namespace certdeck::workflow
