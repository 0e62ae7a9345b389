// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Store.h"

#include "core/common/AtomicFile.h"

#include <QFile>
#include <QStandardPaths>

namespace certdeck::store {

Store::Store(QString dataDir, std::unique_ptr<Database> db)
    : m_dataDir(std::move(dataDir))
    , m_db(std::move(db))
    , m_vault(m_dataDir)
    , m_accounts(*m_db)
    , m_lineages(*m_db)
    , m_certificates(*m_db)
    , m_servers(*m_db)
    , m_dnsProviders(*m_db)
    , m_endpoints(*m_db)
    , m_events(*m_db)
    , m_locks(*m_db)
    , m_pendingOrders(*m_db)
    , m_notifiers(*m_db)
    , m_settings(*m_db) {}

QString Store::defaultDataDir() {
    const QByteArray env = qgetenv("CERTDECK_DATA_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Result<std::unique_ptr<Store>> Store::open(const QString& dataDir) {
    return open(dataDir, Database::Options{});
}

Result<std::unique_ptr<Store>> Store::open(const QString& dataDir, const Database::Options& options) {
    if (dataDir.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("No data folder: give --data-dir DIR."));
    if (auto s = makeDirectory(dataDir, 0700); !s)
        return s.error();
    auto db = Database::open(dataDir + QStringLiteral("/certdeck.sqlite"), options);
    if (!db)
        return db.error();
    return std::unique_ptr<Store>(new Store(dataDir, std::move(*db)));
}

Secrets Store::secrets() const {
    QFile f(m_dataDir + QStringLiteral("/secrets-backend"));
    if (f.open(QIODevice::ReadOnly) && f.read(64).trimmed() == "file")
        return Secrets::file(m_dataDir + QStringLiteral("/secrets.json"));
    return Secrets::keychain();
}

Status Store::setSecretsBackend(Secrets::Backend backend) {
    return writeFileAtomic(m_dataDir + QStringLiteral("/secrets-backend"),
                           backend == Secrets::Backend::File ? QByteArray("file\n") : QByteArray("keychain\n"), 0600);
}

} // namespace certdeck::store
