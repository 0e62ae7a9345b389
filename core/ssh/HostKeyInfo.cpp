// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ssh/HostKeyInfo.h"

#include <QCryptographicHash>
#include <QStringList>

namespace certdeck::ssh {

QString HostKeyInfo::knownHostsName() const {
    // sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT": a non-standard port is written as [host]:port.
    const QString h = host.toLower();
    if (port == 22 || port == 0)
        return h;
    return QStringLiteral("[%1]:%2").arg(h).arg(port);
}

QString HostKeyInfo::typeLabel() const {
    if (keyType == QLatin1String("ssh-ed25519"))
        return QStringLiteral("ED25519");
    if (keyType.startsWith(QLatin1String("ecdsa-sha2-")))
        return QStringLiteral("ECDSA");
    if (keyType == QLatin1String("ssh-rsa"))
        return QStringLiteral("RSA");
    if (keyType == QLatin1String("ssh-dss"))
        return QStringLiteral("DSA");
    return keyType.toUpper();
}

QString HostKeyInfo::knownHostsLine() const {
    return QStringLiteral("%1 %2 %3").arg(knownHostsName(), keyType, QString::fromLatin1(keyBase64));
}

QString HostKeyInfo::fingerprintOf(const QByteArray& keyBlob) {
    const QByteArray digest = QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:") +
           QString::fromLatin1(digest.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
}

QString HostKeyInfo::toDetailLine() const {
    return QStringLiteral("host-key %1 %2 %3 %4")
        .arg(knownHostsName(), keyType, fingerprint, QString::fromLatin1(keyBase64));
}

std::optional<HostKeyInfo> HostKeyInfo::fromError(const Error& error) {
    if (error.code != ErrorCode::HostKeyUnknown && error.code != ErrorCode::HostKeyChanged)
        return std::nullopt;
    const QString first = error.detail.section(QLatin1Char('\n'), 0, 0);
    const QStringList parts = first.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() != 5 || parts[0] != QLatin1String("host-key"))
        return std::nullopt;
    HostKeyInfo info;
    const QString& name = parts[1];
    if (name.startsWith(QLatin1Char('['))) {
        const qsizetype close = name.lastIndexOf(QLatin1String("]:"));
        if (close < 0)
            return std::nullopt;
        info.host = name.mid(1, close - 1);
        bool ok = false;
        info.port = name.mid(close + 2).toInt(&ok);
        if (!ok)
            return std::nullopt;
    } else {
        info.host = name;
        info.port = 22;
    }
    info.keyType = parts[2];
    info.fingerprint = parts[3];
    info.keyBase64 = parts[4].toLatin1();
    info.status = error.code == ErrorCode::HostKeyUnknown ? HostKeyStatus::Unknown : HostKeyStatus::Changed;
    // The detail is text anyone could have edited: only trust it when it is self-consistent.
    const auto blob = QByteArray::fromBase64Encoding(info.keyBase64, QByteArray::AbortOnBase64DecodingErrors);
    if (!blob || blob.decoded.isEmpty() || fingerprintOf(blob.decoded) != info.fingerprint)
        return std::nullopt;
    return info;
}

} // namespace certdeck::ssh
