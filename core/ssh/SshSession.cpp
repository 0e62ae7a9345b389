// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ssh/SshSession.h"

#include "core/common/Async.h"
#include "core/common/Log.h"
#include "core/ssh/HostKeyPolicy.h"
#include "core/ssh/SshPtr.h"
#include "core/ssh/internal/PrivateKeyFile.h"
#include "core/ssh/internal/SessionCore.h"
#include "core/ssh/internal/SshErrors.h"
#include "core/ssh/internal/Worker.h"

#include <libssh/server.h> // ssh_send_keepalive (declared there, usable by clients too)

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QObject>
#include <QRegularExpression>
#include <QTimer>

namespace certdeck::ssh {

using internal::SessionCore;

namespace {

std::atomic<quint64> s_handshakes{0};

using SharedKey = std::shared_ptr<std::remove_pointer_t<ssh_key>>;

/// What one authentication attempt came to. Errors (Result) are reserved for a broken connection.
struct AuthOutcome {
    bool success = false;
    int methods = 0; ///< SSH_AUTH_METHOD_* the server still accepts
};

struct LoadedKey {
    SharedKey key;
    bool needsPassphrase = false;
};

QString methodNames(int methods) {
    QStringList names;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        names << QStringLiteral("publickey");
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        names << QStringLiteral("password");
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        names << QStringLiteral("keyboard-interactive");
    if (methods & SSH_AUTH_METHOD_GSSAPI_MIC)
        names << QStringLiteral("gssapi-with-mic");
    if (methods & SSH_AUTH_METHOD_HOSTBASED)
        names << QStringLiteral("hostbased");
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

QString takeString(char* raw) {
    SshCharPtr owned(raw);
    return owned ? QString::fromUtf8(owned.get()) : QString();
}

// Host and user names go to getaddrinfo and, through ~/.ssh/config, may end up in a ProxyCommand's
// %h / %r, which libssh runs through a shell: accept only characters that cannot mean anything there.
bool isSafeName(const QString& s, bool allowColon) {
    static const QRegularExpression host(QStringLiteral("^[A-Za-z0-9._:%-]+$"));
    static const QRegularExpression user(QStringLiteral("^[A-Za-z0-9._@+-]+$"));
    return !s.startsWith(QLatin1Char('-')) && (allowColon ? host : user).match(s).hasMatch();
}

// Known key types first, so the server presents a key we can verify (what OpenSSH does with its
// known_hosts); the rest in libssh's usual order. RSA keys are used with SHA-2 signatures only.
QByteArray hostKeyAlgorithms(const QStringList& knownTypes) {
    static const QStringList defaults{QStringLiteral("ssh-ed25519"),         QStringLiteral("ecdsa-sha2-nistp521"),
                                      QStringLiteral("ecdsa-sha2-nistp384"), QStringLiteral("ecdsa-sha2-nistp256"),
                                      QStringLiteral("rsa-sha2-512"),        QStringLiteral("rsa-sha2-256")};
    QStringList out;
    for (const QString& t : knownTypes) {
        const QStringList algs = t == QLatin1String("ssh-rsa")
                                     ? QStringList{QStringLiteral("rsa-sha2-512"), QStringLiteral("rsa-sha2-256")}
                                     : QStringList{t};
        for (const QString& a : algs) {
            if (defaults.contains(a) && !out.contains(a))
                out << a;
        }
    }
    if (out.isEmpty())
        return {};
    for (const QString& a : defaults) {
        if (!out.contains(a))
            out << a;
    }
    return out.join(QLatin1Char(',')).toLatin1();
}

// ---- jobs: everything below until the class methods runs on the session's worker ----

Result<HostKeyInfo> openConnection(SessionCore& core, const SshTarget& t, const HostKeyPolicy& policy,
                                   bool requireKnown) {
    if (t.host.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("No host name is set for this server."));
    if (!isSafeName(t.host, true))
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("\"%1\" is not a valid host name: use a name like server.example.com or an IP "
                                 "address.")
                         .arg(t.host));
    if (!t.user.isEmpty() && !isSafeName(t.user, false))
        return Error(ErrorCode::InvalidInput, QObject::tr("\"%1\" is not a valid user name for SSH.").arg(t.user));

    core.session.reset(ssh_new());
    ssh_session s = core.session.get();
    if (!s)
        return Error(ErrorCode::Ssh, QObject::tr("Cannot start an SSH session (out of memory)."));
    core.timeout = t.timeout;
    core.host = t.host;
    core.port = t.port > 0 ? t.port : 22;

    const QByteArray host = t.host.toUtf8();
    ssh_options_set(s, SSH_OPTIONS_HOST, host.constData());
    const QByteArray configFile = t.sshConfigFile.toUtf8();
    if (t.processConfig &&
        ssh_options_parse_config(s, configFile.isEmpty() ? nullptr : configFile.constData()) != SSH_OK)
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("Your SSH configuration (~/.ssh/config or /etc/ssh/ssh_config) cannot be read: "
                                 "fix it, or turn off using it for this server."),
                     internal::lastError(s));
    // Parsed once, here, and never again by ssh_connect: the explicit settings below must win.
    const int off = 0;
    ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &off);
    if (t.port > 0) {
        const int port = t.port;
        ssh_options_set(s, SSH_OPTIONS_PORT, &port);
    }
    if (!t.user.isEmpty())
        ssh_options_set(s, SSH_OPTIONS_USER, t.user.toUtf8().constData());
    const long seconds = static_cast<long>(qMax<qint64>(1, t.timeout.count()));
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &seconds);
    // Every step is a short request awaiting a short reply (channel open, exec, EOF, SFTP calls):
    // with Nagle on, the second small write waits for the peer's delayed ACK, ~40 ms each time.
    const int on = 1;
    ssh_options_set(s, SSH_OPTIONS_NODELAY, &on);
    // HostKeyPolicy does the checking; libssh must not read ~/.ssh/known_hosts behind its back.
    const QByteArray known = t.knownHostsFile.isEmpty() ? QByteArrayLiteral("/dev/null") : t.knownHostsFile.toUtf8();
    const QByteArray global =
        t.userKnownHostsFile.isEmpty() ? QByteArrayLiteral("/dev/null") : t.userKnownHostsFile.toUtf8();
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, known.constData());
    ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, global.constData());
    if (t.useAgent && !t.agentSocket.isEmpty())
        ssh_options_set(s, SSH_OPTIONS_IDENTITY_AGENT, t.agentSocket.toUtf8().constData());
    else if (!t.useAgent)
        // A path that cannot exist: libssh's automatic key login must not fall back to $SSH_AUTH_SOCK.
        ssh_options_set(s, SSH_OPTIONS_IDENTITY_AGENT, "/dev/null/no-agent");

    core.host = takeString([s] {
        char* v = nullptr;
        ssh_options_get(s, SSH_OPTIONS_HOST, &v);
        return v;
    }());
    if (core.host.isEmpty())
        core.host = t.host;
    unsigned int port = 22;
    if (ssh_options_get_port(s, &port) == SSH_OK && port > 0)
        core.port = static_cast<int>(port);

    const QByteArray algorithms = hostKeyAlgorithms(policy.knownKeyTypes(core.host, core.port));
    if (!algorithms.isEmpty())
        ssh_options_set(s, SSH_OPTIONS_HOSTKEYS, algorithms.constData());

    if (ssh_connect(s) != SSH_OK) {
        Error e = internal::connectError(s, core.where(), core.timeout);
        core.session.reset();
        return e;
    }
    s_handshakes.fetch_add(1);

    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(s, &rawKey) != SSH_OK) {
        Error e(ErrorCode::Protocol, QObject::tr("The SSH server at %1 sent no usable host key.").arg(core.where()),
                internal::lastError(s));
        core.session.reset();
        return e;
    }
    const SshKeyPtr serverKey(rawKey);
    char* b64 = nullptr;
    if (ssh_pki_export_pubkey_base64(serverKey.get(), &b64) != SSH_OK) {
        core.session.reset();
        return Error(ErrorCode::Protocol, QObject::tr("The host key of %1 cannot be read.").arg(core.where()));
    }
    HostKeyInfo info;
    info.host = core.host.toLower();
    info.port = core.port;
    info.keyBase64 = QByteArray(SshCharPtr(b64).get());
    const char* type = ssh_key_type_to_char(ssh_key_type(serverKey.get()));
    info.keyType = type ? QString::fromLatin1(type) : QStringLiteral("unknown");
    info.fingerprint = HostKeyInfo::fingerprintOf(QByteArray::fromBase64(info.keyBase64));
    const HostKeyPolicy::Lookup found = policy.lookup(info);
    info.status = found.status;
    core.hostKey = info;

    if (requireKnown && info.status != HostKeyStatus::Known) {
        // Nothing else happens on this connection: no authentication, no channel.
        Status verdict = policy.check(info);
        core.session.reset();
        qCInfo(lcSsh) << "host key of" << info.knownHostsName() << "not trusted:" << info.fingerprint;
        return verdict.error();
    }

    core.user = takeString([s] {
        char* v = nullptr;
        ssh_options_get(s, SSH_OPTIONS_USER, &v);
        return v;
    }());
    core.alive = true;
    return info;
}

