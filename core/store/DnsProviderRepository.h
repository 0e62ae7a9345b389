// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace certdeck::store {

class Database;

/// A DNS provider configuration (zone, API endpoint, TSIG key name …). Its API token or TSIG secret
/// is in Secrets under secretKey(); save() refuses settings that look like a secret.
struct DnsProviderRecord {
    qint64 id = 0;
    QString name;
    QString kind; ///< rfc2136, powerdns, cloudflare, hook, manual …
    QJsonObject settings;
    QDateTime createdAt;

    [[nodiscard]] QString secretKey() const { return QStringLiteral("dns/") + name; }
};

class DnsProviderRepository {
public:
    explicit DnsProviderRepository(Database& db)
        : m_db(db) {}
    /// Inserts or updates by name. InvalidInput when a setting is named like a secret (token, secret,
    /// password, key material): those belong in Secrets.
    Result<qint64> save(const DnsProviderRecord& provider);
    Result<DnsProviderRecord> byName(const QString& name);
    Result<QList<DnsProviderRecord>> all();
    Status remove(const QString& name);

private:
    Database& m_db;
};

} // namespace certdeck::store
