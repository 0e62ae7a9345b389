// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Module-private: included by core/ssh only.
#include "core/ssh/HostKeyInfo.h"
#include "core/ssh/SshPtr.h"

#include <QString>

#include <atomic>
#include <chrono>

namespace certdeck::ssh::internal {

/// Everything libssh about one connection. Owned by SshSession through a shared_ptr that jobs
/// capture; the handles are only touched by jobs on that session's Worker. Members are declared so
/// that the channels and the SFTP session are destroyed before the SSH session they belong to.
struct SessionCore {
    SshSessionPtr session;
    SftpSessionPtr sftp;
    /// A second SFTP channel for requests libssh 0.10 cannot send (posix-rename@openssh.com).
    SshChannelPtr extChannel;
    quint32 extNextId = 1;

    QString host; ///< after ~/.ssh/config
    int port = 22;
    QString user; ///< the account we logged in as
    std::chrono::milliseconds timeout{15000};
    HostKeyInfo hostKey;

    /// False once the connection is known to be gone (set on the worker, read anywhere).
    std::atomic<bool> alive{false};

    /// "user@host" or "host:port" for messages.
    [[nodiscard]] QString where() const { return port == 22 ? host : QStringLiteral("%1:%2").arg(host).arg(port); }
};

} // namespace certdeck::ssh::internal
