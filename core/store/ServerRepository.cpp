// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/ServerRepository.h"

#include "core/store/Database.h"
#include "core/store/internal/SqlSupport.h"

#include <QObject>

namespace certdeck::store {

using namespace internal;

namespace {
const QString kSelect = QStringLiteral(
    "SELECT id, name, host, port, user_name, auth_method, host_key_fingerprint, created_at, identity_file, use_agent, "
    "ssh_config FROM servers");
ServerRecord fromRow(const QSqlQuery& q) {
    ServerRecord s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.host = q.value(2).toString();
    s.port = q.value(3).toInt();
    s.userName = q.value(4).toString();
    s.authMethod = q.value(5).toString();
    s.hostKeyFingerprint = q.value(6).toString();
    s.createdAt = timeFrom(q.value(7).toString());
    s.identityFile = q.value(8).toString();
    s.useAgent = q.value(9).toInt() != 0;
    s.sshConfig = q.value(10).toInt() != 0;
    return s;
}
} // namespace

Result<qint64> ServerRepository::save(const ServerRecord& s) {
    auto q = m_db.exec(
        QStringLiteral("INSERT INTO servers (name, host, port, user_name, auth_method, host_key_fingerprint, "
                       "created_at, identity_file, use_agent, ssh_config) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT(name) DO UPDATE SET host = excluded.host, port = excluded.port, "
                       "user_name = excluded.user_name, auth_method = excluded.auth_method, "
                       "host_key_fingerprint = excluded.host_key_fingerprint, identity_file = excluded.identity_file, "
                       "use_agent = excluded.use_agent, ssh_config = excluded.ssh_config RETURNING id"),
        {s.name, s.host, s.port, s.userName, s.authMethod, s.hostKeyFingerprint,
         timeText(s.createdAt.isValid() ? s.createdAt : QDateTime::currentDateTimeUtc()), s.identityFile,
         s.useAgent ? 1 : 0, s.sshConfig ? 1 : 0});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::Store, QObject::tr("Saving the server failed."));
    return q->value(0).toLongLong();
}

Result<ServerRecord> ServerRepository::byName(const QString& name) {
    auto q = m_db.exec(kSelect + QStringLiteral(" WHERE name = ?"), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, QObject::tr("No server named '%1'.").arg(name));
    return fromRow(*q);
}

Result<QList<ServerRecord>> ServerRepository::all() {
    auto q = m_db.exec(kSelect + QStringLiteral(" ORDER BY name"));
    if (!q)
        return q.error();
    QList<ServerRecord> list;
    while (q->next())
        list << fromRow(*q);
    return list;
}

Status ServerRepository::remove(const QString& name) {
    auto q = m_db.exec(QStringLiteral("DELETE FROM servers WHERE name = ?"), {name});
    if (!q)
        return q.error();
    return {};
}

} // namespace certdeck::store
