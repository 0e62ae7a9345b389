// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/RenewCertificate.h"

#include "core/acme/AcmeClient.h"
#include "core/acme/RenewalInfo.h"
#include "core/challenge/LocalWebrootSolver.h"
#include "core/challenge/StandaloneSolver.h"
#include "core/common/Log.h"
#include "core/crypto/KeyType.h"
#include "core/workflow/IssueCertificate.h"
#include "core/workflow/LineageDeployment.h"
#include "core/workflow/LineageSolvers.h"
#include "core/workflow/StoreAccount.h"
#include "core/workflow/StoreLineage.h"

#include <QHostAddress>
#include <QObject>

#include <algorithm>

namespace certdeck::workflow {

namespace {

/// Errors where the CA refused an authorization: repeated ones pause the lineage (Let's Encrypt
/// pauses accounts that keep failing validation for the same names).
bool isAuthorizationFailure(ErrorCode code) {
    switch (code) {
    case ErrorCode::AcmeUnauthorized:
    case ErrorCode::AcmeDns:
    case ErrorCode::AcmeConnection:
    case ErrorCode::AcmeCaa:
    case ErrorCode::AcmeRejectedIdentifier:
        return true;
    default:
        return false;
    }
}

quint64 seedFor(const QString& text) {
    quint64 h = 1469598103934665603ULL; // FNV-1a: stable across runs and Qt versions
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    return h;
}

void appendEvent(RenewalEnvironment& env, store::EventRecord e) {
    if (!e.at.isValid())
        e.at = env.clock->now();
    if (auto s = env.store->events().append(e); !s)
        qCWarning(lcWorkflow) << "cannot record event:" << s.error().toString();
}

} // namespace

QCoro::Task<void> sendNotification(RenewalEnvironment& env, schedule::Notification n, qint64 lineageId) {
    for (schedule::Notifier* notifier : env.notifiers) {
        auto task = notifier->send(n);
        auto s = co_await task;
        if (!s) {
            qCWarning(lcWorkflow) << "notification failed:" << s.error().toString();
            store::EventRecord e =
                store::EventRecord::failure(QStringLiteral("notify-failed"), n.subject, s.error(), lineageId);
            e.at = env.clock->now();
            (void)env.store->events().append(e); // best effort: the notice itself already failed
        }
    }
}

QString RenewOutcome::stateName(State state) {
    switch (state) {
    case State::Renewed:
        return QStringLiteral("renewed");
    case State::NotDue:
        return QStringLiteral("not-due");
    case State::Paused:
        return QStringLiteral("paused");
    case State::Busy:
        return QStringLiteral("busy");
    case State::Failed:
        return QStringLiteral("failed");
    case State::DryRun:
        return QStringLiteral("dry-run");
    }
    return QStringLiteral("failed");
}

int RenewOutcome::deployFailures() const {
    return static_cast<int>(std::count_if(deployments.cbegin(), deployments.cend(),
                                          [](const deploy::DeployResult& r) { return !r.deployed; }));
}

Result<SolverList> solversFromSettings(const store::Lineage& lineage, SharedResponders* shared) {
    const QString method = lineage.challenge.value(QStringLiteral("method")).toString();
    SolverList list;
    if (method == QLatin1String("webroot")) {
        const QString dir = lineage.challenge.value(QStringLiteral("webroot")).toString();
        if (dir.isEmpty())
            return Error(ErrorCode::InvalidInput, QObject::tr("%1: the webroot folder is not set.").arg(lineage.name));
        list.push_back(std::make_shared<challenge::LocalWebrootSolver>(dir));
        return list;
    }
    if (method == QLatin1String("standalone")) {
        const QHostAddress address(lineage.challenge.value(QStringLiteral("address")).toString());
        const int port = lineage.challenge.value(QStringLiteral("port")).toInt();
        if (address.isNull() || port <= 0 || port > 65535)
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("%1: the built-in responder's address or port is not set.").arg(lineage.name));
        const QString key = address.toString() + QLatin1Char(':') + QString::number(port);
        std::shared_ptr<acme::ChallengeSolver> solver = shared ? (*shared)[key] : nullptr;
        if (!solver) {
            solver = std::make_shared<challenge::StandaloneSolver>(address, static_cast<quint16>(port));
            if (shared)
                (*shared)[key] = solver;
        }
        list.push_back(solver);
        return list;
    }
    return Error(ErrorCode::InvalidInput,
                 QObject::tr("%1: the challenge method '%2' cannot be used for unattended renewal yet.")
                     .arg(lineage.name, method.isEmpty() ? QObject::tr("(none)") : method));
}

