// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"
#include "core/ssh/AuthOptions.h"
#include "core/ssh/CommandResult.h"
#include "core/ssh/HostKeyInfo.h"
#include "core/ssh/RemoteCommand.h"
#include "core/ssh/SftpClient.h"
#include "core/ssh/SshTarget.h"

#include <QCoroTask>
#include <QString>

#include <atomic>
#include <chrono>
#include <memory>

class QTimer;

namespace certdeck::ssh {

namespace internal {
class Worker;
struct SessionCore;
} // namespace internal

/// One authenticated SSH connection.
///
/// Threading: every libssh call of a session runs on a worker thread owned by the session (one OS
/// thread per session, as libssh requires); callers only see coroutines, which resume on the
/// thread that awaited them. Operations on one session run one after the other. Use a session from
/// the thread that connected it (its keepalive timer lives there) and let the last reference go on
/// that thread too.
///
/// Host keys: connect() verifies the server's key with HostKeyPolicy before anything else is sent.
/// An unknown key fails with ErrorCode::HostKeyUnknown (fingerprint in the error, see
/// HostKeyInfo::fromError) and a different one with ErrorCode::HostKeyChanged; either way the
/// connection is closed before authentication. The caller records a confirmed key with
/// trustHostKey().
///
/// Failures are values with a message naming what to do; libssh's text is in Error::detail.
class SshSession : public std::enable_shared_from_this<SshSession> {
public:
    ~SshSession();
    SshSession(const SshSession&) = delete;
    SshSession& operator=(const SshSession&) = delete;

    /// Connects, checks the host key, then logs in trying, in order: ssh-agent (target.useAgent),
    /// the key file (target.identityFile; passphrase through auth.passphrase) or, without one and with
    /// target.processConfig, the keys of the SSH configuration; last the password (auth.password).
    static QCoro::Task<Result<std::shared_ptr<SshSession>>> connect(SshTarget target, AuthOptions auth = {});

    /// The server's host key and how it compares with the known_hosts files, without logging in and
    /// without writing anything.
    static QCoro::Task<Result<HostKeyInfo>> probeHostKey(SshTarget target);

    /// Records the server's key in target.knownHostsFile, but only if the key the server presents now
    /// has exactly `fingerprint` (the one the user confirmed). A changed key is replaced only with
    /// replaceChanged (and only in Certdeck's own file). Returns the key as recorded.
    static QCoro::Task<Result<HostKeyInfo>> trustHostKey(SshTarget target, QString fingerprint,
                                                         bool replaceChanged = false);

    /// Runs a command and collects its exit status and output (bounded, see CommandResult). A
    /// non-zero exit is a value, not an error, except when sudo itself refused (withSudo()): that
    /// is ErrorCode::Permission with advice. Timeout: ErrorCode::Timeout; cancel: ErrorCode::Cancelled.
    QCoro::Task<Result<CommandResult>>
    run(RemoteCommand command, std::chrono::seconds timeout = std::chrono::seconds(120), CancelToken cancel = {});
    /// Whether an error of run() came before the server started the command (the connection was
    /// already closed or lost, or no channel could be opened): then it certainly did nothing.
    [[nodiscard]] static bool notStarted(const Error& error);
    /// The context of such errors.
    [[nodiscard]] static QString notStartedContext();
    /// run(), and a non-zero exit becomes ErrorCode::Ssh naming the command and its error output.
    QCoro::Task<Result<CommandResult>> runChecked(RemoteCommand command,
                                                  std::chrono::seconds timeout = std::chrono::seconds(120),
                                                  CancelToken cancel = {});

    /// Closes the connection. Later operations fail with a "not connected" error.
    QCoro::Task<> disconnect();

    /// File operations over SFTP on this connection.
    [[nodiscard]] SftpClient sftp();

    [[nodiscard]] bool isConnected() const;
    [[nodiscard]] const SshTarget& target() const { return m_target; }
    /// The account logged in as, the host and port actually connected to (after ~/.ssh/config).
    [[nodiscard]] QString user() const;
    [[nodiscard]] QString host() const;
    [[nodiscard]] int port() const;
    [[nodiscard]] HostKeyInfo hostKey() const;
    /// "none", "agent", "key" (target.identityFile), "publickey" (libssh's search through the agent and
    /// the configured keys) or "password".
    [[nodiscard]] QString authMethod() const { return m_authMethod; }
    /// Keepalives sent so far on this session.
    [[nodiscard]] quint64 keepalivesSent() const { return m_keepalives->load(); }

    /// SSH handshakes (key exchanges) completed by this process, for tests and benchmarks.
    [[nodiscard]] static quint64 handshakeCount();

private:
    friend class SftpClient;
    explicit SshSession(SshTarget target);
    void startKeepalive();
    [[nodiscard]] Error notConnectedError() const;

    SshTarget m_target;
    std::unique_ptr<internal::Worker> m_worker;
    std::shared_ptr<internal::SessionCore> m_core;
    std::unique_ptr<QTimer> m_keepaliveTimer;
    std::shared_ptr<std::atomic<quint64>> m_keepalives;
    QString m_authMethod;
};

} // namespace certdeck::ssh