Result<AuthOutcome> authReply(SessionCore& core, int rc) {
    switch (rc) {
    case SSH_AUTH_SUCCESS:
        return AuthOutcome{true, 0};
    case SSH_AUTH_DENIED:
    case SSH_AUTH_PARTIAL:
        return AuthOutcome{false, ssh_userauth_list(core.session.get(), nullptr)};
    default:
        return internal::sessionError(core.session.get(), core.where(), QObject::tr("logging in"));
    }
}

Result<AuthOutcome> authNone(SessionCore& core) {
    return authReply(core, ssh_userauth_none(core.session.get(), nullptr));
}

Result<AuthOutcome> authAgent(SessionCore& core) {
    return authReply(core, ssh_userauth_agent(core.session.get(), nullptr));
}

// libssh's own key search: the agent (unless turned off in openConnection), then every IdentityFile
// of the SSH configuration and the default ~/.ssh/id_* keys. Keys that need a passphrase are skipped
// (no callback is set: nothing may prompt on the worker).
Result<AuthOutcome> authConfiguredKeys(SessionCore& core) {
    return authReply(core, ssh_userauth_publickey_auto(core.session.get(), nullptr, nullptr));
}

Result<AuthOutcome> authKey(SessionCore& core, const SharedKey& key) {
    return authReply(core, ssh_userauth_publickey(core.session.get(), nullptr, key.get()));
}

