// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ssh/SftpClient.h"

#include "core/common/Log.h"
#include "core/ssh/SshPtr.h"
#include "core/ssh/SshSession.h"
#include "core/ssh/internal/SessionCore.h"
#include "core/ssh/internal/SftpExtensionChannel.h"
#include "core/ssh/internal/SshErrors.h"
#include "core/ssh/internal/Worker.h"

#include <QObject>
#include <QRandomGenerator>

#include <fcntl.h>

namespace certdeck::ssh {

using internal::SessionCore;

namespace {

// One SFTP write request per chunk; well under every server's packet limit (OpenSSH: 256 KiB).
constexpr qsizetype chunkBytes = 32 * 1024;

enum class Op { Write, Read, Remove, MakeDir, Rename, Stat };

QString parentOf(const QString& path) {
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return QStringLiteral(".");
    if (slash == 0)
        return QStringLiteral("/");
    return path.left(slash);
}

QString statusName(int code) {
    switch (code) {
    case SSH_FX_OK:
        return QStringLiteral("OK");
    case SSH_FX_EOF:
        return QStringLiteral("EOF");
    case SSH_FX_NO_SUCH_FILE:
        return QStringLiteral("NO_SUCH_FILE");
    case SSH_FX_PERMISSION_DENIED:
        return QStringLiteral("PERMISSION_DENIED");
    case SSH_FX_FAILURE:
        return QStringLiteral("FAILURE");
    case SSH_FX_BAD_MESSAGE:
        return QStringLiteral("BAD_MESSAGE");
    case SSH_FX_NO_CONNECTION:
        return QStringLiteral("NO_CONNECTION");
    case SSH_FX_CONNECTION_LOST:
        return QStringLiteral("CONNECTION_LOST");
    case SSH_FX_OP_UNSUPPORTED:
        return QStringLiteral("OP_UNSUPPORTED");
    case SSH_FX_FILE_ALREADY_EXISTS:
        return QStringLiteral("FILE_ALREADY_EXISTS");
    case SSH_FX_NO_SUCH_PATH:
        return QStringLiteral("NO_SUCH_PATH");
    case SSH_FX_WRITE_PROTECT:
        return QStringLiteral("WRITE_PROTECT");
    case SSH_FX_NO_MEDIA:
        return QStringLiteral("NO_MEDIA");
    default:
        return QStringLiteral("status %1").arg(code);
    }
}

// An SFTP status told as what to do. `path` is what the user asked about; for operations that
// need write access to the folder (create, rename, remove) the advice names the folder.
Error sftpFailure(SessionCore& core, int code, const QString& serverText, Op op, const QString& path) {
    const QString detail =
        QStringLiteral("SFTP %1%2; %3")
            .arg(statusName(code), serverText.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(serverText),
                 internal::lastError(core.session.get()));
    const bool writing = op == Op::Write || op == Op::Remove || op == Op::MakeDir || op == Op::Rename;
    const QString where = core.where();
    switch (code) {
    case SSH_FX_OK:
    case SSH_FX_NO_CONNECTION:
    case SSH_FX_CONNECTION_LOST:
    case SSH_FX_BAD_MESSAGE: {
        Error e = internal::sessionError(core.session.get(), where, QObject::tr("working on %1").arg(path));
        e.detail = detail;
        if (!ssh_is_connected(core.session.get()))
            core.alive = false;
        return e;
    }
    case SSH_FX_PERMISSION_DENIED:
    case SSH_FX_WRITE_PROTECT: {
        if (writing) {
            const QString folder = op == Op::MakeDir ? path : parentOf(path);
            return Error(ErrorCode::Permission,
                         QObject::tr("User %1 cannot write %2 on %3: give it write access or enable sudo for "
                                     "this server.")
                             .arg(core.user, folder, where),
                         detail);
        }
        return Error(ErrorCode::Permission,
                     QObject::tr("User %1 cannot read %2 on %3: give it read access or enable sudo for this "
                                 "server.")
                         .arg(core.user, path, where),
                     detail);
    }
    case SSH_FX_NO_SUCH_FILE:
    case SSH_FX_NO_SUCH_PATH:
        if (op == Op::Write || op == Op::MakeDir)
            return Error(ErrorCode::NotFound,
                         QObject::tr("The folder %1 does not exist on %2: create it first.")
                             .arg(op == Op::MakeDir ? path : parentOf(path), where),
                         detail);
        return Error(ErrorCode::NotFound, QObject::tr("%1 does not exist on %2.").arg(path, where), detail);
    case SSH_FX_OP_UNSUPPORTED:
        return Error(ErrorCode::Ssh,
                     QObject::tr("The SFTP server at %1 does not support this operation on %2.").arg(where, path),
                     detail);
    case SSH_FX_FILE_ALREADY_EXISTS:
        return Error(ErrorCode::Io, QObject::tr("%1 already exists on %2.").arg(path, where), detail);
    default:
        if (writing)
            return Error(ErrorCode::Io,
                         QObject::tr("The server %1 could not write %2 (it reported a general failure; a full disk, "
                                     "a read-only file system or a folder where a file is expected are common "
                                     "causes).")
                             .arg(where, path),
                         detail);
        return Error(ErrorCode::Io, QObject::tr("The server %1 could not read %2.").arg(where, path), detail);
    }
}

Error lastFailure(SessionCore& core, Op op, const QString& path) {
    return sftpFailure(core, sftp_get_error(core.sftp.get()), QString(), op, path);
}

Status ensureSftp(SessionCore& core) {
    if (core.sftp)
        return {};
    if (!core.session || !ssh_is_connected(core.session.get())) {
        core.alive = false;
        return Error(ErrorCode::Network,
                     QObject::tr("The SSH connection to %1 is closed: connect again.").arg(core.where()));
    }
    SftpSessionPtr sftp(sftp_new(core.session.get()));
    if (!sftp)
        return Error(ErrorCode::Ssh,
                     QObject::tr("The server %1 does not offer SFTP: enable it in its sshd_config (\"Subsystem sftp "
                                 "internal-sftp\") or ask its administrator.")
                         .arg(core.where()),
                     internal::lastError(core.session.get()));
    if (sftp_init(sftp.get()) != SSH_OK)
        return internal::sessionError(core.session.get(), core.where(), QObject::tr("starting SFTP"));
    core.sftp = std::move(sftp);
    return {};
}

Result<RemoteFileInfo> statJob(SessionCore& core, const QString& path) {
    if (auto ok = ensureSftp(core); !ok)
        return ok.error();
    SftpAttributesPtr attrs(sftp_stat(core.sftp.get(), path.toUtf8().constData()));
    RemoteFileInfo info;
    if (!attrs) {
        const int code = sftp_get_error(core.sftp.get());
        if (code == SSH_FX_NO_SUCH_FILE || code == SSH_FX_NO_SUCH_PATH)
            return info;
        return sftpFailure(core, code, QString(), Op::Stat, path);
    }
    info.exists = true;
    info.isDirectory = attrs->type == SSH_FILEXFER_TYPE_DIRECTORY;
    info.isRegularFile = attrs->type == SSH_FILEXFER_TYPE_REGULAR;
    info.permissions = static_cast<int>(attrs->permissions & 07777);
    info.size = attrs->size;
    info.uid = attrs->uid;
    info.gid = attrs->gid;
    info.modified = QDateTime::fromSecsSinceEpoch(attrs->mtime, Qt::UTC);
    return info;
}

Status renameJob(SessionCore& core, const QString& from, const QString& to) {
    if (auto ok = ensureSftp(core); !ok)
        return ok.error();
    const QByteArray src = from.toUtf8();
    const QByteArray dst = to.toUtf8();
    if (sftp_extension_supported(core.sftp.get(), "posix-rename@openssh.com", "1")) {
        auto reply = internal::SftpExtensionChannel::posixRename(core, src, dst);
        if (!reply)
            return reply.error();
        if (reply->code != SSH_FX_OK)
            return sftpFailure(core, static_cast<int>(reply->code), reply->message, Op::Rename, to);
        return {};
    }
    // SFTP v3 RENAME (draft-02 §6.5) fails when the target exists on most servers (OpenSSH uses
    // link(2)): remove it first. Not atomic; the only way without the extension.
    SftpAttributesPtr existing(sftp_stat(core.sftp.get(), dst.constData()));
    if (existing) {
        if (existing->type == SSH_FILEXFER_TYPE_DIRECTORY)
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("%1 on %2 is a folder, not a file.").arg(to, core.where()));
        if (sftp_unlink(core.sftp.get(), dst.constData()) < 0)
            return lastFailure(core, Op::Remove, to);
    }
    if (sftp_rename(core.sftp.get(), src.constData(), dst.constData()) < 0)
        return lastFailure(core, Op::Rename, to);
    return {};
}

Status writeJob(SessionCore& core, const QString& path, const QByteArray& content, int mode) {
    if (auto ok = ensureSftp(core); !ok)
        return ok.error();
    const QString dir = parentOf(path);
    const QString name = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
        return Error(ErrorCode::InvalidInput, QObject::tr("%1 is not a file name.").arg(path));
    const QString tmp =
        (dir == QLatin1String("/") ? QString() : dir) + QStringLiteral("/.") + name +
        QStringLiteral(".certdeck-%1.tmp").arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    const QByteArray tmpPath = tmp.toUtf8();
    const mode_t perms = static_cast<mode_t>(mode & 07777);

    // O_EXCL: never write through a file or symlink someone else put at the temporary name.
    sftp_file raw = sftp_open(core.sftp.get(), tmpPath.constData(), O_WRONLY | O_CREAT | O_EXCL, perms);
    if (!raw)
        return lastFailure(core, Op::Write, path);
    SftpFilePtr file(raw);
    const auto discard = [&core, &file, &tmpPath](Error e) {
        file.reset();
        sftp_unlink(core.sftp.get(), tmpPath.constData());
        return e;
    };
    // The server applies its umask to the open mode; set the exact mode before any byte is written,
    // so a private key is never readable by others, not even for a moment.
    if (sftp_chmod(core.sftp.get(), tmpPath.constData(), perms) < 0)
        return discard(lastFailure(core, Op::Write, path));
    for (qsizetype off = 0; off < content.size(); off += chunkBytes) {
        const qsizetype len = qMin(chunkBytes, content.size() - off);
        if (sftp_write(file.get(), content.constData() + off, static_cast<size_t>(len)) != len)
            return discard(lastFailure(core, Op::Write, path));
    }
    // fsync@openssh.com (OpenSSH PROTOCOL §4.8): the data is on disk before the rename publishes it.
    if (sftp_extension_supported(core.sftp.get(), "fsync@openssh.com", "1") && sftp_fsync(file.get()) < 0)
        return discard(lastFailure(core, Op::Write, path));
    if (sftp_close(file.release()) < 0)
        return discard(lastFailure(core, Op::Write, path));
    if (auto renamed = renameJob(core, tmp, path); !renamed)
        return discard(renamed.error());
    qCDebug(lcSsh) << "wrote" << content.size() << "bytes to" << path << "on" << core.where();
    return {};
}

Result<QByteArray> readJob(SessionCore& core, const QString& path, qint64 maxBytes) {
    if (auto ok = ensureSftp(core); !ok)
        return ok.error();
    SftpFilePtr file(sftp_open(core.sftp.get(), path.toUtf8().constData(), O_RDONLY, 0));
    if (!file)
        return lastFailure(core, Op::Read, path);
    const auto tooLarge = [&] {
        return Error(ErrorCode::Protocol, QObject::tr("%1 on %2 is larger than %3 KiB, more than Certdeck reads.")
                                              .arg(path, core.where())
                                              .arg(maxBytes / 1024));
    };
    SftpAttributesPtr attrs(sftp_fstat(file.get()));
    if (attrs && (attrs->flags & SSH_FILEXFER_ATTR_SIZE) && attrs->size > static_cast<quint64>(maxBytes))
        return tooLarge();
    QByteArray out;
    char buf[chunkBytes];
    while (true) {
        const ssize_t n = sftp_read(file.get(), buf, sizeof buf);
        if (n < 0)
            return lastFailure(core, Op::Read, path);
        if (n == 0)
            break;
        if (out.size() + n > maxBytes) // the file grew, or the size was not reported
            return tooLarge();
        out.append(buf, static_cast<qsizetype>(n));
    }
    return out;
}

Status removeJob(SessionCore& core, const QString& path) {
    if (auto ok = ensureSftp(core); !ok)
        return ok.error();
    if (sftp_unlink(core.sftp.get(), path.toUtf8().constData()) < 0) {
        const int code = sftp_get_error(core.sftp.get());
        if (code == SSH_FX_NO_SUCH_FILE || code == SSH_FX_NO_SUCH_PATH)
            return {};
        return sftpFailure(core, code, QString(), Op::Remove, path);
    }
    return {};
}

Status mkdirsJob(SessionCore& core, const QString& path, int mode) {
    if (auto ok = ensureSftp(core); !ok)
        return ok.error();
    if (path.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("No folder name was given."));
    const mode_t perms = static_cast<mode_t>(mode & 07777);
    QString prefix = path.startsWith(QLatin1Char('/')) ? QStringLiteral("/") : QString();
    for (const QString& part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (!prefix.isEmpty() && !prefix.endsWith(QLatin1Char('/')))
            prefix += QLatin1Char('/');
        prefix += part;
        auto info = statJob(core, prefix);
        if (!info)
            return info.error();
        if (info->exists) {
            if (!info->isDirectory)
                return Error(ErrorCode::InvalidInput,
                             QObject::tr("%1 on %2 exists but is not a folder.").arg(prefix, core.where()));
            continue;
        }
        const QByteArray dir = prefix.toUtf8();
        if (sftp_mkdir(core.sftp.get(), dir.constData(), perms) < 0) {
            const int code = sftp_get_error(core.sftp.get());
            // Someone else may have created it meanwhile (SFTP v3 reports that as a plain FAILURE).
            auto again = statJob(core, prefix);
            if (again && again->exists && again->isDirectory)
                continue;
            return sftpFailure(core, code, QString(), Op::MakeDir, prefix);
        }
        if (sftp_chmod(core.sftp.get(), dir.constData(), perms) < 0)
            return lastFailure(core, Op::MakeDir, prefix);
    }
    return {};
}

} // namespace

