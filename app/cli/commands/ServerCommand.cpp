// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/ServerCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/common/AtomicFile.h"
#include "core/ssh/SshSession.h"
#include "core/workflow/LineageDeployment.h"
#include "core/workflow/ServerLogin.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>

#include <termios.h>
#include <unistd.h>

namespace certdeck::cli {

namespace {

/// The same rule as ui::ServerDialog::isValidName, so a name typed in either face works in the other.
bool isEntryName(const QString& name) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$"));
    return re.match(name).hasMatch();
}

bool usesSecret(const store::ServerRecord& s) {
    return s.authMethod == QLatin1String("key") || s.authMethod == QLatin1String("password");
}

constexpr qsizetype kMaxSecret = 64 * 1024;

/// Strips one trailing line end, as `docker login --password-stdin` does: `echo pw | …` must work.
void chompLine(QByteArray& bytes) {
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
}

/// The whole of stdin (bounded), one trailing line end removed.
Result<SecureBytes> readSecretFromStdin() {
    QByteArray bytes;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            SecureBytes::wipe(bytes);
            return Error(ErrorCode::Io, QObject::tr("Cannot read the password from standard input."),
                         QString::fromLocal8Bit(strerror(errno)));
        }
        if (n == 0)
            break;
        bytes.append(buf, n);
        if (bytes.size() > kMaxSecret) {
            SecureBytes::wipe(bytes);
            return Error(ErrorCode::InvalidInput, QObject::tr("The password on standard input is longer than 64 KiB."));
        }
    }
    volatile char* wipeBuf = buf;
    for (size_t i = 0; i < sizeof buf; ++i)
        wipeBuf[i] = 0;
    chompLine(bytes);
    if (bytes.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("Standard input held no password."));
    SecureBytes secret(bytes);
    SecureBytes::wipe(bytes);
    return secret;
}

/// One line from the terminal with echo off.
Result<SecureBytes> promptSecret(CliContext& ctx, const QString& prompt) {
    if (::isatty(STDIN_FILENO) == 0)
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("%1 is needed and there is no terminal to ask on: pipe it in with --password-stdin.")
                         .arg(prompt));
    *ctx.err << prompt << ": ";
    ctx.err->flush();
    termios old{};
    const bool haveTerm = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (haveTerm) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray bytes;
    char c = 0;
    while (bytes.size() <= kMaxSecret) {
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || c == '\n')
            break;
        bytes.append(c);
    }
    c = 0;
    if (haveTerm)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    *ctx.err << '\n';
    ctx.err->flush();
    chompLine(bytes);
    if (bytes.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("No password was entered."));
    SecureBytes secret(bytes);
    SecureBytes::wipe(bytes);
    return secret;
}

QJsonObject serverJson(const store::ServerRecord& s) {
    return QJsonObject{{QStringLiteral("name"), s.name},
                       {QStringLiteral("host"), s.host},
                       {QStringLiteral("port"), s.port},
                       {QStringLiteral("user"), s.userName},
                       {QStringLiteral("auth"), s.authMethod},
                       {QStringLiteral("identityFile"), s.identityFile},
                       {QStringLiteral("useAgent"), s.useAgent},
                       {QStringLiteral("sshConfig"), s.sshConfig},
                       {QStringLiteral("hostKeyFingerprint"), s.hostKeyFingerprint}};
}

/// Records `fingerprint` on the server's row once the key is trusted (known_hosts), as the Servers
/// screen does after its Test, so both faces show the same confirmed key.
Status rememberFingerprint(store::Store& st, store::ServerRecord server, const QString& fingerprint) {
    if (fingerprint.isEmpty() || server.hostKeyFingerprint == fingerprint)
        return {};
    server.hostKeyFingerprint = fingerprint;
    auto saved = st.servers().save(server);
    if (!saved)
        return saved.error();
    return {};
}

/// The certificates whose deploy targets or remote webroot name `server`.
QStringList lineagesUsing(store::Store& st, const QString& server) {
    QStringList out;
    auto lineages = st.lineages().all();
    if (!lineages)
        return out;
    for (const auto& l : *lineages) {
        bool uses = l.challenge.value(QStringLiteral("server")).toString() == server;
        for (const QJsonValue& v : l.deployTargets)
            uses = uses || v.toObject().value(QStringLiteral("server")).toString() == server;
        if (uses)
            out << l.name;
    }
    return out;
}