Result<AuthOutcome> authPassword(SessionCore& core, const SecureBytes& password) {
    return authReply(core, ssh_userauth_password(core.session.get(), nullptr, password.bytes().constData()));
}

Result<LoadedKey> loadKey(const QString& path, const std::optional<SecureBytes>& passphrase) {
    auto bytes = internal::PrivateKeyFile::read(path);
    if (!bytes)
        return bytes.error();
    ssh_key key = nullptr;
    const int rc = ssh_pki_import_privkey_base64(
        bytes->bytes().constData(), passphrase ? passphrase->bytes().constData() : nullptr, nullptr, nullptr, &key);
    if (rc == SSH_OK && key)
        return LoadedKey{SharedKey(key, SshKeyDeleter{}), false};
    if (internal::PrivateKeyFile::isEncrypted(bytes->bytes()))
        return LoadedKey{nullptr, true};
    return Error(ErrorCode::InvalidInput,
                 QObject::tr("%1 is not a private key Certdeck can read (OpenSSH, PEM or PKCS#8 formats "
                             "work): choose the private key file, not the .pub file.")
                     .arg(internal::PrivateKeyFile::displayPath(path)));
}

Result<CommandResult> execute(SessionCore& core, const QByteArray& line, const QString& shown, const SecureBytes& input,
                              std::chrono::seconds timeout, const CancelToken& cancel) {
    ssh_session s = core.session.get();
    if (!s || !ssh_is_connected(s)) {
        core.alive = false;
        return Error(ErrorCode::Network,
                     QObject::tr("The SSH connection to %1 is closed: connect again.").arg(core.where()))
            .withContext(SshSession::notStartedContext());
    }
    SshChannelPtr ch(ssh_channel_new(s));
    if (!ch || ssh_channel_open_session(ch.get()) != SSH_OK)
        return internal::sessionError(s, core.where(), QObject::tr("opening a channel"))
            .withContext(SshSession::notStartedContext());
    // RFC 4254 §6.5: "exec" hands the line to the user's login shell.
    if (ssh_channel_request_exec(ch.get(), line.constData()) != SSH_OK)
        return internal::sessionError(s, core.where(), QObject::tr("starting %1").arg(shown));
    // Without input a command that reads stdin sees end of file at once instead of waiting forever.
    // Input goes out as the server's window allows (RFC 4254 §5.2), between reads, so a command
    // that writes a lot before it reads cannot deadlock against us.
    qsizetype sent = 0;
    bool eofSent = false;
    const auto feed = [&]() -> bool {
        while (sent < input.size()) {
            const qsizetype room = qMin<qsizetype>(ssh_channel_window_size(ch.get()), 32 * 1024);
            if (room <= 0)
                return true;
            const int n = ssh_channel_write(ch.get(), input.bytes().constData() + sent,
                                            static_cast<uint32_t>(qMin(room, input.size() - sent)));
            if (n == SSH_ERROR)
                return false;
            sent += n;
        }
        if (!eofSent) {
            ssh_channel_send_eof(ch.get());
            eofSent = true;
        }
        return true;
    };
    if (!feed())
        return internal::sessionError(s, core.where(), QObject::tr("sending input to %1").arg(shown));

    CommandResult out;
    const auto append = [](QByteArray& to, bool& truncated, const char* data, int n) {
        const qsizetype room = CommandResult::maxOutputBytes - to.size();
        if (n > room) {
            truncated = true;
            n = static_cast<int>(qMax<qsizetype>(0, room));
        }
        to.append(data, n);
    };
    QDeadlineTimer deadline(timeout);
    char buf[16384];
    while (true) {
        if (cancel.isCancelled())
            return cancelledError();
        if (deadline.hasExpired())
            return Error(ErrorCode::Timeout, QObject::tr("%1 did not finish within %2 seconds on %3.")
                                                 .arg(shown)
                                                 .arg(timeout.count())
                                                 .arg(core.where()));
        // Short waits so cancel and the deadline are noticed (shorter while input waits for the
        // server's window); stderr is buffered by libssh meanwhile.
        const int n = ssh_channel_read_timeout(ch.get(), buf, sizeof buf, 0, eofSent ? 100 : 10);
        if (n == SSH_ERROR)
            return internal::sessionError(s, core.where(), QObject::tr("running %1").arg(shown));
        if (n > 0)
            append(out.stdOut, out.stdOutTruncated, buf, n);
        int m = 0;
        while ((m = ssh_channel_read_nonblocking(ch.get(), buf, sizeof buf, 1)) > 0)
            append(out.stdErr, out.stdErrTruncated, buf, m);
        if (m == SSH_ERROR)
            return internal::sessionError(s, core.where(), QObject::tr("running %1").arg(shown));
        if (n == 0 && (ssh_channel_is_eof(ch.get()) || ssh_channel_is_closed(ch.get())))
            break;
        // A command that ended without reading all of it leaves the rest unsent (not an error).
        if (!eofSent && !feed())
            return internal::sessionError(s, core.where(), QObject::tr("sending input to %1").arg(shown));
    }
    // RFC 4254 §6.10: "exit-status"; absent when the command died of a signal ("exit-signal").
    out.exitCode = ssh_channel_get_exit_status(ch.get());
    ssh_channel_close(ch.get());
    return out;
}

