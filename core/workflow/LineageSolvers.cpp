// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/LineageSolvers.h"

#include "core/challenge/RemoteWebrootSolver.h"
#include "core/ssh/SshSession.h"
#include "core/workflow/DeferredSolver.h"
#include "core/workflow/DnsSolverBundle.h"
#include "core/workflow/LineageDeployment.h"
#include "core/workflow/ServerLogin.h"

#include <QObject>

namespace certdeck::workflow {
namespace {

using Made = DeferredSolver::Made;

QCoro::Task<Made> loginAndServeWebroot(store::Store* store, QString serverName,
                                       challenge::RemoteWebrootSolver::Options options) {
    auto server = store->servers().byName(serverName);
    if (!server)
        co_return Error(ErrorCode::NotFound,
                        QObject::tr("The server '%1' this certificate is validated through is not in the store any "
                                    "more: add it again in Servers (or 'certdeck-cli server add').")
                            .arg(serverName),
                        server.error().detail);
    const ssh::SshTarget target = sshTargetFor(*server, store->dataDir());
    auto login = serverLogin(store->secrets(), *server);
    auto auth = co_await login;
    if (!auth)
        co_return auth.error();
    auto connecting = ssh::SshSession::connect(target, *auth);
    auto session = co_await connecting;
    if (!session)
        co_return session.error();
    co_return std::shared_ptr<acme::ChallengeSolver>(
        std::make_shared<challenge::RemoteWebrootSolver>(*session, options));
}

QCoro::Task<Made> providerSolver(store::Store* store, QString provider, QString resolver) {
    auto making = makeDnsSolver(*store, provider, resolver);
    auto bundle = co_await making;
    if (!bundle)
        co_return bundle.error();
    // The solver keeps its provider and HTTP client alive (aliasing: one owner for the three).
    auto owner = std::make_shared<DnsSolverBundle>(std::move(*bundle));
    co_return std::shared_ptr<acme::ChallengeSolver>(owner, owner->solver.get());
}

} // namespace

Result<SolverList> solversForLineage(store::Store& store, const store::Lineage& lineage, SharedResponders* shared) {
    const QJsonObject& c = lineage.challenge;
    const QString method = c.value(QStringLiteral("method")).toString();
    const auto sharedSolver = [shared](const QString& key,
                                       const std::function<std::shared_ptr<acme::ChallengeSolver>()>& make) {
        std::shared_ptr<acme::ChallengeSolver> solver = shared ? (*shared)[key] : nullptr;
        if (!solver) {
            solver = make();
            if (shared)
                (*shared)[key] = solver;
        }
        return SolverList{solver};
    };

    if (method == QLatin1String("remote-webroot")) {
        const QString server = c.value(QStringLiteral("server")).toString();
        challenge::RemoteWebrootSolver::Options options;
        options.webroot = c.value(QStringLiteral("webroot")).toString();
        options.selfCheck = c.value(QStringLiteral("selfCheck")).toBool(true);
        options.useSudo = c.value(QStringLiteral("sudo")).toBool(false);
        if (server.isEmpty() || !options.webroot.startsWith(QLatin1Char('/')))
            return Error(
                ErrorCode::InvalidInput,
                QObject::tr("%1: the server or the webroot folder to answer http-01 in is not set.").arg(lineage.name));
        const QString description = QObject::tr("webroot %1 on %2").arg(options.webroot, server);
        store::Store* s = &store;
        return sharedSolver(QStringLiteral("ssh|%1|%2|%3").arg(server, options.webroot).arg(options.useSudo),
                            [s, server, options, description] {
                                return std::make_shared<DeferredSolver>(
                                    QStringLiteral("http-01"), description,
                                    [s, server, options] { return loginAndServeWebroot(s, server, options); });
                            });
    }

    if (method == QLatin1String("dns-01")) {
        const QString provider = c.value(QStringLiteral("provider")).toString();
        if (c.value(QStringLiteral("manual")).toBool() || provider.isEmpty())
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("%1 is validated with a TXT record you add by hand, so it cannot renew "
                                     "unattended: renew it from the app, or choose a DNS provider for it.")
                             .arg(lineage.name));
        const QString resolver = c.value(QStringLiteral("resolver")).toString();
        store::Store* s = &store;
        return sharedSolver(QStringLiteral("dns|%1|%2").arg(provider, resolver), [s, provider, resolver] {
            return std::make_shared<DeferredSolver>(
                QStringLiteral("dns-01"), QObject::tr("DNS provider %1").arg(provider),
                [s, provider, resolver] { return providerSolver(s, provider, resolver); });
        });
    }

    return solversFromSettings(lineage, shared);
}

} // namespace certdeck::workflow
