// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/ChallengeSolver.h"

#include <QFuture>

#include <functional>
#include <memory>

namespace certdeck::workflow {

/// A solver built the first time a challenge needs it, then shared: for renewals, where building one
/// means logging in to a server over SSH or reading a DNS provider's credential from the keychain,
/// which only the lineages actually due should pay for. present() calls arriving while it is being
/// built (parallel authorizations) wait for that one build. A failed build is reported to the calls
/// waiting for it and tried again by the next present().
class DeferredSolver : public acme::ChallengeSolver {
public:
    using Made = Result<std::shared_ptr<acme::ChallengeSolver>>;
    using Maker = std::function<QCoro::Task<Made>()>;

    DeferredSolver(QString challengeType, QString description, Maker make);

    [[nodiscard]] QString challengeType() const override { return m_type; }
    [[nodiscard]] QString description() const override { return m_description; }
    QCoro::Task<Status> present(const acme::ChallengeTask& task, Progress& progress,
                                const CancelToken& cancel) override;
    QCoro::Task<Status> cleanUp(const acme::ChallengeTask& task) override;

private:
    QCoro::Task<Made> solver();

    QString m_type;
    QString m_description;
    Maker m_make;
    bool m_building = false;
    QFuture<Made> m_built; ///< valid once a build started; finished when it ended
    std::shared_ptr<acme::ChallengeSolver> m_solver;
};

} // namespace certdeck::workflow
