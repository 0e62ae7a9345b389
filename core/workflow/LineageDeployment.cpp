// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/LineageDeployment.h"

#include "core/common/Log.h"
#include "core/deploy/Deployer.h"
#include "core/workflow/RenewCertificate.h"
#include "core/workflow/ServerLogin.h"

#include <QDir>
#include <QJsonArray>
#include <QObject>

#include <algorithm>
#include <memory>
#include <optional>

namespace certdeck::workflow {

namespace {

QStringList stringList(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& x : v.toArray())
        out << x.toString();
    return out;
}

std::optional<deploy::FileContent> contentFromName(const QString& name) {
    if (name == QLatin1String("cert"))
        return deploy::FileContent::Certificate;
    if (name == QLatin1String("chain"))
        return deploy::FileContent::Chain;
    if (name == QLatin1String("fullchain"))
        return deploy::FileContent::FullChain;
    if (name == QLatin1String("privkey"))
        return deploy::FileContent::PrivateKey;
    if (name == QLatin1String("combined"))
        return deploy::FileContent::Combined;
    return std::nullopt;
}

deploy::DeployResult unresolved(const QString& target, const Error& error) {
    deploy::DeployResult r;
    r.target = target;
    r.error = error;
    r.steps << QObject::tr("not started: %1").arg(error.userMessage);
    return r;
}

void record(RenewalEnvironment& env, store::EventRecord e) {
    e.at = env.clock->now();
    if (auto s = env.store->events().append(e); !s)
        qCWarning(lcWorkflow) << "cannot record event:" << s.error().toString();
}

/// What one target needs besides the shared material: the target and the secrets to log in.
struct Resolved {
    std::optional<deploy::DeployTarget> target;
    std::optional<Error> error;
    ssh::AuthOptions auth;
};

} // namespace

ssh::SshTarget sshTargetFor(const store::ServerRecord& server, const QString& dataDir) {
    ssh::SshTarget t;
    t.host = server.host;
    t.port = server.port;
    t.user = server.userName;
    t.identityFile = server.identityFile;
    t.useAgent = server.useAgent;
    t.processConfig = server.sshConfig;
    t.knownHostsFile = QDir(dataDir).filePath(QStringLiteral("known_hosts"));
    t.userKnownHostsFile = ssh::SshTarget::defaultUserKnownHostsFile();
    return t;
}

QString deployTargetName(const QJsonObject& entry) {
    const QString name = entry.value(QStringLiteral("name")).toString();
    if (!name.isEmpty())
        return name;
    return entry.value(QStringLiteral("server")).toString() + QLatin1Char('-') +
           entry.value(QStringLiteral("preset")).toString(QStringLiteral("generic"));
}

Result<deploy::DeployTarget> deployTargetFromJson(const QJsonObject& o, const ssh::SshTarget& server) {
    auto preset =
        deploy::DeployTarget::presetFromName(o.value(QStringLiteral("preset")).toString(QStringLiteral("generic")));
    if (!preset)
        return preset.error();
    const QString directory = o.value(QStringLiteral("directory")).toString();
    deploy::DeployTarget t = deploy::DeployTarget::fromPreset(*preset, server, directory);
    t.name = deployTargetName(o);
    if (o.contains(QStringLiteral("files"))) {
        t.files.clear();
        for (const QJsonValue& v : o.value(QStringLiteral("files")).toArray()) {
            const QJsonObject f = v.toObject();
            const auto content = contentFromName(f.value(QStringLiteral("content")).toString());
            if (!content)
                return Error(ErrorCode::InvalidInput,
                             QObject::tr("Deploy target %1: a file's content must be cert, chain, fullchain, privkey "
                                         "or combined.")
                                 .arg(t.name));
            const bool secret =
                *content == deploy::FileContent::PrivateKey || *content == deploy::FileContent::Combined;
            t.files << deploy::DeployFile{*content, f.value(QStringLiteral("path")).toString(),
                                          f.value(QStringLiteral("mode")).toInt(secret ? 0600 : 0644)};
        }
    } else if (directory.isEmpty()) {
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("Deploy target %1 names no folder for the certificate files.").arg(t.name));
    }
    if (o.contains(QStringLiteral("configTest")))
        t.configTest = stringList(o.value(QStringLiteral("configTest")));
    if (o.contains(QStringLiteral("reload")))
        t.reload = stringList(o.value(QStringLiteral("reload")));
    t.owner = o.value(QStringLiteral("owner")).toString();
    t.group = o.value(QStringLiteral("group")).toString();
    t.useSudo = o.value(QStringLiteral("sudo")).toBool(false);
    t.verify = o.value(QStringLiteral("verify")).toBool(t.verify);
    t.verifyHost = o.value(QStringLiteral("verifyHost")).toString();
    const int port = o.value(QStringLiteral("verifyPort")).toInt(t.verifyPort);
    if (port <= 0 || port > 65535)
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("Deploy target %1: the verify port is not 1 to 65535.").arg(t.name));
    t.verifyPort = static_cast<quint16>(port);
    t.verifyServerName = o.value(QStringLiteral("serverName")).toString();
    // "smtp", "imap", "pop3" or "none"; absent: by the verify port (DeployTarget::effectiveStartTls).
    if (const QString upgrade = o.value(QStringLiteral("verifyStartTls")).toString(); !upgrade.isEmpty()) {
        auto named = monitor::TlsProbe::startTlsFromName(upgrade);
        if (!named)
            return named.error();
        t.verifyStartTls = *named;
    }
    if (auto valid = t.validate(); !valid)
        return valid.error();
    return t;
}