/// sudo refusing to run the command at all (not the command failing) deserves its own advice.
std::optional<Error> sudoFailure(const CommandResult& r, const QString& user, const QString& where) {
    const QString err = QString::fromUtf8(r.stdErr).trimmed();
    const QString firstLine = err.section(QLatin1Char('\n'), 0, 0);
    if (r.exitCode == 127 && err.contains(QLatin1String("sudo")) && err.contains(QLatin1String("not found")))
        return Error(ErrorCode::Permission,
                     QObject::tr("sudo is not installed on %1, so Certdeck cannot run commands there with more "
                                 "rights: install sudo and allow %2 to run the commands without a password, or "
                                 "connect as a user that has the rights needed.")
                         .arg(where, user),
                     err);
    if (err.contains(QLatin1String("a password is required")) || err.contains(QLatin1String("a terminal is required")))
        return Error(ErrorCode::Permission,
                     QObject::tr("sudo on %1 wants a password from %2, and Certdeck never types passwords into "
                                 "sudo: allow %2 to run these commands without a password (a NOPASSWD rule in "
                                 "/etc/sudoers.d/), or connect as a user that has the rights needed.")
                         .arg(where, user),
                     err);
    if (err.contains(QLatin1String("not in the sudoers file")) || err.contains(QLatin1String("is not allowed to")) ||
        err.contains(QLatin1String("may not run sudo")))
        return Error(ErrorCode::Permission,
                     QObject::tr("%1 may not use sudo for this command on %2: add a sudoers rule for it, or connect "
                                 "as a user that has the rights needed.")
                         .arg(user, where),
                     err);
    if (err.startsWith(QLatin1String("sudo:")))
        return Error(ErrorCode::Permission,
                     QObject::tr("sudo on %1 refused to run the command for %2: %3").arg(where, user, firstLine), err);
    return std::nullopt;
}

} // namespace