schedule::RenewalState renewalStateFor(const store::Lineage& l, const store::CertificateRecord* current) {
    schedule::RenewalState s;
    if (current) {
        s.notBefore = current->notBefore;
        s.notAfter = current->notAfter;
        s.seed = seedFor(current->serial + l.name);
    }
    s.ariWindowStart = l.ariWindowStart;
    s.ariWindowEnd = l.ariWindowEnd;
    s.ariCheckedAt = l.ariCheckedAt;
    s.ariRetryAfter = l.ariRetryAfter;
    s.failureCount = l.failureCount;
    s.authzFailureCount = l.authzFailureCount;
    // The store keeps "not before" of the next attempt; the planner takes it as a Retry-After.
    s.retryAfter = l.nextAttemptAt;
    s.lastFailureAt = l.nextAttemptAt.isValid()
                          ? l.nextAttemptAt.addSecs(-schedule::RenewalPlanner::backoffSeconds(l.failureCount))
                          : QDateTime();
    s.paused = !l.pausedReason.isEmpty();
    return s;
}

QCoro::Task<RenewOutcome> renewLineage(RenewalEnvironment& env, QString name, RenewOptions options, Progress& progress,
                                       CancelToken cancel) {
    RenewOutcome out;
    out.lineage = name;
    store::Store& store = *env.store;
    const QString owner = env.lockOwner.isEmpty() ? store::RenewalLockRepository::processOwner() : env.lockOwner;
    auto fail = [&out](const Error& e) {
        out.state = RenewOutcome::State::Failed;
        out.error = e;
        out.message = e.toString();
        return out;
    };

    auto lineage = store.lineages().byName(name);
    if (!lineage)
        co_return fail(lineage.error());
    auto latest = store.certificates().latest(lineage->id);
    if (!latest && latest.error().code != ErrorCode::NotFound)
        co_return fail(latest.error());
    const store::CertificateRecord* current = latest ? &*latest : nullptr;
    QDateTime now = env.clock->now();

    // Expiry notices (the user's first warning, default 14 days, then 14/7/3/1 below it), once each per
    // certificate, whether or not renewal is automatic.
    if (current && !options.dryRun) {
        // Set in the app's Settings or with `certdeck-cli notify settings --warn-days`; a broken value is not worth a
        // failed renewal, so it falls back to the default.
        const auto firstSetting =
            store.settings().value(QString::fromLatin1(store::SettingRepository::kFirstExpiryNoticeDays));
        bool numeric = false;
        const int firstSet = firstSetting ? firstSetting->toInt(&numeric) : 0;
        const int firstNoticeDays = numeric ? std::clamp(firstSet, 1, schedule::RenewalPlanner::kMaxFirstNoticeDays)
                                            : schedule::RenewalPlanner::kDefaultFirstNoticeDays;
        // Automatic renewal normally happens before any notice is due; notices then only mean it is late.
        const qint64 margin =
            lineage->autoRenew
                ? std::max<qint64>(
                      env.planner.plannedRenewal(renewalStateFor(*lineage, current)).secsTo(current->notAfter), 1)
                : 0;
        const int days = schedule::RenewalPlanner::expiryNoticeDue(
            current->notAfter, now, lineage->lastNotifiedExpiryDays, margin, firstNoticeDays);
        if (days > 0) {
            // The notice is for threshold `days`; people are told the whole days actually left.
            const int daysLeft =
                static_cast<int>(std::clamp<qint64>((now.secsTo(current->notAfter) + 86399) / 86400, 1, days));
            lineage->lastNotifiedExpiryDays = days;
            if (auto s = store.lineages().update(*lineage); !s)
                co_return fail(s.error());
            store::EventRecord e;
            e.kind = QStringLiteral("expiring");
            e.lineageId = lineage->id;
            e.subject = name;
            e.message = QObject::tr("Certificate %1 expires in %n day(s) (%2).", nullptr, daysLeft)
                            .arg(name, current->notAfter.toString(Qt::ISODate));
            // The threshold, so the notices sent for one certificate read 30, 14, 7, 3, 1 whatever the timing.
            e.data = QJsonObject{{QStringLiteral("daysLeft"), days}};
            appendEvent(env, e);
            schedule::Notification n;
            n.kind = schedule::Notification::Kind::Expiring;
            n.subject = name;
            n.names = lineage->names;
            n.daysLeft = daysLeft;
            n.notAfter = current->notAfter;
            n.at = now;
            auto notify = sendNotification(env, n, lineage->id);
            co_await notify;
        }
    }

    if (!lineage->autoRenew && !options.force && !options.dryRun) {
        out.state = RenewOutcome::State::NotDue;
        out.message = QObject::tr("Automatic renewal is off for %1.").arg(name);
        out.notAfter = current ? current->notAfter : QDateTime();
        co_return out;
    }

    const QUrl directoryUrl = options.dryRun ? options.dryRunDirectory : lineage->directoryUrl;
    if (options.dryRun && directoryUrl.isEmpty())
        co_return fail(Error(ErrorCode::InvalidInput,
                             QObject::tr("A dry run needs a test CA (--server letsencrypt-staging, or --sandbox).")));

    // ARI (RFC 9773 §4): only when the CA's cached directory offers it, about twice a day.
    schedule::RenewalState state = renewalStateFor(*lineage, current);
    auto accountRow = store.accounts().find(directoryUrl);
    const bool caOffersAri =
        accountRow && accountRow->directory.contains(QStringLiteral("renewalInfo")) && current != nullptr;

    std::shared_ptr<acme::AcmeClient> client;
    int requestsBefore = 0; ///< a shared client's count when this renewal took it
    auto openClient = [&]() -> QCoro::Task<Status> {
        if (client)
            co_return Status{};
        const QString key = directoryUrl.toString();
        if (const auto it = env.clients.find(key); it != env.clients.end()) {
            client = it->second;
            requestsBefore = client->requestCount();
            co_return Status{};
        }
        auto fresh = std::make_shared<acme::AcmeClient>(*env.http);
        AccountOptions accountOptions = env.accountOptions;
        accountOptions.createIfMissing = options.dryRun || accountOptions.createIfMissing;
        auto open = openStoreAccount(*fresh, store, directoryUrl, accountOptions, progress, cancel);
        auto account = co_await open;
        if (!account)
            co_return account.error();
        // Another renewal may have opened one meanwhile: keep the first, use this one for this renewal.
        env.clients.emplace(key, fresh);
        client = fresh;
        co_return Status{};
    };

    // A forced renewal happens whatever the window says: asking would only cost a request.
    if (!options.dryRun && !options.force && caOffersAri && env.planner.shouldCheckAri(state, now)) {
        auto opening = openClient();
        auto opened = co_await opening;
        std::optional<crypto::Certificate> leaf;
        if (opened) {
            auto chain = crypto::Certificate::chainFromPem(current->fullchainPem);
            if (chain)
                leaf = chain->first();
        }
        if (opened && leaf && !client->directory().renewalInfo.isEmpty()) {
            auto ask = client->renewalInfo(*leaf, cancel);
            auto info = co_await ask;
            lineage->ariCheckedAt = now;
            if (info) {
                lineage->ariWindowStart = info->windowStart;
                lineage->ariWindowEnd = info->windowEnd;
                lineage->ariRetryAfter = info->retryAfter.value_or(QDateTime());
            } else {
                qCInfo(lcWorkflow) << name << "ARI unavailable:" << info.error().toString();
            }
            if (auto s = store.lineages().update(*lineage); !s)
                co_return fail(s.error());
            state = renewalStateFor(*lineage, current);
        }
    }

    const schedule::RenewalDecision decision = env.planner.decide(state, now);
    if (!options.force && !options.dryRun) {
        if (decision.action == schedule::RenewalDecision::Action::Paused) {
            out.state = RenewOutcome::State::Paused;
            out.message = lineage->pausedReason.isEmpty() ? decision.reason : lineage->pausedReason;
            co_return out;
        }
        if (decision.action == schedule::RenewalDecision::Action::Wait) {
            out.state = RenewOutcome::State::NotDue;
            out.nextCheck = decision.at;
            out.message = decision.reason;
            out.notAfter = current ? current->notAfter : QDateTime();
            co_return out;
        }
    }

    // Never two orders for one lineage at once, across processes.
    if (!options.dryRun) {
        auto lock = store.renewalLocks().acquire(lineage->id, owner, now, env.lockTtlSeconds);
        if (!lock) {
            out.state = lock.error().code == ErrorCode::Busy ? RenewOutcome::State::Busy : RenewOutcome::State::Failed;
            out.error = lock.error();
            out.message = lock.error().toString();
            co_return out;
        }
        if (lock->stale) {
            store::EventRecord e;
            e.kind = QStringLiteral("renewal-interrupted");
            e.lineageId = lineage->id;
            e.subject = name;
            e.message = QObject::tr("An earlier renewal by %1 was interrupted.").arg(lock->stale->owner);
            appendEvent(env, e);
        }
    }

    // The order of an interrupted run (recorded with its key before finalize) is finished rather than
    // a second one placed; issueCertificate() drops it when the CA can no longer complete it.
    std::optional<store::PendingOrder> pending;
    std::optional<crypto::PrivateKey> pendingKey;
    if (!options.dryRun) {
        auto found = store.pendingOrders().find(lineage->id);
        if (found && found->has_value() && (*found)->directoryUrl == directoryUrl) {
            pending = **found;
            if (!pending->keyFile.isEmpty()) {
                if (auto k = store.vault().loadPendingKey(name))
                    pendingKey = *k;
                else
                    qCWarning(lcWorkflow) << name << "pending key unreadable:" << k.error().toString();
            }
        }
    }

    progress.report(QStringLiteral("renew:") + name, QObject::tr("Renewing %1").arg(name));
    Result<IssueResult> issued = Error(ErrorCode::Unknown, QObject::tr("Not started."));
    {
        auto opening = openClient();
        auto opened = co_await opening;
        if (!opened) {
            issued = opened.error();
        } else {
            auto solvers = env.solvers ? env.solvers(*lineage) : solversForLineage(store, *lineage, &env.responders);
            if (!solvers) {
                issued = solvers.error();
            } else {
                IssueRequest request;
                auto ids = acme::parseIdentifiers(lineage->names);
                const auto keyType = crypto::parseKeyType(lineage->keyType);
                if (!ids) {
                    issued = ids.error();
                } else {
                    request.identifiers = *ids;
                    request.keyType = keyType.value_or(crypto::KeyType::P256);
                    request.profile = lineage->profile;
                    request.preferredChain = lineage->preferredChain;
                    for (auto& s : *solvers)
                        request.solvers.push_back(s.get());
                    // RFC 9773 §5: "replaces" only to a CA that offers ARI, naming the certificate replaced.
                    if (current && !options.dryRun && !client->directory().renewalInfo.isEmpty()) {
                        if (auto chain = crypto::Certificate::chainFromPem(current->fullchainPem)) {
                            if (auto certId = acme::RenewalInfo::certificateId(chain->first()))
                                request.replaces = *certId;
                        }
                    }
                    if (pending) {
                        request.resumeOrderUrl = pending->orderUrl;
                        request.reuseKey = pendingKey;
                    }
                    const qint64 lineageId = lineage->id;
                    const QStringList lineageNames = lineage->names;
                    store::Store* storePtr = &store;
                    RenewalEnvironment* envPtr = &env;
                    // A dry run keeps nothing, not even its order.
                    if (!options.dryRun)
                        request.orderPlaced = [storePtr, envPtr, lineageId, lineageNames, directoryUrl,
                                               owner](const acme::Order& order) -> Status {
                            store::PendingOrder p;
                            p.lineageId = lineageId;
                            p.orderUrl = order.url;
                            p.directoryUrl = directoryUrl;
                            p.names = lineageNames;
                            if (auto s = storePtr->pendingOrders().save(p); !s)
                                return s;
                            (void)storePtr->renewalLocks().setOrderUrl(lineageId, owner, order.url);
                            if (envPtr->stepHook)
                                envPtr->stepHook(QStringLiteral("order-created"));
                            return {};
                        };
                    if (!options.dryRun)
                        request.beforeFinalize = [storePtr, lineageId, lineageNames, directoryUrl,
                                                  name](const acme::Order& order,
                                                        const crypto::PrivateKey& key) -> Status {
                            // The key first (0600), then the row naming it: a crash in between leaves an
                            // unused key file, never a row pointing at nothing.
                            auto path = storePtr->vault().savePendingKey(name, key);
                            if (!path)
                                return path.error();
                            store::PendingOrder p;
                            p.lineageId = lineageId;
                            p.orderUrl = order.url;
                            p.directoryUrl = directoryUrl;
                            p.names = lineageNames;
                            p.keyFile = *path;
                            p.stage = QStringLiteral("finalizing");
                            return storePtr->pendingOrders().save(p);
                        };
                    request.afterFinalize = [envPtr](const acme::Order&) {
                        if (envPtr->stepHook)
                            envPtr->stepHook(QStringLiteral("finalized"));
                    };
                    out.orders = pending ? 0 : 1;
                    auto issue = issueCertificate(*client, request, progress, cancel);
                    // Named, then moved: no temporary in the co_await expression (GCC 12).
                    auto result = co_await issue;
                    issued = std::move(result);
                    if (issued) {
                        out.orders = issued->ordersPlaced;
                        if (issued->resumed) {
                            store::EventRecord e;
                            e.kind = QStringLiteral("renewal-resumed");
                            e.lineageId = lineageId;
                            e.subject = name;
                            e.message =
                                QObject::tr("Finished the interrupted order %1.").arg(issued->orderUrl.toString());
                            e.data = QJsonObject{{QStringLiteral("orderUrl"), issued->orderUrl.toString()}};
                            appendEvent(env, e);
                        }
                    } else if (pending) {
                        out.orders = 1; // a new order may have been placed after the old one was dropped
                    }
                }
            }
        }
    }
    now = env.clock->now();

    if (options.dryRun) {
        store::EventRecord e =
            issued ? store::EventRecord{}
                   : store::EventRecord::failure(QStringLiteral("dry-run-failed"), name, issued.error(), lineage->id);
        if (issued) {
            e.kind = QStringLiteral("dry-run");
            e.lineageId = lineage->id;
            e.subject = name;
            e.message = QObject::tr("Dry run for %1 against %2 succeeded.").arg(name, directoryUrl.host());
        }
        appendEvent(env, e);
        if (!issued)
            co_return fail(issued.error());
        out.state = RenewOutcome::State::DryRun;
        out.notAfter = issued->chain.leaf().notAfter();
        out.message = e.message;
        co_return out;
    }

    if (issued) {
        // A lineage whose first issuance was interrupted gets its first certificate here.
        const QString kind = current ? QStringLiteral("renewed") : QStringLiteral("issued");
        auto saving = saveIssuedCertificateOffThread(store, *lineage, *issued, kind, now);
        auto version = co_await saving;
        if (version) {
            // Stored in the KeyVault and history: the order is done.
            (void)store.pendingOrders().remove(lineage->id);
            (void)store.vault().removePendingKey(name);
        }
        (void)store.renewalLocks().release(lineage->id, owner);
        if (!version)
            co_return fail(version.error());
        out.state = RenewOutcome::State::Renewed;
        out.version = *version;
        out.orderUrl = issued->orderUrl;
        out.requests = client ? client->requestCount() - requestsBefore : 0;
        out.notAfter = issued->chain.leaf().notAfter();
        out.message = QObject::tr("Renewed %1, valid until %2").arg(name, out.notAfter.toString(Qt::ISODate));
        progress.done(QStringLiteral("renew:") + name, out.message);
        schedule::Notification n;
        n.kind = schedule::Notification::Kind::Renewed;
        n.subject = name;
        n.names = lineage->names;
        n.notAfter = out.notAfter;
        n.at = now;
        auto notify = sendNotification(env, n, lineage->id);
        co_await notify;
        if (env.deployAfterRenewal && !lineage->deployTargets.isEmpty()) {
            auto deploying = deployLineage(env, name, progress, cancel);
            auto deployed = co_await deploying;
            out.deployments = std::move(deployed);
            if (const int failed = out.deployFailures(); failed > 0)
                out.message += QObject::tr("; deployment failed on %n server(s)", nullptr, failed);
        }
        co_return out;
    }

    // Failure: back off, maybe pause, record and tell.
    const Error error = issued.error();
    if (isAuthorizationFailure(error.code)) {
        // The order is invalid now (RFC 8555 §7.1.6); nothing to resume.
        (void)store.pendingOrders().remove(lineage->id);
        (void)store.vault().removePendingKey(name);
    }
    lineage->failureCount += 1;
    if (isAuthorizationFailure(error.code))
        lineage->authzFailureCount += 1;
    QDateTime next = now.addSecs(schedule::RenewalPlanner::backoffSeconds(lineage->failureCount));
    if (error.retryAfter && *error.retryAfter > next)
        next = *error.retryAfter;
    lineage->nextAttemptAt = next;
    if (lineage->authzFailureCount >= env.planner.policy().maxAuthzFailures)
        lineage->pausedReason =
            QObject::tr(
                "Validation failed %n time(s) in a row; fix the cause, then run 'certdeck-cli renew %1 --force'.",
                nullptr, lineage->authzFailureCount)
                .arg(name);
    if (auto s = store.lineages().update(*lineage); !s)
        qCWarning(lcWorkflow) << "cannot save renewal state:" << s.error().toString();
    (void)store.renewalLocks().release(lineage->id, owner);
    const QString failedKind = current ? QStringLiteral("renewal-failed") : QStringLiteral("issue-failed");
    appendEvent(env, store::EventRecord::failure(failedKind, name, error, lineage->id));
    progress.failed(QStringLiteral("renew:") + name, error.toString());
    schedule::Notification n;
    n.kind = schedule::Notification::Kind::RenewalFailed;
    n.subject = name;
    n.names = lineage->names;
    n.reason =
        error.toString() + (lineage->pausedReason.isEmpty() ? QString() : QStringLiteral(" ") + lineage->pausedReason);
    n.notAfter = current ? current->notAfter : QDateTime();
    n.at = now;
    auto notify = sendNotification(env, n, lineage->id);
    co_await notify;
    out = fail(error);
    out.nextCheck = next;
    co_return out;
}

