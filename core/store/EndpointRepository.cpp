// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/EndpointRepository.h"

#include "core/store/Database.h"
#include "core/store/internal/SqlSupport.h"

#include <QObject>

namespace certdeck::store {

using namespace internal;

QString EndpointRecord::display() const {
    const QString h = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    QString s = h + QLatin1Char(':') + QString::number(port);
    if (!serverName.isEmpty() && serverName != host)
        s += QStringLiteral(" (") + serverName + QLatin1Char(')');
    return s;
}

Result<qint64> EndpointRepository::add(const EndpointRecord& e) {
    auto q = m_db.exec(QStringLiteral("INSERT INTO endpoints (host, port, server_name, created_at) VALUES (?, ?, ?, ?) "
                                      "ON CONFLICT(host, port, server_name) DO UPDATE SET host = excluded.host "
                                      "RETURNING id"),
                       {e.host.toLower(), e.port, e.serverName.toLower(),
                        timeText(e.createdAt.isValid() ? e.createdAt : QDateTime::currentDateTimeUtc())});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::Store, QObject::tr("Saving the endpoint failed."));
    return q->value(0).toLongLong();
}

Result<QList<EndpointRecord>> EndpointRepository::all() {
    auto q = m_db.exec(QStringLiteral("SELECT id, host, port, server_name, created_at, last_scanned_at, last_sha256, "
                                      "last_not_after, last_error FROM endpoints ORDER BY host, port, server_name"));
    if (!q)
        return q.error();
    QList<EndpointRecord> list;
    while (q->next()) {
        EndpointRecord e;
        e.id = q->value(0).toLongLong();
        e.host = q->value(1).toString();
        e.port = q->value(2).toInt();
        e.serverName = q->value(3).toString();
        e.createdAt = timeFrom(q->value(4).toString());
        e.lastScannedAt = timeFrom(q->value(5).toString());
        e.lastSha256 = q->value(6).toString();
        e.lastNotAfter = timeFrom(q->value(7).toString());
        e.lastError = q->value(8).toString();
        list << e;
    }
    return list;
}

Status EndpointRepository::updateScan(const EndpointRecord& e) {
    auto q = m_db.exec(QStringLiteral("UPDATE endpoints SET last_scanned_at = ?, last_sha256 = ?, last_not_after = ?, "
                                      "last_error = ? WHERE id = ?"),
                       {timeText(e.lastScannedAt), e.lastSha256, timeText(e.lastNotAfter), e.lastError, e.id});
    if (!q)
        return q.error();
    return {};
}

Status EndpointRepository::remove(const QString& host, int port, const QString& serverName) {
    auto q = m_db.exec(QStringLiteral("DELETE FROM endpoints WHERE host = ? AND port = ? AND server_name = ?"),
                       {host.toLower(), port, serverName.toLower()});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error(ErrorCode::NotFound, QObject::tr("%1:%2 is not watched.").arg(host).arg(port));
    return {};
}

} // namespace certdeck::store
