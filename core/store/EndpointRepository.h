// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace certdeck::store {

class Database;

/// A TLS endpoint Certdeck watches (`certdeck-cli watch add`), including servers whose certificate
/// it did not issue, with what it served when last scanned.
struct EndpointRecord {
    qint64 id = 0;
    QString host;
    int port = 443;
    QString serverName; ///< SNI; empty: the host
    QDateTime createdAt;
    QDateTime lastScannedAt;
    QString lastSha256;
    QDateTime lastNotAfter;
    QString lastError;

    /// "host:port" (IPv6 in brackets), plus " (sni)" when the SNI differs.
    [[nodiscard]] QString display() const;
};

class EndpointRepository {
public:
    explicit EndpointRepository(Database& db)
        : m_db(db) {}
    /// Adds an endpoint; adding one that exists is not an error (returns its id).
    Result<qint64> add(const EndpointRecord& endpoint);
    Result<QList<EndpointRecord>> all();
    /// Records a scan result.
    Status updateScan(const EndpointRecord& endpoint);
    /// NotFound when no such endpoint is watched.
    Status remove(const QString& host, int port, const QString& serverName = {});

private:
    Database& m_db;
};

} // namespace certdeck::store