struct AddOptions {
    QString name;
    QString host;
    int port = 22;
    QString user;
    QString auth;
    QString identity;
    bool noAgent = false;
    bool noSshConfig = false;
    bool replace = false;
    std::optional<SecureBytes> secret;
};

QCoro::Task<int> addServer(CliContext& ctx, store::Store& st, AddOptions o) {
    auto existing = st.servers().byName(o.name);
    if (!existing && existing.error().code != ErrorCode::NotFound)
        co_return reportError(ctx, existing.error());
    if (existing && !o.replace)
        co_return reportError(ctx, Error(ErrorCode::InvalidInput,
                                         QObject::tr("There is already a server named %1: choose another name, or "
                                                     "add --replace to change it.")
                                             .arg(o.name)));
    store::ServerRecord record = existing ? *existing : store::ServerRecord{};
    const bool moved = existing && (existing->host != o.host || existing->port != o.port);
    record.name = o.name;
    record.host = o.host;
    record.port = o.port;
    record.userName = o.user;
    record.authMethod = o.auth;
    record.identityFile = o.auth == QLatin1String("key") ? QFileInfo(o.identity).absoluteFilePath() : QString();
    record.useAgent = !o.noAgent && o.auth != QLatin1String("password");
    record.sshConfig = !o.noSshConfig;
    // A different address is a different machine: its host key must be confirmed again.
    if (moved)
        record.hostKeyFingerprint.clear();

    const store::Secrets secrets = st.secrets();
    const QString secretKey = record.secretKey();
    // The secret first (as the Servers screen does): a row whose password never reached the keychain
    // would only fail later, at a deployment.
    if (o.secret) {
        const SecureBytes value = *o.secret;
        auto writing = secrets.write(secretKey, value);
        auto written = co_await writing;
        if (!written)
            co_return reportError(ctx, written.error());
    } else if (existing && usesSecret(*existing) && existing->authMethod != record.authMethod) {
        // The old password must not be offered as the new key's passphrase (or linger unused).
        auto removing = secrets.remove(secretKey);
        auto removed = co_await removing;
        if (!removed)
            *ctx.err << "The old secret " << secretKey << " could not be removed from the " << secrets.backendName()
                     << ": " << removed.error().userMessage << '\n';
    }
    auto saved = st.servers().save(record);
    if (!saved)
        co_return reportError(ctx, saved.error());
    if (ctx.json) {
        QJsonObject out{{QStringLiteral("ok"), true}, {QStringLiteral("server"), serverJson(record)}};
        if (o.secret)
            out.insert(QStringLiteral("secretIn"), secrets.backendName());
        printJson(ctx, out);
    } else {
        *ctx.out << (existing ? "Changed" : "Added") << " server " << record.name;
        if (o.secret)
            *ctx.out << " (" << (record.authMethod == QLatin1String("password") ? "password" : "key passphrase")
                     << " in the " << secrets.backendName() << ')';
        *ctx.out << '.';
        if (record.hostKeyFingerprint.isEmpty())
            *ctx.out << " Next: certdeck-cli server trust " << record.name;
        *ctx.out << '\n';
    }
    co_return 0;
}

