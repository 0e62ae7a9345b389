// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>

namespace certdeck::store {

class Database;

/// One ACME account per CA directory URL. The account key is not here: it is a file in the KeyVault.
struct AccountRecord {
    qint64 id = 0;
    QUrl directoryUrl;
    QUrl accountUrl;       ///< empty until registered/found
    QJsonObject directory; ///< the CA's directory document as last fetched
    QDateTime directoryFetchedAt;
    QStringList contact;
    QDateTime createdAt;
};

/// Reads and writes accounts. Same thread as its Database.
class AccountRepository {
public:
    explicit AccountRepository(Database& db)
        : m_db(db) {}
    /// NotFound when there is no account for this CA yet.
    Result<AccountRecord> find(const QUrl& directoryUrl);
    Result<QList<AccountRecord>> all();
    /// Inserts or updates (keyed by directory URL); returns the id.
    Result<qint64> save(const AccountRecord& record);
    Status remove(const QUrl& directoryUrl);

private:
    Database& m_db;
};

} // namespace certdeck::store
