// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/ChallengeSolver.h"

namespace certdeck::challenge {

/// http-01 through a directory on this machine that a local web server serves (certbot's --webroot):
/// writes `<webroot>/.well-known/acme-challenge/<token>` (0644) and removes exactly that file again.
class LocalWebrootSolver final : public acme::ChallengeSolver {
public:
    explicit LocalWebrootSolver(QString webroot);
    [[nodiscard]] QString challengeType() const override { return QStringLiteral("http-01"); }
    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> present(const acme::ChallengeTask& task, Progress& progress,
                                const CancelToken& cancel) override;
    QCoro::Task<Status> cleanUp(const acme::ChallengeTask& task) override;

private:
    [[nodiscard]] QString tokenPath(const QString& token) const;
    QString m_webroot;
};

} // namespace certdeck::challenge
