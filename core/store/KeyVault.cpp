// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/KeyVault.h"

#include "core/common/AtomicFile.h"
#include "core/store/LineageRepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace certdeck::store {

namespace {

const QStringList kFiles{QStringLiteral("cert"), QStringLiteral("chain"), QStringLiteral("fullchain"),
                         QStringLiteral("privkey")};

Status checkName(const QString& lineage) {
    if (!Lineage::isValidName(lineage))
        return Error(ErrorCode::InvalidInput, QObject::tr("'%1' is not a valid certificate name.").arg(lineage));
    return {};
}

/// Points `link` at `target` by making a temporary link and renaming it over the old one.
Status switchLink(const QString& link, const QString& target) {
    const QFileInfo info(link);
    const QByteArray tmp =
        QFile::encodeName(info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".link-") +
                          QString::number(QRandomGenerator::global()->generate64(), 36));
    if (::symlink(QFile::encodeName(target).constData(), tmp.constData()) != 0)
        return Error(ErrorCode::Io, QObject::tr("Cannot update %1.").arg(link),
                     QString::fromLocal8Bit(strerror(errno)));
    if (::rename(tmp.constData(), QFile::encodeName(link).constData()) != 0) {
        const QString why = QString::fromLocal8Bit(strerror(errno));
        ::unlink(tmp.constData());
        return Error(ErrorCode::Io, QObject::tr("Cannot update %1.").arg(link), why);
    }
    return {};
}

void syncDir(const QString& dir) {
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

Result<QByteArray> readBounded(const QString& path, qint64 max) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, QObject::tr("%1 is missing.").arg(path), f.errorString());
    if (f.size() > max)
        return Error(ErrorCode::Store, QObject::tr("%1 is larger than any certificate file could be.").arg(path));
    return f.read(max);
}

} // namespace

KeyVault::KeyVault(QString root)
    : m_root(std::move(root)) {}

QString KeyVault::liveDir(const QString& lineage) const {
    return m_root + QStringLiteral("/live/") + lineage;
}

QString KeyVault::archiveDir(const QString& lineage) const {
    return m_root + QStringLiteral("/archive/") + lineage;
}

QString KeyVault::livePath(const QString& lineage, const QString& file) const {
    return liveDir(lineage) + QLatin1Char('/') + file;
}

Status KeyVault::prepare(const QString& lineage) {
    for (const QString& d : {m_root, m_root + QStringLiteral("/live"), m_root + QStringLiteral("/archive"),
                             liveDir(lineage), archiveDir(lineage)}) {
        if (auto s = makeDirectory(d, 0700); !s)
            return s;
    }
    return {};
}

