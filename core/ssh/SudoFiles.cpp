// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ssh/SudoFiles.h"

#include "core/ssh/RemoteCommand.h"
#include "core/ssh/SshSession.h"

#include <QObject>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace certdeck::ssh {

namespace {

QString octal(int mode) {
    return QStringLiteral("%1").arg(mode & 07777, 4, 8, QLatin1Char('0'));
}

QString errorText(const CommandResult& r) {
    return QString::fromUtf8(r.stdErr.left(1000)).trimmed();
}

// mktemp's template below; removeStagingDir() refuses anything else.
const QString kStagingTemplate = QStringLiteral("certdeck-staging.XXXXXXXXXX");

bool isStagingDir(const QString& dir) {
    static const QRegularExpression shape(QStringLiteral("^/[^\\n\\r]*/certdeck-staging\\.[A-Za-z0-9]{10}$"));
    return shape.match(dir).hasMatch() && !dir.split(QLatin1Char('/')).contains(QStringLiteral(".."));
}

// The scripts below are constants: sh receives every path, mode and owner as a positional argument
// ("$1"...), never as script text, so a hostile name stays one argument (POSIX.1-2017 XCU §2.5.2).

// runBatch(): $1 is stop|continue, then six arguments per step: KIND A B C D E, and after them the
// extra words of the kinds that have some (run: A of them; write: 3; restore: 1). One line per step:
// "done N", "skipped N", "failed N" or "failed N REASON". A failed staging-folder removal never stops
// a batch. SIGPIPE is ignored: a lost connection must not stop the script between two renames.
//
// run: the subshell keeps only its words as positional parameters (rebuilt with `set --` while
// `for` walks the list it expanded once, XCU §2.9.4.2) and execs "$@", so they never become script
// text. Its output (stderr and stdout) is captured, never mixed into the report; a failure is
// "failed N STATUS HEX" with the last 2000 bytes of that output as hex (od -An -v -tx1: POSIX).
//
// write: A the file whose owner to keep, B the path, C a mode for chmod (empty: the umask made it
// right), D owner, E group; words UMASK SIZE MARKER. The content is the next SIZE bytes of standard
// input (GNU head -c never reads past them), then MARKER and a newline, read by the shell's own
// `read` (one byte at a time on a pipe): a short or cut-off input fails the step. The file is created
// with O_EXCL (set -C) after removing whatever had its name, so it is never a symlink's target.
//
// restore: A the target, B its backup, C the staged copy; word SHA256 of the new content.
const QString kBatchScript = QStringLiteral(
    "keep=$1; shift\n"
    "trap '' PIPE\n"
    "echo certdeck-batch\n"
    "i=0; bad=0\n"
    "while [ \"$#\" -ge 6 ]; do\n"
    "  words=0; said=; why=; skip=\n"
    "  case \"$1\" in\n"
    "  rename) mv -f -T -- \"$2\" \"$3\" ;;\n"
    "  remove) rm -f -- \"$2\" ;;\n"
    "  check)\n"
    "    if [ ! -d \"$2\" ]; then why=folder; false\n"
    "    elif [ -e \"$3\" ] && [ ! -f \"$3\" ]; then why=file; false\n"
    "    else :; fi ;;\n"
    "  write)\n"
    "    words=3\n"
    "    if [ \"$#\" -lt 9 ]; then echo \"certdeck-batch: bad write\" >&2; exit 2; fi\n"
    "    case \"$7:$8\" in [0-7][0-7][0-7][0-7]:[0-9]*) ;; *) echo \"certdeck-batch: bad write\" >&2; exit 2 ;; esac\n"
    "    case \"$8\" in *[!0-9]*) echo \"certdeck-batch: bad write\" >&2; exit 2 ;; esac\n"
    "    { { [ ! -e \"$3\" ] && [ ! -h \"$3\" ]; } || rm -f -- \"$3\"; } &&\n"
    "    (umask \"$7\" && set -C && exec head -c \"$8\" > \"$3\") &&\n"
    "    IFS= read -r end && [ \"$end\" = \"$9\" ] &&\n"
    "    { [ -z \"$4\" ] || chmod -- \"$4\" \"$3\"; } &&\n"
    "    { [ ! -e \"$2\" ] || { [ -O \"$2\" ] && [ -G \"$2\" ]; } || chown --reference=\"$2\" -- \"$3\"; } &&\n"
    "    if [ -n \"$5\" ] && [ -n \"$6\" ]; then chown -- \"$5:$6\" \"$3\"\n"
    "    elif [ -n \"$5\" ]; then chown -- \"$5\" \"$3\"\n"
    "    elif [ -n \"$6\" ]; then chgrp -- \"$6\" \"$3\"; fi ;;\n"
    "  backup)\n"
    "    if [ -e \"$2\" ]; then cp -p --remove-destination -- \"$2\" \"$3\"\n"
    "    else skip=1; { [ ! -e \"$3\" ] && [ ! -h \"$3\" ]; } || rm -f -- \"$3\"; fi ;;\n"
    "  restore)\n"
    "    words=1\n"
    "    if [ \"$#\" -lt 7 ]; then echo \"certdeck-batch: bad restore\" >&2; exit 2; fi\n"
    "    if [ -e \"$4\" ] || [ -h \"$4\" ]; then rm -f -- \"$4\"\n"
    "    elif [ -f \"$2\" ] && h=$(sha256sum < \"$2\") && [ \"${h%% *}\" = \"$7\" ]; then\n"
    "      if [ -e \"$3\" ]; then mv -f -T -- \"$3\" \"$2\"; else why=kept; false; fi\n"
    "    else skip=1; fi ;;\n"
    "  run)\n"
    "    words=$2\n"
    "    case \"$words\" in ''|*[!0-9]*) echo \"certdeck-batch: bad word count\" >&2; exit 2 ;; esac\n"
    "    if [ \"$words\" -lt 1 ] || [ \"$#\" -lt $((words + 6)) ]; then\n"
    "      echo \"certdeck-batch: bad word count\" >&2; exit 2\n"
    "    fi\n"
    "    said=$( (shift 6; c=0\n"
    "      for a in \"$@\"; do\n"
    "        if [ \"$c\" -eq 0 ]; then set --; fi\n"
    "        if [ \"$c\" -lt \"$words\" ]; then set -- \"$@\" \"$a\"; fi\n"
    "        c=$((c + 1))\n"
    "      done\n"
    "      exec \"$@\" </dev/null) 2>&1) ;;\n"
    "  *) echo \"certdeck-batch: unknown step\" >&2; false ;;\n"
    "  esac\n"
    "  st=$?\n"
    "  if [ \"$st\" -eq 0 ]; then\n"
    "    if [ -n \"$skip\" ]; then echo \"skipped $i\"; else echo \"done $i\"; fi\n"
    "  elif [ \"$1\" = run ]; then\n"
    "    echo \"failed $i $st $(printf '%s' \"$said\" | tail -c 2000 | od -An -v -tx1 | tr -d ' \\n')\"\n"
    "    bad=1; [ \"$keep\" = continue ] || exit 1\n"
    "  else echo \"failed $i${why:+ $why}\"; bad=1; [ \"$keep\" = continue ] || exit 1; fi\n"
    "  i=$((i + 1)); shift 6; shift \"$words\"\n"
    "done\n"
    "exit \"$bad\"\n");

QString kindName(SudoFiles::Step::Kind kind) {
    switch (kind) {
    case SudoFiles::Step::Kind::Rename:
        return QStringLiteral("rename");
    case SudoFiles::Step::Kind::Remove:
        return QStringLiteral("remove");
    case SudoFiles::Step::Kind::Run:
        return QStringLiteral("run");
    case SudoFiles::Step::Kind::Check:
        return QStringLiteral("check");
    case SudoFiles::Step::Kind::Write:
        return QStringLiteral("write");
    case SudoFiles::Step::Kind::Backup:
        return QStringLiteral("backup");
    case SudoFiles::Step::Kind::Restore:
        return QStringLiteral("restore");
    }
    return QString();
}

/// The lines after `marker` in a command's output, or nullopt when the marker is missing (a login
/// shell may print before it).
std::optional<QStringList> linesAfter(const QByteArray& out, QLatin1String marker) {
    const QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'));
    const qsizetype at = lines.indexOf(marker);
    if (at < 0)
        return std::nullopt;
    QStringList rest = lines.mid(at + 1);
    while (!rest.isEmpty() && rest.last().isEmpty())
        rest.removeLast();
    return rest;
}

/// stat's "644 0 0 1234 regular file": the type is last because it holds spaces.
std::optional<RemoteFileInfo> parseStat(const QString& line) {
    const QStringList fields = line.trimmed().split(QLatin1Char(' '));
    RemoteFileInfo info;
    bool okMode = false;
    bool okUid = false;
    bool okGid = false;
    bool okSize = false;
    if (fields.size() >= 5) {
        info.permissions = fields.at(0).toInt(&okMode, 8);
        info.uid = fields.at(1).toUInt(&okUid);
        info.gid = fields.at(2).toUInt(&okGid);
        info.size = fields.at(3).toULongLong(&okSize);
    }
    if (!okMode || !okUid || !okGid || !okSize)
        return std::nullopt;
    const QString type = fields.mid(4).join(QLatin1Char(' '));
    info.exists = true;
    info.isDirectory = type == QLatin1String("directory");
    info.isRegularFile = type.startsWith(QLatin1String("regular"));
    return info;
}

} // namespace

