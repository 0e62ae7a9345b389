// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deploy/Deployer.h"

#include "core/common/Async.h"
#include "core/common/Log.h"
#include "core/monitor/TlsProbe.h"
#include "core/ssh/RemoteCommand.h"
#include "core/ssh/SshSession.h"
#include "core/ssh/SudoFiles.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
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
    /// With sudo: the copy in the private upload folder, installed to `staged` by the batch.
    QString upload;
    bool existed = false;
    int previousMode = 0;
    quint32 previousUid = 0;
    quint32 previousGid = 0;
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
    /// With target.useSudo: every file operation as root through `sudo -n`, content uploaded to a
    /// private staging folder first (see ssh::SudoFiles).
    std::optional<ssh::SudoFiles> sudo;
    QString stagingDir;
    /// With sudo: what SudoFiles::prepare() found for each folder and file, asked in one exec.
    QHash<QString, ssh::RemoteFileInfo> checked;

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

/// The file operations of a deployment, over SFTP as the login user or, with target.useSudo, as
/// root through `sudo -n` (ssh::SudoFiles).
QCoro::Task<Result<ssh::RemoteFileInfo>> statPath(Job& job, QString path) {
    if (job.sudo) {
        if (const auto known = job.checked.constFind(path); known != job.checked.constEnd())
            co_return *known;
        auto task = job.sudo->stat(path, job.cancel);
        auto r = co_await task;
        co_return r;
    }
    ssh::SftpClient sftp = job.session->sftp();
    auto task = sftp.stat(path);
    auto r = co_await task;
    co_return r;
}

QCoro::Task<Status> renamePath(Job& job, QString from, QString to) {
    if (job.sudo) {
        auto task = job.sudo->rename(from, to, job.cancel);
        auto r = co_await task;
        co_return r;
    }
    ssh::SftpClient sftp = job.session->sftp();
    auto task = sftp.rename(from, to);
    auto r = co_await task;
    co_return r;
}

QCoro::Task<Status> removePath(Job& job, QString path) {
    if (job.sudo) {
        // Not job.cancel: clean-up runs after a cancellation too.
        auto task = job.sudo->remove(path);
        auto r = co_await task;
        co_return r;
    }
    ssh::SftpClient sftp = job.session->sftp();
    auto task = sftp.remove(path);
    auto r = co_await task;
    co_return r;
}

/// The private upload folder goes as soon as its copies are installed: it holds a key.
QCoro::Task<> dropStagingDir(Job& job) {
    if (!job.sudo || job.stagingDir.isEmpty())
        co_return;
    const QString dir = job.stagingDir;
    auto task = job.sudo->removeStagingDir(dir);
    auto removed = co_await task;
    if (removed)
        job.stagingDir.clear();
    else
        qCWarning(lcDeploy) << "could not remove the upload folder" << dir << "on" << job.result.target;
}

/// Puts the new content at f.staged (beside the target file) with its mode and owner.
QCoro::Task<Status> stageFile(Job& job, PlannedFile& f, int index) {
    const int mode = f.file.mode;
    const QString staged = f.staged;
    const SecureBytes data = f.data;
    if (!job.sudo) {
        ssh::SftpClient sftp = job.session->sftp();
        auto task = sftp.writeFileAtomic(staged, data, mode);
        auto r = co_await task;
        co_return r;
    }
    // Into the private upload folder SudoFiles::prepare() made; applyThroughSudo() installs it.
    if (job.stagingDir.isEmpty())
        co_return Error(ErrorCode::Unknown, QObject::tr("No private upload folder on the server."));
    const QString dir = job.stagingDir;
    const QString name = QStringLiteral("%1-%2").arg(index).arg(fileName(f.file.path));
    auto uploadTask = job.sudo->upload(dir, name, data);
    auto uploaded = co_await uploadTask;
    if (!uploaded)
        co_return uploaded.error();
    f.upload = *uploaded;
    co_return Status{};
}

using SudoStep = ssh::SudoFiles::Step;
using SudoStepState = ssh::SudoFiles::StepState;

/// Clean-up steps after a failure through sudo: the temporary files beside the targets (rm -f, so
/// one already renamed away costs nothing) and the upload folder. `owners` gets the file index of
/// each step (-1: the folder).
void appendCleanUp(const Job& job, QList<SudoStep>& steps, QList<qsizetype>& owners) {
    for (qsizetype i = 0; i < job.files.size(); ++i) {
        if (!job.files.at(i).uploaded)
            continue;
        SudoStep step;
        step.kind = SudoStep::Kind::Remove;
        step.from = job.files.at(i).staged;
        steps << step;
        owners << i;
    }
    if (!job.stagingDir.isEmpty()) {
        SudoStep step;
        step.kind = SudoStep::Kind::RemoveStagingDir;
        step.from = job.stagingDir;
        steps << step;
        owners << -1;
    }
}

