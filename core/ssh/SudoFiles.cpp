// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ssh/SudoFiles.h"

#include "core/ssh/RemoteCommand.h"
#include "core/ssh/SshSession.h"

#include <QObject>
#include <QRegularExpression>

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

} // namespace

SudoFiles::SudoFiles(std::shared_ptr<SshSession> session, std::chrono::seconds commandTimeout)
    : m_session(std::move(session))
    , m_timeout(commandTimeout) {}

QString SudoFiles::sudoersRuleFor(const QString& user, const QStringList& extra) {
    QStringList commands{QStringLiteral("/usr/bin/true"), QStringLiteral("/usr/bin/test"),
                         QStringLiteral("/usr/bin/stat"), QStringLiteral("/usr/bin/install"),
                         QStringLiteral("/usr/bin/cp"),   QStringLiteral("/usr/bin/mv"),
                         QStringLiteral("/usr/bin/rm"),   QStringLiteral("/usr/bin/mkdir")};
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
    co_return Error(ErrorCode::Permission,
                    QObject::tr("User %1 on %2 needs passwordless sudo for %3, and sudo -n refused. Add a sudoers "
                                "rule like \"%4\" (with visudo, in /etc/sudoers.d/), or connect as a user that may "
                                "write there. Nothing was changed on the server.")
                        .arg(user, host, purpose, sudoersRuleFor(user)),
                    detail);
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