SudoFiles::SudoFiles(std::shared_ptr<SshSession> session, std::chrono::seconds commandTimeout, Elevation elevation)
    : m_session(std::move(session))
    , m_timeout(commandTimeout)
    , m_elevation(elevation) {}

QString SudoFiles::sudoersRuleFor(const QString& user, const QStringList& extra) {
    QStringList commands{
        QStringLiteral("/usr/bin/true"),    QStringLiteral("/usr/bin/test"),  QStringLiteral("/usr/bin/stat"),
        QStringLiteral("/usr/bin/install"), QStringLiteral("/usr/bin/cp"),    QStringLiteral("/usr/bin/mv"),
        QStringLiteral("/usr/bin/rm"),      QStringLiteral("/usr/bin/mkdir"), QStringLiteral("/usr/bin/sh")};
    if (!extra.isEmpty())
        commands << extra;
    return QStringLiteral("%1 ALL=(root) NOPASSWD: %2").arg(user, commands.join(QStringLiteral(", ")));
}

QCoro::Task<Status> SudoFiles::check(QString purpose, CancelToken cancel) {
    const RemoteCommand command = RemoteCommand(QStringList{QStringLiteral("true")}).withSudo();
    auto task = m_session->run(command, m_timeout, cancel);
    auto r = co_await task;
    const QString user = m_session->user();
    const QString host = m_session->target().displayName();
    if (r && r->succeeded())
        co_return Status{};
    if (!r && r.error().code != ErrorCode::Permission)
        co_return r.error();
    const QString detail = r ? errorText(*r) : r.error().userMessage + QLatin1Char('\n') + r.error().detail;
    co_return refusal(purpose, detail);
}

