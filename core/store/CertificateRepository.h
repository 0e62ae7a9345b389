// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/crypto/Certificate.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace certdeck::store {

class Database;

/// One issued (or imported) certificate with its chain: the history of a lineage. Certificates are
/// public, so the PEM lives here too; the key never does (KeyVault).
struct CertificateRecord {
    qint64 id = 0;
    qint64 lineageId = 0;
    int version = 0; ///< the KeyVault archive version (cert<version>.pem)
    QString serial;  ///< upper-case hex
    QString sha256;  ///< "AB:CD:…"
    QStringList names;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QByteArray fullchainPem;
    QString source = QStringLiteral("issued"); ///< issued, renewed, imported
    QDateTime storedAt;

    /// The facts of a chain (leaf first) as a record for `lineageId`.
    static CertificateRecord fromChain(const QList<crypto::Certificate>& chain, qint64 lineageId, int version);
};

/// Reads and writes certificates. Same thread as its Database.
class CertificateRepository {
public:
    explicit CertificateRepository(Database& db)
        : m_db(db) {}
    /// Appends a certificate to its lineage's history; sets `record.id`.
    Status add(CertificateRecord& record);
    /// The newest version of a lineage (NotFound when none was issued yet).
    Result<CertificateRecord> latest(qint64 lineageId);
    /// Every version of a lineage, newest first, without PEMs unless asked.
    Result<QList<CertificateRecord>> history(qint64 lineageId, bool withPem = false);

private:
    Database& m_db;
};

} // namespace certdeck::store
