// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/AccountRepository.h"

#include "core/store/Database.h"
#include "core/store/internal/SqlSupport.h"

#include <QObject>

namespace certdeck::store {

using namespace internal;

namespace {
const QString kColumns =
    QStringLiteral("id, directory_url, account_url, directory_json, directory_fetched_at, contact, created_at");

AccountRecord fromRow(const QSqlQuery& q) {
    AccountRecord r;
    r.id = q.value(0).toLongLong();
    r.directoryUrl = QUrl(q.value(1).toString());
    r.accountUrl = QUrl(q.value(2).toString());
    r.directory = jsonObject(q.value(3).toString());
    r.directoryFetchedAt = timeFrom(q.value(4).toString());
    r.contact = jsonStringList(q.value(5).toString());
    r.createdAt = timeFrom(q.value(6).toString());
    return r;
}
} // namespace

Result<AccountRecord> AccountRepository::find(const QUrl& directoryUrl) {
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM accounts WHERE directory_url = ?"),
                       {directoryUrl.toString()});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, QObject::tr("No account for %1 yet.").arg(directoryUrl.toDisplayString()));
    return fromRow(*q);
}

Result<QList<AccountRecord>> AccountRepository::all() {
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM accounts ORDER BY id"));
    if (!q)
        return q.error();
    QList<AccountRecord> list;
    while (q->next())
        list << fromRow(*q);
    return list;
}

Result<qint64> AccountRepository::save(const AccountRecord& r) {
    const QDateTime created = r.createdAt.isValid() ? r.createdAt : QDateTime::currentDateTimeUtc();
    auto q = m_db.exec(
        QStringLiteral("INSERT INTO accounts (directory_url, account_url, directory_json, directory_fetched_at, "
                       "contact, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(directory_url) DO UPDATE SET "
                       "account_url = excluded.account_url, directory_json = excluded.directory_json, "
                       "directory_fetched_at = excluded.directory_fetched_at, contact = excluded.contact "
                       "RETURNING id"),
        {r.directoryUrl.toString(), r.accountUrl.toString(), jsonText(r.directory), timeText(r.directoryFetchedAt),
         jsonText(r.contact), timeText(created)});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::Store, QObject::tr("Saving the account failed."));
    return q->value(0).toLongLong();
}

Status AccountRepository::remove(const QUrl& directoryUrl) {
    auto q = m_db.exec(QStringLiteral("DELETE FROM accounts WHERE directory_url = ?"), {directoryUrl.toString()});
    if (!q)
        return q.error();
    return {};
}

} // namespace certdeck::store
