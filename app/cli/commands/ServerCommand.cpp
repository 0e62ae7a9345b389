// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/ServerCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "core/common/AtomicFile.h"
#include "core/ssh/SshSession.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace certdeck::cli {

namespace {

bool isEntryName(const QString& name) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$"));
    return re.match(name).hasMatch();
}

QStringList stringList(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& x : v.toArray())
        out << x.toString();
    return out;
}

} // namespace

QString ServersFile::defaultPath(const QString& dataDir) {
    return QDir(dataDir).filePath(QStringLiteral("servers.json"));
}

Result<ServersFile> ServersFile::load(const QString& path) {
    ServersFile f;
    f.path = path;
    QFile file(path);
    if (!file.exists())
        return f;
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, QObject::tr("Cannot read %1.").arg(path), file.errorString());
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(4 << 20), &perr);
    if (!doc.isObject())
        return Error(ErrorCode::InvalidInput, QObject::tr("%1 is not a servers file (JSON object).").arg(path),
                     perr.errorString());
    f.root = doc.object();
    return f;
}

Status ServersFile::save() const {
    QDir().mkpath(QFileInfo(path).absolutePath());
    return writeFileAtomic(path, QJsonDocument(root).toJson(QJsonDocument::Indented), 0600);
}

Result<ssh::SshTarget> ServersFile::server(const QString& name, const QString& dataDir) const {
    const QJsonObject s = root.value(QStringLiteral("servers")).toObject().value(name).toObject();
    if (s.isEmpty())
        return Error(ErrorCode::NotFound,
                     QObject::tr("No server named \"%1\" in %2: add it with `certdeck-cli server add`.")
                         .arg(name.left(64), path));
    ssh::SshTarget t;
    t.host = s.value(QStringLiteral("host")).toString();
    t.port = s.value(QStringLiteral("port")).toInt(22);
    t.user = s.value(QStringLiteral("user")).toString();
    t.identityFile = s.value(QStringLiteral("identityFile")).toString();
    t.useAgent = s.value(QStringLiteral("useAgent")).toBool(true);
    t.processConfig = s.value(QStringLiteral("sshConfig")).toBool(true);
    t.knownHostsFile = QDir(dataDir).filePath(QStringLiteral("known_hosts"));
    t.userKnownHostsFile = ssh::SshTarget::defaultUserKnownHostsFile();
    if (t.host.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("The server \"%1\" has no host.").arg(name));
    return t;
}

QStringList ServersFile::targetNames() const {
    return root.value(QStringLiteral("targets")).toObject().keys();
}

Result<deploy::DeployTarget> ServersFile::target(const QString& name, const QString& dataDir) const {
    const QJsonObject o = root.value(QStringLiteral("targets")).toObject().value(name).toObject();
    if (o.isEmpty())
        return Error(ErrorCode::NotFound, QObject::tr("No deploy target named \"%1\" in %2.").arg(name.left(64), path));
    auto srv = server(o.value(QStringLiteral("server")).toString(), dataDir);
    if (!srv)
        return srv.error();
    auto preset =
        deploy::DeployTarget::presetFromName(o.value(QStringLiteral("preset")).toString(QStringLiteral("generic")));
    if (!preset)
        return preset.error();
    deploy::DeployTarget t =
        deploy::DeployTarget::fromPreset(*preset, *srv, o.value(QStringLiteral("directory")).toString());
    t.name = name;
    if (o.contains(QStringLiteral("configTest")))
        t.configTest = stringList(o.value(QStringLiteral("configTest")));
    if (o.contains(QStringLiteral("reload")))
        t.reload = stringList(o.value(QStringLiteral("reload")));
    t.owner = o.value(QStringLiteral("owner")).toString();
    t.group = o.value(QStringLiteral("group")).toString();
    t.useSudo = o.value(QStringLiteral("sudo")).toBool(false);
    t.verify = o.value(QStringLiteral("verify")).toBool(t.verify);
    t.verifyHost = o.value(QStringLiteral("verifyHost")).toString();
    t.verifyPort = static_cast<quint16>(o.value(QStringLiteral("verifyPort")).toInt(t.verifyPort));
    t.verifyServerName = o.value(QStringLiteral("serverName")).toString();
    if (o.contains(QStringLiteral("verifyStartTls"))) {
        auto upgrade = monitor::TlsProbe::startTlsFromName(o.value(QStringLiteral("verifyStartTls")).toString());
        if (!upgrade)
            return upgrade.error();
        t.verifyStartTls = *upgrade;
    }
    if (auto valid = t.validate(); !valid)
        return valid.error();
    return t;
}

