// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deploy/Deployer.h"

#include "core/common/Async.h"
#include "core/common/Log.h"
#include "core/monitor/TlsProbe.h"
#include "core/ssh/RemoteCommand.h"
#include "core/ssh/SshSession.h"
#include "core/ssh/SudoFiles.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QObject>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

namespace certdeck::deploy {

namespace {

struct PlannedFile {
    DeployFile file;
    SecureBytes data; // certificates are not secret, but one type keeps the key path simple
    QString staged;
    QString backup;
    bool existed = false;
    int previousMode = 0;
    bool uploaded = false;
    bool backedUp = false;
    bool renamed = false;
};

struct Job {
    DeployTarget target;
    DeployResult result;
    Progress* progress = nullptr;
    QString idPrefix;
    std::shared_ptr<ssh::SshSession> session;
    QList<PlannedFile> files;
    QByteArray newFingerprint;
    QByteArray previousFingerprint;
    monitor::TlsProbe::Options probe;
    const Deployer::Options* options = nullptr;
    CancelToken cancel;
    /// With target.useSudo or a root login: the whole deployment as one ssh::SudoFiles batch (as
    /// root through `sudo -n`, or as the login user), see applyInBatch(). Otherwise SFTP.
    std::optional<ssh::SudoFiles> batch;
    /// The batch's outcome is unknown (connection lost, timeout, cancel): a rollback must find out
    /// from the files what happened (SudoFiles::Step::Kind::Restore).
    bool outcomeUnknown = false;

