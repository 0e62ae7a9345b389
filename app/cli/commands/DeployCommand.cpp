// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/DeployCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/ServerCommand.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/deploy/Deployer.h"
#include "core/workflow/LineageDeployment.h"
#include "core/workflow/RenewCertificate.h"
#include "core/workflow/ServerLogin.h"
#include "core/workflow/StoredNotifiers.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace certdeck::cli {

namespace {

Result<QByteArray> readBounded(const QString& path, const QString& what) {
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, QObject::tr("Cannot read the %1 file \"%2\".").arg(what, path));
    return f.read(1 << 20);
}

/// One deployment as printed: which certificate (lineage mode) and what the deployer reported.
struct Reported {
    QString certificate;
    deploy::DeployResult result;
};

int printResults(CliContext& ctx, const QList<Reported>& all) {
    int failures = 0;
    std::optional<Error> firstError;
    QJsonArray json;
    for (const Reported& rep : all) {
        const deploy::DeployResult& r = rep.result;
        if (!r.deployed) {
            ++failures;
            if (!firstError && r.error)
                firstError = r.error;
        }
        QJsonObject o{{QStringLiteral("target"), r.target},
                      {QStringLiteral("deployed"), r.deployed},
                      {QStringLiteral("rolledBack"), r.rolledBack},
                      {QStringLiteral("rollbackVerified"), r.rollbackVerified},
                      {QStringLiteral("untouched"), r.untouched},
                      {QStringLiteral("servedFingerprint"), r.servedFingerprint},
                      {QStringLiteral("previousFingerprint"), r.previousFingerprint},
                      {QStringLiteral("ms"), r.totalMs}};
        if (!rep.certificate.isEmpty())
            o.insert(QStringLiteral("certificate"), rep.certificate);
        if (r.error)
            o.insert(QStringLiteral("error"), r.error->userMessage);
        if (r.rollbackError)
            o.insert(QStringLiteral("rollbackError"), r.rollbackError->userMessage);
        json.append(o);
        if (!ctx.json) {
            if (!rep.certificate.isEmpty())
                *ctx.out << rep.certificate << " -> ";
            if (r.deployed)
                *ctx.out << r.target << ": deployed and served (" << r.servedFingerprint.left(23) << "...)\n";
            else
                *ctx.out << r.target << ": FAILED: " << (r.error ? r.error->userMessage : QString())
                         << (r.rolledBack ? (r.rollbackVerified ? QStringLiteral(" Rolled back; the previous "
                                                                                 "certificate is served again.")
                                                                : QStringLiteral(" Rolled back (not verified)."))
                                          : QString())
                         << '\n';
        }
    }
    if (ctx.json)
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), failures == 0}, {QStringLiteral("results"), json}});
    ctx.out->flush();
    if (failures == 0)
        return 0;
    return exitCodeFor(firstError ? firstError->code : ErrorCode::Deploy);
}

/// Stored certificates to their stored targets, one after another (each one's targets concurrently).
QCoro::Task<int> deployLineages(CliContext& ctx, store::Store& st, QStringList names, int concurrency) {
    net::HttpClient http;
    workflow::RenewalEnvironment env;
    env.store = &st;
    env.http = &http;
    env.deployOptions.maxConcurrent = concurrency;
    // A failed deployment notifies the user's stored targets, as after a renewal.
    auto loadingNotifiers = workflow::loadStoredNotifiers(st, http);
    auto notifiers = co_await loadingNotifiers;
    for (const QString& problem : std::as_const(notifiers.problems))
        *ctx.err << "notification target not usable: " << problem << '\n';
    for (schedule::Notifier* n : notifiers.pointers())
        env.notifiers.push_back(n);

    for (const QString& n : std::as_const(names)) {
        auto lineage = st.lineages().byName(n);
        if (!lineage)
            co_return reportError(ctx, lineage.error());
        if (lineage->deployTargets.isEmpty())
            co_return reportError(ctx, Error(ErrorCode::InvalidInput,
                                             QObject::tr("%1 has no deploy targets: add one with 'certdeck-cli "
                                                         "target add %1 --server NAME --preset nginx --dir PATH'.")
                                                 .arg(n)));
    }
    Progress progress;
    printProgress(progress, ctx);
    const CancelToken cancel;
    QList<Reported> reported;
    for (const QString& n : std::as_const(names)) {
        auto task = workflow::deployLineage(env, n, progress, cancel);
        auto results = co_await task;
        for (const deploy::DeployResult& r : std::as_const(results))
            reported << Reported{n, r};
    }
    co_return printResults(ctx, reported);
}

} // namespace

