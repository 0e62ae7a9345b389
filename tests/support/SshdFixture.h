// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/ServerProcess.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace certdeck::test {

/// OpenSSH's sshd on a free loopback port with its own configuration, host key and client keys in a
/// temporary directory, plus an ssh-agent holding the client key. Started as /usr/sbin/sshd -D -E LOG
/// -f CONFIG (absolute path: it re-execs itself), stopped by its PID. LogLevel DEBUG1, so tests can see
/// whether a client ever tried to authenticate (authRequestCount()).
///
/// sshd needs /run/sshd; the fixture creates it when missing and removes it when the last fixture
/// that needed it (in any process) is gone, and never when it was there before.
///
/// Options::testUser adds an unprivileged account with a password that exists only for this sshd:
/// sshd runs in a private mount namespace (unshare --mount) where copies of /etc/passwd, /etc/shadow
/// and /etc/group with that account are bind-mounted over the originals. Nothing changes on the
/// system; this needs root (CAP_SYS_ADMIN), which CI has.
class SshdFixture {
public:
    struct Options {
        bool testUser = false;
        /// Serve SFTP with OpenSSH's sftp-server binary logging at INFO into sftpLog() (what it
        /// opened, with which mode, renamed ...), instead of internal-sftp, which can only log to
        /// syslog or the client's channel. Same protocol code either way.
        bool sftpLog = false;
        /// With testUser: the test user may run anything as root without a password (`sudo -n`), as
        /// on a server where the deploy account has a NOPASSWD rule. The rule is for sudoGroup(), a
        /// group that exists only in this sshd's namespace, in /etc/sudoers.d/certdeck-fixture-<pid>-<n>
        /// (checked with `visudo -cf` before it goes there), removed by stop(); ones left by a
        /// crashed test process are removed at the next start.
        bool sudoForTestUser = false;
        /// sshd's LogLevel (a server's usual INFO for benchmarks; DEBUG1 explains a failed test).
        QString logLevel = QStringLiteral("DEBUG1");
        /// Logins get a plain shell: bash, started by sshd, skips ~/.bashrc when SHLVL says it is
        /// not top-level (sshd_config `SetEnv SHLVL=1`). For benchmarks that log in as this
        /// machine's root, whose ~/.bashrc (pyenv init here) costs ~0.3 s of CPU per remote command
        /// and would be measured instead of Certdeck.
        bool plainShell = false;
    };

    SshdFixture();
    explicit SshdFixture(Options options);
    ~SshdFixture();
    SshdFixture(const SshdFixture&) = delete;
    SshdFixture& operator=(const SshdFixture&) = delete;

    /// Generates the keys, writes the configuration, starts ssh-agent and sshd and waits until sshd
    /// accepts connections. False + error (naming the Debian package of a missing binary) on failure.
    bool start(QString* error);
    void stop();
    /// Replaces the host key with a fresh one and restarts sshd on the same port.
    bool regenerateHostKey(QString* error);

    [[nodiscard]] QString host() const { return QStringLiteral("127.0.0.1"); }
    [[nodiscard]] quint16 port() const { return m_port; }
    /// As `ssh-keygen -l -E sha256` prints it: "SHA256:..." (unpadded base64).
    [[nodiscard]] QString hostKeyFingerprint() const { return m_hostFingerprint; }
    [[nodiscard]] QString hostKeyType() const { return QStringLiteral("ssh-ed25519"); }
    /// "[127.0.0.1]:port ssh-ed25519 AAAA...": a known_hosts line for the current host key.
    [[nodiscard]] QString knownHostsLine() const;

    /// The account running the tests (root in CI); its logins use clientKeyPath().
    [[nodiscard]] QString user() const;
    [[nodiscard]] QString clientKeyPath() const { return m_dir.filePath(QStringLiteral("client_ed25519")); }
    [[nodiscard]] QString passphraseKeyPath() const { return m_dir.filePath(QStringLiteral("client_pass_ed25519")); }
    [[nodiscard]] QByteArray passphrase() const { return m_passphrase; }
    /// A valid key that is not in authorized_keys.
    [[nodiscard]] QString unauthorizedKeyPath() const { return m_dir.filePath(QStringLiteral("other_ed25519")); }
    /// ssh-agent's socket; the agent holds clientKeyPath().
    [[nodiscard]] QString agentSocket() const { return m_dir.filePath(QStringLiteral("agent.sock")); }

    /// Options::testUser only: an unprivileged account (key: clientKeyPath(), or this password).
    [[nodiscard]] QString testUser() const { return QStringLiteral("certdeck-test"); }
    [[nodiscard]] QByteArray testUserPassword() const { return m_testPassword; }
    [[nodiscard]] QString testUserHome() const { return m_dir.filePath(QStringLiteral("home")); }
    [[nodiscard]] uint testUserUid() const { return m_testUid; }
    /// Options::sudoForTestUser: the group the sudoers rule names; the test user is its member.
    [[nodiscard]] static QString sudoGroup() { return QStringLiteral("certdeck-sudo"); }
    /// Options::sudoForTestUser only: the drop-in in /etc/sudoers.d (empty when none is installed).
    [[nodiscard]] QString sudoersFile() const { return m_sudoersFile; }

    [[nodiscard]] QString workDir() const { return m_dir.path(); }
    [[nodiscard]] QString log() const;
    /// Options::sftpLog only: the SFTP server's log ("open ... mode 0600", "set ... mode",
    /// "posix-rename old ... new ...").
    [[nodiscard]] QString sftpLog() const;
    /// How many SSH authentication requests sshd has received so far (its "userauth-request" lines).
    [[nodiscard]] int authRequestCount() const;
    /// Cuts every open SSH connection at once, like a network failure: kills (SIGKILL) the per-connection
    /// processes sshd forked (its direct children, found by their parent PID), while sshd itself keeps
    /// listening. Returns how many were killed.
    int dropConnections();
    /// PIDs of sshd and ssh-agent.
    [[nodiscard]] QList<qint64> pids() const;

private:
    bool makeKeys(QString* error);
    bool makeHostKey(QString* error);
    bool makeTestUser(QString* error);
    bool writeConfig(QString* error);
    bool startSshd(QString* error);
    bool startAgent(QString* error);
    bool installSudoRule(QString* error);
    void removeSudoRule();

    Options m_options;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QString m_hostFingerprint;
    QString m_hostPublicKey;
    QByteArray m_passphrase;
    QByteArray m_testPassword;
    uint m_testUid = 0;
    bool m_runDirClaimed = false;
    QString m_registration;
    QString m_sudoersFile;
    std::unique_ptr<ServerProcess> m_sshd;
    std::unique_ptr<ServerProcess> m_agent;
};

} // namespace certdeck::test
