// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ssh/SudoFiles.h"

#include "core/ssh/RemoteCommand.h"
#include "core/ssh/SshSession.h"

#include <QObject>
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

// prepare(): prints a marker (proof that sudo ran the script), then per path either `-` (missing)
// or stat's "MODE UID GID SIZE TYPE". Existence is asked of test(1), not of stat's locale-dependent
// error text.
const QString kCheckScript = QStringLiteral("echo certdeck-check\n"
                                            "for p in \"$@\"; do\n"
                                            "  if [ -e \"$p\" ]; then stat -L -c '%a %u %g %s %F' -- \"$p\" || exit 1\n"
                                            "  else echo -; fi\n"
                                            "done\n");

// runBatch(): $1 is stop|continue, then six arguments per step: KIND FROM TO MODE OWNER GROUP. One
// line per step: "done N" or "failed N". A failed staging-folder removal never stops the batch.
// A `run` step has its word count as FROM and its words after the six: the subshell keeps only those
// words as its positional parameters (rebuilt with `set --` while `for` walks the list it expanded
// once, XCU §2.9.4.2) and execs "$@", so they never become script text. Its output (stderr and
// stdout) is captured, never mixed into the report; a failure is "failed N STATUS HEX" with the last
// 2000 bytes of that output as hex on the same line (od -An -v -tx1: POSIX, one byte per pair).
const QString kBatchScript = QStringLiteral(
    "keep=$1; shift\n"
    "echo certdeck-batch\n"
    "i=0; bad=0\n"
    "while [ \"$#\" -ge 6 ]; do\n"
    "  words=0; said=\n"
    "  case \"$1\" in\n"
    "  install)\n"
    "    if [ -n \"$5\" ] && [ -n \"$6\" ]; then install -m \"$4\" -o \"$5\" -g \"$6\" -T -- \"$2\" \"$3\"\n"
    "    elif [ -n \"$5\" ]; then install -m \"$4\" -o \"$5\" -T -- \"$2\" \"$3\"\n"
    "    elif [ -n \"$6\" ]; then install -m \"$4\" -g \"$6\" -T -- \"$2\" \"$3\"\n"
    "    else install -m \"$4\" -T -- \"$2\" \"$3\"; fi ;;\n"
    "  copy) cp -p --remove-destination -- \"$2\" \"$3\" ;;\n"
    "  rename) mv -f -T -- \"$2\" \"$3\" ;;\n"
    "  remove) rm -f -- \"$2\" ;;\n"
    "  purge) rm -rf -- \"$2\" ;;\n"
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
    "  if [ \"$st\" -eq 0 ]; then echo \"done $i\"\n"
    "  elif [ \"$1\" = run ]; then\n"
    "    echo \"failed $i $st $(printf '%s' \"$said\" | tail -c 2000 | od -An -v -tx1 | tr -d ' \\n')\"\n"
    "    bad=1; [ \"$keep\" = continue ] || exit 1\n"
    "  else echo \"failed $i\"; bad=1; [ \"$keep\" = continue ] || [ \"$1\" = purge ] || exit 1; fi\n"
    "  i=$((i + 1)); shift 6; shift \"$words\"\n"
    "done\n"
    "exit \"$bad\"\n");

