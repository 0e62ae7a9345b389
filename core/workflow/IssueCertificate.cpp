// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/IssueCertificate.h"

#include "core/common/Async.h"
#include "core/common/Log.h"
#include "core/crypto/CertificateRequest.h"

#include <QObject>

namespace certdeck::workflow {

namespace {

struct Presented {
    acme::ChallengeSolver* solver = nullptr;
    acme::ChallengeTask task;
};

struct AuthzOutcome {
    std::optional<Presented> presented; ///< set once present() succeeded: cleanUp is owed
    Status status;                      ///< failure before or while responding
    bool alreadyValid = false;
    bool validNow = false; ///< the challenge response already said valid
};

acme::ChallengeSolver* pickSolver(const acme::Authorization& authz, const std::vector<acme::ChallengeSolver*>& solvers,
                                  const acme::Challenge** chosen) {
    for (auto* s : solvers) {
        const QString type = s->challengeType();
        if (authz.wildcard && type != QLatin1String("dns-01"))
            continue; // §7.1.3: wildcards are only validated by dns-01
        if (const acme::Challenge* c = authz.challenge(type)) {
            *chosen = c;
            return s;
        }
    }
    return nullptr;
}

QCoro::Task<AuthzOutcome> prepareAuthorization(acme::AcmeClient& client, const QUrl& url,
                                               const std::vector<acme::ChallengeSolver*>& solvers, Progress& progress,
                                               const CancelToken& cancel) {
    AuthzOutcome out;
    auto authz = co_await client.fetchAuthorization(url, cancel);
    if (!authz) {
        out.status = authz.error();
        co_return out;
    }
    const QString name = authz->identifier.value;
    const QString id = QStringLiteral("authz:") + name;
    if (authz->status == acme::Authorization::Status::Valid) {
        out.alreadyValid = true;
        progress.done(id, QObject::tr("%1 is already authorized").arg(name));
        co_return out;
    }
    if (authz->status != acme::Authorization::Status::Pending) {
        out.status = Error(ErrorCode::Acme, QObject::tr("The authorization for %1 cannot be used (it is no longer "
                                                        "pending).")
                                                .arg(name));
        co_return out;
    }
    const acme::Challenge* challenge = nullptr;
    acme::ChallengeSolver* solver = pickSolver(*authz, solvers, &challenge);
    if (!solver) {
        QStringList offered;
        for (const auto& c : authz->challenges)
            offered << c.type;
        out.status =
            Error(ErrorCode::InvalidInput,
                  authz->wildcard ? QObject::tr("%1 is a wildcard name: it can only be validated through DNS (dns-01). "
                                                "Choose a DNS provider.")
                                        .arg(name)
                                  : QObject::tr("No configured validation method fits %1: the CA offers %2.")
                                        .arg(name, offered.join(QStringLiteral(", "))));
        co_return out;
    }
    acme::ChallengeTask task{authz->identifier, challenge->type, challenge->token,
                             client.keyAuthorization(challenge->token)};
    progress.report(id, QObject::tr("Preparing %1 for %2 (%3)").arg(challenge->type, name, solver->description()));
    Status presented = co_await solver->present(task, progress, cancel);
    if (!presented) {
        out.status = presented.error().withContext(QObject::tr("Preparing the challenge for %1").arg(name));
        co_return out;
    }
    out.presented = Presented{solver, task};
    if (cancel.isCancelled()) {
        out.status = cancelledError();
        co_return out;
    }
    progress.report(id, QObject::tr("The CA is validating %1").arg(name));
    auto responded = co_await client.respondToChallenge(challenge->url, cancel);
    if (!responded) {
        out.status = responded.error().withContext(QObject::tr("Asking the CA to validate %1").arg(name));
        co_return out;
    }
    out.validNow = responded->status == acme::Challenge::Status::Valid;
    if (responded->status == acme::Challenge::Status::Invalid)
        out.status = responded->error
                         ? acme::problemToError(*responded->error)
                         : Error(ErrorCode::AcmeUnauthorized, QObject::tr("Validation of %1 failed.").arg(name));
    co_return out;
}

/// Finds which authorization failed and why, for an order that went invalid.
QCoro::Task<Error> explainInvalidOrder(acme::AcmeClient& client, const acme::Order& order, const CancelToken& cancel) {
    for (const auto& url : order.authorizations) {
        auto authz = co_await client.fetchAuthorization(url, cancel);
        if (authz && authz->status == acme::Authorization::Status::Invalid) {
            if (auto problem = authz->firstError()) {
                acme::Problem p = *problem;
                if (p.identifier.isEmpty())
                    p.identifier = authz->identifier.value;
                co_return acme::problemToError(p, QObject::tr("Validating %1").arg(authz->identifier.value));
            }
            co_return Error(ErrorCode::AcmeUnauthorized,
                            QObject::tr("The CA could not validate %1.").arg(authz->identifier.value));
        }
    }
    if (order.error)
        co_return acme::problemToError(*order.error);
    co_return Error(ErrorCode::Acme, QObject::tr("The CA marked the order invalid without saying why."));
}

Status checkIssued(const acme::CertificateChain& chain, const crypto::PrivateKey& key,
                   const QList<acme::Identifier>& identifiers) {
    if (chain.certificates.isEmpty())
        return Error(ErrorCode::Protocol, QObject::tr("The CA sent no certificate."));
    const auto& leaf = chain.leaf();
    if (!leaf.matchesKey(key))
        return Error(ErrorCode::Protocol,
                     QObject::tr("The CA sent a certificate for a different key; it was not saved."));
    for (const auto& id : identifiers) {
        if (!leaf.coversName(id.value))
            return Error(
                ErrorCode::Protocol,
                QObject::tr("The CA sent a certificate that does not cover %1; it was not saved.").arg(id.value));
    }
    if (auto s = crypto::checkChainOrder(chain.certificates); !s)
        return Error(ErrorCode::Protocol, QObject::tr("The CA sent a broken certificate chain; it was not saved."),
                     s.error().userMessage);
    return {};
}

/// Why an interrupted order cannot be finished (empty: it can). RFC 8555 §7.1.6 order states.
QString resumableReason(const Result<acme::Order>& order, const QList<acme::Identifier>& identifiers, bool haveKey,
                        const QDateTime& now) {
    if (!order)
        return order.error().code == ErrorCode::NotFound ? QObject::tr("the CA no longer knows it")
                                                         : order.error().userMessage;
    if (order->status == acme::Order::Status::Invalid)
        return QObject::tr("it is invalid");
    if (order->expires.isValid() && order->expires <= now && order->status != acme::Order::Status::Valid)
        return QObject::tr("it expired");
    QStringList want;
    for (const auto& id : identifiers)
        want << id.value;
    QStringList have;
    for (const auto& id : order->identifiers)
        have << id.value;
    want.sort();
    have.sort();
    if (want != have)
        return QObject::tr("it is for other names");
    const bool finalized =
        order->status == acme::Order::Status::Processing || order->status == acme::Order::Status::Valid;
    if (finalized && !haveKey)
        return QObject::tr("the key it was finalized with is missing");
    return {};
}

} // namespace

QCoro::Task<Result<IssueResult>> issueCertificate(acme::AcmeClient& client, IssueRequest request, Progress& progress,
                                                  CancelToken cancel) {
    const int requestsBefore = client.requestCount();
    if (request.identifiers.isEmpty())
        co_return Error(ErrorCode::InvalidInput, QObject::tr("Give at least one name."));
    if (request.solvers.empty())
        co_return Error(ErrorCode::InvalidInput, QObject::tr("Choose how to validate the names (webroot, DNS ...)."));

    // The certificate key is made while the CA works: RSA keys take a while, and off this thread.
    std::optional<QFuture<Result<crypto::PrivateKey>>> keyTask;
    if (!request.reuseKey) {
        const auto type = request.keyType;
        keyTask.emplace(runBlocking([type] { return crypto::PrivateKey::generate(type); }));
    }

    QStringList names;
    for (const auto& id : request.identifiers)
        names << id.value;
    Result<acme::Order> order = Error(ErrorCode::Acme, QObject::tr("No order."));
    bool resumed = false;
    if (!request.resumeOrderUrl.isEmpty()) {
        progress.report(QStringLiteral("order"), QObject::tr("Looking up the interrupted order"));
        auto fetching = client.fetchOrder(request.resumeOrderUrl, cancel);
        auto fetched = co_await fetching;
        const QString unusable = resumableReason(fetched, request.identifiers, request.reuseKey.has_value(),
                                                 QDateTime::currentDateTimeUtc());
        if (unusable.isEmpty()) {
            order = std::move(fetched);
            resumed = true;
            progress.done(QStringLiteral("order"),
                          QObject::tr("Resuming the interrupted order (%1)").arg(acme::orderStatusName(order->status)));
        } else {
            qCInfo(lcWorkflow) << "interrupted order not resumed:" << unusable;
            progress.report(QStringLiteral("order"), QObject::tr("The interrupted order cannot be finished (%1); "
                                                                 "starting a new one")
                                                         .arg(unusable));
        }
    }
    if (!resumed) {
        progress.report(QStringLiteral("order"),
                        QObject::tr("Ordering a certificate for %1").arg(names.join(QStringLiteral(", "))));
        const acme::NewOrderOptions orderOptions{request.profile, request.replaces};
        auto placing = client.newOrder(request.identifiers, orderOptions, cancel);
        auto placed = co_await placing;
        order = std::move(placed);
        if (!order) {
            progress.failed(QStringLiteral("order"), order.error().userMessage);
            co_return order.error();
        }
        if (request.orderPlaced) {
            if (auto s = request.orderPlaced(*order); !s)
                co_return s.error();
        }
        progress.done(QStringLiteral("order"), QObject::tr("Order created"));
    }
    // Already finalized before the interruption: only the download is left.
    const bool finalizedBefore =
        resumed && (order->status == acme::Order::Status::Processing || order->status == acme::Order::Status::Valid);

    // Authorizations in parallel: QCoro tasks start eagerly, so all run before the first is awaited.
    std::vector<QCoro::Task<AuthzOutcome>> tasks;
    tasks.reserve(static_cast<size_t>(order->authorizations.size()));
    const bool authorizationsLeft = !resumed || order->status == acme::Order::Status::Pending;
    for (const auto& url : order->authorizations) {
        if (authorizationsLeft)
            tasks.push_back(prepareAuthorization(client, url, request.solvers, progress, cancel));
    }
    std::vector<AuthzOutcome> outcomes;
    for (auto& t : tasks)
        outcomes.push_back(co_await t);

    auto cleanUpAll = [&outcomes]() -> QCoro::Task<void> {
        for (auto& o : outcomes) {
            if (!o.presented)
                continue;
            auto s = co_await o.presented->solver->cleanUp(o.presented->task);
            if (!s)
                qCWarning(lcWorkflow) << "clean-up failed:" << s.error().toString();
            o.presented.reset();
        }
    };

    std::optional<Error> failure;
    bool allValid = true;
    for (const auto& o : outcomes) {
        if (!o.status && !failure)
            failure = o.status.error();
        allValid = allValid && (o.alreadyValid || o.validNow);
    }

    Result<acme::Order> ready = *order;
    if (!failure && !allValid) {
        // One poll of the order covers every authorization (§7.1.6: ready once all are valid).
        ready = co_await client.waitForOrder(*order, cancel);
        if (!ready)
            failure = ready.error();
        else if (ready->status == acme::Order::Status::Invalid)
            failure = co_await explainInvalidOrder(client, *ready, cancel);
    } else if (!failure && !finalizedBefore) {
        ready->status = acme::Order::Status::Ready;
    }
    co_await cleanUpAll();
    if (failure) {
        for (const auto& id : request.identifiers)
            progress.failed(QStringLiteral("authz:") + id.value, failure->userMessage);
        co_return *failure;
    }
    for (const auto& id : request.identifiers)
        progress.done(QStringLiteral("authz:") + id.value, QObject::tr("%1 validated").arg(id.value));

    // No co_await inside a conditional expression: GCC 12 destroys such temporaries twice.
    Result<crypto::PrivateKey> key = Error(ErrorCode::Crypto, QObject::tr("No certificate key."));
    if (request.reuseKey)
        key = *request.reuseKey;
    else
        key = co_await *keyTask;
    if (!key)
        co_return key.error();
    Result<acme::Order> finalized = *ready;
    if (!finalizedBefore) {
        auto csr = crypto::CertificateRequest::createDer(*key, names);
        if (!csr)
            co_return csr.error();
        if (request.beforeFinalize) {
            if (auto s = request.beforeFinalize(*ready, *key); !s)
                co_return s.error();
        }
        progress.report(QStringLiteral("finalize"), QObject::tr("Asking the CA to issue the certificate"));
        auto finalizing = client.finalize(*ready, *csr, cancel);
        auto answer = co_await finalizing;
        finalized = std::move(answer);
        if (finalized && request.afterFinalize)
            request.afterFinalize(*finalized);
    }
    if (finalized && finalized->status == acme::Order::Status::Processing) {
        const acme::Order processing = *finalized;
        auto waiting = client.waitForOrder(processing, cancel);
        auto done = co_await waiting;
        finalized = std::move(done);
    }
    if (!finalized) {
        progress.failed(QStringLiteral("finalize"), finalized.error().userMessage);
        co_return finalized.error();
    }
    if (finalized->status != acme::Order::Status::Valid || finalized->certificate.isEmpty()) {
        Error e = finalized->error ? acme::problemToError(*finalized->error)
                                   : Error(ErrorCode::Acme, QObject::tr("The CA did not issue the certificate (order "
                                                                        "status %1).")
                                                                .arg(acme::orderStatusName(finalized->status)));
        progress.failed(QStringLiteral("finalize"), e.userMessage);
        co_return e;
    }
    progress.done(QStringLiteral("finalize"), QObject::tr("Certificate issued"));

    progress.report(QStringLiteral("download"), QObject::tr("Downloading the certificate"));
    auto chain = co_await client.downloadCertificate(finalized->certificate, request.preferredChain, cancel);
    if (!chain) {
        progress.failed(QStringLiteral("download"), chain.error().userMessage);
        co_return chain.error();
    }
    if (auto s = checkIssued(*chain, *key, request.identifiers); !s) {
        progress.failed(QStringLiteral("download"), s.error().userMessage);
        co_return s.error();
    }
    progress.done(QStringLiteral("download"),
                  QObject::tr("Certificate valid until %1").arg(chain->leaf().notAfter().toString(Qt::ISODate)));
    IssueResult result{*chain, *key, finalized->url, client.requestCount() - requestsBefore};
    result.resumed = resumed;
    result.ordersPlaced = resumed ? 0 : 1;
    co_return result;
}

} // namespace certdeck::workflow
