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
#include <QSet>

#include <algorithm>
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

/// What archive/<lineage>/ holds: the highest version number of any file, and the versions that have
/// a key but no certificate (a pending order's key, or a store interrupted after its key).
struct ArchiveScan {
    int highest = 0;
    QList<int> keyOnly; ///< ascending
    /// The version savePendingKey() reserved: the newest, if it has only a key (0: none).
    [[nodiscard]] int pendingVersion() const { return !keyOnly.isEmpty() && keyOnly.last() == highest ? highest : 0; }
};

ArchiveScan scanArchive(const QString& dir) {
    static const QRegularExpression re(QStringLiteral("^([a-z]+)(\\d+)\\.pem$"));
    ArchiveScan out;
    QSet<int> keys;
    QSet<int> certs;
    for (const QString& f : QDir(dir).entryList(QDir::Files)) {
        const auto m = re.match(f);
        if (!m.hasMatch())
            continue;
        const int n = m.captured(2).toInt();
        out.highest = std::max(out.highest, n);
        if (m.captured(1) == QLatin1String("privkey"))
            keys.insert(n);
        else if (m.captured(1) == QLatin1String("cert"))
            certs.insert(n);
    }
    for (const int n : std::as_const(keys)) {
        if (!certs.contains(n))
            out.keyOnly << n;
    }
    std::sort(out.keyOnly.begin(), out.keyOnly.end());
    return out;
}

QString keyFile(const QString& archiveDir, int version) {
    return archiveDir + QStringLiteral("/privkey") + QString::number(version) + QStringLiteral(".pem");
}

/// unlink(2); a file already gone is success.
Status removeFile(const QString& path) {
    if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT)
        return Error(ErrorCode::Io, QObject::tr("Cannot remove %1.").arg(path),
                     QString::fromLocal8Bit(strerror(errno)));
    return {};
}

Result<crypto::PrivateKey> readKey(const QString& path) {
    auto data = readBounded(path, 64 * 1024);
    if (!data)
        return data.error();
    SecureBytes pem(std::move(*data));
    return crypto::PrivateKey::fromPem(pem.bytes());
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
    // The next free number: past every file in the archive, so an interrupted store never reuses one;
    // except the version savePendingKey() reserved with this very key, whose key file is already there.
    const ArchiveScan scan = scanArchive(archiveDir(lineage));
    int version = scan.highest + 1;
    bool keyWritten = false;
    if (const int pending = scan.pendingVersion(); pending > 0) {
        auto pendingKey = readKey(keyFile(archiveDir(lineage), pending));
        if (pendingKey && pendingKey->sameKeyAs(key)) {
            version = pending;
            keyWritten = true;
        }
    }
    const QByteArray leaf = chain.first().toPem();
    const QByteArray rest = crypto::Certificate::chainToPem(chain.mid(1));
    const QString n = QString::number(version);
    const QString archive = archiveDir(lineage) + QLatin1Char('/');
    if (!keyWritten) {
        auto keyPem = key.toPem();
        if (!keyPem)
            return keyPem.error();
        if (auto s = writeFileAtomic(keyFile(archiveDir(lineage), version), keyPem->bytes(), 0600); !s)
            return s.error();
    }
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
    return readKey(livePath(lineage, QStringLiteral("privkey.pem")));
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
    return readKey(m_root + QStringLiteral("/accounts/") + accountId + QStringLiteral("/account.key"));
}

Status KeyVault::removeAccountKey(const QString& accountId) {
    if (auto s = checkName(accountId); !s)
        return s;
    QDir dir(m_root + QStringLiteral("/accounts/") + accountId);
    if (dir.exists() && !dir.removeRecursively())
        return Error(ErrorCode::Io, QObject::tr("Cannot remove %1.").arg(dir.path()));
    return {};
}

QString KeyVault::legacyPendingKeyPath(const QString& lineage, bool folder) const {
    return m_root + QStringLiteral("/pending/") + lineage +
           (folder ? QStringLiteral("/privkey.pem") : QStringLiteral(".pem"));
}

Result<QString> KeyVault::savePendingKey(const QString& lineage, const crypto::PrivateKey& key) {
    if (auto s = checkName(lineage); !s)
        return s.error();
    if (auto s = prepare(lineage); !s)
        return s.error();
    auto pem = key.toPem();
    if (!pem)
        return pem.error();
    // The next version's key file, past every file there: store() then finds it and writes only the
    // certificates beside it. Never over an existing file.
    const QString path = keyFile(archiveDir(lineage), scanArchive(archiveDir(lineage)).highest + 1);
    if (auto s = writeFileAtomic(path, pem->bytes(), 0600); !s)
        return s.error();
    return path;
}

Result<crypto::PrivateKey> KeyVault::loadPendingKey(const QString& lineage) const {
    if (auto s = checkName(lineage); !s)
        return s.error();
    if (const int pending = scanArchive(archiveDir(lineage)).pendingVersion(); pending > 0)
        return readKey(keyFile(archiveDir(lineage), pending));
    // Kept by Certdeck before 2026-12 under pending/.
    for (const bool folder : {false, true}) {
        auto key = readKey(legacyPendingKeyPath(lineage, folder));
        if (key || key.error().code != ErrorCode::NotFound)
            return key;
    }
    return Error(ErrorCode::NotFound, QObject::tr("No key is kept for an order of %1.").arg(lineage));
}

Status KeyVault::removePendingKey(const QString& lineage) {
    if (auto s = checkName(lineage); !s)
        return s;
    // Every key without its certificate: a pending order's, or one left by an interrupted store.
    // None is live (links switch only once a version's certificates are written).
    const QString archive = archiveDir(lineage);
    for (const int n : scanArchive(archive).keyOnly) {
        if (auto s = removeFile(keyFile(archive, n)); !s)
            return s;
    }
    if (auto s = removeFile(legacyPendingKeyPath(lineage, false)); !s)
        return s;
    QDir legacy(m_root + QStringLiteral("/pending/") + lineage);
    if (legacy.exists() && !legacy.removeRecursively())
        return Error(ErrorCode::Io, QObject::tr("Cannot remove %1.").arg(legacy.path()));
    return {};
}

} // namespace certdeck::store
