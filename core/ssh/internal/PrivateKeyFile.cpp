// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ssh/internal/PrivateKeyFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QtEndian>

namespace certdeck::ssh::internal {

namespace {
constexpr qint64 maxKeyFileBytes = 64 * 1024;
}

Result<SecureBytes> PrivateKeyFile::read(const QString& path) {
    const QString shown = displayPath(path);
    const QFileInfo info(path);
    if (!info.exists())
        return Error(ErrorCode::NotFound,
                     QObject::tr("The key file %1 does not exist: choose an existing private key.").arg(shown));
    if (!info.isFile())
        return Error(ErrorCode::InvalidInput, QObject::tr("%1 is not a file: choose a private key file.").arg(shown));
    if (info.size() > maxKeyFileBytes)
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("%1 is too large to be a private key: choose the private key file (not a "
                                 "folder or archive).")
                         .arg(shown));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Permission,
                     QObject::tr("The key file %1 cannot be read: %2").arg(shown, f.errorString()));
    SecureBytes bytes(f.read(maxKeyFileBytes));
    if (bytes.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("The key file %1 is empty.").arg(shown));
    return bytes;
}

bool PrivateKeyFile::isEncrypted(const QByteArray& pem) {
    if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || pem.contains("Proc-Type: 4,ENCRYPTED"))
        return true;
    static const QByteArray begin = QByteArrayLiteral("-----BEGIN OPENSSH PRIVATE KEY-----");
    static const QByteArray end = QByteArrayLiteral("-----END OPENSSH PRIVATE KEY-----");
    const qsizetype from = pem.indexOf(begin);
    const qsizetype to = pem.indexOf(end);
    if (from < 0 || to < from)
        return false;
    QByteArray body = pem.mid(from + begin.size(), to - from - begin.size());
    // PROTOCOL.key (OpenSSH): "openssh-key-v1\0", then string ciphername. The rest may be a
    // plaintext private key: keep the decoded copy in a SecureBytes so it is wiped.
    const SecureBytes decoded(QByteArray::fromBase64(body.simplified().replace(' ', QByteArray())));
    SecureBytes::wipe(body);
    static const QByteArray magic("openssh-key-v1\0", 15);
    const QByteArray& d = decoded.bytes();
    if (!d.startsWith(magic) || d.size() < magic.size() + 4)
        return false;
    const quint32 len = qFromBigEndian<quint32>(d.constData() + magic.size());
    if (len == 0 || len > 64 || d.size() < magic.size() + 4 + static_cast<qsizetype>(len))
        return false;
    return d.mid(magic.size() + 4, len) != "none";
}

QString PrivateKeyFile::displayPath(const QString& path) {
    const QString home = QDir::homePath();
    if (!home.isEmpty() && home != QLatin1String("/") && path.startsWith(home + QLatin1Char('/')))
        return QLatin1Char('~') + path.mid(home.size());
    return path;
}

} // namespace certdeck::ssh::internal