SshSession::SshSession(SshTarget target)
    : m_target(std::move(target))
    , m_worker(std::make_unique<internal::Worker>())
    , m_core(std::make_shared<SessionCore>())
    , m_keepalives(std::make_shared<std::atomic<quint64>>(0)) {}

SshSession::~SshSession() {
    m_keepaliveTimer.reset();
    // The handles die on the thread that used them; then the worker winds down.
    if (m_core) {
        m_worker->post([core = std::move(m_core)]() mutable { core.reset(); });
    }
    m_worker->waitForDone();
}

quint64 SshSession::handshakeCount() {
    return s_handshakes.load();
}

bool SshSession::isConnected() const {
    return m_core && m_core->alive.load();
}

QString SshSession::user() const {
    return m_core->user;
}

QString SshSession::host() const {
    return m_core->host;
}

int SshSession::port() const {
    return m_core->port;
}

HostKeyInfo SshSession::hostKey() const {
    return m_core->hostKey;
}

Error SshSession::notConnectedError() const {
    return Error(ErrorCode::Network,
                 QObject::tr("The SSH connection to %1 is closed: connect again.").arg(m_target.displayName()));
}

SftpClient SshSession::sftp() {
    return SftpClient(shared_from_this());
}

QCoro::Task<Result<std::shared_ptr<SshSession>>> SshSession::connect(SshTarget target, AuthOptions auth) {
    std::shared_ptr<SshSession> self(new SshSession(target));
    auto core = self->m_core;
    internal::Worker& worker = *self->m_worker;
    const HostKeyPolicy policy(target.knownHostsFile, target.userKnownHostsFile);

    auto openJob = worker.start([core, target, policy] { return openConnection(*core, target, policy, true); });
    auto opened = co_await openJob;
    if (!opened)
        co_return opened.error();
    const QString who = QObject::tr("user %1 on %2").arg(core->user, core->where());

    auto noneJob = worker.start([core] { return authNone(*core); });
    auto outcome = co_await noneJob;
    if (!outcome)
        co_return outcome.error();
    if (outcome->success) {
        self->m_authMethod = QStringLiteral("none");
        self->startKeepalive();
        co_return self;
    }
    int methods = outcome->methods;
    QStringList notes;
    const auto succeeded = [&](const char* method) {
        self->m_authMethod = QString::fromLatin1(method);
        qCInfo(lcSsh) << "logged in as" << core->user << "on" << core->where() << "with" << method;
        self->startKeepalive();
    };

    if (target.identityFile.isEmpty() && target.processConfig) {
        // 1+2. Like `ssh`: the agent, then the keys the SSH configuration names and the default ones.
        if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
            auto autoJob = worker.start([core] { return authConfiguredKeys(*core); });
            outcome = co_await autoJob;
            if (!outcome)
                co_return outcome.error();
            if (outcome->success) {
                succeeded("publickey");
                co_return self;
            }
            methods = outcome->methods;
            notes << QObject::tr("The server %1 refused your SSH keys (from ssh-agent, ~/.ssh/id_* and the "
                                 "IdentityFile lines of your SSH configuration) for user %2; keys with a passphrase "
                                 "are only used through ssh-agent or when chosen as the key file.")
                         .arg(core->where(), core->user);
        }
    } else {
        // 1. ssh-agent: keys the user already unlocked.
        if (target.useAgent && (methods & SSH_AUTH_METHOD_PUBLICKEY)) {
            const QString socket =
                target.agentSocket.isEmpty() ? qEnvironmentVariable("SSH_AUTH_SOCK") : target.agentSocket;
            if (socket.isEmpty() || !QFileInfo::exists(socket)) {
                if (target.identityFile.isEmpty() && !auth.password)
                    notes << QObject::tr("ssh-agent is not running (SSH_AUTH_SOCK is not set or its socket is gone).");
            } else {
                auto agentJob = worker.start([core] { return authAgent(*core); });
                outcome = co_await agentJob;
                if (!outcome)
                    co_return outcome.error();
                if (outcome->success) {
                    succeeded("agent");
                    co_return self;
                }
                methods = outcome->methods;
                notes << QObject::tr("The server refused every key offered by ssh-agent for %1.").arg(who);
            }
        }

        // 2. Key files.
        const QStringList candidates = target.identityFile.isEmpty() ? QStringList() : QStringList{target.identityFile};
        for (const QString& path : candidates) {
            if (!(methods & SSH_AUTH_METHOD_PUBLICKEY))
                break;
            const QString shown = internal::PrivateKeyFile::displayPath(path);
            auto loadJob = worker.start([path] { return loadKey(path, std::nullopt); });
            auto loaded = co_await loadJob;
            if (!loaded) {
                notes << loaded.error().userMessage;
                continue;
            }
            if (loaded->needsPassphrase) {
                if (!auth.passphrase) {
                    notes << QObject::tr("The key %1 is protected by a passphrase, and none was given.").arg(shown);
                    continue;
                }
                QString prompt = QObject::tr("Enter the passphrase for the key %1").arg(shown);
                constexpr int maxAttempts = 3;
                for (int attempt = 1; attempt <= maxAttempts; ++attempt) {
                    std::optional<SecureBytes> passphrase = auth.passphrase(prompt);
                    if (!passphrase)
                        co_return Error(ErrorCode::Cancelled,
                                        QObject::tr("Logging in to %1 was cancelled.").arg(core->where()));
                    auto decryptJob = worker.start([path, pass = std::move(*passphrase)] {
                        return loadKey(path, std::optional<SecureBytes>(pass));
                    });
                    loaded = co_await decryptJob;
                    if (!loaded)
                        co_return loaded.error();
                    if (loaded->key)
                        break;
                    if (attempt == maxAttempts)
                        co_return Error(ErrorCode::InvalidInput,
                                        QObject::tr("The passphrase for the key %1 is wrong.").arg(shown),
                                        QStringLiteral("%1 attempts").arg(maxAttempts));
                    prompt = QObject::tr("Wrong passphrase. Enter the passphrase for the key %1 again").arg(shown);
                }
            }
            const SharedKey key = loaded->key;
            auto keyJob = worker.start([core, key] { return authKey(*core, key); });
            outcome = co_await keyJob;
            if (!outcome)
                co_return outcome.error();
            if (outcome->success) {
                succeeded("key");
                co_return self;
            }
            methods = outcome->methods;
            notes << QObject::tr("The server %1 refused the key %2 for user %3.").arg(core->where(), shown, core->user);
        }
        if (!candidates.isEmpty() && !(methods & SSH_AUTH_METHOD_PUBLICKEY) && notes.isEmpty())
            notes << QObject::tr("The server %1 does not accept key logins (it offers: %2).")
                         .arg(core->where(), methodNames(methods));
    }

    // 3. Password.
    if (auth.password) {
        if (methods & SSH_AUTH_METHOD_PASSWORD) {
            auto passwordJob =
                worker.start([core, password = *auth.password] { return authPassword(*core, password); });
            outcome = co_await passwordJob;
            if (!outcome)
                co_return outcome.error();
            if (outcome->success) {
                succeeded("password");
                co_return self;
            }
            methods = outcome->methods;
            notes << QObject::tr("The server %1 refused the password for user %2.").arg(core->where(), core->user);
        } else {
            notes << QObject::tr("The server %1 does not accept passwords (it offers: %2).")
                         .arg(core->where(), methodNames(methods));
        }
    }

    auto closeJob = worker.start([core] {
        core->session.reset();
        core->alive = false;
    });
    co_await closeJob;
    if (notes.isEmpty())
        co_return Error(ErrorCode::Permission,
                        QObject::tr("Certdeck has no way to log in as %1: choose a key file, add your key to "
                                    "ssh-agent, or enter a password.")
                            .arg(who),
                        QStringLiteral("server offers: %1").arg(methodNames(methods)));
    co_return Error(ErrorCode::Permission, notes.join(QLatin1Char(' ')),
                    QStringLiteral("server offers: %1").arg(methodNames(methods)));
}

