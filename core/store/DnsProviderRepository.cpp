// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/DnsProviderRepository.h"

#include "core/store/Database.h"
#include "core/store/internal/SqlSupport.h"

#include <QObject>
#include <QRegularExpression>

namespace certdeck::store {

using namespace internal;

namespace {
const QString kSelect = QStringLiteral("SELECT id, name, kind, settings, created_at FROM dns_providers");
DnsProviderRecord fromRow(const QSqlQuery& q) {
    DnsProviderRecord d;
    d.id = q.value(0).toLongLong();
    d.name = q.value(1).toString();
    d.kind = q.value(2).toString();
    d.settings = jsonObject(q.value(3).toString());
    d.createdAt = timeFrom(q.value(4).toString());
    return d;
}
} // namespace

Result<qint64> DnsProviderRepository::save(const DnsProviderRecord& d) {
    // A guard against a caller passing the token along with the settings: secrets never reach SQLite.
    static const QRegularExpression secretish(QStringLiteral("(token|secret|password|passphrase|apikey|api_key|hmac)"),
                                              QRegularExpression::CaseInsensitiveOption);
    for (auto it = d.settings.begin(); it != d.settings.end(); ++it) {
        if (secretish.match(it.key()).hasMatch())
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("The DNS provider setting '%1' is a secret: keep it in the keychain, not in "
                                     "the settings.")
                             .arg(it.key()));
    }
    auto q =
        m_db.exec(QStringLiteral("INSERT INTO dns_providers (name, kind, settings, created_at) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, settings = "
                                 "excluded.settings RETURNING id"),
                  {d.name, d.kind, jsonText(d.settings),
                   timeText(d.createdAt.isValid() ? d.createdAt : QDateTime::currentDateTimeUtc())});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::Store, QObject::tr("Saving the DNS provider failed."));
    return q->value(0).toLongLong();
}

Result<DnsProviderRecord> DnsProviderRepository::byName(const QString& name) {
    auto q = m_db.exec(kSelect + QStringLiteral(" WHERE name = ?"), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, QObject::tr("No DNS provider named '%1'.").arg(name));
    return fromRow(*q);
}

Result<QList<DnsProviderRecord>> DnsProviderRepository::all() {
    auto q = m_db.exec(kSelect + QStringLiteral(" ORDER BY name"));
    if (!q)
        return q.error();
    QList<DnsProviderRecord> list;
    while (q->next())
        list << fromRow(*q);
    return list;
}

Status DnsProviderRepository::remove(const QString& name) {
    auto q = m_db.exec(QStringLiteral("DELETE FROM dns_providers WHERE name = ?"), {name});
    if (!q)
        return q.error();
    return {};
}

} // namespace certdeck::store