Error SudoFiles::refusal(const QString& purpose, const QString& detail) const {
    const QString user = m_session->user();
    const QString host = m_session->target().displayName();
    return Error(ErrorCode::Permission,
                 QObject::tr("User %1 on %2 needs passwordless sudo for %3, and sudo -n refused. Add a sudoers "
                             "rule like \"%4\" (with visudo, in /etc/sudoers.d/), or connect as a user that may "
                             "write there. Nothing was changed on the server.")
                     .arg(user, host, purpose, sudoersRuleFor(user)),
                 detail);
}

bool SudoFiles::BatchOutcome::allDone() const {
    return std::all_of(states.begin(), states.end(),
                       [](StepState s) { return s == StepState::Done || s == StepState::Skipped; });
}

qsizetype SudoFiles::BatchOutcome::firstFailure() const {
    return states.indexOf(StepState::Failed);
}

Error SudoFiles::BatchOutcome::errorAt(qsizetype index, const QString& where) const {
    const Step& step = steps.at(index);
    const QString reason = QString::fromLatin1(outputs.value(index));
    QString context;
    QStringList argv;
    switch (step.kind) {
    case Step::Kind::Check:
        if (reason == QLatin1String("folder"))
            return Error(ErrorCode::NotFound,
                         QObject::tr("The folder %1 does not exist on %2: create it or change the target's paths.")
                             .arg(step.from, where));
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("%1 on %2 is not a regular file; refusing to replace it.").arg(step.to, where));
    case Step::Kind::Restore:
        if (reason == QLatin1String("kept"))
            return Error(ErrorCode::Deploy,
                         QObject::tr("%1 on %2 holds the new file and had no previous version: left in place.")
                             .arg(step.to, where));
        context = QObject::tr("Restoring %1").arg(step.to);
        argv << QStringLiteral("mv") << QStringLiteral("-f") << QStringLiteral("-T") << QStringLiteral("--")
             << step.from << step.to;
        break;
    case Step::Kind::Write:
        context = QObject::tr("Writing %1").arg(step.to);
        argv << QStringLiteral("head") << QStringLiteral("-c") << QString::number(step.data.size())
             << QStringLiteral(">") << step.to;
        break;
    case Step::Kind::Backup:
        context = QObject::tr("Copying %1").arg(step.from);
        argv << QStringLiteral("cp") << QStringLiteral("-p") << QStringLiteral("--remove-destination")
             << QStringLiteral("--") << step.from << step.to;
        break;
    case Step::Kind::Rename:
        context = QObject::tr("Moving %1 into place").arg(step.to);
        argv << QStringLiteral("mv") << QStringLiteral("-f") << QStringLiteral("-T") << QStringLiteral("--")
             << step.from << step.to;
        break;
    case Step::Kind::Remove:
        context = QObject::tr("Removing %1").arg(step.from);
        argv << QStringLiteral("rm") << QStringLiteral("-f") << QStringLiteral("--") << step.from;
        break;
    case Step::Kind::Run: {
        const QString said = QString::fromUtf8(outputs.value(index)).trimmed();
        const QString command = RemoteCommand(step.argv).withSudo().toString();
        return Error(ErrorCode::Ssh,
                     QObject::tr("%1 failed on %2 (exit %3)%4")
                         .arg(command, where)
                         .arg(exitCodes.value(index, -1))
                         .arg(said.isEmpty() ? QStringLiteral(".")
                                             : QStringLiteral(": ") + said.section(QLatin1Char('\n'), 0, 0)),
                     said)
            .withContext(QObject::tr("Running %1").arg(command));
    }
    }
    const QString firstLine = errorOutput.section(QLatin1Char('\n'), 0, 0);
    return Error(ErrorCode::Ssh,
                 QObject::tr("%1 failed on %2%3")
                     .arg(RemoteCommand(argv).withSudo().toString(), where,
                          firstLine.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + firstLine),
                 errorOutput)
        .withContext(context);
}