QCoro::Task<Result<HostKeyInfo>> SshSession::probeHostKey(SshTarget target) {
    internal::Worker worker;
    auto core = std::make_shared<SessionCore>();
    const HostKeyPolicy policy(target.knownHostsFile, target.userKnownHostsFile);
    auto probeJob = worker.start([core, target, policy] {
        auto r = openConnection(*core, target, policy, false);
        core->session.reset();
        return r;
    });
    auto info = co_await probeJob;
    co_return info;
}

QCoro::Task<Result<HostKeyInfo>> SshSession::trustHostKey(SshTarget target, QString fingerprint, bool replaceChanged) {
    auto probe = probeHostKey(target);
    auto presented = co_await std::move(probe);
    if (!presented)
        co_return presented.error();
    if (presented->fingerprint != fingerprint.trimmed())
        co_return Error(ErrorCode::HostKeyChanged,
                        QObject::tr("%1 now presents the host key %2, not %3 that you confirmed. Nothing was saved: "
                                    "check the fingerprint on the server again.")
                            .arg(presented->knownHostsName(), presented->fingerprint, fingerprint.trimmed()),
                        presented->toDetailLine());
    const HostKeyPolicy policy(target.knownHostsFile, target.userKnownHostsFile);
    auto saveJob =
        QtConcurrent::run([policy, key = *presented, replaceChanged] { return policy.trust(key, replaceChanged); });
    auto saved = co_await saveJob;
    if (!saved)
        co_return saved.error();
    HostKeyInfo out = *presented;
    out.status = HostKeyStatus::Known;
    co_return out;
}