SftpClient::SftpClient(std::shared_ptr<SshSession> session)
    : m_session(std::move(session)) {}

std::optional<Error> SftpClient::unavailable(const std::shared_ptr<SshSession>& session) {
    if (!session)
        return Error(ErrorCode::InvalidInput, QObject::tr("No SSH session."));
    if (!session->isConnected())
        return session->notConnectedError();
    return std::nullopt;
}

// Each operation copies m_session into its frame (the session outlives the job) and runs its job on
// the session's worker (see internal::Worker::start for why the job is started in its own statement).
QCoro::Task<Status> SftpClient::writeFileAtomic(QString path, QByteArray content, int mode) {
    auto session = m_session;
    if (auto e = unavailable(session))
        co_return *e;
    auto core = session->m_core;
    auto job = session->m_worker->start([core, path, content, mode] { return writeJob(*core, path, content, mode); });
    co_return co_await job;
}

QCoro::Task<Status> SftpClient::writeFileAtomic(QString path, SecureBytes content, int mode) {
    auto session = m_session;
    if (auto e = unavailable(session))
        co_return *e;
    auto core = session->m_core;
    auto job = session->m_worker->start(
        [core, path, secret = std::move(content), mode] { return writeJob(*core, path, secret.bytes(), mode); });
    co_return co_await job;
}

