// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Error.h"
#include "core/common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace certdeck::store {

class Database;

/// One line of the activity log: what happened, when, to what, and the error if it failed.
struct EventRecord {
    qint64 id = 0;
    QDateTime at;
    QString kind; ///< issued, renewed, renewal-failed, expiring, deploy-failed, imported, revoked …
    qint64 lineageId = 0;
    QString subject; ///< the lineage or endpoint name
    QString message; ///< one line for people
    QString errorCode;
    QString errorDetail;
    QJsonObject data;

    [[nodiscard]] bool isFailure() const { return !errorCode.isEmpty(); }
    /// An event for a failure, carrying the error's code, message and detail.
    static EventRecord failure(const QString& kind, const QString& subject, const Error& error, qint64 lineageId = 0);
};

class EventRepository {
public:
    explicit EventRepository(Database& db)
        : m_db(db) {}
    /// Appends an event (time defaults to now); sets `event.id`.
    Status append(EventRecord& event);
    /// Newest first; `lineageId` > 0 restricts to one lineage; `since` valid restricts by time.
    Result<QList<EventRecord>> recent(int limit, qint64 lineageId = 0, const QDateTime& since = {});
    Result<int> count(const QString& kind = {});

private:
    Database& m_db;
};

} // namespace certdeck::store