int KeyVault::currentVersion(const QString& lineage) const {
    const QString target = QFileInfo(livePath(lineage, QStringLiteral("cert.pem"))).symLinkTarget();
    static const QRegularExpression re(QStringLiteral("cert(\\d+)\\.pem$"));
    const auto m = re.match(target);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

Result<int> KeyVault::store(const QString& lineage, const QList<crypto::Certificate>& chain,
                            const crypto::PrivateKey& key) {
    if (auto s = checkName(lineage); !s)
        return s.error();
    if (chain.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("There is no certificate to store."));
    if (!chain.first().matchesKey(key))
        return Error(ErrorCode::InvalidInput, QObject::tr("The certificate does not belong to the key."));
    if (auto s = prepare(lineage); !s)
        return s.error();
    // The next free number: past every file in the archive, so an interrupted store never reuses one.
    int version = 0;
    static const QRegularExpression re(QStringLiteral("^[a-z]+(\\d+)\\.pem$"));
    for (const QString& f : QDir(archiveDir(lineage)).entryList(QDir::Files)) {
        const auto m = re.match(f);
        if (m.hasMatch())
            version = std::max(version, m.captured(1).toInt());
    }
    ++version;
    auto keyPem = key.toPem();
    if (!keyPem)
        return keyPem.error();
    const QByteArray leaf = chain.first().toPem();
    const QByteArray rest = crypto::Certificate::chainToPem(chain.mid(1));
    const QString n = QString::number(version);
    const QString archive = archiveDir(lineage) + QLatin1Char('/');
    if (auto s =
            writeFileAtomic(archive + QStringLiteral("privkey") + n + QStringLiteral(".pem"), keyPem->bytes(), 0600);
        !s)
        return s.error();
    if (auto s = writeFileAtomic(archive + QStringLiteral("cert") + n + QStringLiteral(".pem"), leaf, 0644); !s)
        return s.error();
    if (auto s = writeFileAtomic(archive + QStringLiteral("chain") + n + QStringLiteral(".pem"), rest, 0644); !s)
        return s.error();
    if (auto s = writeFileAtomic(archive + QStringLiteral("fullchain") + n + QStringLiteral(".pem"), leaf + rest, 0644);
        !s)
        return s.error();
    // Relative links, like certbot's, so the folder can be moved or mounted elsewhere.
    for (const QString& f : kFiles) {
        const QString target =
            QStringLiteral("../../archive/") + lineage + QLatin1Char('/') + f + n + QStringLiteral(".pem");
        if (auto s = switchLink(livePath(lineage, f + QStringLiteral(".pem")), target); !s)
            return s.error();
    }
    syncDir(liveDir(lineage));
    return version;
}

Result<crypto::PrivateKey> KeyVault::loadKey(const QString& lineage) const {
    if (auto s = checkName(lineage); !s)
        return s.error();
    auto data = readBounded(livePath(lineage, QStringLiteral("privkey.pem")), 64 * 1024);
    if (!data)
        return data.error();
    SecureBytes pem(std::move(*data));
    return crypto::PrivateKey::fromPem(pem.bytes());
}

Result<QList<crypto::Certificate>> KeyVault::loadChain(const QString& lineage) const {
    if (auto s = checkName(lineage); !s)
        return s.error();
    auto data = readBounded(livePath(lineage, QStringLiteral("fullchain.pem")), 256 * 1024);
    if (!data)
        return data.error();
    return crypto::Certificate::chainFromPem(*data);
}

Status KeyVault::remove(const QString& lineage) {
    if (auto s = checkName(lineage); !s)
        return s;
    for (const QString& d : {liveDir(lineage), archiveDir(lineage)}) {
        QDir dir(d);
        if (dir.exists() && !dir.removeRecursively())
            return Error(ErrorCode::Io, QObject::tr("Cannot remove %1.").arg(d));
    }
    return {};
}

Status KeyVault::saveAccountKey(const QString& accountId, const crypto::PrivateKey& key) {
    if (auto s = checkName(accountId); !s)
        return s;
    const QString dir = m_root + QStringLiteral("/accounts/") + accountId;
    for (const QString& d : {m_root, m_root + QStringLiteral("/accounts"), dir}) {
        if (auto s = makeDirectory(d, 0700); !s)
            return s;
    }
    auto pem = key.toPem();
    if (!pem)
        return pem.error();
    return writeFileAtomic(dir + QStringLiteral("/account.key"), pem->bytes(), 0600);
}

Result<crypto::PrivateKey> KeyVault::loadAccountKey(const QString& accountId) const {
    if (auto s = checkName(accountId); !s)
        return s.error();
    auto data =
        readBounded(m_root + QStringLiteral("/accounts/") + accountId + QStringLiteral("/account.key"), 64 * 1024);
    if (!data)
        return data.error();
    SecureBytes pem(std::move(*data));
    return crypto::PrivateKey::fromPem(pem.bytes());
}

Status KeyVault::removeAccountKey(const QString& accountId) {
    if (auto s = checkName(accountId); !s)
        return s;
    QDir dir(m_root + QStringLiteral("/accounts/") + accountId);
    if (dir.exists() && !dir.removeRecursively())
        return Error(ErrorCode::Io, QObject::tr("Cannot remove %1.").arg(dir.path()));
    return {};
}

QString KeyVault::pendingKeyPath(const QString& lineage) const {
    return m_root + QStringLiteral("/pending/") + lineage + QStringLiteral(".pem");
}

Result<QString> KeyVault::savePendingKey(const QString& lineage, const crypto::PrivateKey& key) {
    if (auto s = checkName(lineage); !s)
        return s.error();
    for (const QString& d : {m_root, m_root + QStringLiteral("/pending")}) {
        if (auto s = makeDirectory(d, 0700); !s)
            return s.error();
    }
    auto pem = key.toPem();
    if (!pem)
        return pem.error();
    const QString path = pendingKeyPath(lineage);
    if (auto s = writeFileAtomic(path, pem->bytes(), 0600); !s)
        return s.error();
    return path;
}

Result<crypto::PrivateKey> KeyVault::loadPendingKey(const QString& lineage) const {
    if (auto s = checkName(lineage); !s)
        return s.error();
    auto data = readBounded(pendingKeyPath(lineage), 64 * 1024);
    // Certdeck 0.x before 2026-12 kept it as pending/<lineage>/privkey.pem.
    if (!data && data.error().code == ErrorCode::NotFound)
        data = readBounded(m_root + QStringLiteral("/pending/") + lineage + QStringLiteral("/privkey.pem"), 64 * 1024);
    if (!data)
        return data.error();
    SecureBytes pem(std::move(*data));
    return crypto::PrivateKey::fromPem(pem.bytes());
}

Status KeyVault::removePendingKey(const QString& lineage) {
    if (auto s = checkName(lineage); !s)
        return s;
    const QByteArray path = QFile::encodeName(pendingKeyPath(lineage));
    if (::unlink(path.constData()) != 0 && errno != ENOENT)
        return Error(ErrorCode::Io, QObject::tr("Cannot remove %1.").arg(pendingKeyPath(lineage)),
                     QString::fromLocal8Bit(strerror(errno)));
    QDir legacy(m_root + QStringLiteral("/pending/") + lineage);
    if (legacy.exists() && !legacy.removeRecursively())
        return Error(ErrorCode::Io, QObject::tr("Cannot remove %1.").arg(legacy.path()));
    return {};
}

} // namespace certdeck::store
