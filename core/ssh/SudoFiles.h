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
#include <optional>

namespace certdeck::ssh {

class SshSession;

/// File operations as root through `sudo -n` on an SshSession, for a login user who cannot write
/// the target folders (/etc/nginx/ssl, a root-owned webroot).
///
/// Content never goes through a command line: the single-file methods upload it over SFTP as the
/// login user into a private staging folder (`mktemp -d`, 0700, owned by that user), then
/// `sudo -n install` copies it to its place with the requested mode, owner and group. Every other
/// step is one of a handful of coreutils programs (test, stat, install, rm, mkdir) run with an argv list through
/// RemoteCommand, so no path or name is ever interpolated into a shell. `sudo -n` never prompts: a
/// sudo that wants a password fails at once (ErrorCode::Permission) — check() says so up front,
/// before anything on the server is touched.
///
/// For a deployment, runBatch() does it all in one `sudo -n -- sh -c SCRIPT certdeck-batch ARG...`:
/// checks, writing the new files from the command's standard input (never a command line, never a
/// file outside the target folder), backups, renames, then the service's config test and reload
/// (Step::Kind::Run). SCRIPT is a constant in this file; every path, mode, owner and command word
/// reaches it as a positional argument quoted by RemoteCommand, so it is never parsed as shell text.
///
/// Cheap to copy; keeps its session alive. Runs on the session's worker like every operation of
/// that session; resume on the awaiting thread.
class SudoFiles {
public:
    /// Root through `sudo -n` (the default), or the login user as is: a root login runs the same
    /// batches without sudo.
    enum class Elevation { Sudo, LoginUser };
    explicit SudoFiles(std::shared_ptr<SshSession> session,
                       std::chrono::seconds commandTimeout = std::chrono::seconds(60),
                       Elevation elevation = Elevation::Sudo);

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
    /// that mode and owner (root's when owner/group are empty). Not atomic for readers of `to`.
    QCoro::Task<Status> install(QString from, QString to, int mode, QString owner, QString group,
                                CancelToken cancel = {});
    /// `rm -f -- path` as root; a missing file is success.
    QCoro::Task<Status> remove(QString path, CancelToken cancel = {});
    /// `mkdir -p -m MODE -- path` as root (MODE applies to the last folder; parents get root's umask).
    QCoro::Task<Status> mkdirs(QString path, int mode = 0755, CancelToken cancel = {});

    /// One step of runBatch(), as root (as the login user with Elevation::LoginUser).
    struct Step {
        enum class Kind {
            Rename, ///< rename(from, to)
            Remove, ///< remove(from)
            /// Runs `argv` as root (a service's config test or reload), its words passed to the
            /// script as positional arguments and run as "$@", never as shell text. Its exit status
            /// and the last 2000 bytes of its output (stderr and stdout) come back when it fails.
            Run,
            /// Changes nothing: fails when the folder `from` is missing (reason "folder") or `to`
            /// exists and is not a regular file (reason "file"), as root sees them (symlinks followed).
            Check,
            /// Writes `data` to `to`, a name nobody else may have made (an existing file or symlink
            /// there is removed first, then the file is created exclusively), with `mode`; owned by
            /// `owner`/`group` where given, else by the owner and group of `from` when it exists
            /// (the file it replaces), else root's. The content comes over standard input, checked
            /// by a random end marker after it: a short or cut-off input fails the step.
            Write,
            /// Copy `from` to `to` keeping mode, owner and times (`cp -p`) when `from` exists;
            /// otherwise StepState::Skipped, and a stale `to` left by an earlier run is removed, so
            /// afterwards `to` exists exactly when `from` did.
            Backup,
            /// Undoes a Rename whose outcome is unknown (the connection was lost): `to` is the
            /// target, `from` its backup, `staged` the temporary name, `sha256` (hex) the new
            /// content. The staged copy still there: the rename never happened, the copy is removed.
            /// The target holding the new content: the backup is renamed back. Without a backup the
            /// new file is left in place: failed with reason "kept". Otherwise Skipped.
            Restore,
        };
        Kind kind = Kind::Remove;
        QString from;
        QString to;
        int mode = 0600;
        QString owner;
        QString group;
        /// Kind::Run only: the program and its arguments.
        QStringList argv;
        /// Kind::Write only: the content.
        SecureBytes data;
        /// Kind::Restore only: the staged name and the new content's SHA-256 (hex).
        QString staged;
        QByteArray sha256;
    };
    enum class StepState { NotRun, Done, Skipped, Failed };
    enum class OnFailure {
        Stop,     ///< the first failing step ends the batch (later steps NotRun)
        Continue, ///< every step is tried (clean-up, rollback)
    };
    /// What a batch did, step by step: the script prints one line per finished step.
    struct BatchOutcome {
        QList<Step> steps;
        QList<StepState> states;
        /// The tools' error output (all steps but Run).
        QString errorOutput;
        /// Per step: a failed Run step's exit status (-1 otherwise).
        QList<int> exitCodes;
        /// Per step: the last 2000 bytes of a failed Run step's output, stderr and stdout as it
        /// wrote them; a failed Check's or Restore's reason (empty otherwise).
        QList<QByteArray> outputs;
        /// Every step Done or Skipped.
        [[nodiscard]] bool allDone() const;
        /// Index of the first Failed step, or -1.
        [[nodiscard]] qsizetype firstFailure() const;
        /// What went wrong at `index`, worded like the single-step methods' errors.
        [[nodiscard]] Error errorAt(qsizetype index, const QString& where) const;
    };
    /// Runs `steps` in order in one `sudo -n -- sh -c SCRIPT certdeck-batch ARG...`, the Write steps'
    /// contents on its standard input. An error result means the outcome is unknown (connection
    /// lost, timeout, cancel) or that nothing ran: sudo refused (ErrorCode::Permission, worded like
    /// check() for `purpose` when one is given), an invalid step (ErrorCode::InvalidInput), or
    /// SshSession::notStarted(). The script goes on when the connection is lost (SIGPIPE ignored), so
    /// a server is not left half-way through the renames by a dropped connection.
    QCoro::Task<Result<BatchOutcome>> runBatch(QList<Step> steps, OnFailure onFailure, CancelToken cancel = {},
                                               QString purpose = {});

    /// A sudoers line that would let `user` do what SudoFiles does, plus `extra` commands (the
    /// service's reload), for the advice in messages.
    [[nodiscard]] static QString sudoersRuleFor(const QString& user, const QStringList& extra = {});

private:
    [[nodiscard]] Error refusal(const QString& purpose, const QString& detail) const;

    std::shared_ptr<SshSession> m_session;
    std::chrono::seconds m_timeout;
    Elevation m_elevation = Elevation::Sudo;
};

} // namespace certdeck::ssh
