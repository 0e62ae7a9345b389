// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/NotifierRepository.h"

#include "core/store/Database.h"
#include "core/store/internal/SqlSupport.h"

#include <QObject>
#include <QRegularExpression>

namespace certdeck::store {

using namespace internal;

namespace {
const QString kSelect = QStringLiteral("SELECT id, name, kind, settings, enabled, created_at FROM notifiers");
NotifierRecord fromRow(const QSqlQuery& q) {
    NotifierRecord n;
    n.id = q.value(0).toLongLong();
    n.name = q.value(1).toString();
    n.kind = q.value(2).toString();
    n.settings = jsonObject(q.value(3).toString());
    n.enabled = q.value(4).toInt() != 0;
    n.createdAt = timeFrom(q.value(5).toString());
    return n;
}
} // namespace

Result<qint64> NotifierRepository::save(const NotifierRecord& n) {
    // Secrets never reach SQLite: not a password, and not a webhook URL (its path is the credential).
    static const QRegularExpression secretish(QStringLiteral("(token|secret|password|passphrase|url)"),
                                              QRegularExpression::CaseInsensitiveOption);
    for (auto it = n.settings.begin(); it != n.settings.end(); ++it) {
        if (secretish.match(it.key()).hasMatch())
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("The notification setting '%1' is a secret: keep it in the keychain, not in "
                                     "the settings.")
                             .arg(it.key()));
    }
    if (n.kind != QLatin1String("webhook") && n.kind != QLatin1String("smtp"))
        return Error(ErrorCode::InvalidInput, QObject::tr("Notifications go to a webhook or by e-mail (smtp)."));
    auto q = m_db.exec(QStringLiteral("INSERT INTO notifiers (name, kind, settings, enabled, created_at) VALUES (?, ?, "
                                      "?, ?, ?) ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, settings = "
                                      "excluded.settings, enabled = excluded.enabled RETURNING id"),
                       {n.name, n.kind, jsonText(n.settings), n.enabled ? 1 : 0,
                        timeText(n.createdAt.isValid() ? n.createdAt : QDateTime::currentDateTimeUtc())});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::Store, QObject::tr("Saving the notification settings failed."));
    return q->value(0).toLongLong();
}

Result<NotifierRecord> NotifierRepository::byName(const QString& name) {
    auto q = m_db.exec(kSelect + QStringLiteral(" WHERE name = ?"), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, QObject::tr("No notification target named '%1'.").arg(name));
    return fromRow(*q);
}

Result<QList<NotifierRecord>> NotifierRepository::all() {
    auto q = m_db.exec(kSelect + QStringLiteral(" ORDER BY name"));
    if (!q)
        return q.error();
    QList<NotifierRecord> list;
    while (q->next())
        list << fromRow(*q);
    return list;
}

Status NotifierRepository::remove(const QString& name) {
    auto q = m_db.exec(QStringLiteral("DELETE FROM notifiers WHERE name = ? RETURNING id"), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, QObject::tr("No notification target named '%1'.").arg(name));
    return {};
}

} // namespace certdeck::store