QCoro::Task<Result<SudoFiles::BatchOutcome>> SudoFiles::runBatch(QList<Step> steps, OnFailure onFailure,
                                                                 CancelToken cancel, QString purpose) {
    BatchOutcome out;
    out.steps = steps;
    out.states = QList<StepState>(steps.size(), StepState::NotRun);
    out.exitCodes = QList<int>(steps.size(), -1);
    out.outputs = QList<QByteArray>(steps.size());
    if (steps.isEmpty())
        co_return out;
    QStringList argv{QStringLiteral("sh"), QStringLiteral("-c"), kBatchScript, QStringLiteral("certdeck-batch"),
                     onFailure == OnFailure::Continue ? QStringLiteral("continue") : QStringLiteral("stop")};
    // The Write steps' contents, each followed by this batch's end marker and a newline.
    QString marker = QStringLiteral("certdeck-end-");
    for (int k = 0; k < 3; ++k)
        marker += QString::number(QRandomGenerator::system()->generate(), 16);
    QByteArray input;
    for (const Step& step : steps) {
        switch (step.kind) {
        case Step::Kind::Run:
            if (step.argv.isEmpty() || step.argv.first().isEmpty())
                co_return Error(ErrorCode::InvalidInput, QObject::tr("A command to run without a program."));
            argv << kindName(step.kind) << QString::number(step.argv.size()) << QString() << QString() << QString()
                 << QString() << step.argv;
            continue;
        case Step::Kind::Write: {
            if (step.to.isEmpty())
                co_return Error(ErrorCode::InvalidInput, QObject::tr("A file operation without a path."));
            // A mode within rw-rw-rw- comes from the umask at creation; anything else (x, setuid
            // bits) needs a chmod, after creation with 0600.
            const int mode = step.mode & 07777;
            const bool byUmask = (mode & ~0666) == 0;
            argv << kindName(step.kind) << step.from << step.to << (byUmask ? QString() : octal(mode)) << step.owner
                 << step.group << octal(byUmask ? (~mode & 0777) : 0177) << QString::number(step.data.size()) << marker;
            input += step.data.bytes();
            input += marker.toLatin1() + '\n';
            continue;
        }
        case Step::Kind::Restore:
            if (step.to.isEmpty() || step.from.isEmpty() || step.staged.isEmpty() || step.sha256.size() != 64)
                co_return Error(ErrorCode::InvalidInput, QObject::tr("A file operation without a path."));
            argv << kindName(step.kind) << step.to << step.from << step.staged << QString() << QString()
                 << QString::fromLatin1(step.sha256);
            continue;
        case Step::Kind::Check:
        case Step::Kind::Backup:
        case Step::Kind::Rename:
            if (step.from.isEmpty() || step.to.isEmpty())
                co_return Error(ErrorCode::InvalidInput, QObject::tr("A file operation without a path."));
            break;
        case Step::Kind::Remove:
            if (step.from.isEmpty())
                co_return Error(ErrorCode::InvalidInput, QObject::tr("A file operation without a path."));
            break;
        }
        argv << kindName(step.kind) << step.from << step.to << octal(step.mode) << step.owner << step.group;
    }
    RemoteCommand command = m_elevation == Elevation::Sudo ? RemoteCommand(argv).withSudo() : RemoteCommand(argv);
    if (!input.isEmpty()) {
        command = command.withInput(SecureBytes(input));
        SecureBytes::wipe(input);
    }
    auto task = m_session->run(command, m_timeout, cancel);
    auto r = co_await task;
    if (!r) {
        if (r.error().code == ErrorCode::Permission && !purpose.isEmpty())
            co_return refusal(purpose, r.error().userMessage + QLatin1Char('\n') + r.error().detail);
        co_return r.error();
    }
    const QString host = m_session->target().displayName();
    out.errorOutput = errorText(*r);
    const std::optional<QStringList> lines = linesAfter(r->stdOut, QLatin1String("certdeck-batch"));
    if (!lines) {
        // The script never ran: sudo refused in words SshSession::run() does not know.
        if (m_elevation == Elevation::Sudo && !r->succeeded() && !purpose.isEmpty())
            co_return refusal(purpose, out.errorOutput);
        co_return m_elevation == Elevation::Sudo
            ? Error(r->succeeded() ? ErrorCode::Protocol : ErrorCode::Permission,
                    QObject::tr("sudo on %1 did not run the file operations.").arg(host),
                    out.errorOutput + QString::fromUtf8(r->stdOut.left(300)))
            : Error(ErrorCode::Protocol, QObject::tr("The shell on %1 did not run the commands.").arg(host),
                    out.errorOutput + QString::fromUtf8(r->stdOut.left(300)));
    }
    // Strictly "done N" / "skipped N" / "failed N [REASON]" in order; anything else leaves the
    // outcome unknown.
    bool consistent = lines->size() <= steps.size();
    // A Run step's failure: "failed N STATUS HEX" (exit status 1..255, at most 2000 bytes as hex).
    static const QRegularExpression runFailure(QStringLiteral("^failed (\\d+) (\\d{1,3}) ((?:[0-9a-f]{2}){0,2000})$"));
    for (qsizetype i = 0; consistent && i < lines->size(); ++i) {
        const QString& line = lines->at(i);
        const Step::Kind kind = steps.at(i).kind;
        if (line == QStringLiteral("done %1").arg(i)) {
            out.states[i] = StepState::Done;
        } else if (line == QStringLiteral("skipped %1").arg(i)) {
            consistent = kind == Step::Kind::Backup || kind == Step::Kind::Restore;
            out.states[i] = StepState::Skipped;
        } else if (kind == Step::Kind::Run) {
            const QRegularExpressionMatch m = runFailure.match(line);
            const int status = m.hasMatch() ? m.captured(2).toInt() : 0;
            consistent = m.hasMatch() && m.captured(1) == QString::number(i) && status >= 1 && status <= 255;
            if (consistent) {
                out.states[i] = StepState::Failed;
                out.exitCodes[i] = status;
                out.outputs[i] = QByteArray::fromHex(m.captured(3).toLatin1());
            }
        } else {
            const QString failed = QStringLiteral("failed %1").arg(i);
            QString reason;
            if (line.startsWith(failed + QLatin1Char(' ')))
                reason = line.mid(failed.size() + 1);
            const bool knownReason =
                reason.isEmpty() ||
                (kind == Step::Kind::Check && (reason == QLatin1String("folder") || reason == QLatin1String("file"))) ||
                (kind == Step::Kind::Restore && reason == QLatin1String("kept"));
            consistent = (line == failed || !reason.isEmpty()) && knownReason;
            if (consistent) {
                out.states[i] = StepState::Failed;
                out.outputs[i] = reason.toLatin1();
            }
        }
    }
    const bool complete = lines->size() == steps.size();
    if (consistent && r->exitCode == 0)
        consistent = complete && out.allDone();
    else if (consistent && r->exitCode == 1)
        consistent = out.firstFailure() >= 0 && (complete || onFailure == OnFailure::Stop);
    else
        consistent = false;
    if (!consistent)
        co_return Error(
            ErrorCode::Ssh,
            QObject::tr("The file operations on %1 ended unexpectedly (exit status %2).").arg(host).arg(r->exitCode),
            out.errorOutput + QLatin1Char('\n') + QString::fromUtf8(r->stdOut.left(1000)));
    co_return out;
}

