// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <chrono>

namespace certdeck::ssh {

/// Where and how to connect. A plain value; nothing here is secret.
struct SshTarget {
    QString host;
    /// 0: from ~/.ssh/config when processConfig is set, else 22.
    int port = 22;
    /// Empty: from ~/.ssh/config when processConfig is set, else the local user name.
    QString user;
    /// Private key file (a passphrase is asked through AuthOptions::passphrase). Empty: with
    /// processConfig, libssh's search like `ssh` does it (the agent, the IdentityFile lines of the SSH
    /// configuration, ~/.ssh/id_ed25519, id_ecdsa, id_rsa; keys needing a passphrase only through the
    /// agent); without processConfig, no key file is tried.
    QString identityFile;
    /// Try the keys of a running ssh-agent first.
    bool useAgent = true;
    /// The agent's socket; empty: $SSH_AUTH_SOCK.
    QString agentSocket;
    /// Read ~/.ssh/config and /etc/ssh/ssh_config (host aliases, HostName, Port, User, IdentityFile)
    /// like `ssh` does. The product wants this; tests set it false for isolation.
    bool processConfig = true;
    /// With processConfig: read this file instead of ~/.ssh/config and /etc/ssh/ssh_config.
    QString sshConfigFile;
    /// Certdeck's own known_hosts: the only file Certdeck ever writes host keys to.
    QString knownHostsFile;
    /// The user's ~/.ssh/known_hosts: trusted, never written.
    QString userKnownHostsFile;
    /// Bounds connecting, authenticating and every single network wait.
    std::chrono::seconds timeout{15};
    /// An SSH keepalive this often while the session is idle; 0 turns it off.
    std::chrono::seconds keepaliveInterval{30};

    /// "user@host:port" (user and port only when set), for messages.
    [[nodiscard]] QString displayName() const;
    /// ~/.ssh/known_hosts of the local user.
    [[nodiscard]] static QString defaultUserKnownHostsFile();
};

} // namespace certdeck::ssh
