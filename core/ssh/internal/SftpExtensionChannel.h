// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Module-private: included by core/ssh only.
#include "core/common/Result.h"
#include "core/ssh/internal/SessionCore.h"

#include <QByteArray>
#include <QString>

namespace certdeck::ssh::internal {

/// libssh 0.10 has no call for SFTP extension requests, and its sftp_rename sends the SFTP v3
/// RENAME, which OpenSSH refuses when the target exists. This speaks just enough SFTP v3
/// (draft-ietf-secsh-filexfer-02) on a second "sftp" subsystem channel of the same session to send
/// posix-rename@openssh.com (OpenSSH PROTOCOL §4.3): rename(2) semantics, replacing the target
/// atomically. Runs on the session's worker only.
class SftpExtensionChannel {
public:
    struct Reply {
        quint32 code = 0; ///< SSH_FX_* status (0 = OK)
        QString message;
    };
    /// Sends posix-rename and returns the server's status. An Error only when the channel itself
    /// failed (the channel is then dropped and reopened next time).
    static Result<Reply> posixRename(SessionCore& core, const QByteArray& from, const QByteArray& to);
};

} // namespace certdeck::ssh::internal