QCoro::Task<Result<CommandResult>> SshSession::run(RemoteCommand command, std::chrono::seconds timeout,
                                                   CancelToken cancel) {
    auto self = shared_from_this();
    if (auto valid = command.validate(); !valid)
        co_return valid.error();
    if (!isConnected())
        co_return notConnectedError();
    auto core = m_core;
    const QByteArray line = command.render();
    const QString shown = command.toString();
    const SecureBytes input = command.input();
    qCDebug(lcSsh) << "run on" << core->where() << ":" << shown;
    auto job = m_worker->start(
        [core, line, shown, input, timeout, cancel] { return execute(*core, line, shown, input, timeout, cancel); });
    auto result = co_await job;
    if (!result)
        co_return result.error();
    if (command.usesSudo() && result->exitCode != 0) {
        if (auto refused = sudoFailure(*result, core->user, core->where()))
            co_return *refused;
    }
    co_return result;
}

QString SshSession::notStartedContext() {
    return QObject::tr("Before the command started");
}

bool SshSession::notStarted(const Error& error) {
    // Callers may have put their own context in front.
    const QString context = notStartedContext();
    return error.context == context || error.context.endsWith(QStringLiteral(": ") + context);
}

QCoro::Task<Result<CommandResult>> SshSession::runChecked(RemoteCommand command, std::chrono::seconds timeout,
                                                          CancelToken cancel) {
    auto self = shared_from_this();
    const QString shown = command.toString();
    auto task = run(std::move(command), timeout, std::move(cancel));
    auto result = co_await std::move(task);
    if (!result)
        co_return result.error();
    if (!result->succeeded()) {
        const QString err = QString::fromUtf8(result->stdErr.left(4096)).trimmed();
        const QString firstLine = err.section(QLatin1Char('\n'), 0, 0);
        co_return Error(ErrorCode::Ssh,
                        result->exitCode < 0
                            ? QObject::tr("%1 was killed on %2 before it finished.").arg(shown, m_core->where())
                            : QObject::tr("%1 failed on %2 (exit status %3)%4")
                                  .arg(shown, m_core->where())
                                  .arg(result->exitCode)
                                  .arg(firstLine.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + firstLine),
                        err);
    }
    co_return result;
}