QCoro::Task<QList<deploy::DeployResult>> deployLineage(RenewalEnvironment& env, QString lineageName, Progress& progress,
                                                       CancelToken cancel) {
    QList<deploy::DeployResult> results;
    store::Store& store = *env.store;
    auto lineage = store.lineages().byName(lineageName);
    if (!lineage) {
        results << unresolved(lineageName, lineage.error());
        co_return results;
    }
    const qint64 lineageId = lineage->id;
    const QJsonArray entries = lineage->deployTargets;
    if (entries.isEmpty())
        co_return results;

    // The material is the live KeyVault version: exactly what was just stored.
    deploy::DeployMaterial material;
    auto chain = store.vault().loadChain(lineageName);
    auto key = store.vault().loadKey(lineageName);
    if (!chain || !key) {
        const Error e = chain ? key.error() : chain.error();
        for (const QJsonValue& v : entries)
            results << unresolved(deployTargetName(v.toObject()), e);
    } else {
        material.chain = *chain;
        material.key = *key;
    }

    QList<Resolved> resolved;
    if (results.isEmpty()) {
        const store::Secrets secrets = store.secrets();
        for (const QJsonValue& v : entries) {
            const QJsonObject entry = v.toObject();
            Resolved r;
            const QString serverName = entry.value(QStringLiteral("server")).toString();
            auto server = store.servers().byName(serverName);
            if (!server) {
                r.error =
                    Error(ErrorCode::NotFound,
                          QObject::tr("Deploy target %1 uses the server '%2', which is not in the store any more.")
                              .arg(deployTargetName(entry), serverName),
                          server.error().detail);
                resolved << r;
                continue;
            }
            auto target = deployTargetFromJson(entry, sshTargetFor(*server, store.dataDir()));
            if (!target) {
                r.error = target.error();
                resolved << r;
                continue;
            }
            r.target = *target;
            // Read once per target here so a locked keychain fails this target with a message instead
            // of prompting later.
            auto login = serverLogin(secrets, *server);
            auto auth = co_await login;
            if (auth) {
                r.auth = *auth;
            } else {
                r.error = auth.error();
                r.target.reset();
            }
            resolved << r;
        }
        for (qsizetype i = 0; i < resolved.size(); ++i)
            results << (resolved.at(i).target
                            ? deploy::DeployResult{}
                            : unresolved(deployTargetName(entries.at(i).toObject()), *resolved.at(i).error));
    }

    // A small pool of workers, as in renewAll: at most maxConcurrent deployments in flight, each with
    // its own Deployer (the login secrets differ per server).
    qsizetype next = 0;
    auto worker = [&]() -> QCoro::Task<void> {
        while (next < resolved.size()) {
            const qsizetype i = next++;
            if (!resolved.at(i).target)
                continue;
            if (cancel.isCancelled()) {
                results[i] = unresolved(resolved.at(i).target->displayName(),
                                        Error(ErrorCode::Cancelled, QObject::tr("Deployment cancelled.")));
                continue;
            }
            deploy::Deployer::Options options = env.deployOptions;
            options.auth = resolved.at(i).auth;
            deploy::Deployer deployer(options);
            const deploy::DeployTarget target = *resolved.at(i).target;
            const std::shared_ptr<ssh::SshSession> noSession;
            auto task = deployer.deploy(target, material, progress, cancel, noSession);
            auto result = co_await task;
            results[i] = std::move(result);
        }
    };
    std::vector<QCoro::Task<void>> workers;
    const int n = std::clamp(env.deployOptions.maxConcurrent, 1, 32);
    for (int i = 0; i < n; ++i)
        workers.push_back(worker());
    for (auto& w : workers)
        co_await w;

    for (const deploy::DeployResult& r : std::as_const(results)) {
        const QJsonObject data{{QStringLiteral("target"), r.target},
                               {QStringLiteral("rolledBack"), r.rolledBack},
                               {QStringLiteral("rollbackVerified"), r.rollbackVerified},
                               {QStringLiteral("untouched"), r.untouched},
                               {QStringLiteral("servedSha256"), r.servedFingerprint}};
        if (r.deployed) {
            store::EventRecord e;
            e.kind = QStringLiteral("deployed");
            e.lineageId = lineageId;
            e.subject = lineageName;
            e.message = QObject::tr("Deployed %1 to %2; the server serves it.").arg(lineageName, r.target);
            e.data = data;
            record(env, e);
            continue;
        }
        const Error error = r.error.value_or(Error(ErrorCode::Deploy, QObject::tr("The deployment failed.")));
        QString what = r.target + QStringLiteral(": ") + error.userMessage;
        if (r.rolledBack)
            what += r.rollbackVerified ? QObject::tr(" The previous certificate was put back and is served again.")
                                       : QObject::tr(" The previous files were put back (not verified).");
        else if (r.untouched)
            what += QObject::tr(" Nothing on the server was changed.");
        store::EventRecord e = store::EventRecord::failure(QStringLiteral("deploy-failed"), lineageName,
                                                           Error(error.code, what, error.detail), lineageId);
        e.data = data;
        record(env, e);
        schedule::Notification note;
        note.kind = schedule::Notification::Kind::DeployFailed;
        note.subject = lineageName;
        note.names = lineage->names;
        note.reason = what + QObject::tr(" The renewed certificate is stored; deploy it again with "
                                         "'certdeck-cli renew %1 --deploy-only' once the server is fixed.")
                                 .arg(lineageName);
        note.notAfter = material.chain.isEmpty() ? QDateTime() : material.chain.first().notAfter();
        note.at = env.clock->now();
        auto sending = sendNotification(env, note, lineageId);
        co_await sending;
    }
    co_return results;
}

} // namespace certdeck::workflow
