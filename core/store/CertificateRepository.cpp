// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/CertificateRepository.h"

#include "core/store/Database.h"
#include "core/store/internal/SqlSupport.h"

#include <QObject>

namespace certdeck::store {

using namespace internal;

namespace {
CertificateRecord fromRow(const QSqlQuery& q, bool withPem) {
    CertificateRecord r;
    r.id = q.value(0).toLongLong();
    r.lineageId = q.value(1).toLongLong();
    r.version = q.value(2).toInt();
    r.serial = q.value(3).toString();
    r.sha256 = q.value(4).toString();
    r.names = jsonStringList(q.value(5).toString());
    r.issuer = q.value(6).toString();
    r.notBefore = timeFrom(q.value(7).toString());
    r.notAfter = timeFrom(q.value(8).toString());
    r.source = q.value(9).toString();
    r.storedAt = timeFrom(q.value(10).toString());
    if (withPem)
        r.fullchainPem = q.value(11).toString().toLatin1();
    return r;
}
const QString kColumns =
    QStringLiteral("id, lineage_id, version, serial, sha256, names, issuer, not_before, not_after, source, stored_at");
} // namespace

CertificateRecord CertificateRecord::fromChain(const QList<crypto::Certificate>& chain, qint64 lineageId, int version) {
    CertificateRecord r;
    r.lineageId = lineageId;
    r.version = version;
    if (chain.isEmpty())
        return r;
    const crypto::Certificate& leaf = chain.first();
    r.serial = leaf.serialNumberHex();
    r.sha256 = leaf.sha256FingerprintHex();
    r.names = leaf.dnsNames() + leaf.ipAddresses();
    r.issuer = leaf.issuerCommonName();
    r.notBefore = leaf.notBefore();
    r.notAfter = leaf.notAfter();
    r.fullchainPem = crypto::Certificate::chainToPem(chain);
    return r;
}

Status CertificateRepository::add(CertificateRecord& r) {
    if (!r.storedAt.isValid())
        r.storedAt = QDateTime::currentDateTimeUtc();
    auto q = m_db.exec(QStringLiteral("INSERT INTO certificates (lineage_id, version, serial, sha256, names, issuer, "
                                      "not_before, not_after, fullchain_pem, source, stored_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                       {r.lineageId > 0 ? QVariant(r.lineageId) : QVariant(), r.version, r.serial, r.sha256,
                        jsonText(r.names), r.issuer, timeText(r.notBefore), timeText(r.notAfter),
                        QString::fromLatin1(r.fullchainPem), r.source, timeText(r.storedAt)});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::Store, QObject::tr("Saving the certificate failed."));
    r.id = q->value(0).toLongLong();
    return {};
}

Result<CertificateRecord> CertificateRepository::latest(qint64 lineageId) {
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(", fullchain_pem FROM certificates WHERE lineage_id = ? "
                                          "ORDER BY version DESC, id DESC LIMIT 1"),
                       {lineageId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, QObject::tr("No certificate was issued for this name yet."));
    return fromRow(*q, true);
}

Result<QList<CertificateRecord>> CertificateRepository::history(qint64 lineageId, bool withPem) {
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(", fullchain_pem FROM certificates WHERE lineage_id = ? "
                                          "ORDER BY version DESC, id DESC"),
                       {lineageId});
    if (!q)
        return q.error();
    QList<CertificateRecord> list;
    while (q->next())
        list << fromRow(*q, withPem);
    return list;
}

} // namespace certdeck::store