QCoro::Task<> SshSession::disconnect() {
    auto self = shared_from_this();
    m_keepaliveTimer.reset();
    auto core = m_core;
    auto job = m_worker->start([core] {
        core->extChannel.reset();
        core->sftp.reset();
        core->session.reset();
        core->alive = false;
    });
    co_await job;
}

void SshSession::startKeepalive() {
    if (m_target.keepaliveInterval.count() <= 0)
        return;
    m_keepaliveTimer = std::make_unique<QTimer>();
    m_keepaliveTimer->setInterval(m_target.keepaliveInterval);
    internal::Worker* worker = m_worker.get(); // outlives the timer (destroyed first)
    std::weak_ptr<SessionCore> weakCore = m_core;
    auto counter = m_keepalives;
    QObject::connect(m_keepaliveTimer.get(), &QTimer::timeout, [worker, weakCore, counter] {
        worker->post([weakCore, counter] {
            auto core = weakCore.lock();
            if (!core || !core->session || !core->alive)
                return;
            // keepalive@openssh.com global request (what OpenSSH's ServerAliveInterval sends): keeps
            // NAT and firewall state alive and notices a dead peer.
            if (ssh_send_keepalive(core->session.get()) == SSH_OK)
                counter->fetch_add(1);
            if (!ssh_is_connected(core->session.get()))
                core->alive = false;
        });
    });
    m_keepaliveTimer->start();
}

} // namespace certdeck::ssh