QString kindName(SudoFiles::Step::Kind kind) {
    switch (kind) {
    case SudoFiles::Step::Kind::Install:
        return QStringLiteral("install");
    case SudoFiles::Step::Kind::Copy:
        return QStringLiteral("copy");
    case SudoFiles::Step::Kind::Rename:
        return QStringLiteral("rename");
    case SudoFiles::Step::Kind::Remove:
        return QStringLiteral("remove");
    case SudoFiles::Step::Kind::RemoveStagingDir:
        return QStringLiteral("purge");
    case SudoFiles::Step::Kind::Run:
        return QStringLiteral("run");
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

QCoro::Task<Result<SudoFiles::Prepared>> SudoFiles::prepare(QString purpose, QStringList paths, CancelToken cancel) {
    QStringList argv{QStringLiteral("sh"), QStringLiteral("-c"), kCheckScript, QStringLiteral("certdeck-check")};
    argv << paths;
    // mktemp as the login user, who must own the folder for the SFTP uploads; `&&`: only once sudo
    // worked and every path was checked.
    const RemoteCommand command = RemoteCommand(argv).withSudo().andThen(RemoteCommand(
        QStringList{QStringLiteral("mktemp"), QStringLiteral("-d"), QStringLiteral("--tmpdir"), kStagingTemplate}));
    auto task = m_session->run(command, m_timeout, cancel);
    auto r = co_await task;
    if (!r) {
        if (r.error().code != ErrorCode::Permission)
            co_return r.error();
        co_return refusal(purpose, r.error().userMessage + QLatin1Char('\n') + r.error().detail);
    }
    const QString host = m_session->target().displayName();
    const std::optional<QStringList> lines = linesAfter(r->stdOut, QLatin1String("certdeck-check"));
    if (!lines) {
        // The script never ran: sudo refused in words SshSession::run() does not know.
        if (!r->succeeded())
            co_return refusal(purpose, errorText(*r));
        co_return Error(ErrorCode::Protocol,
                        QObject::tr("Unexpected answer from %1 while checking the files.").arg(host),
                        QString::fromUtf8(r->stdOut.left(300)));
    }
    Prepared out;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        if (i >= lines->size()) {
            if (r->succeeded())
                break;
            co_return Error(ErrorCode::Ssh, QObject::tr("Could not check %1 on %2.").arg(paths.at(i), host),
                            errorText(*r));
        }
        const QString& line = lines->at(i);
        if (line == QLatin1String("-")) {
            out.infos << RemoteFileInfo{};
            continue;
        }
        const std::optional<RemoteFileInfo> info = parseStat(line);
        if (!info)
            co_return Error(ErrorCode::Protocol, QObject::tr("Unexpected answer from stat on %1.").arg(host),
                            line.left(300));
        out.infos << *info;
    }
    if (out.infos.size() != paths.size())
        co_return Error(ErrorCode::Protocol,
                        QObject::tr("Unexpected answer from %1 while checking the files.").arg(host),
                        QString::fromUtf8(r->stdOut.left(300)));
    if (!r->succeeded() || lines->size() != paths.size() + 1)
        co_return Error(ErrorCode::Ssh, QObject::tr("mktemp failed on %1.").arg(host), errorText(*r))
            .withContext(QObject::tr("Creating a private upload folder"));
    const QString dir = lines->last().trimmed();
    if (!isStagingDir(dir))
        co_return Error(ErrorCode::Protocol,
                        QObject::tr("mktemp on %1 answered something that is not a folder path.").arg(host),
                        dir.left(300));
    out.stagingDir = dir;
    co_return out;
}

bool SudoFiles::BatchOutcome::allDone() const {
    return std::all_of(states.begin(), states.end(), [](StepState s) { return s == StepState::Done; });
}

qsizetype SudoFiles::BatchOutcome::firstFailure() const {
    return states.indexOf(StepState::Failed);
}

Error SudoFiles::BatchOutcome::errorAt(qsizetype index, const QString& where) const {
    const Step& step = steps.at(index);
    QString context;
    QStringList argv;
    switch (step.kind) {
    case Step::Kind::Install:
        context = QObject::tr("Installing %1").arg(step.to);
        argv << QStringLiteral("install") << QStringLiteral("-m") << octal(step.mode);
        if (!step.owner.isEmpty())
            argv << QStringLiteral("-o") << step.owner;
        if (!step.group.isEmpty())
            argv << QStringLiteral("-g") << step.group;
        argv << QStringLiteral("-T") << QStringLiteral("--") << step.from << step.to;
        break;
    case Step::Kind::Copy:
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
    case Step::Kind::RemoveStagingDir:
        context = QObject::tr("Removing the upload folder %1").arg(step.from);
        argv << QStringLiteral("rm") << QStringLiteral("-rf") << QStringLiteral("--") << step.from;
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
                                                                 CancelToken cancel) {
    BatchOutcome out;
    out.steps = steps;
    out.states = QList<StepState>(steps.size(), StepState::NotRun);
    out.exitCodes = QList<int>(steps.size(), -1);
    out.outputs = QList<QByteArray>(steps.size());
    if (steps.isEmpty())
        co_return out;
    QStringList argv{QStringLiteral("sh"), QStringLiteral("-c"), kBatchScript, QStringLiteral("certdeck-batch"),
                     onFailure == OnFailure::Continue ? QStringLiteral("continue") : QStringLiteral("stop")};
    for (const Step& step : steps) {
        if (step.kind == Step::Kind::Run) {
            if (step.argv.isEmpty() || step.argv.first().isEmpty())
                co_return Error(ErrorCode::InvalidInput, QObject::tr("A command to run without a program."));
            argv << kindName(step.kind) << QString::number(step.argv.size()) << QString() << QString() << QString()
                 << QString() << step.argv;
            continue;
        }
        if (step.from.isEmpty() ||
            (step.to.isEmpty() && step.kind != Step::Kind::Remove && step.kind != Step::Kind::RemoveStagingDir))
            co_return Error(ErrorCode::InvalidInput, QObject::tr("A file operation without a path."));
        if (step.kind == Step::Kind::RemoveStagingDir && !isStagingDir(step.from))
            co_return Error(ErrorCode::InvalidInput,
                            QObject::tr("Refusing to remove %1: not an upload folder.").arg(step.from));
        argv << kindName(step.kind) << step.from << step.to << octal(step.mode) << step.owner << step.group;
    }
    const RemoteCommand command = m_elevation == Elevation::Sudo ? RemoteCommand(argv).withSudo() : RemoteCommand(argv);
    auto task = m_session->run(command, m_timeout, cancel);
    auto r = co_await task;
    if (!r)
        co_return r.error();
    const QString host = m_session->target().displayName();
    out.errorOutput = errorText(*r);
    const std::optional<QStringList> lines = linesAfter(r->stdOut, QLatin1String("certdeck-batch"));
    if (!lines)
        co_return m_elevation == Elevation::Sudo
            ? Error(r->succeeded() ? ErrorCode::Protocol : ErrorCode::Permission,
                    QObject::tr("sudo on %1 did not run the file operations.").arg(host),
                    out.errorOutput + QString::fromUtf8(r->stdOut.left(300)))
            : Error(ErrorCode::Protocol, QObject::tr("The shell on %1 did not run the commands.").arg(host),
                    out.errorOutput + QString::fromUtf8(r->stdOut.left(300)));
    // Strictly "done N" / "failed N" in order; anything else leaves the outcome unknown.
    bool consistent = lines->size() <= steps.size();
    // A Run step's failure: "failed N STATUS HEX" (exit status 1..255, at most 2000 bytes as hex).
    static const QRegularExpression runFailure(QStringLiteral("^failed (\\d+) (\\d{1,3}) ((?:[0-9a-f]{2}){0,2000})$"));
    for (qsizetype i = 0; consistent && i < lines->size(); ++i) {
        const QString& line = lines->at(i);
        if (line == QStringLiteral("done %1").arg(i)) {
            out.states[i] = StepState::Done;
        } else if (steps.at(i).kind != Step::Kind::Run) {
            consistent = line == QStringLiteral("failed %1").arg(i);
            if (consistent)
                out.states[i] = StepState::Failed;
        } else {
            const QRegularExpressionMatch m = runFailure.match(line);
            const int status = m.hasMatch() ? m.captured(2).toInt() : 0;
            consistent = m.hasMatch() && m.captured(1) == QString::number(i) && status >= 1 && status <= 255;
            if (consistent) {
                out.states[i] = StepState::Failed;
                out.exitCodes[i] = status;
                out.outputs[i] = QByteArray::fromHex(m.captured(3).toLatin1());
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
    // "644 0 0 1234 regular file": the type is last because it holds spaces.
    const QString line = QString::fromUtf8(r->stdOut.left(400)).trimmed();
    const QStringList fields = line.split(QLatin1Char(' '));
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
        co_return Error(ErrorCode::Protocol,
                        QObject::tr("Unexpected answer from stat on %1.").arg(m_session->target().displayName()),
                        line.left(300));
    const QString type = fields.mid(4).join(QLatin1Char(' '));
    info.exists = true;
    info.isDirectory = type == QLatin1String("directory");
    info.isRegularFile = type.startsWith(QLatin1String("regular"));
    co_return info;
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

QCoro::Task<Status> SudoFiles::copy(QString from, QString to, CancelToken cancel) {
    const RemoteCommand command =
        RemoteCommand(QStringList{QStringLiteral("cp"), QStringLiteral("-p"), QStringLiteral("--remove-destination"),
                                  QStringLiteral("--"), from, to})
            .withSudo();
    auto task = m_session->runChecked(command, m_timeout, cancel);
    auto r = co_await task;
    if (!r)
        co_return r.error().withContext(QObject::tr("Copying %1").arg(from));
    co_return Status{};
}

QCoro::Task<Status> SudoFiles::rename(QString from, QString to, CancelToken cancel) {
    const RemoteCommand command = RemoteCommand(QStringList{QStringLiteral("mv"), QStringLiteral("-f"),
                                                            QStringLiteral("-T"), QStringLiteral("--"), from, to})
                                      .withSudo();
    auto task = m_session->runChecked(command, m_timeout, cancel);
    auto r = co_await task;
    if (!r)
        co_return r.error().withContext(QObject::tr("Moving %1 into place").arg(to));
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
