// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/ChallengeSolver.h"
#include "core/challenge/Dns01Solver.h"
#include "core/dns/providers/ManualProvider.h"

#include <QList>

namespace certdeck::ui {

/// dns-01 (RFC 8555 §8.4) where a person adds the TXT record at their DNS host, with the wizard's
/// two buttons: "Check now" (ask every authoritative server again at once) and "Continue anyway"
/// (stop waiting and let the CA look). present() reports the exact record as a Waiting step
/// (id "manual-dns:<fqdn>:<value>", data fqdn, value, domain), follows an `_acme-challenge` CNAME
/// like Dns01Solver, then watches every authoritative server with dns::PropagationChecker (steps
/// "propagation:<fqdn>:<server>", data seen/lastAnswer) until all serve the value — no fixed sleep.
/// cleanUp() removes nothing (a person added it); the record's step says it may be deleted.
/// Runs on the GUI thread (coroutines); not shared between jobs.
class WizardManualDnsSolver final : public acme::ChallengeSolver {
public:
    explicit WizardManualDnsSolver(challenge::Dns01Options options);

    [[nodiscard]] QString challengeType() const override { return QStringLiteral("dns-01"); }
    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> present(const acme::ChallengeTask& task, Progress& progress,
                                const CancelToken& cancel) override;
    QCoro::Task<Status> cleanUp(const acme::ChallengeTask& task) override;

    /// Asks every server again now (restarts the waits; the first question goes out at once).
    void checkNow();
    /// Stops waiting: every pending present() returns success and the CA validates.
    void continueAnyway();
    [[nodiscard]] bool isWaiting() const { return !m_waits.isEmpty(); }

    /// The progress step id of a record.
    static QString stepId(const QString& fqdn, const QString& value);

private:
    QCoro::Task<Status> waitUntilSeen(QString fqdn, QString value, Progress& progress, CancelToken cancel);
    void cancelWaits();

    challenge::Dns01Options m_options;
    dns::ManualProvider m_manual;           ///< only for Dns01Solver's CNAME lookup
    challenge::Dns01Solver m_cnameFollower; ///< recordTarget() only: never presents
    QList<CancelToken> m_waits;
    int m_recheck = 0;
    bool m_continue = false;
};

} // namespace certdeck::ui
