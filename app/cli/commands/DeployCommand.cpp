// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/DeployCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/ServerCommand.h"
#include "core/deploy/Deployer.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace certdeck::cli {

namespace {

Result<QByteArray> readBounded(const QString& path, const QString& what) {
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, QObject::tr("Cannot read the %1 file \"%2\".").arg(what, path));
    return f.read(1 << 20);
}

} // namespace

QCoro::Task<int> DeployCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    const QCommandLineOption cert(QStringLiteral("cert"), QStringLiteral("Certificate chain (PEM, leaf first)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("The certificate's private key (PEM)."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("A deploy target from the servers file (repeat)."),
                                QStringLiteral("TARGET"));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Every target in the servers file."));
    const QCommandLineOption servers(QStringLiteral("servers"), QStringLiteral("The servers file."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Deploy to this server (with --preset)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption preset(QStringLiteral("preset"),
                                    QStringLiteral("nginx, apache, haproxy, postfix, dovecot or generic."),
                                    QStringLiteral("TYPE"), QStringLiteral("nginx"));
    const QCommandLineOption dir(QStringLiteral("dir"), QStringLiteral("Folder for the files on the server."),
                                 QStringLiteral("PATH"));
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
    p.addOptions({cert, key, to, all, servers, server, preset, dir, verifyPort, verifyStartTls, serverNameOpt, noVerify,
                  concurrency});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;

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
    auto privateKey = crypto::PrivateKey::fromPem(keyBytes.bytes());
    if (!privateKey)
        co_return reportError(ctx, privateKey.error());
    deploy::DeployMaterial material{*chain, *privateKey};

    const QString dataDir = dataDirFor(ctx);
    auto sf = ServersFile::load(p.isSet(servers) ? p.value(servers) : ServersFile::defaultPath(dataDir));
    if (!sf)
        co_return reportError(ctx, sf.error());
    QList<deploy::DeployTarget> targets;
    QStringList names = p.values(to);
    if (p.isSet(all))
        names << sf->targetNames();
    for (const QString& n : names) {
        auto t = sf->target(n, dataDir);
        if (!t)
            co_return reportError(ctx, t.error());
        targets << *t;
    }
    if (p.isSet(server)) {
        auto srv = sf->server(p.value(server), dataDir);
        if (!srv)
            co_return reportError(ctx, srv.error());
        auto kind = deploy::DeployTarget::presetFromName(p.value(preset));
        if (!kind)
            co_return reportError(ctx, kind.error());
        if (!p.isSet(dir))
            co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("--server needs --dir PATH.")));
        deploy::DeployTarget t = deploy::DeployTarget::fromPreset(*kind, *srv, p.value(dir));
        t.name = p.value(server);
        if (p.isSet(verifyPort))
            t.verifyPort = static_cast<quint16>(p.value(verifyPort).toUInt());
        t.verifyServerName = p.value(serverNameOpt);
        if (p.isSet(verifyStartTls)) {
            auto upgrade = monitor::TlsProbe::startTlsFromName(p.value(verifyStartTls));
            if (!upgrade)
                co_return reportError(ctx, upgrade.error());
            t.verifyStartTls = *upgrade;
        }
        targets << t;
    }
    if (targets.isEmpty())
        co_return reportError(
            ctx, Error(ErrorCode::InvalidInput, QObject::tr("Say where to deploy: --to TARGET, --all, or --server NAME "
                                                            "--preset TYPE --dir PATH.")));
    if (p.isSet(noVerify)) {
        for (auto& t : targets)
            t.verify = false;
    }

    deploy::Deployer::Options options;
    options.maxConcurrent = p.value(concurrency).toInt();
    deploy::Deployer deployer(options);
    Progress progress;
    printProgress(progress, ctx);
    const CancelToken cancel;
    auto task = deployer.deployAll(targets, material, progress, cancel);
    const QList<deploy::DeployResult> results = co_await task;

    int failures = 0;
    std::optional<Error> firstError;
    QJsonArray json;
    for (const deploy::DeployResult& r : results) {
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
        if (r.error)
            o.insert(QStringLiteral("error"), r.error->userMessage);
        if (r.rollbackError)
            o.insert(QStringLiteral("rollbackError"), r.rollbackError->userMessage);
        json.append(o);
        if (!ctx.json) {
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
        *ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), failures == 0}, {QStringLiteral("results"), json}})
                        .toJson(QJsonDocument::Compact)
                 << '\n';
    ctx.out->flush();
    if (failures == 0)
        co_return 0;
    co_return exitCodeFor(firstError ? firstError->code : ErrorCode::Deploy);
}

} // namespace certdeck::cli