QCoro::Task<int> ServerCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add, trust, test or list"));
    p.addPositionalArgument(QStringLiteral("name"), QStringLiteral("the server's name"));
    const QCommandLineOption servers(QStringLiteral("servers"), QStringLiteral("The servers file."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption host(QStringLiteral("host"),
                                  QStringLiteral("add: host name, address or ~/.ssh/config alias."),
                                  QStringLiteral("HOST"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("add: SSH port."), QStringLiteral("PORT"),
                                  QStringLiteral("22"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("add: account to log in as."),
                                  QStringLiteral("USER"));
    const QCommandLineOption identity(QStringLiteral("identity"), QStringLiteral("add: private key file."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption noAgent(QStringLiteral("no-agent"), QStringLiteral("add: do not use ssh-agent."));
    const QCommandLineOption noSshConfig(QStringLiteral("no-ssh-config"),
                                         QStringLiteral("add: do not read ~/.ssh/config for this server."));
    const QCommandLineOption fingerprint(
        QStringLiteral("fingerprint"),
        QStringLiteral("trust: the SHA256:... fingerprint you confirmed (from the server's console: ssh-keygen -lf "
                       "/etc/ssh/ssh_host_ed25519_key.pub)."),
        QStringLiteral("SHA256"));
    const QCommandLineOption replace(QStringLiteral("replace-changed"),
                                     QStringLiteral("trust: replace a changed key recorded by Certdeck."));
    p.addOptions({servers, host, port, user, identity, noAgent, noSshConfig, fingerprint, replace});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    const QString dataDir = dataDirFor(ctx);
    const QString file = p.isSet(servers) ? p.value(servers) : ServersFile::defaultPath(dataDir);
    auto loaded = ServersFile::load(file);
    if (!loaded)
        co_return reportError(ctx, loaded.error());
    ServersFile sf = *loaded;
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    const QString serverName = pos.value(1);

    if (action == QLatin1String("list")) {
        const QJsonObject all = sf.root.value(QStringLiteral("servers")).toObject();
        if (ctx.json)
            *ctx.out << QJsonDocument(all).toJson(QJsonDocument::Compact) << '\n';
        else
            for (auto it = all.begin(); it != all.end(); ++it)
                *ctx.out << it.key() << '\t' << it.value().toObject().value(QStringLiteral("host")).toString() << '\n';
        co_return 0;
    }
    if (!isEntryName(serverName))
        co_return reportError(
            ctx, Error(ErrorCode::InvalidInput, QObject::tr("Give the server a name (letters, digits, . _ -): "
                                                            "certdeck-cli server %1 NAME")
                                                    .arg(action.isEmpty() ? QStringLiteral("add") : action)));

    if (action == QLatin1String("add")) {
        if (!p.isSet(host))
            co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("server add needs --host.")));
        bool ok = false;
        const int portNumber = p.value(port).toInt(&ok);
        if (!ok || portNumber <= 0 || portNumber > 65535)
            co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("--port takes 1 to 65535.")));
        QJsonObject s{{QStringLiteral("host"), p.value(host)},
                      {QStringLiteral("port"), portNumber},
                      {QStringLiteral("useAgent"), !p.isSet(noAgent)},
                      {QStringLiteral("sshConfig"), !p.isSet(noSshConfig)}};
        if (p.isSet(user))
            s.insert(QStringLiteral("user"), p.value(user));
        if (p.isSet(identity))
            s.insert(QStringLiteral("identityFile"), QFileInfo(p.value(identity)).absoluteFilePath());
        QJsonObject all = sf.root.value(QStringLiteral("servers")).toObject();
        all.insert(serverName, s);
        sf.root.insert(QStringLiteral("servers"), all);
        if (auto saved = sf.save(); !saved)
            co_return reportError(ctx, saved.error());
        *ctx.out << "Added server " << serverName << ". Next: certdeck-cli server trust " << serverName << '\n';
        co_return 0;
    }

    auto target = sf.server(serverName, dataDir);
    if (!target)
        co_return reportError(ctx, target.error());
    const ssh::SshTarget t = *target;

    if (action == QLatin1String("trust")) {
        if (!p.isSet(fingerprint)) {
            auto probeTask = ssh::SshSession::probeHostKey(t);
            auto key = co_await probeTask;
            if (!key)
                co_return reportError(ctx, key.error());
            const char* status = key->status == ssh::HostKeyStatus::Known     ? "known"
                                 : key->status == ssh::HostKeyStatus::Changed ? "CHANGED"
                                                                              : "unknown";
            if (ctx.json) {
                *ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("fingerprint"), key->fingerprint},
                                                      {QStringLiteral("type"), key->keyType},
                                                      {QStringLiteral("status"), QString::fromLatin1(status)}})
                                .toJson(QJsonDocument::Compact)
                         << '\n';
            } else {
                *ctx.out << "The " << key->typeLabel() << " key fingerprint of " << key->knownHostsName() << " is "
                         << key->fingerprint << " (" << status << ").\n";
                if (key->status != ssh::HostKeyStatus::Known)
                    *ctx.out << "Compare it with the server's own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its "
                                "console), then run: certdeck-cli server trust "
                             << serverName << " --fingerprint " << key->fingerprint << '\n';
            }
            co_return 0;
        }
        const QString fp = p.value(fingerprint);
        const bool replaceChanged = p.isSet(replace);
        auto trustTask = ssh::SshSession::trustHostKey(t, fp, replaceChanged);
        auto trusted = co_await trustTask;
        if (!trusted)
            co_return reportError(ctx, trusted.error());
        *ctx.out << "Trusted " << trusted->knownHostsName() << ' ' << trusted->fingerprint << '\n';
        co_return 0;
    }

    if (action == QLatin1String("test")) {
        QElapsedTimer clock;
        clock.start();
        auto connectTask = ssh::SshSession::connect(t);
        auto session = co_await connectTask;
        if (!session)
            co_return reportError(ctx, session.error());
        const qint64 connectMs = clock.elapsed();
        const ssh::RemoteCommand whoami({"id", "-un"});
        const std::chrono::seconds timeout(30);
        const CancelToken cancel;
        auto runTask = (*session)->run(whoami, timeout, cancel);
        auto ran = co_await runTask;
        const QString remoteUser = ran && ran->succeeded() ? QString::fromUtf8(ran->stdOut.trimmed()) : QString();
        auto bye = (*session)->disconnect();
        co_await bye;
        if (ctx.json) {
            *ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                                  {QStringLiteral("user"), (*session)->user()},
                                                  {QStringLiteral("auth"), (*session)->authMethod()},
                                                  {QStringLiteral("hostKey"), (*session)->hostKey().fingerprint},
                                                  {QStringLiteral("commands"), !remoteUser.isEmpty()},
                                                  {QStringLiteral("connectMs"), connectMs}})
                            .toJson(QJsonDocument::Compact)
                     << '\n';
        } else {
            *ctx.out << "Connected to " << t.displayName() << " as " << (*session)->user() << " ("
                     << (*session)->authMethod() << ") in " << connectMs << " ms; host key "
                     << (*session)->hostKey().fingerprint << ".\n";
            *ctx.out << (remoteUser.isEmpty() ? "Remote commands do not run for this account (reloads will fail).\n"
                                              : "Remote commands run.\n");
        }
        co_return 0;
    }
    co_return reportError(
        ctx, Error(ErrorCode::InvalidInput,
                   QObject::tr("Unknown action \"%1\": use add, trust, test or list.").arg(action.left(20))));
}

} // namespace certdeck::cli
