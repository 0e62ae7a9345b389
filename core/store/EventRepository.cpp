// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/EventRepository.h"

#include "core/store/Database.h"
#include "core/store/internal/SqlSupport.h"

namespace certdeck::store {

using namespace internal;

EventRecord EventRecord::failure(const QString& kind, const QString& subject, const Error& error, qint64 lineageId) {
    EventRecord e;
    e.kind = kind;
    e.subject = subject;
    e.lineageId = lineageId;
    e.message = error.toString();
    e.errorCode = errorCodeName(error.code);
    e.errorDetail = error.detail;
    return e;
}

Status EventRepository::append(EventRecord& e) {
    if (!e.at.isValid())
        e.at = QDateTime::currentDateTimeUtc();
    auto q = m_db.exec(QStringLiteral("INSERT INTO events (at, kind, lineage_id, subject, message, error_code, "
                                      "error_detail, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                       {timeText(e.at), e.kind, e.lineageId > 0 ? QVariant(e.lineageId) : QVariant(), e.subject,
                        e.message, e.errorCode, e.errorDetail, jsonText(e.data)});
    if (!q)
        return q.error();
    if (q->next())
        e.id = q->value(0).toLongLong();
    return {};
}

Result<QList<EventRecord>> EventRepository::recent(int limit, qint64 lineageId, const QDateTime& since) {
    QString sql = QStringLiteral("SELECT id, at, kind, lineage_id, subject, message, error_code, error_detail, data "
                                 "FROM events WHERE 1 = 1");
    QVariantList binds;
    if (lineageId > 0) {
        sql += QStringLiteral(" AND lineage_id = ?");
        binds << lineageId;
    }
    if (since.isValid()) {
        sql += QStringLiteral(" AND at >= ?");
        binds << timeText(since);
    }
    sql += QStringLiteral(" ORDER BY at DESC, id DESC LIMIT ?");
    binds << limit;
    auto q = m_db.exec(sql, binds);
    if (!q)
        return q.error();
    QList<EventRecord> list;
    while (q->next()) {
        EventRecord e;
        e.id = q->value(0).toLongLong();
        e.at = timeFrom(q->value(1).toString());
        e.kind = q->value(2).toString();
        e.lineageId = q->value(3).toLongLong();
        e.subject = q->value(4).toString();
        e.message = q->value(5).toString();
        e.errorCode = q->value(6).toString();
        e.errorDetail = q->value(7).toString();
        e.data = jsonObject(q->value(8).toString());
        list << e;
    }
    return list;
}

Result<int> EventRepository::count(const QString& kind) {
    auto q = kind.isEmpty() ? m_db.exec(QStringLiteral("SELECT COUNT(*) FROM events"))
                            : m_db.exec(QStringLiteral("SELECT COUNT(*) FROM events WHERE kind = ?"), {kind});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

} // namespace certdeck::store
