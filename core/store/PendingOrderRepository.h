// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace certdeck::store {

class Database;

/// An ACME order placed for a lineage and not yet turned into a stored certificate. Written when the
/// order exists and again (with the key file) just before finalize, so that after a crash the next
/// run asks the CA about this order instead of placing a second one (RFC 8555 §7.1.3 order states).
/// The key itself is a KeyVault file (0600), never a column.
struct PendingOrder {
    qint64 lineageId = 0;
    QUrl orderUrl;
    QUrl directoryUrl;
    QStringList names;
    /// KeyVault file of the key made for this order's CSR; empty until finalize is near.
    QString keyFile;
    /// "created" (authorizations under way) or "finalizing" (the CSR is, or is about to be, sent).
    QString stage = QStringLiteral("created");
    QDateTime createdAt;
    QDateTime updatedAt;
};

/// Reads and writes pending orders (one per lineage at most). Same thread as its Database.
class PendingOrderRepository {
public:
    explicit PendingOrderRepository(Database& db)
        : m_db(db) {}
    /// Inserts or replaces the lineage's pending order.
    Status save(const PendingOrder& order);
    Result<std::optional<PendingOrder>> find(qint64 lineageId);
    /// Forgetting an order that is not there is not an error.
    Status remove(qint64 lineageId);

private:
    Database& m_db;
};

} // namespace certdeck::store