QCoro::Task<Result<QString>> SudoFiles::makeStagingDir(CancelToken cancel) {
    // As the login user, who must own the folder for the SFTP uploads; mktemp makes it 0700.
    const RemoteCommand command(
        QStringList{QStringLiteral("mktemp"), QStringLiteral("-d"), QStringLiteral("--tmpdir"), kStagingTemplate});
    auto task = m_session->runChecked(command, m_timeout, cancel);
    auto r = co_await task;
    if (!r)
        co_return r.error().withContext(QObject::tr("Creating a private upload folder"));
    const QString dir = QString::fromUtf8(r->stdOut).trimmed();
    if (!isStagingDir(dir))
        co_return Error(ErrorCode::Protocol,
                        QObject::tr("mktemp on %1 answered something that is not a folder path.")
                            .arg(m_session->target().displayName()),
                        dir.left(300));
    co_return dir;
}

QCoro::Task<Status> SudoFiles::removeStagingDir(QString dir) {
    if (!isStagingDir(dir))
        co_return Error(ErrorCode::InvalidInput, QObject::tr("Refusing to remove %1: not an upload folder.").arg(dir));
    const RemoteCommand command(QStringList{QStringLiteral("rm"), QStringLiteral("-rf"), QStringLiteral("--"), dir});
    auto task = m_session->runChecked(command, m_timeout);
    auto r = co_await task;
    if (!r)
        co_return r.error();
    co_return Status{};
}