QCoro::Task<QList<RenewOutcome>> renewAll(RenewalEnvironment& env, RenewOptions options, int concurrency,
                                          Progress& progress, CancelToken cancel) {
    QList<RenewOutcome> results;
    auto all = env.store->lineages().all();
    if (!all) {
        RenewOutcome o;
        o.error = all.error();
        o.message = all.error().toString();
        results << o;
        co_return results;
    }
    QStringList names;
    // Every lineage: those with auto-renewal off still get their expiry notices.
    for (const auto& l : *all)
        names << l.name;
    results.resize(names.size());
    qsizetype next = 0;
    // A small pool of workers pulling names: at most `concurrency` renewals in flight (QCoro tasks start
    // eagerly, so creating the workers starts them).
    auto worker = [&]() -> QCoro::Task<void> {
        while (next < names.size() && !cancel.isCancelled()) {
            const qsizetype i = next++;
            const QString name = names.at(i);
            auto task = renewLineage(env, name, options, progress, cancel);
            auto outcome = co_await task;
            results[i] = std::move(outcome);
        }
    };
    std::vector<QCoro::Task<void>> workers;
    const int n = std::clamp(concurrency, 1, 32);
    for (int i = 0; i < n; ++i)
        workers.push_back(worker());
    for (auto& w : workers)
        co_await w;
    co_return results;
}

} // namespace certdeck::workflow
