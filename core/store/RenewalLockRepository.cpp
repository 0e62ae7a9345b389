// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/RenewalLockRepository.h"

#include "core/store/Database.h"
#include "core/store/internal/SqlSupport.h"

#include <QCoreApplication>
#include <QObject>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

namespace certdeck::store {

using namespace internal;

QString RenewalLockRepository::processOwner() {
    return QSysInfo::machineHostName() + QLatin1Char(':') + QString::number(QCoreApplication::applicationPid());
}

bool RenewalLockRepository::ownerIsGone(const QString& owner) {
    const qsizetype colon = owner.lastIndexOf(QLatin1Char(':'));
    if (colon < 0 || owner.left(colon) != QSysInfo::machineHostName())
        return false; // another machine sharing the folder: only the expiry time can free it
    bool ok = false;
    const qint64 pid = owner.mid(colon + 1).toLongLong(&ok);
    if (!ok || pid <= 0)
        return true;
    return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

Result<std::optional<RenewalLock>> RenewalLockRepository::find(qint64 lineageId) {
    auto q = m_db.exec(QStringLiteral("SELECT lineage_id, owner, acquired_at, expires_at, order_url FROM renewal_locks "
                                      "WHERE lineage_id = ?"),
                       {lineageId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<RenewalLock>();
    RenewalLock l;
    l.lineageId = q->value(0).toLongLong();
    l.owner = q->value(1).toString();
    l.acquiredAt = timeFrom(q->value(2).toString());
    l.expiresAt = timeFrom(q->value(3).toString());
    l.orderUrl = QUrl(q->value(4).toString());
    return std::optional<RenewalLock>(l);
}

Result<RenewalLockRepository::Acquired> RenewalLockRepository::acquire(qint64 lineageId, const QString& owner,
                                                                       const QDateTime& now, qint64 ttlSeconds) {
    Acquired acquired;
    const Status s = m_db.transaction([&]() -> Status {
        auto existing = find(lineageId);
        if (!existing)
            return existing.error();
        if (existing->has_value()) {
            const RenewalLock& held = **existing;
            const bool expired = held.expiresAt.isValid() && held.expiresAt <= now;
            if (held.owner != owner && !expired && !ownerIsGone(held.owner))
                return Error(
                    ErrorCode::Busy,
                    QObject::tr("This certificate is being renewed by another Certdeck process (%1).").arg(held.owner));
            if (held.owner != owner)
                acquired.stale = held;
        }
        auto q = m_db.exec(QStringLiteral("INSERT INTO renewal_locks (lineage_id, owner, acquired_at, expires_at, "
                                          "order_url) VALUES (?, ?, ?, ?, ?) ON CONFLICT(lineage_id) DO UPDATE SET "
                                          "owner = excluded.owner, acquired_at = excluded.acquired_at, "
                                          "expires_at = excluded.expires_at, order_url = excluded.order_url"),
                           {lineageId, owner, timeText(now), timeText(now.addSecs(ttlSeconds)),
                            acquired.stale ? acquired.stale->orderUrl.toString() : QString()});
        if (!q)
            return q.error();
        return {};
    });
    if (!s)
        return s.error();
    return acquired;
}

Status RenewalLockRepository::setOrderUrl(qint64 lineageId, const QString& owner, const QUrl& orderUrl) {
    auto q = m_db.exec(QStringLiteral("UPDATE renewal_locks SET order_url = ? WHERE lineage_id = ? AND owner = ?"),
                       {orderUrl.toString(), lineageId, owner});
    if (!q)
        return q.error();
    return {};
}

Status RenewalLockRepository::release(qint64 lineageId, const QString& owner) {
    auto q =
        m_db.exec(QStringLiteral("DELETE FROM renewal_locks WHERE lineage_id = ? AND owner = ?"), {lineageId, owner});
    if (!q)
        return q.error();
    return {};
}

} // namespace certdeck::store
