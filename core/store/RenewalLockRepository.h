// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

namespace certdeck::store {

class Database;

/// The row that makes "never two orders for the same lineage at once" hold across processes (the GUI
/// and a timer-started CLI): whoever holds it may have an order in flight, whose URL it records so a
/// successor can resume it after a crash.
struct RenewalLock {
    qint64 lineageId = 0;
    QString owner; ///< "<host>:<pid>"
    QDateTime acquiredAt;
    QDateTime expiresAt;
    QUrl orderUrl;
};

class RenewalLockRepository {
public:
    explicit RenewalLockRepository(Database& db)
        : m_db(db) {}

    struct Acquired {
        /// The lock a dead or expired owner left behind (its order may be resumed), if any.
        std::optional<RenewalLock> stale;
    };

    /// Takes the lock for `lineageId` atomically (BEGIN IMMEDIATE). Busy when another live owner holds
    /// it; a lock whose owner process is gone (same host) or whose time ran out is taken over.
    Result<Acquired> acquire(qint64 lineageId, const QString& owner, const QDateTime& now, qint64 ttlSeconds);
    Status setOrderUrl(qint64 lineageId, const QString& owner, const QUrl& orderUrl);
    /// Releases the lock if `owner` holds it.
    Status release(qint64 lineageId, const QString& owner);
    Result<std::optional<RenewalLock>> find(qint64 lineageId);

    /// This process as a lock owner: "<host>:<pid>".
    static QString processOwner();
    /// Whether the owner named is a process on this host that no longer runs.
    static bool ownerIsGone(const QString& owner);

private:
    Database& m_db;
};

} // namespace certdeck::store
