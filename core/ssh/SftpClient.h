// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/ssh/RemoteFileInfo.h"

#include <QByteArray>
#include <QCoroTask>
#include <QString>

#include <memory>
#include <optional>

namespace certdeck::ssh {

class SshSession;

/// File operations over SFTP (draft-ietf-secsh-filexfer-02, SFTP v3 with OpenSSH extensions) on an
/// SshSession; cheap to copy, keeps its session alive. Runs on the session's worker like every
/// other operation of that session. Errors name the path and say what to do (permission denied:
/// "User deploy cannot write /etc/nginx/ssl on web1: give it write access or enable sudo ...").
/// Paths are remote paths (absolute, or relative to the login folder).
class SftpClient {
public:
    explicit SftpClient(std::shared_ptr<SshSession> session);

    /// Replaces `path` as a whole or not at all: writes a temporary file in the same folder (created
    /// exclusively, permissions set to `mode` before any content), fsyncs it when the server offers
    /// fsync@openssh.com, then renames it over `path` (posix-rename@openssh.com when offered; else
    /// remove + rename, which leaves a short moment without the file). The temporary file is removed
    /// when anything fails.
    QCoro::Task<Status> writeFileAtomic(QString path, QByteArray content, int mode);
    /// The same for secrets (private keys): the copy made for the transfer is wiped.
    QCoro::Task<Status> writeFileAtomic(QString path, SecureBytes content, int mode);

    /// The whole file; a file larger than maxBytes is an error (ErrorCode::Protocol).
    QCoro::Task<Result<QByteArray>> readFile(QString path, qint64 maxBytes = 1 << 20);
    /// Removes a file; a file that is already gone is success.
    QCoro::Task<Status> remove(QString path);
    /// Creates the folder and its missing parents (each new one with `mode`); existing ones are kept.
    QCoro::Task<Status> mkdirs(QString path, int mode = 0755);
    /// Facts about a path (follows symlinks). A missing path is RemoteFileInfo::exists == false.
    QCoro::Task<Result<RemoteFileInfo>> stat(QString path);
    /// Renames, replacing `to` if it exists (atomically when the server offers posix-rename).
    QCoro::Task<Status> rename(QString from, QString to);

private:
    static std::optional<Error> unavailable(const std::shared_ptr<SshSession>& session);

    std::shared_ptr<SshSession> m_session;
};

} // namespace certdeck::ssh
