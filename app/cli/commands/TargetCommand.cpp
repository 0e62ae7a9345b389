// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/TargetCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/ServerCommand.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/workflow/LineageDeployment.h"

#include <QJsonArray>

namespace certdeck::cli {

namespace {

/// The store's server `name` (servers.json, if any, imported into the store first by the caller).
Result<store::ServerRecord> storedServer(store::Store& store, const QString& name) {
    auto found = store.servers().byName(name);
    if (found || found.error().code != ErrorCode::NotFound)
        return found;
    return Error(ErrorCode::NotFound,
                 QObject::tr("No server named '%1': add it with 'certdeck-cli server add %1 --host HOST', then "
                             "confirm its host key with 'certdeck-cli server trust %1'.")
                     .arg(name.left(64)));
}

} // namespace

QCoro::Task<int> TargetCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add | list | remove"));
    p.addPositionalArgument(QStringLiteral("certificate"), QStringLiteral("The certificate (lineage) name."));
    p.addPositionalArgument(QStringLiteral("target"), QStringLiteral("remove: the target's name."));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("add: the server to deploy to."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption preset(QStringLiteral("preset"),
                                    QStringLiteral("add: nginx, apache, haproxy, postfix, dovecot or generic."),
                                    QStringLiteral("TYPE"), QStringLiteral("nginx"));
    const QCommandLineOption dir(QStringLiteral("dir"), QStringLiteral("add: folder for the files on the server."),
                                 QStringLiteral("PATH"));
    const QCommandLineOption file(
        QStringLiteral("file"),
        QStringLiteral("add: one file instead of the preset's, CONTENT=PATH with CONTENT cert, chain, fullchain, "
                       "privkey or combined (repeat)."),
        QStringLiteral("CONTENT=PATH"));
    const QCommandLineOption reload(QStringLiteral("reload"),
                                    QStringLiteral("add: the reload command, one argument per option (repeat)."),
                                    QStringLiteral("ARG"));
    const QCommandLineOption configTest(
        QStringLiteral("config-test"), QStringLiteral("add: the configuration test, one argument per option (repeat)."),
        QStringLiteral("ARG"));
    const QCommandLineOption verifyHost(QStringLiteral("verify-host"),
                                        QStringLiteral("add: where to check the served certificate."),
                                        QStringLiteral("HOST"));
    const QCommandLineOption verifyPort(QStringLiteral("verify-port"), QStringLiteral("add: TLS port to check."),
                                        QStringLiteral("PORT"));
    const QCommandLineOption serverName(QStringLiteral("server-name"),
                                        QStringLiteral("add: SNI name to check (default: the first name)."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption noVerify(QStringLiteral("no-verify"), QStringLiteral("add: skip the TLS check."));
    const QCommandLineOption verifyStartTls(
        QStringLiteral("verify-starttls"),
        QStringLiteral("add: how TLS starts on the verify port: none, smtp, imap, pop3 (default: by the port)."),
        QStringLiteral("PROTO"));
    const QCommandLineOption sudo(
        QStringLiteral("sudo"),
        QStringLiteral("add: write the files and run the commands as root through sudo -n (for a login user that "
                       "cannot write the target folders; checked before anything changes)."));
    const QCommandLineOption owner(QStringLiteral("owner"), QStringLiteral("add: chown the files to USER."),
                                   QStringLiteral("USER"));
    const QCommandLineOption group(QStringLiteral("group"), QStringLiteral("add: chgrp the files to GROUP."),
                                   QStringLiteral("GROUP"));
    const QCommandLineOption targetName(QStringLiteral("name"),
                                        QStringLiteral("add: the target's name (default SERVER-PRESET)."),
                                        QStringLiteral("TARGET"));
    p.addOptions({server, preset, dir, file, reload, configTest, verifyHost, verifyPort, serverName, noVerify,
                  verifyStartTls, sudo, owner, group, targetName});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    const QStringList args = p.positionalArguments();
    const QString action = args.value(0);
    if (action != QLatin1String("add") && action != QLatin1String("list") && action != QLatin1String("remove"))
        co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("Say what to do: add, list or remove.")));
    auto store = openStore(ctx);
    if (!store)
        co_return reportError(ctx, store.error());
    auto lineage = (*store)->lineages().byName(args.value(1));
    if (!lineage)
        co_return reportError(ctx, lineage.error());

    if (action == QLatin1String("list")) {
        if (ctx.json) {
            printJson(ctx, QJsonObject{{QStringLiteral("certificate"), lineage->name},
                                       {QStringLiteral("targets"), lineage->deployTargets}});
        } else {
            for (const QJsonValue& v : std::as_const(lineage->deployTargets)) {
                const QJsonObject o = v.toObject();
                *ctx.out << workflow::deployTargetName(o) << '\t' << o.value(QStringLiteral("server")).toString()
                         << '\t' << o.value(QStringLiteral("preset")).toString() << '\n';
            }
        }
        co_return 0;
    }

    if (action == QLatin1String("remove")) {
        const QString which = args.value(2);
        QJsonArray kept;
        for (const QJsonValue& v : std::as_const(lineage->deployTargets)) {
            if (workflow::deployTargetName(v.toObject()) != which)
                kept.append(v);
        }
        if (kept.size() == lineage->deployTargets.size())
            co_return reportError(
                ctx, Error(ErrorCode::NotFound,
                           QObject::tr("%1 has no deploy target named '%2'.").arg(lineage->name, which.left(64))));
        lineage->deployTargets = kept;
        if (auto s = (*store)->lineages().update(*lineage); !s)
            co_return reportError(ctx, s.error());
        *ctx.out << "Removed " << which << " from " << lineage->name << ".\n";
        co_return 0;
    }

    // add
    if (!p.isSet(server))
        co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("target add needs --server NAME.")));
    const QString dataDir = dataDirFor(ctx);
    if (auto imported = importServersFile(**store, *ctx.err); !imported)
        co_return reportError(ctx, imported.error());
    auto srv = storedServer(**store, p.value(server));
    if (!srv)
        co_return reportError(ctx, srv.error());
    QJsonObject entry{{QStringLiteral("server"), srv->name}, {QStringLiteral("preset"), p.value(preset)}};
    if (p.isSet(targetName))
        entry.insert(QStringLiteral("name"), p.value(targetName));
    if (p.isSet(dir))
        entry.insert(QStringLiteral("directory"), p.value(dir));
    if (p.isSet(file)) {
        QJsonArray files;
        for (const QString& f : p.values(file)) {
            const qsizetype eq = f.indexOf(QLatin1Char('='));
            if (eq <= 0)
                co_return reportError(ctx,
                                      Error(ErrorCode::InvalidInput, QObject::tr("--file takes CONTENT=PATH, e.g. "
                                                                                 "fullchain=/etc/ssl/site/cert.pem.")));
            files.append(QJsonObject{{QStringLiteral("content"), f.left(eq)}, {QStringLiteral("path"), f.mid(eq + 1)}});
        }
        entry.insert(QStringLiteral("files"), files);
    }
    if (p.isSet(reload))
        entry.insert(QStringLiteral("reload"), QJsonArray::fromStringList(p.values(reload)));
    if (p.isSet(configTest))
        entry.insert(QStringLiteral("configTest"), QJsonArray::fromStringList(p.values(configTest)));
    if (p.isSet(verifyHost))
        entry.insert(QStringLiteral("verifyHost"), p.value(verifyHost));
    if (p.isSet(verifyPort))
        entry.insert(QStringLiteral("verifyPort"), p.value(verifyPort).toInt());
    if (p.isSet(serverName))
        entry.insert(QStringLiteral("serverName"), p.value(serverName));
    if (p.isSet(noVerify))
        entry.insert(QStringLiteral("verify"), false);
    if (p.isSet(verifyStartTls))
        entry.insert(QStringLiteral("verifyStartTls"), p.value(verifyStartTls));
    if (p.isSet(sudo))
        entry.insert(QStringLiteral("sudo"), true);
    if (p.isSet(owner))
        entry.insert(QStringLiteral("owner"), p.value(owner));
    if (p.isSet(group))
        entry.insert(QStringLiteral("group"), p.value(group));
    // Refuse what could not be deployed now rather than at 3 a.m. during a renewal.
    auto target = workflow::deployTargetFromJson(entry, workflow::sshTargetFor(*srv, dataDir));
    if (!target)
        co_return reportError(ctx, target.error());
    const QString newName = workflow::deployTargetName(entry);
    for (const QJsonValue& v : std::as_const(lineage->deployTargets)) {
        if (workflow::deployTargetName(v.toObject()) == newName)
            co_return reportError(ctx, Error(ErrorCode::InvalidInput,
                                             QObject::tr("%1 already has a deploy target named '%2': remove it first "
                                                         "or pick another --name.")
                                                 .arg(lineage->name, newName)));
    }
    lineage->deployTargets.append(entry);
    if (auto s = (*store)->lineages().update(*lineage); !s)
        co_return reportError(ctx, s.error());
    if (ctx.json)
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("target"), newName}});
    else
        *ctx.out << "Added deploy target " << newName << " to " << lineage->name
                 << ". Every renewal deploys there; now: certdeck-cli renew " << lineage->name << " --deploy-only\n";
    co_return 0;
}

} // namespace certdeck::cli