QCoro::Task<Result<QByteArray>> SftpClient::readFile(QString path, qint64 maxBytes) {
    auto session = m_session;
    if (auto e = unavailable(session))
        co_return *e;
    auto core = session->m_core;
    auto job = session->m_worker->start([core, path, maxBytes] { return readJob(*core, path, maxBytes); });
    co_return co_await job;
}

QCoro::Task<Status> SftpClient::remove(QString path) {
    auto session = m_session;
    if (auto e = unavailable(session))
        co_return *e;
    auto core = session->m_core;
    auto job = session->m_worker->start([core, path] { return removeJob(*core, path); });
    co_return co_await job;
}

QCoro::Task<Status> SftpClient::mkdirs(QString path, int mode) {
    auto session = m_session;
    if (auto e = unavailable(session))
        co_return *e;
    auto core = session->m_core;
    auto job = session->m_worker->start([core, path, mode] { return mkdirsJob(*core, path, mode); });
    co_return co_await job;
}

QCoro::Task<Result<RemoteFileInfo>> SftpClient::stat(QString path) {
    auto session = m_session;
    if (auto e = unavailable(session))
        co_return *e;
    auto core = session->m_core;
    auto job = session->m_worker->start([core, path] { return statJob(*core, path); });
    co_return co_await job;
}

QCoro::Task<Status> SftpClient::rename(QString from, QString to) {
    auto session = m_session;
    if (auto e = unavailable(session))
        co_return *e;
    auto core = session->m_core;
    auto job = session->m_worker->start([core, from, to] { return renameJob(*core, from, to); });
    co_return co_await job;
}

} // namespace certdeck::ssh
