// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/PendingOrderRepository.h"

#include "core/store/Database.h"
#include "core/store/internal/SqlSupport.h"

namespace certdeck::store {

using namespace internal;

Status PendingOrderRepository::save(const PendingOrder& o) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto q = m_db.exec(
        QStringLiteral(
            "INSERT INTO pending_orders (lineage_id, order_url, directory_url, names, key_file, stage, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(lineage_id) DO UPDATE SET "
            "order_url = excluded.order_url, directory_url = excluded.directory_url, names = excluded.names, "
            "key_file = excluded.key_file, stage = excluded.stage, updated_at = excluded.updated_at"),
        {o.lineageId, o.orderUrl.toString(), o.directoryUrl.toString(), jsonText(o.names), o.keyFile, o.stage,
         timeText(o.createdAt.isValid() ? o.createdAt : now), timeText(o.updatedAt.isValid() ? o.updatedAt : now)});
    if (!q)
        return q.error();
    return {};
}

Result<std::optional<PendingOrder>> PendingOrderRepository::find(qint64 lineageId) {
    auto q =
        m_db.exec(QStringLiteral("SELECT lineage_id, order_url, directory_url, names, key_file, stage, created_at, "
                                 "updated_at FROM pending_orders WHERE lineage_id = ?"),
                  {lineageId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<PendingOrder>();
    PendingOrder o;
    o.lineageId = q->value(0).toLongLong();
    o.orderUrl = QUrl(q->value(1).toString());
    o.directoryUrl = QUrl(q->value(2).toString());
    o.names = jsonStringList(q->value(3).toString());
    o.keyFile = q->value(4).toString();
    o.stage = q->value(5).toString();
    o.createdAt = timeFrom(q->value(6).toString());
    o.updatedAt = timeFrom(q->value(7).toString());
    return std::optional<PendingOrder>(o);
}

Status PendingOrderRepository::remove(qint64 lineageId) {
    auto q = m_db.exec(QStringLiteral("DELETE FROM pending_orders WHERE lineage_id = ?"), {lineageId});
    if (!q)
        return q.error();
    return {};
}

} // namespace certdeck::store
