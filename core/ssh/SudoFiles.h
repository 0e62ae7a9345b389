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
/// Content never goes through a command line: it is uploaded over SFTP as the login user into a
/// private staging folder (`mktemp -d`, 0700, owned by that user), then `sudo -n install` copies it
/// to its place with the requested mode, owner and group. Every other step is one of a handful of
/// coreutils programs (test, stat, install, cp, mv, rm, mkdir) run with an argv list through
/// RemoteCommand, so no path or name is ever interpolated into a shell. `sudo -n` never prompts: a
/// sudo that wants a password fails at once (ErrorCode::Permission) — check() says so up front,
/// before anything on the server is touched.
///
/// For a deployment, prepare() and runBatch() do the same with far fewer round trips: one exec
/// checks sudo, stats every path and makes the staging folder; one `sudo -n -- sh -c SCRIPT` runs
/// a whole list of steps, which may end with the service's config test and reload (Step::Kind::Run).
/// SCRIPT is a constant in this file; every path, mode, owner and command word reaches it as a
/// positional argument quoted by RemoteCommand, so it is never parsed as shell text.
///
/// Cheap to copy; keeps its session alive. Runs on the session's worker like every operation of
/// that session; resume on the awaiting thread.
class SudoFiles {
public:
    /// Root through `sudo -n` (the default), or the login user as is: a root login runs the same
    /// batches without sudo (a config test and a reload in one exec instead of two).
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

    /// What prepare() found: one entry per path asked (in order), and the fresh staging folder.
    struct Prepared {
        QList<RemoteFileInfo> infos;
        QString stagingDir;
    };
    /// check(), stat() of every path and makeStagingDir() in one exec:
    /// `sudo -n -- sh -c CHECK certdeck-check PATH... && mktemp -d ...`. The staging folder is made
    /// only when sudo worked and every path could be checked. Errors as those three give them (sudo
    /// refusing: ErrorCode::Permission with the sudoers advice, nothing made).
    QCoro::Task<Result<Prepared>> prepare(QString purpose, QStringList paths, CancelToken cancel = {});

    /// One file operation of runBatch(), as root; each is the coreutils call of the method with the
    /// same name above.
    struct Step {
        enum class Kind {
            Install, ///< install(from, to, mode, owner, group)
            Copy,    ///< copy(from, to)
            Rename,  ///< rename(from, to)
            Remove,  ///< remove(from)
            /// `rm -rf` of a folder made by makeStagingDir() (from). Its failure never stops a batch.
            RemoveStagingDir,
            /// Runs `argv` as root (a service's config test or reload), its words passed to the
            /// script as positional arguments and run as "$@", never as shell text. Its exit status
            /// and the last 2000 bytes of its output (stderr and stdout) come back when it fails.
            Run,
        };
        Kind kind = Kind::Remove;
        QString from;
        QString to;
        int mode = 0600;
        QString owner;
        QString group;
        /// Kind::Run only: the program and its arguments.
        QStringList argv;
    };
    enum class StepState { NotRun, Done, Failed };
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
        /// wrote them (empty otherwise).
        QList<QByteArray> outputs;
        [[nodiscard]] bool allDone() const;
        /// Index of the first Failed step, or -1.
        [[nodiscard]] qsizetype firstFailure() const;
        /// What went wrong at `index`, worded like the single-step methods' errors.
        [[nodiscard]] Error errorAt(qsizetype index, const QString& where) const;
    };
    /// Runs `steps` in order in one `sudo -n -- sh -c SCRIPT certdeck-batch ARG...`. An error result
    /// means the outcome is unknown (connection lost, timeout, cancel) or that nothing ran (sudo
    /// refused: ErrorCode::Permission; an invalid step: ErrorCode::InvalidInput).
    QCoro::Task<Result<BatchOutcome>> runBatch(QList<Step> steps, OnFailure onFailure, CancelToken cancel = {});

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