QCoro::Task<int> trustServer(CliContext& ctx, store::Store& st, store::ServerRecord server, QString fingerprint,
                             bool replaceChanged) {
    const ssh::SshTarget t = workflow::sshTargetFor(server, st.dataDir());
    if (fingerprint.isEmpty()) {
        // Only shows the key: probeHostKey never logs in and never writes.
        auto probeTask = ssh::SshSession::probeHostKey(t);
        auto key = co_await probeTask;
        if (!key)
            co_return reportError(ctx, key.error());
        const char* status = key->status == ssh::HostKeyStatus::Known     ? "known"
                             : key->status == ssh::HostKeyStatus::Changed ? "CHANGED"
                                                                          : "unknown";
        // A key the user's own known_hosts (or Certdeck's) already trusts is confirmed: note it on the row.
        if (key->status == ssh::HostKeyStatus::Known) {
            if (auto s = rememberFingerprint(st, server, key->fingerprint); !s)
                co_return reportError(ctx, s.error());
        }
        if (ctx.json) {
            printJson(ctx, QJsonObject{{QStringLiteral("fingerprint"), key->fingerprint},
                                       {QStringLiteral("type"), key->keyType},
                                       {QStringLiteral("status"), QString::fromLatin1(status)}});
        } else {
            *ctx.out << "The " << key->typeLabel() << " key fingerprint of " << key->knownHostsName() << " is "
                     << key->fingerprint << " (" << status << ").\n";
            if (key->status != ssh::HostKeyStatus::Known)
                *ctx.out << "Compare it with the server's own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its "
                            "console), then run: certdeck-cli server trust "
                         << server.name << " --fingerprint " << key->fingerprint << '\n';
        }
        co_return 0;
    }
    // trustHostKey connects again and records the key only if it still has exactly this fingerprint.
    auto trustTask = ssh::SshSession::trustHostKey(t, fingerprint, replaceChanged);
    auto trusted = co_await trustTask;
    if (!trusted)
        co_return reportError(ctx, trusted.error());
    if (auto s = rememberFingerprint(st, server, trusted->fingerprint); !s)
        co_return reportError(ctx, s.error());
    if (ctx.json)
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), true},
                                   {QStringLiteral("server"), server.name},
                                   {QStringLiteral("fingerprint"), trusted->fingerprint}});
    else
        *ctx.out << "Trusted " << trusted->knownHostsName() << ' ' << trusted->fingerprint << '\n';
    co_return 0;
}

QCoro::Task<int> testServer(CliContext& ctx, store::Store& st, store::ServerRecord server) {
    const ssh::SshTarget t = workflow::sshTargetFor(server, st.dataDir());
    // The password or passphrase exactly as deployments and renewals read it.
    const store::Secrets secrets = st.secrets();
    auto login = workflow::serverLogin(secrets, server);
    auto auth = co_await login;
    if (!auth)
        co_return reportError(ctx, auth.error());
    QElapsedTimer clock;
    clock.start();
    auto connectTask = ssh::SshSession::connect(t, *auth);
    auto session = co_await connectTask;
    if (!session)
        co_return reportError(ctx, session.error());
    const qint64 connectMs = clock.elapsed();
    const ssh::RemoteCommand whoami({"id", "-un"});
    const std::chrono::seconds timeout(30);
    const CancelToken cancel;
    auto runTask = (*session)->run(whoami, timeout, cancel);
    auto ran = co_await runTask;
    const QString remoteUser = ran && ran->succeeded() ? QString::fromUtf8(ran->stdOut.trimmed()).left(64) : QString();
    auto bye = (*session)->disconnect();
    co_await bye;
    // connect() only gets here with a trusted key (ours or the user's known_hosts).
    const QString fingerprint = (*session)->hostKey().fingerprint;
    if (auto s = rememberFingerprint(st, server, fingerprint); !s)
        *ctx.err << "Connected, but the host key could not be noted on the server: " << s.error().userMessage << '\n';
    if (ctx.json) {
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), true},
                                   {QStringLiteral("user"), (*session)->user()},
                                   {QStringLiteral("auth"), (*session)->authMethod()},
                                   {QStringLiteral("hostKey"), fingerprint},
                                   {QStringLiteral("commands"), !remoteUser.isEmpty()},
                                   {QStringLiteral("connectMs"), connectMs}});
    } else {
        *ctx.out << "Connected to " << t.displayName() << " as " << (*session)->user() << " ("
                 << (*session)->authMethod() << ") in " << connectMs << " ms; host key " << fingerprint << ".\n";
        *ctx.out << (remoteUser.isEmpty() ? "Remote commands do not run for this account (reloads will fail).\n"
                                          : "Remote commands run.\n");
    }
    co_return 0;
}

