// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/LineageRepository.h"

#include "core/store/Database.h"
#include "core/store/internal/SqlSupport.h"

#include <QJsonDocument>
#include <QObject>
#include <QRegularExpression>

namespace certdeck::store {

using namespace internal;

namespace {
const QString kColumns = QStringLiteral(
    "id, name, names, directory_url, key_type, profile, preferred_chain, challenge, deploy_targets, auto_renew, "
    "created_at, updated_at, next_attempt_at, failure_count, authz_failure_count, paused_reason, ari_checked_at, "
    "ari_window_start, ari_window_end, ari_retry_after, last_notified_expiry_days");

Lineage fromRow(const QSqlQuery& q) {
    Lineage l;
    l.id = q.value(0).toLongLong();
    l.name = q.value(1).toString();
    l.names = jsonStringList(q.value(2).toString());
    l.directoryUrl = QUrl(q.value(3).toString());
    l.keyType = q.value(4).toString();
    l.profile = q.value(5).toString();
    l.preferredChain = q.value(6).toString();
    l.challenge = jsonObject(q.value(7).toString());
    l.deployTargets = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).array();
    l.autoRenew = q.value(9).toInt() != 0;
    l.createdAt = timeFrom(q.value(10).toString());
    l.updatedAt = timeFrom(q.value(11).toString());
    l.nextAttemptAt = timeFrom(q.value(12).toString());
    l.failureCount = q.value(13).toInt();
    l.authzFailureCount = q.value(14).toInt();
    l.pausedReason = q.value(15).toString();
    l.ariCheckedAt = timeFrom(q.value(16).toString());
    l.ariWindowStart = timeFrom(q.value(17).toString());
    l.ariWindowEnd = timeFrom(q.value(18).toString());
    l.ariRetryAfter = timeFrom(q.value(19).toString());
    l.lastNotifiedExpiryDays = q.value(20).toInt();
    return l;
}

QVariantList stateBinds(const Lineage& l) {
    return {timeText(l.nextAttemptAt), l.failureCount,
            l.authzFailureCount,       l.pausedReason,
            timeText(l.ariCheckedAt),  timeText(l.ariWindowStart),
            timeText(l.ariWindowEnd),  timeText(l.ariRetryAfter),
            l.lastNotifiedExpiryDays};
}
} // namespace

bool Lineage::isValidName(const QString& name) {
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,99}$"));
    return re.match(name).hasMatch() && !name.contains(QLatin1String(".."));
}

QString Lineage::nameFor(const QString& firstIdentifier) {
    QString n = firstIdentifier.toLower();
    if (n.startsWith(QLatin1String("*.")))
        n = QStringLiteral("wildcard.") + n.mid(2);
    n.replace(QRegularExpression(QStringLiteral("[^a-z0-9._-]")), QStringLiteral("_"));
    return n.left(100);
}

Status LineageRepository::insert(Lineage& l) {
    if (!Lineage::isValidName(l.name))
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("'%1' cannot be a certificate name: use lower-case letters, digits, '.', '-' and '_'.")
                         .arg(l.name));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!l.createdAt.isValid())
        l.createdAt = now;
    l.updatedAt = now;
    QVariantList binds{l.name,
                       jsonText(l.names),
                       l.directoryUrl.toString(),
                       l.keyType,
                       l.profile,
                       l.preferredChain,
                       jsonText(l.challenge),
                       jsonText(l.deployTargets),
                       l.autoRenew ? 1 : 0,
                       timeText(l.createdAt),
                       timeText(l.updatedAt)};
    binds += stateBinds(l);
    auto q = m_db.exec(QStringLiteral("INSERT INTO lineages (") + kColumns.section(QStringLiteral(", "), 1) +
                           QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                          "RETURNING id"),
                       binds);
    if (!q) {
        if (q.error().detail.contains(QLatin1String("UNIQUE")))
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("A certificate named '%1' exists already: choose another name.").arg(l.name));
        return q.error();
    }
    if (!q->next())
        return Error(ErrorCode::Store, QObject::tr("Saving the certificate settings failed."));
    l.id = q->value(0).toLongLong();
    return {};
}

Status LineageRepository::update(const Lineage& l) {
    QVariantList binds{jsonText(l.names),
                       l.directoryUrl.toString(),
                       l.keyType,
                       l.profile,
                       l.preferredChain,
                       jsonText(l.challenge),
                       jsonText(l.deployTargets),
                       l.autoRenew ? 1 : 0,
                       timeText(QDateTime::currentDateTimeUtc())};
    binds += stateBinds(l);
    binds << l.id;
    auto q = m_db.exec(
        QStringLiteral("UPDATE lineages SET names = ?, directory_url = ?, key_type = ?, profile = ?, "
                       "preferred_chain = ?, challenge = ?, deploy_targets = ?, auto_renew = ?, updated_at = ?, "
                       "next_attempt_at = ?, failure_count = ?, authz_failure_count = ?, paused_reason = ?, "
                       "ari_checked_at = ?, ari_window_start = ?, ari_window_end = ?, ari_retry_after = ?, "
                       "last_notified_expiry_days = ? WHERE id = ?"),
        binds);
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error(ErrorCode::NotFound, QObject::tr("The certificate '%1' no longer exists.").arg(l.name));
    return {};
}

Result<Lineage> LineageRepository::byName(const QString& name) {
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM lineages WHERE name = ?"), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::NotFound,
                     QObject::tr("No certificate named '%1': 'certdeck-cli list' shows the names.").arg(name));
    return fromRow(*q);
}

Result<Lineage> LineageRepository::byId(qint64 id) {
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM lineages WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, QObject::tr("No certificate with id %1.").arg(id));
    return fromRow(*q);
}

Result<QList<Lineage>> LineageRepository::all() {
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM lineages ORDER BY name"));
    if (!q)
        return q.error();
    QList<Lineage> list;
    while (q->next())
        list << fromRow(*q);
    return list;
}

Result<QList<LineageSummary>> LineageRepository::summaries() {
    // The latest version per lineage through the (lineage_id, version) index, without reading PEMs.
    auto q = m_db.exec(QStringLiteral(
        "SELECT l.id, l.name, l.names, l.auto_renew, l.paused_reason, l.failure_count, c.not_before, c.not_after, "
        "c.issuer, c.version FROM lineages l LEFT JOIN certificates c ON c.id = "
        "(SELECT id FROM certificates WHERE lineage_id = l.id ORDER BY version DESC LIMIT 1) ORDER BY l.name"));
    if (!q)
        return q.error();
    QList<LineageSummary> list;
    while (q->next()) {
        LineageSummary s;
        s.id = q->value(0).toLongLong();
        s.name = q->value(1).toString();
        s.names = jsonStringList(q->value(2).toString());
        s.autoRenew = q->value(3).toInt() != 0;
        s.pausedReason = q->value(4).toString();
        s.failureCount = q->value(5).toInt();
        s.notBefore = timeFrom(q->value(6).toString());
        s.notAfter = timeFrom(q->value(7).toString());
        s.issuer = q->value(8).toString();
        s.version = q->value(9).toInt();
        list << s;
    }
    return list;
}

Status LineageRepository::remove(const QString& name) {
    auto q = m_db.exec(QStringLiteral("DELETE FROM lineages WHERE name = ?"), {name});
    if (!q)
        return q.error();
    return {};
}

} // namespace certdeck::store
