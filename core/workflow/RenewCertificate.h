// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/ChallengeSolver.h"
#include "core/common/CancelToken.h"
#include "core/common/Clock.h"
#include "core/common/Progress.h"
#include "core/deploy/Deployer.h"
#include "core/net/HttpClient.h"
#include "core/schedule/Notifier.h"
#include "core/schedule/RenewalPlanner.h"
#include "core/store/Store.h"
#include "core/workflow/AccountFiles.h"

#include <QCoroTask>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace certdeck::acme {
class AcmeClient;
}

namespace certdeck::workflow {

using SolverList = std::vector<std::shared_ptr<acme::ChallengeSolver>>;
/// Built-in responders by "address:port", shared by renewals running at the same time (one port, one
/// listener; the responder answers every token presented to it).
using SharedResponders = std::map<QString, std::shared_ptr<acme::ChallengeSolver>>;
/// Builds the solvers a lineage's challenge settings describe.
using SolverFactory = std::function<Result<SolverList>(const store::Lineage&)>;

/// The default: {"method":"webroot","webroot":DIR} (LocalWebrootSolver) and
/// {"method":"standalone","address":ADDR,"port":PORT} (StandaloneSolver, taken from / added to `shared`
/// when given). Other methods: InvalidInput naming the method.
Result<SolverList> solversFromSettings(const store::Lineage& lineage, SharedResponders* shared = nullptr);

/// What renewals need, shared by every renewal of one run. Not owned pointers must outlive the run.
struct RenewalEnvironment {
    store::Store* store = nullptr;
    net::HttpClient* http = nullptr;
    std::shared_ptr<Clock> clock = Clock::system();
    schedule::RenewalPlanner planner;
    /// Empty: solversForLineage() (every stored method) sharing `responders`.
    SolverFactory solvers;
    SharedResponders responders;
    /// ACME clients by directory URL with their account open, shared by the run's renewals: one
    /// connection, one directory fetch and one account load for a hundred renewals from one CA
    /// (AcmeClient serves concurrent orders: each request takes its own nonce).
    std::map<QString, std::shared_ptr<acme::AcmeClient>> clients;
    std::vector<schedule::Notifier*> notifiers;
    QString lockOwner; ///< empty: this process (RenewalLockRepository::processOwner())
    qint64 lockTtlSeconds = 3600;
    AccountOptions accountOptions; ///< for a dry-run CA that needs a new account
    /// After a renewal, install the new certificate on the lineage's stored deploy targets
    /// (deployLineage); a failed deployment never undoes the renewal.
    bool deployAfterRenewal = true;
    /// Concurrency, timeouts and verify trust of those deployments (auth is per server, from the store).
    deploy::Deployer::Options deployOptions;
    /// Called at named points of an issuance ("order-created" once the pending order is recorded,
    /// "finalized" once the CA accepted the CSR). Empty in the product; the test-hooks build of the CLI
    /// uses it to simulate a killed process there.
    std::function<void(const QString& step)> stepHook;
};

struct RenewOptions {
    bool force = false; ///< renew even when not due (and when paused: the user acts)
    /// Issue from `dryRunDirectory` (a staging or sandbox CA) and keep nothing but an event.
    bool dryRun = false;
    QUrl dryRunDirectory;
};

struct RenewOutcome {
    enum class State { Renewed, NotDue, Paused, Busy, Failed, DryRun };
    QString lineage;
    State state = State::Failed;
    QDateTime nextCheck; ///< NotDue: when it is due; Failed: the next attempt
    QString message;
    std::optional<Error> error;
    int version = 0;
    QDateTime notAfter;
    int orders = 0;   ///< ACME orders this renewal placed (0 or 1)
    QUrl orderUrl;    ///< Renewed/DryRun: the order the certificate came from
    int requests = 0; ///< ACME requests sent for this renewal (with a shared client, also those of renewals running at
                      ///< the same time)
    /// Renewed: one result per stored deploy target (empty without targets).
    QList<deploy::DeployResult> deployments;

    /// Deploy targets that did not get the renewed certificate.
    [[nodiscard]] int deployFailures() const;

    /// renewed, not-due, paused, busy, failed, dry-run
    [[nodiscard]] static QString stateName(State state);
};

/// RFC 9773-aware renewal of one lineage (DESIGN.md "Renew"): sends due expiry notices; asks the CA's
/// ARI about twice a day when it offers it; lets the RenewalPlanner decide; takes the lineage's lock
/// (never two orders for one lineage, across processes); resumes the lineage's pending order when an
/// earlier run was interrupted (the order and the key made for it are stored before finalize; see
/// IssueRequest::resumeOrderUrl), or starts cleanly when that order cannot be finished; issues with the lineage's
/// settings and `replaces` (the ARI id of the current certificate, when the CA offers ARI); stores the result (KeyVault
/// + history) or the failure (backoff, pause after repeated authorization failures); records an Event and notifies
/// either way; after a renewal deploys to the lineage's stored targets (deployLineage: one event per target, a
/// DeployFailed notification per failure; the renewed certificate stays stored whatever the servers do). A lineage
/// without a certificate yet (its first issuance was interrupted, see `certdeck-cli issue`) is issued the same way; its
/// events are "issued" and "issue-failed" instead of "renewed" and "renewal-failed". Never throws; every failure is in
/// the outcome.
QCoro::Task<RenewOutcome> renewLineage(RenewalEnvironment& env, QString name, RenewOptions options, Progress& progress,
                                       CancelToken cancel);

/// Every lineage, at most `concurrency` at a time, in name order (those with auto-renewal off only get
/// their expiry notices, unless forced).
QCoro::Task<QList<RenewOutcome>> renewAll(RenewalEnvironment& env, RenewOptions options, int concurrency,
                                          Progress& progress, CancelToken cancel);

/// Sends `n` through every notifier of env; a notifier that fails is recorded as a "notify-failed"
/// event (the others still get it).
QCoro::Task<void> sendNotification(RenewalEnvironment& env, schedule::Notification n, qint64 lineageId);

/// The planner's state for a lineage and its current certificate (invalid times when none).
schedule::RenewalState renewalStateFor(const store::Lineage& lineage, const store::CertificateRecord* current);

} // namespace certdeck::workflow
