// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/RenewCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/SandboxSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/challenge/StandaloneSolver.h"
#include "core/common/Log.h"
#include "core/schedule/WebhookNotifier.h"
#include "core/workflow/DeployedCheck.h"
#include "core/workflow/LineageDeployment.h"
#include "core/workflow/LineageSolvers.h"
#include "core/workflow/RenewCertificate.h"
#include "core/workflow/StoredNotifiers.h"

#include <QJsonArray>

#include <map>

namespace certdeck::cli {

QCoro::Task<int> RenewCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The certificate to renew (or --all)."));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Every certificate with auto-renewal on."));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Renew even if not due (also resumes a paused certificate)."));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), QStringLiteral("Rehearse against a test CA (--server or --sandbox); keep nothing."));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("Test CA for --dry-run (e.g. letsencrypt-staging)."),
                                    QStringLiteral("URL"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QStringLiteral("Also trust this CA certificate (PEM) for the CA's HTTPS."),
                                    QStringLiteral("PEM"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
                                         QStringLiteral("How many renewals run at once (default 4)."),
                                         QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption agreeTos(QStringLiteral("agree-tos"),
                                      QStringLiteral("Agree to the CA's terms if a new account is needed."));
    const QCommandLineOption webhook(QStringLiteral("webhook"),
                                     QStringLiteral("Also notify this webhook (https URL) of the outcome."),
                                     QStringLiteral("URL"));
    const QCommandLineOption webhookFormat(QStringLiteral("webhook-format"),
                                           QStringLiteral("json (default), ntfy, slack or discord."),
                                           QStringLiteral("FORMAT"), QStringLiteral("json"));
    const QCommandLineOption deployOnly(
        QStringLiteral("deploy-only"),
        QStringLiteral("Do not renew: deploy the current certificate to its targets (see 'certdeck-cli target')."));
    const QCommandLineOption noDeploy(QStringLiteral("no-deploy"),
                                      QStringLiteral("Renew without deploying to the certificate's targets."));
    p.addOptions(
        {all, force, dryRun, server, caFile, concurrency, agreeTos, webhook, webhookFormat, deployOnly, noDeploy});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    auto fail = [&ctx](const Error& e) {
        return reportError(ctx, e);
    };
    const QStringList names = p.positionalArguments();
    if (p.isSet(all) == !names.isEmpty())
        co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("Give a certificate name or --all.")));
    bool okConcurrency = false;
    const int parallel = p.value(concurrency).toInt(&okConcurrency);
    if (!okConcurrency || parallel < 1 || parallel > 32)
        co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("--concurrency takes 1 to 32.")));
    const auto format = schedule::WebhookNotifier::parseFormat(p.value(webhookFormat));
    if (!format)
        co_return fail(
            Error(ErrorCode::InvalidInput, QObject::tr("Unknown --webhook-format %1.").arg(p.value(webhookFormat))));

    auto store = openStore(ctx);
    if (!store)
        co_return fail(store.error());

    workflow::RenewOptions options;
    options.force = p.isSet(force);
    options.dryRun = p.isSet(dryRun);
    std::unique_ptr<SandboxSession> sandbox;
    QStringList trust;
    if (p.isSet(caFile))
        trust << p.value(caFile);
    if (options.dryRun) {
        if (ctx.sandbox) {
            auto starting = SandboxSession::start(ctx);
            auto sb = co_await starting;
            if (!sb)
                co_return fail(sb.error());
            sandbox = std::move(*sb);
            options.dryRunDirectory = sandbox->directoryUrl();
            trust << sandbox->caFile();
        } else {
            if (!p.isSet(server))
                co_return fail(
                    Error(ErrorCode::InvalidInput,
                          QObject::tr("--dry-run needs a test CA: --server letsencrypt-staging or --sandbox.")));
            auto url = directoryUrlFrom(p.value(server));
            if (!url)
                co_return fail(url.error());
            options.dryRunDirectory = *url;
        }
    }
    // CAs a lineage was issued from with a private root (set with `issue --ca-file`).
    bool importedFromCertbot = false;
    if (auto lineages = (*store)->lineages().all()) {
        for (const auto& l : *lineages) {
            const QString f = l.challenge.value(QStringLiteral("caFile")).toString();
            if (!f.isEmpty() && !trust.contains(f))
                trust << f;
            importedFromCertbot = importedFromCertbot || l.challenge.value(QStringLiteral("importedFrom")).toString() ==
                                                             QLatin1String("certbot");
        }
    }
    net::HttpClient http;
    for (const QString& f : std::as_const(trust)) {
        if (auto s = http.addTrustedCertificatesFromFile(f); !s)
            co_return fail(s.error());
    }
    std::unique_ptr<schedule::WebhookNotifier> hook;
    workflow::RenewalEnvironment env;
    env.store = store->get();
    env.http = &http;
    // Whoever moved from certbot agreed to the CA's terms there; a new account for them is no new promise.
    env.accountOptions.termsOfServiceAgreed = p.isSet(agreeTos) || importedFromCertbot || ctx.sandbox;
    if (p.isSet(webhook)) {
        hook = std::make_unique<schedule::WebhookNotifier>(http, QUrl(p.value(webhook)), *format);
        env.notifiers.push_back(hook.get());
    }
    // The notification targets the user stored (notify add); one that cannot be built is reported and
    // the others still used.
    auto loadingNotifiers = workflow::loadStoredNotifiers(**store, http);
    auto storedNotifiers = co_await loadingNotifiers;
    for (const QString& problem : storedNotifiers.problems)
        *ctx.err << "notification target not usable: " << problem << '\n';
    for (schedule::Notifier* n : storedNotifiers.pointers())
        env.notifiers.push_back(n);
    // Every stored challenge method (webroot, responder, a server's webroot over SSH, dns-01 through a
    // stored provider) comes from workflow::solversForLineage(), built only for lineages that renew and
    // shared by the run — the same as the desktop app's renewals.
    if (sandbox) {
        // The sandbox resolves every name to 127.0.0.1 and validates on its http port.
        const quint16 port = sandbox->httpPort();
        env.solvers = [port, &env](const store::Lineage&) -> Result<workflow::SolverList> {
            auto& shared = env.responders[QStringLiteral("sandbox")];
            if (!shared)
                shared = std::make_shared<challenge::StandaloneSolver>(QHostAddress::LocalHost, port);
            return workflow::SolverList{shared};
        };
    }

    Progress progress;
    if (!ctx.json)
        printProgress(progress, ctx);
    CancelToken cancel;
    QList<workflow::RenewOutcome> outcomes;
    env.deployAfterRenewal = !p.isSet(noDeploy);
    env.stepHook = stepHook();
    env.deployOptions.maxConcurrent = parallel;
    if (p.isSet(deployOnly)) {
        QStringList targets = names;
        if (p.isSet(all)) {
            auto lineages = (*store)->lineages().all();
            if (!lineages)
                co_return fail(lineages.error());
            for (const auto& l : *lineages) {
                if (!l.deployTargets.isEmpty())
                    targets << l.name;
            }
        }
        for (const QString& n : std::as_const(targets)) {
            auto lineage = (*store)->lineages().byName(n);
            if (!lineage)
                co_return fail(lineage.error());
            if (lineage->deployTargets.isEmpty())
                co_return fail(Error(ErrorCode::InvalidInput,
                                     QObject::tr("%1 has no deploy targets: add one with 'certdeck-cli target add %1 "
                                                 "--server NAME --preset nginx --dir PATH'.")
                                         .arg(n)));
            auto task = workflow::deployLineage(env, n, progress, cancel);
            auto deployed = co_await task;
            workflow::RenewOutcome o;
            o.lineage = n;
            o.state = workflow::RenewOutcome::State::NotDue;
            o.message = QObject::tr("deployed the current certificate");
            o.deployments = deployed;
            outcomes << o;
        }
    } else if (p.isSet(all)) {
        auto task = workflow::renewAll(env, options, parallel, progress, cancel);
        auto list = co_await task;
        outcomes = list;
    } else {
        for (const QString& n : names) {
            auto task = workflow::renewLineage(env, n, options, progress, cancel);
            auto outcome = co_await task;
            outcomes << outcome;
        }
    }

    // What the servers of the lineages this run looked at serve now (those deployed just now were
    // verified by their deployment): a server serving another certificate than the stored one is an
    // event and a notice, once a day per target and certificate.
    QList<workflow::DeployedState> deployed;
    if (!p.isSet(deployOnly) && !p.isSet(dryRun)) {
        QStringList checked;
        for (const auto& o : std::as_const(outcomes))
            if (o.deployments.isEmpty() && o.state != workflow::RenewOutcome::State::Failed)
                checked << o.lineage;
        if (!checked.isEmpty()) {
            auto checking = workflow::checkDeployed(env, checked, cancel);
            auto states = co_await checking;
            deployed = states;
        }
    }

    int exit = 0;
    QJsonArray results;
    for (const auto& o : std::as_const(outcomes)) {
        if (o.state == workflow::RenewOutcome::State::Failed && exit == 0)
            exit = o.error ? exitCodeFor(o.error->code) : 1;
        QJsonObject r{{QStringLiteral("name"), o.lineage},
                      {QStringLiteral("result"), workflow::RenewOutcome::stateName(o.state)},
                      {QStringLiteral("message"), o.message},
                      {QStringLiteral("orders"), o.orders}};
        if (o.nextCheck.isValid())
            r.insert(QStringLiteral("next"), o.nextCheck.toString(Qt::ISODate));
        if (o.notAfter.isValid())
            r.insert(QStringLiteral("notAfter"), o.notAfter.toString(Qt::ISODate));
        if (o.error)
            r.insert(QStringLiteral("error"), errorCodeName(o.error->code));
        QJsonArray deployments;
        for (const deploy::DeployResult& d : o.deployments) {
            QJsonObject dj{{QStringLiteral("target"), d.target},
                           {QStringLiteral("deployed"), d.deployed},
                           {QStringLiteral("rolledBack"), d.rolledBack},
                           {QStringLiteral("servedFingerprint"), d.servedFingerprint}};
            if (d.error)
                dj.insert(QStringLiteral("error"), d.error->userMessage);
            deployments.append(dj);
            // The renewal itself is kept; the exit code still tells the timer something needs a person.
            if (!d.deployed && exit == 0)
                exit = exitCodeFor(d.error ? d.error->code : ErrorCode::Deploy);
        }
        if (!deployments.isEmpty())
            r.insert(QStringLiteral("deployments"), deployments);
        results.append(r);
        if (!ctx.json) {
            *ctx.out << o.lineage << ": " << workflow::RenewOutcome::stateName(o.state);
            if (o.state == workflow::RenewOutcome::State::NotDue && o.nextCheck.isValid())
                *ctx.out << " (due " << o.nextCheck.toString(Qt::ISODate) << ')';
            else if (!o.message.isEmpty())
                *ctx.out << " - " << o.message;
            *ctx.out << '\n';
            for (const deploy::DeployResult& d : o.deployments) {
                *ctx.out << "  " << d.target << ": "
                         << (d.deployed
                                 ? QStringLiteral("deployed and served")
                                 : QStringLiteral("deploy FAILED: ") + (d.error ? d.error->userMessage : QString()))
                         << '\n';
            }
            if (ctx.verbose && o.error && !o.error->detail.isEmpty())
                *ctx.err << "detail: " << o.error->detail << '\n';
        }
    }
    QJsonArray differs;
    for (const workflow::DeployedState& d : std::as_const(deployed)) {
        if (d.error || d.matches())
            continue;
        differs.append(QJsonObject{{QStringLiteral("name"), d.lineage},
                                   {QStringLiteral("target"), d.target},
                                   {QStringLiteral("address"), d.address},
                                   {QStringLiteral("served"), d.servedSha256},
                                   {QStringLiteral("stored"), d.storedSha256}});
        if (!ctx.json)
            *ctx.out << d.lineage << ": " << d.target << " (" << d.address
                     << ") serves another certificate than the stored one (" << d.servedSha256.left(16)
                     << "...): deploy it again with 'certdeck-cli renew " << d.lineage << " --deploy-only'\n";
    }
    if (ctx.json) {
        QJsonObject doc{{QStringLiteral("ok"), exit == 0}, {QStringLiteral("results"), results}};
        if (!differs.isEmpty())
            doc.insert(QStringLiteral("deployedDiffers"), differs);
        printJson(ctx, doc);
    }
    co_return exit;
}

} // namespace certdeck::cli