QCoro::Task<int> removeServer(CliContext& ctx, store::Store& st, store::ServerRecord server) {
    const QStringList users = lineagesUsing(st, server.name);
    if (auto s = st.servers().remove(server.name); !s)
        co_return reportError(ctx, s.error());
    std::optional<Error> secretLeft;
    if (usesSecret(server)) {
        const store::Secrets secrets = st.secrets();
        const QString key = server.secretKey();
        auto removing = secrets.remove(key);
        auto removed = co_await removing;
        if (!removed)
            secretLeft = removed.error();
    }
    if (!users.isEmpty())
        *ctx.err << "These certificates still name " << server.name
                 << " and will fail to deploy there until it is added again or their targets change: "
                 << users.join(QStringLiteral(", ")) << '\n';
    if (secretLeft)
        *ctx.err << "Its secret " << server.secretKey() << " could not be removed: " << secretLeft->userMessage << '\n';
    if (ctx.json)
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), true},
                                   {QStringLiteral("removed"), server.name},
                                   {QStringLiteral("usedBy"), QJsonArray::fromStringList(users)}});
    else
        *ctx.out << "Removed server " << server.name << ".\n";
    co_return 0;
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

QStringList ServersFile::targetNames() const {
    return root.value(QStringLiteral("targets")).toObject().keys();
}

Result<deploy::DeployTarget> ServersFile::target(const QString& name, store::Store& store) const {
    QJsonObject o = root.value(QStringLiteral("targets")).toObject().value(name).toObject();
    if (o.isEmpty())
        return Error(ErrorCode::NotFound,
                     QObject::tr("No deploy target named \"%1\" (in %2). Certificates keep their targets now: "
                                 "certdeck-cli target add NAME --server SERVER ...")
                         .arg(name.left(64), path));
    o.insert(QStringLiteral("name"), name);
    const QString serverName = o.value(QStringLiteral("server")).toString();
    auto server = store.servers().byName(serverName);
    if (!server)
        return Error(ErrorCode::NotFound,
                     QObject::tr("The deploy target %1 uses the server '%2', which is not in the store: add it with "
                                 "certdeck-cli server add %2 --host HOST.")
                         .arg(name.left(64), serverName.left(64)),
                     server.error().detail);
    auto t = workflow::deployTargetFromJson(o, workflow::sshTargetFor(*server, store.dataDir()));
    if (!t)
        return t.error();
    if (o.contains(QStringLiteral("verifyStartTls"))) {
        auto upgrade = monitor::TlsProbe::startTlsFromName(o.value(QStringLiteral("verifyStartTls")).toString());
        if (!upgrade)
            return upgrade.error();
        t->verifyStartTls = *upgrade;
    }
    return t;
}