QCoro::Task<int> DeployCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("certificate"),
                            QStringLiteral("Stored certificates (lineages) to deploy to their targets."),
                            QStringLiteral("[NAME...]"));
    const QCommandLineOption cert(QStringLiteral("cert"), QStringLiteral("Certificate chain (PEM, leaf first)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("The certificate's private key (PEM)."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("With --cert: a deploy target of an old servers.json (repeat)."),
                                QStringLiteral("TARGET"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 QStringLiteral("Every stored certificate that has deploy targets (with --cert: every "
                                                "target of an old servers.json)."));
    const QCommandLineOption servers(QStringLiteral("servers"),
                                     QStringLiteral("With --to: the old servers file to read targets from."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("With --cert: deploy to this stored server (with --preset, --dir)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption preset(QStringLiteral("preset"),
                                    QStringLiteral("nginx, apache, haproxy, postfix, dovecot or generic."),
                                    QStringLiteral("TYPE"), QStringLiteral("nginx"));
    const QCommandLineOption dir(QStringLiteral("dir"), QStringLiteral("Folder for the files on the server."),
                                 QStringLiteral("PATH"));
    const QCommandLineOption reload(QStringLiteral("reload"),
                                    QStringLiteral("The reload command, one argument per option (repeat)."),
                                    QStringLiteral("ARG"));
    const QCommandLineOption configTest(QStringLiteral("config-test"),
                                        QStringLiteral("The configuration test, one argument per option (repeat)."),
                                        QStringLiteral("ARG"));
    const QCommandLineOption verifyHost(QStringLiteral("verify-host"),
                                        QStringLiteral("Where to check the served certificate (default: the "
                                                       "server's host)."),
                                        QStringLiteral("HOST"));
    const QCommandLineOption verifyPort(QStringLiteral("verify-port"), QStringLiteral("TLS port to verify on."),
                                        QStringLiteral("PORT"));
    const QCommandLineOption serverNameOpt(QStringLiteral("server-name"),
                                           QStringLiteral("SNI name to verify (default: the certificate's first)."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption noVerify(QStringLiteral("no-verify"), QStringLiteral("Skip the TLS verification."));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"), QStringLiteral("Servers at once."),
                                         QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption verifyStartTls(
        QStringLiteral("verify-starttls"),
        QStringLiteral("How TLS starts on the verify port: none, smtp, imap, pop3 (default: by the port)."),
        QStringLiteral("PROTO"));
    p.addOptions({cert, key, to, all, servers, server, preset, dir, reload, configTest, verifyHost, verifyPort,
                  verifyStartTls, serverNameOpt, noVerify, concurrency});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    bool concurrencyOk = false;
    const int parallel = p.value(concurrency).toInt(&concurrencyOk);
    if (!concurrencyOk || parallel < 1 || parallel > 32)
        co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("--concurrency takes 1 to 32.")));

    auto opened = openStore(ctx);
    if (!opened)
        co_return reportError(ctx, opened.error());
    store::Store& st = **opened;
    if (auto s = importServersFile(st, *ctx.err); !s)
        co_return reportError(ctx, s.error());

    const QStringList lineageNames = p.positionalArguments();
    if (!p.isSet(cert) && !p.isSet(key)) {
        // Stored certificates to their stored targets.
        if (p.isSet(to) || p.isSet(server) || p.isSet(noVerify))
            co_return reportError(
                ctx, Error(ErrorCode::InvalidInput,
                           QObject::tr("--to, --server and --no-verify deploy files: give --cert and --key too. A "
                                       "stored certificate goes to its own targets (certdeck-cli target list NAME).")));
        QStringList names = lineageNames;
        if (p.isSet(all)) {
            auto lineages = st.lineages().all();
            if (!lineages)
                co_return reportError(ctx, lineages.error());
            for (const auto& l : *lineages) {
                if (!l.deployTargets.isEmpty() && !names.contains(l.name))
                    names << l.name;
            }
            if (names.isEmpty())
                co_return reportError(ctx, Error(ErrorCode::NotFound,
                                                 QObject::tr("No stored certificate has deploy targets: add one with "
                                                             "'certdeck-cli target add NAME --server SERVER ...'.")));
        }
        if (names.isEmpty())
            co_return reportError(ctx, Error(ErrorCode::InvalidInput,
                                             QObject::tr("Say what to deploy: a certificate's name (or --all), or "
                                                         "--cert FILE --key FILE with --server NAME or --to TARGET.")));
        auto task = deployLineages(ctx, st, names, parallel);
        auto rc = co_await task;
        co_return rc;
    }
    if (!lineageNames.isEmpty())
        co_return reportError(ctx,
                              Error(ErrorCode::InvalidInput,
                                    QObject::tr("Give either certificate names or --cert/--key files, not both.")));

    auto certPem = readBounded(p.value(cert), QStringLiteral("certificate"));
    if (!certPem)
        co_return reportError(ctx, certPem.error());
    auto chain = crypto::Certificate::chainFromPem(*certPem);
    if (!chain)
        co_return reportError(ctx, chain.error());
    auto keyPem = readBounded(p.value(key), QStringLiteral("key"));
    if (!keyPem)
        co_return reportError(ctx, keyPem.error());
    const SecureBytes keyBytes(*keyPem);
    SecureBytes::wipe(*keyPem);
    auto privateKey = crypto::PrivateKey::fromPem(keyBytes.bytes());
    if (!privateKey)
        co_return reportError(ctx, privateKey.error());
    const deploy::DeployMaterial material{*chain, *privateKey};

    // Every target with the name of the store server it logs in to.
    QList<deploy::DeployTarget> targets;
    QStringList targetServers;
    if (p.isSet(to) || p.isSet(all)) {
        auto sf = ServersFile::load(p.isSet(servers) ? p.value(servers) : ServersFile::defaultPath(st.dataDir()));
        if (!sf)
            co_return reportError(ctx, sf.error());
        QStringList names = p.values(to);
        if (p.isSet(all))
            names << sf->targetNames();
        for (const QString& n : std::as_const(names)) {
            auto t = sf->target(n, st);
            if (!t)
                co_return reportError(ctx, t.error());
            targets << *t;
            targetServers << sf->root.value(QStringLiteral("targets"))
                                 .toObject()
                                 .value(n)
                                 .toObject()
                                 .value(QStringLiteral("server"))
                                 .toString();
        }
    }
    if (p.isSet(server)) {
        auto srv = st.servers().byName(p.value(server));
        if (!srv)
            co_return reportError(
                ctx, srv.error().code == ErrorCode::NotFound
                         ? Error(ErrorCode::NotFound, QObject::tr("No server named '%1': add it with 'certdeck-cli "
                                                                  "server add %1 --host HOST'.")
                                                          .arg(p.value(server).left(64)))
                         : srv.error());
        if (!p.isSet(dir))
            co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("--server needs --dir PATH.")));
        // The same entry a stored target would be, so files deploy exactly like renewals do.
        QJsonObject entry{{QStringLiteral("name"), srv->name},
                          {QStringLiteral("server"), srv->name},
                          {QStringLiteral("preset"), p.value(preset)},
                          {QStringLiteral("directory"), p.value(dir)}};
        if (p.isSet(reload))
            entry.insert(QStringLiteral("reload"), QJsonArray::fromStringList(p.values(reload)));
        if (p.isSet(configTest))
            entry.insert(QStringLiteral("configTest"), QJsonArray::fromStringList(p.values(configTest)));
        if (p.isSet(verifyHost))
            entry.insert(QStringLiteral("verifyHost"), p.value(verifyHost));
        if (p.isSet(verifyPort))
            entry.insert(QStringLiteral("verifyPort"), p.value(verifyPort).toInt());
        if (p.isSet(serverNameOpt))
            entry.insert(QStringLiteral("serverName"), p.value(serverNameOpt));
        auto t = workflow::deployTargetFromJson(entry, workflow::sshTargetFor(*srv, st.dataDir()));
        if (!t)
            co_return reportError(ctx, t.error());
        if (p.isSet(verifyStartTls)) {
            auto upgrade = monitor::TlsProbe::startTlsFromName(p.value(verifyStartTls));
            if (!upgrade)
                co_return reportError(ctx, upgrade.error());
            t->verifyStartTls = *upgrade;
        }
        targets << *t;
        targetServers << srv->name;
    }
    if (targets.isEmpty())
        co_return reportError(
            ctx, Error(ErrorCode::InvalidInput, QObject::tr("Say where to deploy: --server NAME --preset TYPE --dir "
                                                            "PATH, or --to TARGET of an old servers.json.")));
    if (p.isSet(noVerify)) {
        for (auto& t : targets)
            t.verify = false;
    }

    // One Deployer per server: each logs in with its own stored password or passphrase.
    std::map<QString, QList<qsizetype>> byServer;
    for (qsizetype i = 0; i < targets.size(); ++i)
        byServer[targetServers.at(i)] << i;
    const store::Secrets secrets = st.secrets();
    Progress progress;
    printProgress(progress, ctx);
    const CancelToken cancel;
    QList<Reported> reported(targets.size());
    for (const auto& [serverName, indexes] : byServer) {
        auto record = st.servers().byName(serverName);
        if (!record)
            co_return reportError(ctx, record.error());
        auto login = workflow::serverLogin(secrets, *record);
        auto auth = co_await login;
        if (!auth)
            co_return reportError(ctx, auth.error());
        deploy::Deployer::Options options;
        options.maxConcurrent = parallel;
        options.auth = *auth;
        deploy::Deployer deployer(options);
        QList<deploy::DeployTarget> group;
        for (qsizetype i : indexes)
            group << targets.at(i);
        auto task = deployer.deployAll(group, material, progress, cancel);
        auto results = co_await task;
        for (qsizetype k = 0; k < indexes.size() && k < results.size(); ++k)
            reported[indexes.at(k)].result = results.at(k);
    }
    co_return printResults(ctx, reported);
}

} // namespace certdeck::cli
