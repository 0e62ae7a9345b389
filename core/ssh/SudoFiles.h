// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/ssh/RemoteFileInfo.h"

#include <QCoroTask>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

namespace certdeck::ssh {

class SshSession;

/// File operations as root through `sudo -n` on an SshSession, for a login user who cannot write
/// the target folders (/etc/nginx/ssl, a root-owned webroot).
///
/// Content never goes through a command line: it is uploaded over SFTP as the login user into a
/// private staging folder (`mktemp -d`, 0700, owned by that user), then `sudo -n install` copies it
/// to its place with the requested mode, owner and group. Every other step is one of a handful of
/// coreutils programs (test, stat, install, cp, mv, rm, mkdir) run with an argv list through
/// RemoteCommand, so no path or name is ever interpolated into a shell. `sudo -n` never prompts: a
/// sudo that wants a password fails at once (ErrorCode::Permission) — check() says so up front,
/// before anything on the server is touched.
///
/// Cheap to copy; keeps its session alive. Runs on the session's worker like every operation of
/// that session; resume on the awaiting thread.
class SudoFiles {
public:
    explicit SudoFiles(std::shared_ptr<SshSession> session,
                       std::chrono::seconds commandTimeout = std::chrono::seconds(60));

    /// `sudo -n true`. Failure: ErrorCode::Permission whose message names the user, the host and
    /// `purpose` ("deploying to /etc/nginx/ssl") and shows a sudoers rule that would allow it; sudo's
    /// own words in the detail.
    QCoro::Task<Status> check(QString purpose, CancelToken cancel = {});

    /// A fresh private folder for uploads, made by the login user with `mktemp -d` (mode 0700, in
    /// $TMPDIR or /tmp). Remove it with removeStagingDir().
    QCoro::Task<Result<QString>> makeStagingDir(CancelToken cancel = {});
    /// `rm -rf` of a folder made by makeStagingDir() (as the login user, no sudo); refuses paths it
    /// did not make.
    QCoro::Task<Status> removeStagingDir(QString dir);
    /// Uploads `content` over SFTP into the staging folder as `name` (mode 0600: only the login user
    /// can read it) and returns its path.
    QCoro::Task<Result<QString>> upload(QString stagingDir, QString name, SecureBytes content);

    /// Facts about a path as root sees it (follows symlinks). Missing: exists == false.
    QCoro::Task<Result<RemoteFileInfo>> stat(QString path, CancelToken cancel = {});
    /// `install -m MODE [-o OWNER] [-g GROUP] -T -- from to` as root: `to` is replaced by a copy with
    /// that mode and owner (root's when owner/group are empty). Not atomic for readers of `to`:
    /// install to a temporary name beside the target, then rename().
    QCoro::Task<Status> install(QString from, QString to, int mode, QString owner, QString group,
                                CancelToken cancel = {});
    /// `cp -p --remove-destination -- from to` as root: a copy keeping mode, owner and times.
    QCoro::Task<Status> copy(QString from, QString to, CancelToken cancel = {});
    /// `mv -f -T -- from to` as root: rename(2) in one folder, so atomic for readers of `to`.
    QCoro::Task<Status> rename(QString from, QString to, CancelToken cancel = {});
    /// `rm -f -- path` as root; a missing file is success.
    QCoro::Task<Status> remove(QString path, CancelToken cancel = {});
    /// `mkdir -p -m MODE -- path` as root (MODE applies to the last folder; parents get root's umask).
    QCoro::Task<Status> mkdirs(QString path, int mode = 0755, CancelToken cancel = {});

    /// A sudoers line that would let `user` do what SudoFiles does, plus `extra` commands (the
    /// service's reload), for the advice in messages.
    [[nodiscard]] static QString sudoersRuleFor(const QString& user, const QStringList& extra = {});

private:
    std::shared_ptr<SshSession> m_session;
    std::chrono::seconds m_timeout;
};

} // namespace certdeck::ssh