Status importServersFile(store::Store& store, QTextStream& err) {
    const QString path = ServersFile::defaultPath(store.dataDir());
    const QString marker = path + QStringLiteral(".imported");
    if (!QFile::exists(path) || QFile::exists(marker))
        return {};
    auto file = ServersFile::load(path);
    if (!file) {
        // A damaged old file must not stop every command: say so and try again next time.
        err << "Cannot import the servers of " << path << ": " << file.error().userMessage << '\n';
        return {};
    }
    QStringList imported;
    QStringList kept;
    const QJsonObject servers = file->servers();
    for (auto it = servers.begin(); it != servers.end(); ++it) {
        const QString name = it.key();
        const QJsonObject s = it.value().toObject();
        if (!isEntryName(name) || s.value(QStringLiteral("host")).toString().isEmpty()) {
            err << "Not imported from servers.json: \"" << name.left(64) << "\" (no valid name or host).\n";
            continue;
        }
        auto existing = store.servers().byName(name);
        if (existing) {
            kept << name;
            continue;
        }
        if (existing.error().code != ErrorCode::NotFound)
            return existing.error();
        store::ServerRecord r;
        r.name = name;
        r.host = s.value(QStringLiteral("host")).toString();
        r.port = s.value(QStringLiteral("port")).toInt(22);
        r.userName = s.value(QStringLiteral("user")).toString();
        r.identityFile = s.value(QStringLiteral("identityFile")).toString();
        r.useAgent = s.value(QStringLiteral("useAgent")).toBool(true);
        r.sshConfig = s.value(QStringLiteral("sshConfig")).toBool(true);
        r.authMethod = r.identityFile.isEmpty() ? QStringLiteral("agent") : QStringLiteral("key");
        // Its host key, if it was trusted, is in <data>/known_hosts already; `server test` notes it on the row.
        auto id = store.servers().save(r);
        if (!id)
            return id.error();
        imported << name;
    }
    const QJsonObject record{{QStringLiteral("importedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                             {QStringLiteral("imported"), QJsonArray::fromStringList(imported)},
                             {QStringLiteral("alreadyStored"), QJsonArray::fromStringList(kept)}};
    if (auto s = writeFileAtomic(marker, QJsonDocument(record).toJson(QJsonDocument::Indented), 0600); !s)
        return s.error();
    err << "Imported " << imported.size() << (imported.size() == 1 ? " server" : " servers");
    if (!imported.isEmpty())
        err << " (" << imported.join(QStringLiteral(", ")) << ')';
    err << " from " << path << " into Certdeck's store";
    if (!kept.isEmpty())
        err << "; kept the stored " << kept.join(QStringLiteral(", "));
    err << ". That file is no longer written";
    if (!file->targetNames().isEmpty())
        err << "; its deploy targets still work with deploy --cert --key --to TARGET";
    err << ".\n";
    err.flush();
    return {};
}

QCoro::Task<int> ServerCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add, list, trust, test or remove"));
    p.addPositionalArgument(QStringLiteral("name"), QStringLiteral("the server's name"));
    const QCommandLineOption host(QStringLiteral("host"),
                                  QStringLiteral("add: host name, address or ~/.ssh/config alias."),
                                  QStringLiteral("HOST"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("add: SSH port."), QStringLiteral("PORT"),
                                  QStringLiteral("22"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("add: account to log in as."),
                                  QStringLiteral("USER"));
    const QCommandLineOption auth(
        QStringLiteral("auth"),
        QStringLiteral("add: agent, key or password (default: key with --identity, else agent)."),
        QStringLiteral("METHOD"));
    const QCommandLineOption identity(QStringLiteral("identity"), QStringLiteral("add: private key file."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption passwordStdin(
        QStringLiteral("password-stdin"),
        QStringLiteral("add: read the password (--auth password) or key passphrase from standard input; it goes "
                       "to the keychain."));
    const QCommandLineOption askPassword(
        QStringLiteral("ask-passphrase"),
        QStringLiteral("add: ask for the key's passphrase on the terminal (a password is asked for anyway)."));
    const QCommandLineOption noAgent(QStringLiteral("no-agent"), QStringLiteral("add: do not use ssh-agent."));
    const QCommandLineOption noSshConfig(QStringLiteral("no-ssh-config"),
                                         QStringLiteral("add: do not read ~/.ssh/config for this server."));
    const QCommandLineOption replaceServer(QStringLiteral("replace"),
                                           QStringLiteral("add: change the server of that name."));
    const QCommandLineOption fingerprint(
        QStringLiteral("fingerprint"),
        QStringLiteral("trust: the SHA256:... fingerprint you confirmed (from the server's console: ssh-keygen -lf "
                       "/etc/ssh/ssh_host_ed25519_key.pub)."),
        QStringLiteral("SHA256"));
    const QCommandLineOption replace(QStringLiteral("replace-changed"),
                                     QStringLiteral("trust: replace a changed key recorded by Certdeck."));
    p.addOptions({host, port, user, auth, identity, passwordStdin, askPassword, noAgent, noSshConfig, replaceServer,
                  fingerprint, replace});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    const QString serverName = pos.value(1);
    static const QStringList actions{QStringLiteral("add"), QStringLiteral("list"), QStringLiteral("trust"),
                                     QStringLiteral("test"), QStringLiteral("remove")};
    if (!actions.contains(action))
        co_return reportError(
            ctx,
            Error(ErrorCode::InvalidInput,
                  QObject::tr("Unknown action \"%1\": use add, list, trust, test or remove.").arg(action.left(20))));

    auto opened = openStore(ctx);
    if (!opened)
        co_return reportError(ctx, opened.error());
    store::Store& st = **opened;
    if (auto s = importServersFile(st, *ctx.err); !s)
        co_return reportError(ctx, s.error());

    if (action == QLatin1String("list")) {
        auto all = st.servers().all();
        if (!all)
            co_return reportError(ctx, all.error());
        if (ctx.json) {
            QJsonArray list;
            for (const auto& s : std::as_const(*all))
                list.append(serverJson(s));
            printJson(ctx, QJsonObject{{QStringLiteral("servers"), list}});
        } else {
            for (const auto& s : std::as_const(*all))
                *ctx.out << s.name << '\t' << s.host << ':' << s.port << '\t'
                         << (s.userName.isEmpty() ? QStringLiteral("-") : s.userName) << '\t' << s.authMethod << '\t'
                         << (s.hostKeyFingerprint.isEmpty() ? QStringLiteral("host key not confirmed")
                                                            : s.hostKeyFingerprint)
                         << '\n';
        }
        co_return 0;
    }
    if (!isEntryName(serverName))
        co_return reportError(
            ctx, Error(ErrorCode::InvalidInput, QObject::tr("Give the server a name (letters, digits, . _ -): "
                                                            "certdeck-cli server %1 NAME")
                                                    .arg(action)));

    if (action == QLatin1String("add")) {
        AddOptions o;
        o.name = serverName;
        o.host = p.value(host).trimmed();
        if (o.host.isEmpty() || o.host.contains(QLatin1Char(' ')))
            co_return reportError(ctx, Error(ErrorCode::InvalidInput,
                                             QObject::tr("server add needs --host: the server's host name, address "
                                                         "or ~/.ssh/config alias.")));
        bool ok = false;
        o.port = p.value(port).toInt(&ok);
        if (!ok || o.port <= 0 || o.port > 65535)
            co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("--port takes 1 to 65535.")));
        o.user = p.value(user);
        o.identity = p.value(identity);
        o.auth =
            p.isSet(auth) ? p.value(auth) : (o.identity.isEmpty() ? QStringLiteral("agent") : QStringLiteral("key"));
        o.noAgent = p.isSet(noAgent);
        o.noSshConfig = p.isSet(noSshConfig);
        o.replace = p.isSet(replaceServer);
        if (o.auth != QLatin1String("agent") && o.auth != QLatin1String("key") && o.auth != QLatin1String("password"))
            co_return reportError(ctx,
                                  Error(ErrorCode::InvalidInput, QObject::tr("--auth takes agent, key or password.")));
        if (o.auth == QLatin1String("key") && (o.identity.isEmpty() || !QFileInfo(o.identity).isFile()))
            co_return reportError(ctx, Error(ErrorCode::InvalidInput,
                                             QObject::tr("Key login needs --identity FILE naming the private key "
                                                         "(no file at \"%1\").")
                                                 .arg(o.identity)));
        if (o.auth == QLatin1String("agent") && (p.isSet(passwordStdin) || p.isSet(askPassword)))
            co_return reportError(
                ctx, Error(ErrorCode::InvalidInput, QObject::tr("An ssh-agent login needs no password: leave out "
                                                                "--password-stdin, or use --auth key or password.")));
        if (p.isSet(passwordStdin)) {
            auto secret = readSecretFromStdin();
            if (!secret)
                co_return reportError(ctx, secret.error());
            o.secret = *secret;
        } else if (o.auth == QLatin1String("password") || p.isSet(askPassword)) {
            const QString prompt = o.auth == QLatin1String("password")
                                       ? QObject::tr("Password for %1").arg(o.name)
                                       : QObject::tr("Passphrase of %1").arg(o.identity);
            auto secret = promptSecret(ctx, prompt);
            if (!secret)
                co_return reportError(ctx, secret.error());
            o.secret = *secret;
        }
        auto task = addServer(ctx, st, o);
        auto rc = co_await task;
        co_return rc;
    }

    auto found = st.servers().byName(serverName);
    if (!found) {
        if (found.error().code == ErrorCode::NotFound)
            co_return reportError(
                ctx, Error(ErrorCode::NotFound, QObject::tr("No server named \"%1\": add it with 'certdeck-cli server "
                                                            "add %1 --host HOST'.")
                                                    .arg(serverName)));
        co_return reportError(ctx, found.error());
    }
    const store::ServerRecord server = *found;

    if (action == QLatin1String("trust")) {
        const QString fp = p.value(fingerprint);
        auto task = trustServer(ctx, st, server, fp, p.isSet(replace));
        auto rc = co_await task;
        co_return rc;
    }
    if (action == QLatin1String("test")) {
        auto task = testServer(ctx, st, server);
        auto rc = co_await task;
        co_return rc;
    }
    auto task = removeServer(ctx, st, server);
    auto rc = co_await task;
    co_return rc;
}

} // namespace certdeck::cli
