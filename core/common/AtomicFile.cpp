// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/AtomicFile.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace certdeck {

namespace {
QString errnoText() {
    return QString::fromLocal8Bit(std::strerror(errno));
}
} // namespace

Status writeFileAtomic(const QString& path, const QByteArray& data, int mode) {
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    const QString tmp = dir + QStringLiteral("/.") + info.fileName() + QStringLiteral(".tmp-") +
                        QString::number(QRandomGenerator::global()->generate64(), 36);
    const QByteArray tmpPath = QFile::encodeName(tmp);
    const int fd =
        ::open(tmpPath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, static_cast<mode_t>(mode));
    if (fd < 0)
        return Error(errno == EACCES ? ErrorCode::Permission : ErrorCode::Io,
                     QObject::tr("Cannot write into %1: check that the folder exists and is writable.").arg(dir),
                     errnoText());
    // The umask may have narrowed the mode; set exactly what was asked.
    ::fchmod(fd, static_cast<mode_t>(mode));
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, static_cast<size_t>(data.size() - written));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const QString why = errnoText();
            ::close(fd);
            ::unlink(tmpPath.constData());
            return Error(ErrorCode::Io, QObject::tr("Writing %1 failed (disk full?).").arg(path), why);
        }
        written += n;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const QString why = errnoText();
        ::unlink(tmpPath.constData());
        return Error(ErrorCode::Io, QObject::tr("Writing %1 failed.").arg(path), why);
    }
    if (::rename(tmpPath.constData(), QFile::encodeName(path).constData()) != 0) {
        const QString why = errnoText();
        ::unlink(tmpPath.constData());
        return Error(ErrorCode::Io, QObject::tr("Cannot replace %1.").arg(path), why);
    }
    const int dfd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

Status makeDirectory(const QString& path, int mode) {
    if (!QDir().mkpath(path))
        return Error(ErrorCode::Permission, QObject::tr("Cannot create the folder %1.").arg(path));
    if (::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) != 0)
        return Error(ErrorCode::Permission, QObject::tr("Cannot set the permissions of %1.").arg(path), errnoText());
    return {};
}

} // namespace certdeck