    void running(const QString& step, const QString& text) const { progress->report(idPrefix + step, text); }
    void done(const QString& step, const QString& text) {
        result.steps << text;
        progress->done(idPrefix + step, text);
    }
    void failed(const QString& step, const Error& error) {
        result.steps << error.userMessage;
        progress->failed(idPrefix + step, error.userMessage);
    }
};

QString fileName(const QString& path) {
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

QString folderOf(const QString& path) {
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash <= 0 ? QStringLiteral("/") : path.left(slash);
}

Result<SecureBytes> contentFor(FileContent content, const DeployMaterial& m) {
    const QByteArray full = crypto::Certificate::chainToPem(m.chain);
    switch (content) {
    case FileContent::Certificate:
        return SecureBytes(m.chain.first().toPem());
    case FileContent::Chain:
        return SecureBytes(crypto::Certificate::chainToPem(m.chain.mid(1)));
    case FileContent::FullChain:
        return SecureBytes(full);
    case FileContent::PrivateKey:
        return m.key.toPem();
    case FileContent::Combined: {
        auto key = m.key.toPem();
        if (!key)
            return key.error();
        QByteArray combined = full;
        combined += key->bytes();
        SecureBytes out(combined);
        SecureBytes::wipe(combined);
        return out;
    }
    }
    return Error(ErrorCode::InvalidInput, QObject::tr("Unknown file content."));
}

QString describeCommand(const QStringList& argv) {
    return ssh::RemoteCommand(argv).toString();
}

QCoro::Task<Result<ssh::CommandResult>> runArgv(Job& job, QStringList argv) {
    ssh::RemoteCommand command(std::move(argv));
    if (job.target.useSudo)
        command = command.withSudo();
    const std::chrono::seconds timeout = job.options->commandTimeout;
    const CancelToken cancel = job.cancel;
    auto task = job.session->run(command, timeout, cancel);
    auto result = co_await task;
    co_return result;
}

/// Polls the verify address until it serves `fingerprint` or the time is up. Returns the fingerprint
/// served last (empty if no handshake succeeded) and whether it matched.
QCoro::Task<std::pair<bool, QString>> waitForServed(Job& job, QByteArray fingerprint, QString* lastError) {
    QDeadlineTimer deadline(job.options->verifyTimeout);
    QString served;
    // A reload finishes asynchronously: nginx starts new workers while the old ones still accept for
    // a moment, so one handshake with the new certificate proves little. Only several in a row do.
    constexpr int stableHits = 3;
    int hits = 0;
    // nginx finishes a reload in tens of milliseconds: poll quickly for the first two seconds, then
    // back off (a slow service, or a many-server deploy on a busy machine).
    QElapsedTimer polling;
    polling.start();
    std::chrono::milliseconds pause(20);
    while (true) {
        const monitor::TlsProbe::Options probe = job.probe;
        auto task = monitor::TlsProbe::probe(probe);
        auto r = co_await task;
        if (r) {
            served = r->leafSha256Hex;
            hits = r->leafSha256 == fingerprint ? hits + 1 : 0;
            if (hits >= stableHits)
                co_return std::make_pair(true, served);
        } else {
            hits = 0;
            if (lastError)
                *lastError = r.error().userMessage;
        }
        if (deadline.hasExpired() || job.cancel.isCancelled())
            co_return std::make_pair(false, served);
        const CancelToken cancel = job.cancel;
        // Confirmations 50 ms apart once it matched: old workers keep accepting for a moment after a
        // reload, and confirmations closer together passed while they did (TestDeploySudo's rollback).
        const std::chrono::milliseconds wait = hits > 0 ? std::chrono::milliseconds(50) : pause;
        auto nap = sleepFor(wait, cancel);
        co_await nap;
        if (hits == 0 && polling.elapsed() > 2000)
            pause = std::min<std::chrono::milliseconds>(pause * 2, std::chrono::milliseconds(500));
    }
}

/// The file operations of a deployment over SFTP, as the login user (without a batch).
QCoro::Task<Result<ssh::RemoteFileInfo>> statPath(Job& job, QString path) {
    ssh::SftpClient sftp = job.session->sftp();
    auto task = sftp.stat(path);
    auto r = co_await task;
    co_return r;
}

QCoro::Task<Status> renamePath(Job& job, QString from, QString to) {
    ssh::SftpClient sftp = job.session->sftp();
    auto task = sftp.rename(from, to);
    auto r = co_await task;
    co_return r;
}

QCoro::Task<Status> removePath(Job& job, QString path) {
    ssh::SftpClient sftp = job.session->sftp();
    auto task = sftp.remove(path);
    auto r = co_await task;
    co_return r;
}

using SudoStep = ssh::SudoFiles::Step;
using SudoStepState = ssh::SudoFiles::StepState;

/// Clean-up steps after a failed batch: the temporary files beside the targets (rm -f, so one
/// already renamed away costs nothing). `owners` gets the file index of each step.
void appendCleanUp(const Job& job, QList<SudoStep>& steps, QList<qsizetype>& owners) {
    for (qsizetype i = 0; i < job.files.size(); ++i) {
        if (!job.files.at(i).uploaded || job.files.at(i).renamed)
            continue;
        SudoStep step;
        step.kind = SudoStep::Kind::Remove;
        step.from = job.files.at(i).staged;
        steps << step;
        owners << i;
    }
}

/// Records which clean-up steps of a batch worked (see appendCleanUp()).
void noteCleanUp(Job& job, const ssh::SudoFiles::BatchOutcome& outcome, const QList<qsizetype>& owners,
                 qsizetype first) {
    for (qsizetype k = 0; k < owners.size(); ++k) {
        if (outcome.states.at(first + k) != SudoStepState::Done) {
            qCWarning(lcDeploy) << "clean-up on" << job.result.target << "failed:" << outcome.steps.at(first + k).from;
            continue;
        }
        job.files[owners.at(k)].uploaded = false;
    }
}

/// Removes the temporary files still lying around; best effort (the connection may be gone).
QCoro::Task<> removeStaged(Job& job) {
    if (job.batch) {
        // One exec for all of it. Not job.cancel: clean-up runs after a cancellation too.
        QList<SudoStep> steps;
        QList<qsizetype> owners;
        appendCleanUp(job, steps, owners);
        if (steps.isEmpty())
            co_return;
        auto task = job.batch->runBatch(steps, ssh::SudoFiles::OnFailure::Continue);
        auto done = co_await task;
        if (done)
            noteCleanUp(job, *done, owners, 0);
        else
            qCWarning(lcDeploy) << "clean-up on" << job.result.target << "failed:" << done.error().toString();
        co_return;
    }
    for (PlannedFile& f : job.files) {
        if (!f.uploaded || f.renamed)
            continue;
        const QString staged = f.staged;
        auto task = removePath(job, staged);
        auto removed = co_await task;
        if (removed)
            f.uploaded = false;
    }
}

/// The rollback as one batch, every step tried: what the batch reported renamed is put back
/// exactly (or, when its outcome is unknown, whatever the files show was renamed), the temporary
/// files go, and the service reloads when asked. Returns the problems.
QCoro::Task<QStringList> rollbackInBatch(Job& job, bool reload) {
    QStringList problems;
    QList<SudoStep> steps;
    for (const PlannedFile& f : job.files) {
        SudoStep step;
        if (job.outcomeUnknown) {
            step.kind = SudoStep::Kind::Restore;
            step.from = f.backup;
            step.to = f.file.path;
            step.staged = f.staged;
            step.sha256 = QCryptographicHash::hash(f.data.bytes(), QCryptographicHash::Sha256).toHex();
        } else if (!f.renamed) {
            continue;
        } else if (f.backedUp) {
            step.kind = SudoStep::Kind::Rename;
            step.from = f.backup;
            step.to = f.file.path;
        } else if (!f.existed) {
            step.kind = SudoStep::Kind::Remove;
            step.from = f.file.path;
        } else {
            problems << QObject::tr("No backup of %1 to restore.").arg(f.file.path);
            continue;
        }
        steps << step;
    }
    const qsizetype restoreSteps = steps.size();
    QList<qsizetype> owners;
    if (!job.outcomeUnknown)
        appendCleanUp(job, steps, owners);
    qsizetype reloadAt = -1;
    if (reload) {
        reloadAt = steps.size();
        SudoStep step;
        step.kind = SudoStep::Kind::Run;
        step.argv = job.target.reload;
        steps << step;
    }
    auto task = job.batch->runBatch(steps, ssh::SudoFiles::OnFailure::Continue);
    auto done = co_await task;
    if (!done) {
        problems << done.error().userMessage;
        co_return problems;
    }
    const QString where = job.session->target().displayName();
    for (qsizetype k = 0; k < restoreSteps; ++k) {
        if (done->states.at(k) == SudoStepState::Failed)
            problems << done->errorAt(k, where).userMessage;
    }
    noteCleanUp(job, *done, owners, restoreSteps);
    if (reloadAt >= 0 && done->states.at(reloadAt) != SudoStepState::Done)
        problems << QObject::tr("The reload command %1 failed again (exit %2): %3")
                        .arg(describeCommand(job.target.reload))
                        .arg(done->exitCodes.at(reloadAt))
                        .arg(QString::fromUtf8(done->outputs.at(reloadAt).left(500)).trimmed());
    co_return problems;
}

/// Puts the previous files back after a failure past the first rename, reloads, and checks the
/// previously served certificate is served again.
QCoro::Task<> rollback(Job& job, bool reloadNeeded) {
    job.result.rolledBack = true;
    job.running(QStringLiteral("rollback"), QObject::tr("Restoring the previous files on %1").arg(job.result.target));
    QStringList problems;
    const bool reload = reloadNeeded && !job.target.reload.isEmpty();
    if (job.batch) {
        auto task = rollbackInBatch(job, reload);
        problems = co_await task;
    }
    for (PlannedFile& f : job.files) {
        if (job.batch)
            break;
        if (f.renamed) {
            if (f.backedUp) {
                const QString from = f.backup;
                const QString to = f.file.path;
                auto task = renamePath(job, from, to);
                auto restored = co_await task;
                if (!restored)
                    problems << restored.error().userMessage;
            } else if (!f.existed) {
                const QString path = f.file.path;
                auto task = removePath(job, path);
                auto removed = co_await task;
                if (!removed)
                    problems << removed.error().userMessage;
            } else {
                problems << QObject::tr("No backup of %1 to restore.").arg(f.file.path);
            }
        }
    }
    if (!job.batch) {
        auto cleanup = removeStaged(job);
        co_await cleanup;
    }
    if (reload && !job.batch) {
        const QStringList argv = job.target.reload;
        auto task = runArgv(job, argv);
        auto reloaded = co_await task;
        if (!reloaded)
            problems << reloaded.error().userMessage;
        else if (!reloaded->succeeded())
            problems << QObject::tr("The reload command %1 failed again (exit %2): %3")
                            .arg(describeCommand(argv))
                            .arg(reloaded->exitCode)
                            .arg(QString::fromUtf8(reloaded->stdErr.left(500)).trimmed());
    }
    if (job.target.verify && !job.previousFingerprint.isEmpty()) {
        QString lastError;
        const QByteArray previous = job.previousFingerprint;
        auto task = waitForServed(job, previous, &lastError);
        const auto [ok, served] = co_await task;
        job.result.servedFingerprint = served;
        job.result.rollbackVerified = ok;
        if (!ok)
            problems << QObject::tr("After restoring, %1:%2 serves %3, not the previous certificate.")
                            .arg(job.probe.host)
                            .arg(job.probe.port)
                            .arg(served.isEmpty() ? lastError : served);
    }
    if (problems.isEmpty()) {
        job.done(QStringLiteral("rollback"),
                 job.result.rollbackVerified
                     ? QObject::tr("Previous certificate restored on %1 and served again").arg(job.result.target)
                     : QObject::tr("Previous files restored on %1").arg(job.result.target));
    } else {
        Error e(ErrorCode::Deploy,
                QObject::tr("Restoring the previous certificate on %1 did not fully work: check the server by "
                            "hand.")
                    .arg(job.result.target),
                problems.join(QLatin1Char('\n')));
        job.result.rollbackError = e;
        job.failed(QStringLiteral("rollback"), e);
    }
}

/// Records a failure; rolls back when something was already replaced.
QCoro::Task<> fail(Job& job, const QString& step, Error error, bool reloadNeeded) {
    job.failed(step, error);
    job.result.error = error;
    if (job.result.untouched) {
        auto cleanup = removeStaged(job);
        co_await cleanup;
        job.result.steps
            << QObject::tr("Nothing was replaced on %1: the previous certificate is untouched.").arg(job.result.target);
        co_return;
    }
    auto task = rollback(job, reloadNeeded);
    co_await task;
}

/// The config test's failure, worded the same whichever way it ran.
Error configTestRefused(const Job& job, const QStringList& argv, int exitCode, const QByteArray& output) {
    return Error(ErrorCode::Deploy,
                 QObject::tr("The configuration test %1 on %2 refused the new files (exit %3). The previous "
                             "certificate is put back.")
                     .arg(describeCommand(argv), job.result.target)
                     .arg(exitCode),
                 QString::fromUtf8(output));
}

/// The reload's failure, worded the same whichever way it ran.
Error reloadFailed(const Job& job, const QStringList& argv, int exitCode, const QByteArray& output) {
    return Error(ErrorCode::Deploy,
                 QObject::tr("The reload command %1 failed on %2 (exit %3). The previous certificate is put back.")
                     .arg(describeCommand(argv), job.result.target)
                     .arg(exitCode),
                 QString::fromUtf8(output));
}

/// The config test and the reload of a finished batch (index -1: not in it), whichever way the batch
/// ran: each reported done, or the first failure through fail() (a failed reload restores and reloads
/// again). False when one failed.
QCoro::Task<bool> concludeServiceSteps(Job& job, const ssh::SudoFiles::BatchOutcome& outcome, qsizetype configTestAt,
                                       qsizetype reloadAt) {
    for (const auto& [at, isTest] : {std::pair{configTestAt, true}, std::pair{reloadAt, false}}) {
        if (at < 0)
            continue;
        const QStringList argv = isTest ? job.target.configTest : job.target.reload;
        if (outcome.states.at(at) == SudoStepState::Done) {
            if (isTest)
                job.done(QStringLiteral("configtest"),
                         QObject::tr("Configuration test %1 passed").arg(describeCommand(argv)));
            else
                job.done(QStringLiteral("reload"), QObject::tr("Reloaded with %1").arg(describeCommand(argv)));
            continue;
        }
        const int exitCode = outcome.exitCodes.at(at);
        const QByteArray output = outcome.outputs.at(at);
        const Error e =
            isTest ? configTestRefused(job, argv, exitCode, output) : reloadFailed(job, argv, exitCode, output);
        auto t = fail(job, isTest ? QStringLiteral("configtest") : QStringLiteral("reload"), e, !isTest);
        co_await t;
        co_return false;
    }
    co_return true;
}

/// The whole deployment in one exec (ssh::SudoFiles::runBatch), as root through `sudo -n` or as a
/// root login: every target checked (its folder exists, it is a regular file or missing), the new
/// files written beside their targets from the command's input, backups made, renames done, then
/// the config test and the reload, stopping at the first failure. Nothing is changed before every
/// check passed and every file arrived whole. The batch reports each finished step, so the flags
/// say exactly what changed and a rollback undoes exactly that. False when it failed (fail() has
/// run).
QCoro::Task<bool> applyInBatch(Job& job) {
    const QString server = job.result.target;
    enum class Phase { Check, Write, Backup, Rename, ConfigTest, Reload };
    QList<SudoStep> steps;
    QList<std::pair<Phase, qsizetype>> what;
    const auto add = [&steps, &what](const SudoStep& step, Phase phase, qsizetype i) {
        steps << step;
        what << std::make_pair(phase, i);
    };
    for (Phase phase : {Phase::Check, Phase::Write, Phase::Backup, Phase::Rename}) {
        for (qsizetype i = 0; i < job.files.size(); ++i) {
            const PlannedFile& f = job.files.at(i);
            SudoStep step;
            switch (phase) {
            case Phase::Check:
                step.kind = SudoStep::Kind::Check;
                step.from = folderOf(f.file.path);
                step.to = f.file.path;
                break;
            case Phase::Write:
                // Owner and group as asked; else those of the file it replaces; else root's.
                step.kind = SudoStep::Kind::Write;
                step.from = f.file.path;
                step.to = f.staged;
                step.mode = f.file.mode;
                step.owner = job.target.owner;
                step.group = job.target.group;
                step.data = f.data;
                break;
            case Phase::Backup:
                // cp -p keeps mode, owner and group: a key's backup stays private.
                step.kind = SudoStep::Kind::Backup;
                step.from = f.file.path;
                step.to = f.backup;
                break;
            default:
                // Into place. From the first rename on a failure rolls back.
                step.kind = SudoStep::Kind::Rename;
                step.from = f.staged;
                step.to = f.file.path;
                break;
            }
            add(step, phase, i);
        }
    }
    // The service's own commands in the same exec, their words as arguments.
    qsizetype configTestAt = -1;
    qsizetype reloadAt = -1;
    for (const auto& [phase, argv] :
         {std::pair{Phase::ConfigTest, job.target.configTest}, std::pair{Phase::Reload, job.target.reload}}) {
        if (argv.isEmpty())
            continue;
        (phase == Phase::ConfigTest ? configTestAt : reloadAt) = steps.size();
        SudoStep step;
        step.kind = SudoStep::Kind::Run;
        step.argv = argv;
        add(step, phase, -1);
    }
    job.running(QStringLiteral("install"), job.target.useSudo
                                               ? QObject::tr("Installing the new files on %1 through sudo").arg(server)
                                               : QObject::tr("Installing the new files on %1").arg(server));
    QString purpose;
    if (job.target.useSudo) {
        QStringList folders;
        for (const PlannedFile& f : job.files) {
            if (!folders.contains(folderOf(f.file.path)))
                folders << folderOf(f.file.path);
        }
        purpose = QObject::tr("writing %1").arg(folders.join(QStringLiteral(", ")));
    }

    auto task = job.batch->runBatch(steps, ssh::SudoFiles::OnFailure::Stop, job.cancel, purpose);
    auto outcome = co_await task;
    if (!outcome) {
        const Error error = outcome.error();
        if (error.code == ErrorCode::Permission || error.code == ErrorCode::InvalidInput ||
            ssh::SshSession::notStarted(error)) {
            // Nothing ran.
            const QString step = error.code == ErrorCode::Permission
                                     ? QStringLiteral("sudo")
                                     : QStringLiteral("upload:") + job.files.first().file.path;
            auto t = fail(job, step, error.withContext(QObject::tr("Uploading to %1").arg(server)), false);
            co_await t;
            co_return false;
        }
        // Connection lost, timeout or cancel: how far it got is unknown. The rollback finds out from
        // the files (SudoFiles::Step::Kind::Restore), and reloads again: the reload may have run.
        job.outcomeUnknown = true;
        job.result.untouched = false;
        auto t = fail(job, QStringLiteral("install"), error, !job.target.reload.isEmpty());
        co_await t;
        co_return false;
    }
    if (job.target.useSudo)
        job.done(QStringLiteral("sudo"), QObject::tr("sudo -n works for %1 on %2").arg(job.session->user(), server));

    qsizetype failedAt = -1;
    for (qsizetype k = 0; k < steps.size(); ++k) {
        const SudoStepState state = outcome->states.at(k);
        if (state == SudoStepState::NotRun)
            continue;
        const auto [phase, i] = what.at(k);
        const bool ok = state != SudoStepState::Failed;
        switch (phase) {
        case Phase::Write:
            // A failed write may have left part of the file: removed with the others.
            job.files[i].uploaded = true;
            break;
        case Phase::Backup:
            job.files[i].backedUp = state == SudoStepState::Done;
            job.files[i].existed = state != SudoStepState::Skipped;
            break;
        case Phase::Rename:
            if (ok) {
                job.files[i].renamed = true;
                job.result.untouched = false;
            }
            break;
        default:
            break;
        }
        if (!ok && failedAt < 0)
            failedAt = k;
    }
    const bool serviceFailed =
        failedAt >= 0 && (what.at(failedAt).first == Phase::ConfigTest || what.at(failedAt).first == Phase::Reload);
    if (failedAt >= 0 && !serviceFailed) {
        const auto [phase, i] = what.at(failedAt);
        const Error error = outcome->errorAt(failedAt, job.session->target().displayName());
        QString step = QStringLiteral("install");
        Error shown = error;
        if (phase == Phase::Check) {
            step = QStringLiteral("check");
        } else if (phase == Phase::Write) {
            step = QStringLiteral("upload:") + job.files.at(i).file.path;
            shown = error.withContext(QObject::tr("Uploading to %1").arg(server));
        } else if (phase == Phase::Backup) {
            step = QStringLiteral("backup");
        }
        auto t = fail(job, step, shown, false);
        co_await t;
        co_return false;
    }
    // Every file is in place; the service's own steps say the rest, in the same words as over SFTP.
    for (const PlannedFile& f : job.files)
        job.done(QStringLiteral("upload:") + f.file.path,
                 QObject::tr("Uploaded %1 (mode %2)").arg(f.file.path).arg(f.file.mode, 4, 8, QLatin1Char('0')));
    job.done(QStringLiteral("backup"), QObject::tr("Kept the previous files on %1 as *.certdeck-backup").arg(server));
    job.done(QStringLiteral("install"), QObject::tr("New files in place on %1").arg(server));
    auto concluding = concludeServiceSteps(job, *outcome, configTestAt, reloadAt);
    const bool ok = co_await concluding;
    co_return ok;
}

/// Step 6 as the login user (a root login): the config test and the reload in one exec, a batch
/// stopping at the first failure. False when it failed (fail() has run).
QCoro::Task<bool> testAndReload(Job& job) {
    QList<SudoStep> steps;
    qsizetype configTestAt = -1;
    qsizetype reloadAt = -1;
    for (const auto& [isTest, argv] : {std::pair{true, job.target.configTest}, std::pair{false, job.target.reload}}) {
        if (argv.isEmpty())
            continue;
        (isTest ? configTestAt : reloadAt) = steps.size();
        SudoStep step;
        step.kind = SudoStep::Kind::Run;
        step.argv = argv;
        steps << step;
    }
    if (steps.isEmpty())
        co_return true;
    const QString server = job.result.target;
    const QString first = configTestAt >= 0 ? QStringLiteral("configtest") : QStringLiteral("reload");
    job.running(first, configTestAt >= 0 ? QObject::tr("Testing the configuration on %1").arg(server)
                                         : QObject::tr("Reloading on %1").arg(server));
    ssh::SudoFiles shell(job.session, job.options->commandTimeout, ssh::SudoFiles::Elevation::LoginUser);
    auto task = shell.runBatch(steps, ssh::SudoFiles::OnFailure::Stop, job.cancel);
    auto outcome = co_await task;
    if (!outcome) {
        // Connection lost, timeout or cancel: the reload may have run, so reload again after the rollback.
        auto t = fail(job, first, outcome.error(), reloadAt >= 0);
        co_await t;
        co_return false;
    }
    auto concluding = concludeServiceSteps(job, *outcome, configTestAt, reloadAt);
    const bool ok = co_await concluding;
    co_return ok;
}

/// Steps 4 and 5 as the login user: chown (if asked), backups over SFTP, renames. False when it
/// failed (fail() has run).
QCoro::Task<bool> installOverSftp(Job& job, ssh::SftpClient sftp) {
    const QString server = job.result.target;
    if (!job.target.owner.isEmpty() || !job.target.group.isEmpty()) {
        const QString owner =
            job.target.owner + (job.target.group.isEmpty() ? QString() : QLatin1Char(':') + job.target.group);
        QStringList argv{QStringLiteral("chown"), QStringLiteral("--"), owner};
        for (const PlannedFile& f : job.files)
            argv << f.staged;
        auto task = runArgv(job, argv);
        auto chowned = co_await task;
        if (!chowned || !chowned->succeeded()) {
            const Error e =
                chowned ? Error(ErrorCode::Permission,
                                QObject::tr("Could not give the files on %1 to %2: %3")
                                    .arg(server, argv.at(2), QString::fromUtf8(chowned->stdErr.left(500)).trimmed()))
                        : chowned.error();
            auto t = fail(job, QStringLiteral("chown"), e, false);
            co_await t;
            co_return false;
        }
    }

    // Backups of what is there now, same mode (a key's backup stays private).
    for (PlannedFile& f : job.files) {
        if (!f.existed)
            continue;
        const QString path = f.file.path;
        auto readTask = sftp.readFile(path, 1 << 20);
        auto old = co_await readTask;
        if (!old) {
            auto t = fail(job, QStringLiteral("backup"), old.error(), false);
            co_await t;
            co_return false;
        }
        const SecureBytes oldData(std::move(*old));
        const QString backup = f.backup;
        const int mode = f.previousMode & 07777;
        auto writeTask = sftp.writeFileAtomic(backup, oldData, mode);
        auto kept = co_await writeTask;
        if (!kept) {
            auto t = fail(job, QStringLiteral("backup"), kept.error(), false);
            co_await t;
            co_return false;
        }
        f.backedUp = true;
    }
    job.done(QStringLiteral("backup"), QObject::tr("Kept the previous files on %1 as *.certdeck-backup").arg(server));

    // Into place. From here on a failure rolls back.
    for (PlannedFile& f : job.files) {
        const QString from = f.staged;
        const QString to = f.file.path;
        auto task = renamePath(job, from, to);
        auto renamed = co_await task;
        if (!renamed) {
            auto t = fail(job, QStringLiteral("install"), renamed.error(), false);
            co_await t;
            co_return false;
        }
        f.renamed = true;
        job.result.untouched = false;
    }
    job.done(QStringLiteral("install"), QObject::tr("New files in place on %1").arg(server));
    co_return true;
}

/// The deployment over SFTP as a login user who may write the target folders: every target
/// checked, the new files uploaded beside them, then installOverSftp() and testAndReload(). False
/// when it failed (fail() has run).
QCoro::Task<bool> applyOverSftp(Job& job) {
    ssh::SftpClient sftp = job.session->sftp();
    const QString server = job.result.target;
    // Every folder must exist; note what is there now.
    for (PlannedFile& f : job.files) {
        const QString folder = folderOf(f.file.path);
        auto dirTask = statPath(job, folder);
        auto dir = co_await dirTask;
        if (!dir) {
            auto t = fail(job, QStringLiteral("check"), dir.error(), false);
            co_await t;
            co_return false;
        }
        if (!dir->exists || !dir->isDirectory) {
            const Error e(ErrorCode::NotFound,
                          QObject::tr("The folder %1 does not exist on %2: create it (writable by %3) or change the "
                                      "target's paths.")
                              .arg(folder, server, job.session->user()));
            auto t = fail(job, QStringLiteral("check"), e, false);
            co_await t;
            co_return false;
        }
        const QString path = f.file.path;
        auto statTask = statPath(job, path);
        auto existing = co_await statTask;
        if (!existing) {
            auto t = fail(job, QStringLiteral("check"), existing.error(), false);
            co_await t;
            co_return false;
        }
        f.existed = existing->exists;
        f.previousMode = existing->permissions;
        if (existing->exists && !existing->isRegularFile) {
            const Error e(ErrorCode::InvalidInput,
                          QObject::tr("%1 on %2 is not a regular file; refusing to replace it.").arg(path, server));
            auto t = fail(job, QStringLiteral("check"), e, false);
            co_await t;
            co_return false;
        }
    }

    // Upload to temporary names: until the first rename the server is untouched.
    for (PlannedFile& f : job.files) {
        const QString step = QStringLiteral("upload:") + f.file.path;
        job.running(step, QObject::tr("Uploading %1 to %2").arg(f.file.path, server));
        if (job.cancel.isCancelled()) {
            auto t = fail(job, step, cancelledError(), false);
            co_await t;
            co_return false;
        }
        const int mode = f.file.mode;
        const QString staged = f.staged;
        const SecureBytes data = f.data;
        auto task = sftp.writeFileAtomic(staged, data, mode);
        auto written = co_await task;
        if (!written) {
            auto t = fail(job, step, written.error().withContext(QObject::tr("Uploading to %1").arg(server)), false);
            co_await t;
            co_return false;
        }
        f.uploaded = true;
        job.done(step, QObject::tr("Uploaded %1 (mode %2)").arg(f.file.path).arg(mode, 4, 8, QLatin1Char('0')));
    }

    auto installing = installOverSftp(job, sftp);
    const bool installed = co_await installing;
    if (!installed)
        co_return false;
    auto task = testAndReload(job);
    const bool reloaded = co_await task;
    co_return reloaded;
}

QCoro::Task<> run(Job& job) {
    // Through sudo, or as root: everything in one exec (applyInBatch()); else over SFTP.
    if (job.target.useSudo || job.session->user() == QLatin1String("root")) {
        job.batch.emplace(job.session, job.options->commandTimeout,
                          job.target.useSudo ? ssh::SudoFiles::Elevation::Sudo : ssh::SudoFiles::Elevation::LoginUser);
        auto task = applyInBatch(job);
        const bool applied = co_await task;
        if (!applied)
            co_return;
    } else {
        auto task = applyOverSftp(job);
        const bool applied = co_await task;
        if (!applied)
            co_return;
    }

    if (job.target.verify) {
        job.running(
            QStringLiteral("verify"),
            QObject::tr("Checking that %1:%2 serves the new certificate").arg(job.probe.host).arg(job.probe.port));
        QString lastError;
        const QByteArray fingerprint = job.newFingerprint;
        auto task = waitForServed(job, fingerprint, &lastError);
        const auto [ok, served] = co_await task;
        job.result.servedFingerprint = served;
        if (!ok) {
            const Error e(ErrorCode::Deploy,
                          served.isEmpty()
                              ? QObject::tr("After the reload, no TLS handshake with %1:%2 (SNI %3) succeeded: %4 The "
                                            "previous certificate is put back.")
                                    .arg(job.probe.host)
                                    .arg(job.probe.port)
                                    .arg(job.probe.serverName, lastError)
                              : QObject::tr("After the reload, %1:%2 (SNI %3) still serves the certificate %4, not the "
                                            "new one: the service may read other files than the ones deployed. The "
                                            "previous certificate is put back.")
                                    .arg(job.probe.host)
                                    .arg(job.probe.port)
                                    .arg(job.probe.serverName, served));
            auto t = fail(job, QStringLiteral("verify"), e, true);
            co_await t;
            co_return;
        }
        job.done(QStringLiteral("verify"), QObject::tr("%1:%2 serves the new certificate %3")
                                               .arg(job.probe.host)
                                               .arg(job.probe.port)
                                               .arg(served.left(23)));
    }
    job.result.deployed = true;
}

} // namespace

Deployer::Deployer()
    : Deployer(Options{}) {}

Deployer::Deployer(Options options)
    : m_options(std::move(options)) {
    m_options.maxConcurrent = std::clamp(m_options.maxConcurrent, 1, 64);
}

QString Deployer::stagingPath(const QString& path) {
    return folderOf(path) + QStringLiteral("/.") + fileName(path) + QStringLiteral(".certdeck-new");
}

QString Deployer::backupPath(const QString& path) {
    return path + QStringLiteral(".certdeck-backup");
}

QCoro::Task<DeployResult> Deployer::deploy(DeployTarget target, DeployMaterial material, Progress& progress,
                                           CancelToken cancel, std::shared_ptr<ssh::SshSession> session) {
    QElapsedTimer total;
    total.start();
    Job job;
    job.target = target;
    job.progress = &progress;
    job.options = &m_options;
    job.cancel = cancel;
    job.result.target = target.displayName();
    job.idPrefix = QStringLiteral("deploy:") + job.result.target + QLatin1Char(':');

    // Refuse before connecting: a mismatched pair must never reach a server.
    if (material.chain.isEmpty() || material.key.isNull()) {
        job.result.error = Error(ErrorCode::InvalidInput, QObject::tr("Nothing to deploy: no certificate or no key."));
        co_return job.result;
    }
    if (!material.chain.first().matchesKey(material.key)) {
        job.result.error = Error(ErrorCode::InvalidInput,
                                 QObject::tr("The certificate does not belong to the key; refusing to deploy them."));
        co_return job.result;
    }
    if (auto valid = target.validate(); !valid) {
        job.result.error = valid.error();
        co_return job.result;
    }
    for (const DeployFile& f : target.files) {
        auto data = contentFor(f.content, material);
        if (!data) {
            job.result.error = data.error();
            co_return job.result;
        }
        PlannedFile p;
        p.file = f;
        p.data = std::move(*data);
        p.staged = stagingPath(f.path);
        p.backup = backupPath(f.path);
        job.files << p;
    }
    job.newFingerprint = material.chain.first().sha256Fingerprint();
    job.probe = target.verifyProbe(material.chain.first().dnsNames());
    job.probe.extraCaPem = m_options.verifyCaPem;

    // What is served now, to prove a rollback worked (a site that is not up yet is fine). The probe
    // runs on the thread pool while the SSH connection is set up.
    std::optional<QCoro::Task<Result<monitor::TlsProbeResult>>> before;
    if (target.verify) {
        const monitor::TlsProbe::Options probe = job.probe;
        before.emplace(monitor::TlsProbe::probe(probe));
    }

    std::optional<Error> connectError;
    if (session) {
        job.session = session;
    } else {
        job.running(QStringLiteral("connect"), QObject::tr("Connecting to %1").arg(target.server.displayName()));
        QElapsedTimer connectClock;
        connectClock.start();
        const ssh::SshTarget server = target.server;
        const ssh::AuthOptions auth = m_options.auth;
        auto task = ssh::SshSession::connect(server, auth);
        auto connected = co_await task;
        job.result.connectMs = connectClock.elapsed();
        if (connected) {
            job.result.handshakes = 1;
            job.session = *connected;
            job.done(QStringLiteral("connect"), QObject::tr("Connected to %1").arg(target.server.displayName()));
        } else {
            connectError = connected.error();
        }
    }
    if (before) {
        auto served = co_await *before;
        if (served) {
            job.previousFingerprint = served->leafSha256;
            job.result.previousFingerprint = served->leafSha256Hex;
        }
    }
    if (connectError) {
        job.failed(QStringLiteral("connect"), *connectError);
        job.result.error = connectError;
        job.result.totalMs = total.elapsed();
        co_return job.result;
    }

    auto work = run(job);
    co_await work;

    if (!session) {
        auto bye = job.session->disconnect();
        co_await bye;
    }
    job.result.totalMs = total.elapsed();
    qCInfo(lcDeploy) << "deploy" << job.result.target << (job.result.deployed ? "ok" : "failed") << job.result.totalMs
                     << "ms";
    co_return job.result;
}

QCoro::Task<QList<DeployResult>> Deployer::deployAll(QList<DeployTarget> targets, DeployMaterial material,
                                                     Progress& progress, CancelToken cancel) {
    QList<DeployResult> results(targets.size());
    qsizetype next = 0;
    // `maxConcurrent` lanes, each taking the next target when its previous one is done.
    auto lane = [](Deployer* self, QList<DeployTarget>* all, qsizetype* cursor, QList<DeployResult>* out,
                   DeployMaterial mat, Progress* prog, CancelToken token) -> QCoro::Task<> {
        const std::shared_ptr<ssh::SshSession> noSession;
        while (*cursor < all->size()) {
            const qsizetype i = (*cursor)++;
            const DeployTarget t = all->at(i);
            auto task = self->deploy(t, mat, *prog, token, noSession);
            (*out)[i] = co_await task;
        }
    };
    std::vector<QCoro::Task<>> lanes;
    const qsizetype count = std::min<qsizetype>(m_options.maxConcurrent, targets.size());
    for (qsizetype i = 0; i < count; ++i)
        lanes.push_back(lane(this, &targets, &next, &results, material, &progress, cancel));
    for (auto& l : lanes)
        co_await l;
    co_return results;
}

} // namespace certdeck::deploy