QCoro::Task<Result<QString>> SudoFiles::upload(QString stagingDir, QString name, SecureBytes content) {
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.startsWith(QLatin1Char('.')))
        co_return Error(ErrorCode::InvalidInput, QObject::tr("Invalid upload name \"%1\".").arg(name.left(80)));
    const QString path = stagingDir + QLatin1Char('/') + name;
    SftpClient sftp = m_session->sftp();
    auto task = sftp.writeFileAtomic(path, content, 0600);
    auto written = co_await task;
    if (!written)
        co_return written.error();
    co_return path;
}

QCoro::Task<Result<RemoteFileInfo>> SudoFiles::stat(QString path, CancelToken cancel) {
    // stat's "No such file" text depends on the server's locale, so existence is asked of test(1),
    // whose exit status is the answer (POSIX: 0 true, 1 false, >1 error).
    const RemoteCommand probe =
        RemoteCommand(QStringList{QStringLiteral("test"), QStringLiteral("-e"), path}).withSudo();
    auto probeTask = m_session->run(probe, m_timeout, cancel);
    auto exists = co_await probeTask;
    if (!exists)
        co_return exists.error();
    RemoteFileInfo info;
    if (exists->exitCode == 1)
        co_return info;
    if (exists->exitCode != 0)
        co_return Error(ErrorCode::Ssh,
                        QObject::tr("Could not check %1 on %2.").arg(path, m_session->target().displayName()),
                        errorText(*exists));
    const RemoteCommand command =
        RemoteCommand(QStringList{QStringLiteral("stat"), QStringLiteral("-L"), QStringLiteral("-c"),
                                  QStringLiteral("%a %u %g %s %F"), QStringLiteral("--"), path})
            .withSudo();
    auto task = m_session->runChecked(command, m_timeout, cancel);
    auto r = co_await task;
    if (!r)
        co_return r.error();
    const QString line = QString::fromUtf8(r->stdOut.left(400)).trimmed();
    const std::optional<RemoteFileInfo> parsed = parseStat(line);
    if (!parsed)
        co_return Error(ErrorCode::Protocol,
                        QObject::tr("Unexpected answer from stat on %1.").arg(m_session->target().displayName()),
                        line.left(300));
    co_return *parsed;
}