/// Records which clean-up steps of a batch worked (see appendCleanUp()).
void noteCleanUp(Job& job, const ssh::SudoFiles::BatchOutcome& outcome, const QList<qsizetype>& owners,
                 qsizetype first) {
    for (qsizetype k = first; k < outcome.states.size(); ++k) {
        const qsizetype i = owners.at(k - first);
        if (outcome.states.at(k) != SudoStepState::Done) {
            qCWarning(lcDeploy) << "clean-up on" << job.result.target << "failed:" << outcome.steps.at(k).from;
            continue;
        }
        if (i < 0)
            job.stagingDir.clear();
        else if (!job.files.at(i).renamed)
            job.files[i].uploaded = false;
    }
}

/// Removes the temporary files still lying around; best effort (the connection may be gone).
QCoro::Task<> removeStaged(Job& job) {
    if (job.sudo) {
        // One exec for all of it. Not job.cancel: clean-up runs after a cancellation too.
        QList<SudoStep> steps;
        QList<qsizetype> owners;
        appendCleanUp(job, steps, owners);
        if (steps.isEmpty())
            co_return;
        auto task = job.sudo->runBatch(steps, ssh::SudoFiles::OnFailure::Continue);
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
    auto dropTask = dropStagingDir(job);
    co_await dropTask;
}

/// Puts the previous files back after a failure past the first rename, reloads, and checks the
/// previously served certificate is served again.
QCoro::Task<> rollback(Job& job, bool reloadNeeded) {
    job.result.rolledBack = true;
    job.running(QStringLiteral("rollback"), QObject::tr("Restoring the previous files on %1").arg(job.result.target));
    QStringList problems;
    if (job.sudo) {
        // Restore and clean up in one exec, every step tried.
        QList<SudoStep> steps;
        for (const PlannedFile& f : job.files) {
            if (!f.renamed)
                continue;
            SudoStep step;
            if (f.backedUp) {
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
        appendCleanUp(job, steps, owners);
        auto task = job.sudo->runBatch(steps, ssh::SudoFiles::OnFailure::Continue);
        auto done = co_await task;
        if (!done) {
            problems << done.error().userMessage;
        } else {
            const QString where = job.session->target().displayName();
            for (qsizetype k = 0; k < restoreSteps; ++k) {
                if (done->states.at(k) != SudoStepState::Done)
                    problems << done->errorAt(k, where).userMessage;
            }
            noteCleanUp(job, *done, owners, restoreSteps);
        }
    }
    for (PlannedFile& f : job.files) {
        if (job.sudo)
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
    if (!job.sudo) {
        auto cleanup = removeStaged(job);
        co_await cleanup;
    }
    if (reloadNeeded && !job.target.reload.isEmpty()) {
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

/// Steps 3 (install from the upload folder) to 6 through sudo in one exec: every copy installed
/// beside its target, the upload folder removed, backups made, renames done, then the config test
/// and the reload, stopping at the first failure. The batch reports each finished step, so the
/// flags say exactly what changed and a rollback undoes exactly that. False when it failed (fail()
/// has run).
QCoro::Task<bool> applyThroughSudo(Job& job) {
    const QString server = job.result.target;
    enum class Phase { Stage, DropFolder, Backup, Rename, ConfigTest, Reload };
    QList<SudoStep> steps;
    QList<std::pair<Phase, qsizetype>> what;
    for (qsizetype i = 0; i < job.files.size(); ++i) {
        const PlannedFile& f = job.files.at(i);
        SudoStep step;
        step.kind = SudoStep::Kind::Install;
        step.from = f.upload;
        step.to = f.staged;
        step.mode = f.file.mode;
        // Owner and group as asked; else those of the file it replaces; else root's (install as root).
        step.owner = job.target.owner;
        step.group = job.target.group;
        if (step.owner.isEmpty() && f.existed)
            step.owner = QString::number(f.previousUid);
        if (step.group.isEmpty() && f.existed)
            step.group = QString::number(f.previousGid);
        steps << step;
        what << std::make_pair(Phase::Stage, i);
    }
    // The upload folder goes as soon as its copies are installed: it holds a key.
    if (!job.stagingDir.isEmpty()) {
        SudoStep step;
        step.kind = SudoStep::Kind::RemoveStagingDir;
        step.from = job.stagingDir;
        steps << step;
        what << std::make_pair(Phase::DropFolder, qsizetype(-1));
    }
    // Backups of what is there now; cp -p keeps mode, owner and group (a key's backup stays private).
    for (qsizetype i = 0; i < job.files.size(); ++i) {
        const PlannedFile& f = job.files.at(i);
        if (!f.existed)
            continue;
        SudoStep step;
        step.kind = SudoStep::Kind::Copy;
        step.from = f.file.path;
        step.to = f.backup;
        steps << step;
        what << std::make_pair(Phase::Backup, i);
    }
    // Into place. From the first rename on a failure rolls back.
    for (qsizetype i = 0; i < job.files.size(); ++i) {
        SudoStep step;
        step.kind = SudoStep::Kind::Rename;
        step.from = job.files.at(i).staged;
        step.to = job.files.at(i).file.path;
        steps << step;
        what << std::make_pair(Phase::Rename, i);
    }
    // Step 6 in the same exec: the service's own commands as root, their words as arguments.
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
        steps << step;
        what << std::make_pair(phase, qsizetype(-1));
    }
    job.running(QStringLiteral("install"), QObject::tr("Installing the new files on %1").arg(server));

    auto task = job.sudo->runBatch(steps, ssh::SudoFiles::OnFailure::Stop, job.cancel);
    auto outcome = co_await task;
    if (!outcome) {
        const Error error = outcome.error();
        if (error.code == ErrorCode::Permission || error.code == ErrorCode::InvalidInput) {
            // Nothing ran.
            const QString step = QStringLiteral("upload:") + job.files.first().file.path;
            auto t = fail(job, step, error.withContext(QObject::tr("Uploading to %1").arg(server)), false);
            co_await t;
            co_return false;
        }
        // Connection lost, timeout or cancel: how far it got is unknown, so assume every step may
        // have run. Each rollback step is right either way: a backup renamed back over a file that
        // was never replaced restores the same content, rm -f of a file never created is a no-op.
        for (PlannedFile& f : job.files) {
            f.uploaded = true;
            f.backedUp = f.existed;
            f.renamed = true;
        }
        job.result.untouched = false;
        // The reload may have run too: reload again once the previous files are back.
        auto t = fail(job, QStringLiteral("install"), error, !job.target.reload.isEmpty());
        co_await t;
        co_return false;
    }

    qsizetype failedAt = -1;
    for (qsizetype k = 0; k < steps.size(); ++k) {
        const SudoStepState state = outcome->states.at(k);
        if (state == SudoStepState::NotRun)
            continue;
        const auto [phase, i] = what.at(k);
        const bool ok = state == SudoStepState::Done;
        switch (phase) {
        case Phase::Stage:
            // A failed install may have left part of the file: removed with the others.
            job.files[i].uploaded = true;
            break;
        case Phase::DropFolder:
            if (ok)
                job.stagingDir.clear();
            else
                qCWarning(lcDeploy) << "could not remove the upload folder" << job.stagingDir << "on" << server;
            break;
        case Phase::Backup:
            job.files[i].backedUp = ok;
            break;
        case Phase::Rename:
            if (ok) {
                job.files[i].renamed = true;
                job.result.untouched = false;
            }
            break;
        case Phase::ConfigTest:
        case Phase::Reload:
            break;
        }
        if (!ok && phase != Phase::DropFolder && failedAt < 0)
            failedAt = k;
    }
    const bool serviceFailed =
        failedAt >= 0 && (what.at(failedAt).first == Phase::ConfigTest || what.at(failedAt).first == Phase::Reload);
    if (failedAt >= 0 && !serviceFailed) {
        const auto [phase, i] = what.at(failedAt);
        const Error error = outcome->errorAt(failedAt, job.session->target().displayName());
        QString step = QStringLiteral("install");
        Error shown = error;
        if (phase == Phase::Stage) {
            step = QStringLiteral("upload:") + job.files.at(i).file.path;
            shown = error.withContext(QObject::tr("Uploading to %1").arg(server));
        } else if (phase == Phase::Backup) {
            step = QStringLiteral("backup");
        }
        auto t = fail(job, step, shown, false);
        co_await t;
        co_return false;
    }
    // Every file is in place; the service's own steps say the rest, in the same words as without sudo.
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

QCoro::Task<> run(Job& job) {
    ssh::SftpClient sftp = job.session->sftp();
    const QString server = job.result.target;

    if (job.target.useSudo) {
        // Up front, before anything on the server is touched or even created.
        job.sudo.emplace(job.session, job.options->commandTimeout);
        QStringList folders;
        for (const PlannedFile& f : job.files) {
            if (!folders.contains(folderOf(f.file.path)))
                folders << folderOf(f.file.path);
        }
        const QString purpose = QObject::tr("writing %1").arg(folders.join(QStringLiteral(", ")));
        job.running(QStringLiteral("sudo"), QObject::tr("Checking sudo on %1").arg(server));
        // One exec: sudo works, every folder and file as root sees it, and the private upload folder
        // (made only once both are known).
        QStringList paths;
        for (const PlannedFile& f : job.files)
            paths << folderOf(f.file.path) << f.file.path;
        auto task = job.sudo->prepare(purpose, paths, job.cancel);
        auto prepared = co_await task;
        if (!prepared) {
            const QString step =
                prepared.error().code == ErrorCode::Permission ? QStringLiteral("sudo") : QStringLiteral("check");
            auto t = fail(job, step, prepared.error(), false);
            co_await t;
            co_return;
        }
        for (qsizetype i = 0; i < paths.size(); ++i)
            job.checked.insert(paths.at(i), prepared->infos.at(i));
        job.stagingDir = prepared->stagingDir;
        job.done(QStringLiteral("sudo"), QObject::tr("sudo -n works for %1 on %2").arg(job.session->user(), server));
    }

    // Every folder must exist; note what is there now.
    for (PlannedFile& f : job.files) {
        const QString folder = folderOf(f.file.path);
        auto dirTask = statPath(job, folder);
        auto dir = co_await dirTask;
        if (!dir) {
            auto t = fail(job, QStringLiteral("check"), dir.error(), false);
            co_await t;
            co_return;
        }
        if (!dir->exists || !dir->isDirectory) {
            const Error e(ErrorCode::NotFound,
                          QObject::tr("The folder %1 does not exist on %2: create it (writable by %3) or change the "
                                      "target's paths.")
                              .arg(folder, server, job.session->user()));
            auto t = fail(job, QStringLiteral("check"), e, false);
            co_await t;
            co_return;
        }
        const QString path = f.file.path;
        auto statTask = statPath(job, path);
        auto existing = co_await statTask;
        if (!existing) {
            auto t = fail(job, QStringLiteral("check"), existing.error(), false);
            co_await t;
            co_return;
        }
        f.existed = existing->exists;
        f.previousMode = existing->permissions;
        f.previousUid = existing->uid;
        f.previousGid = existing->gid;
        if (existing->exists && !existing->isRegularFile) {
            const Error e(ErrorCode::InvalidInput,
                          QObject::tr("%1 on %2 is not a regular file; refusing to replace it.").arg(path, server));
            auto t = fail(job, QStringLiteral("check"), e, false);
            co_await t;
            co_return;
        }
    }

    // Upload to temporary names: until the first rename the server is untouched.
    int index = 0;
    for (PlannedFile& f : job.files) {
        const QString step = QStringLiteral("upload:") + f.file.path;
        job.running(step, QObject::tr("Uploading %1 to %2").arg(f.file.path, server));
        if (job.cancel.isCancelled()) {
            auto t = fail(job, step, cancelledError(), false);
            co_await t;
            co_return;
        }
        const int mode = f.file.mode;
        auto task = stageFile(job, f, index++);
        auto written = co_await task;
        if (!written) {
            auto t = fail(job, step, written.error().withContext(QObject::tr("Uploading to %1").arg(server)), false);
            co_await t;
            co_return;
        }
        if (job.sudo)
            continue; // installed beside the target, and reported, by applyThroughSudo()
        f.uploaded = true;
        job.done(step, QObject::tr("Uploaded %1 (mode %2)").arg(f.file.path).arg(mode, 4, 8, QLatin1Char('0')));
    }

    if (job.sudo) {
        auto task = applyThroughSudo(job);
        const bool applied = co_await task;
        if (!applied)
            co_return;
    } else {
        auto t = installOverSftp(job, sftp);
        const bool installed = co_await t;
        if (!installed)
            co_return;
    }

    // Through sudo the config test and the reload ran in applyThroughSudo()'s batch.
    if (!job.sudo) {
        auto task = testAndReload(job);
        const bool reloaded = co_await task;
        if (!reloaded)
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
    // A failure between mktemp and the end of the uploads leaves the private upload folder.
    auto drop = dropStagingDir(job);
    co_await drop;

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