QCoro::Task<Status> SudoFiles::install(QString from, QString to, int mode, QString owner, QString group,
                                       CancelToken cancel) {
    QStringList argv{QStringLiteral("install"), QStringLiteral("-m"), octal(mode)};
    if (!owner.isEmpty())
        argv << QStringLiteral("-o") << owner;
    if (!group.isEmpty())
        argv << QStringLiteral("-g") << group;
    argv << QStringLiteral("-T") << QStringLiteral("--") << from << to;
    const RemoteCommand command = RemoteCommand(argv).withSudo();
    auto task = m_session->runChecked(command, m_timeout, cancel);
    auto r = co_await task;
    if (!r)
        co_return r.error().withContext(QObject::tr("Installing %1").arg(to));
    co_return Status{};
}

QCoro::Task<Status> SudoFiles::remove(QString path, CancelToken cancel) {
    const RemoteCommand command =
        RemoteCommand(QStringList{QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("--"), path}).withSudo();
    auto task = m_session->runChecked(command, m_timeout, cancel);
    auto r = co_await task;
    if (!r)
        co_return r.error().withContext(QObject::tr("Removing %1").arg(path));
    co_return Status{};
}

QCoro::Task<Status> SudoFiles::mkdirs(QString path, int mode, CancelToken cancel) {
    const RemoteCommand command =
        RemoteCommand(QStringList{QStringLiteral("mkdir"), QStringLiteral("-p"), QStringLiteral("-m"), octal(mode),
                                  QStringLiteral("--"), path})
            .withSudo();
    auto task = m_session->runChecked(command, m_timeout, cancel);
    auto r = co_await task;
    if (!r)
        co_return r.error().withContext(QObject::tr("Creating %1").arg(path));
    co_return Status{};
}

} // namespace certdeck::ssh
