// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/PrivateKey.h"

#include <QList>
#include <QString>

namespace certdeck::store {

/// Key material and certificates as files, in the layout certbot users know:
///   <root>/archive/<lineage>/{cert,chain,fullchain,privkey}<N>.pem   every version, never rewritten
///   <root>/live/<lineage>/{cert,chain,fullchain,privkey}.pem         symlinks to the current version
///   <root>/accounts/<id>/account.key                                 ACME account keys
/// A version with a key and no certificate yet is a pending order's key (savePendingKey()); it never
/// goes live until store() writes its certificates beside it.
/// Folders are 0700, keys 0600, certificates 0644. Every file is written atomically (temp, fsync,
/// rename, fsync the folder) and each live link is switched with a rename, so a reader (a web
/// server, a crash) sees an old or a new file, never half of one. Keys are never logged.
/// Threading: stateless apart from the root; safe from any thread for different lineages.
class KeyVault {
public:
    explicit KeyVault(QString root);

    [[nodiscard]] QString root() const { return m_root; }
    [[nodiscard]] QString liveDir(const QString& lineage) const;
    [[nodiscard]] QString archiveDir(const QString& lineage) const;
    /// live/<lineage>/<file>, file one of cert.pem, chain.pem, fullchain.pem, privkey.pem.
    [[nodiscard]] QString livePath(const QString& lineage, const QString& file) const;

    /// Stores a new version (chain leaf first) and makes it live; returns its number (1, 2, …).
    /// The key is written first: a certificate without its key is useless, a key without a certificate harmless.
    Result<int> store(const QString& lineage, const QList<crypto::Certificate>& chain, const crypto::PrivateKey& key);
    /// The version live/ points at; 0 when there is none.
    [[nodiscard]] int currentVersion(const QString& lineage) const;
    Result<crypto::PrivateKey> loadKey(const QString& lineage) const;
    /// The live full chain, leaf first.
    Result<QList<crypto::Certificate>> loadChain(const QString& lineage) const;
    /// Removes a lineage's live and archive folders.
    Status remove(const QString& lineage);

    Status saveAccountKey(const QString& accountId, const crypto::PrivateKey& key);
    Result<crypto::PrivateKey> loadAccountKey(const QString& accountId) const;
    Status removeAccountKey(const QString& accountId);

    /// The key made for a lineage's order in flight, kept before the CSR goes to the CA so an
    /// interrupted issuance can be finished with it: written as the next version's key file
    /// (archive/<lineage>/privkey<N>.pem, 0600), which store() then completes with the certificates.
    /// One file per renewal, nothing to move or delete afterwards. Returns the path.
    Result<QString> savePendingKey(const QString& lineage, const crypto::PrivateKey& key);
    /// The pending key: the newest version that has a key and no certificate (or one kept under
    /// pending/ by Certdeck before 2026-12).
    Result<crypto::PrivateKey> loadPendingKey(const QString& lineage) const;
    /// Removes every key without its certificate (never a live one). Nothing there is not an error.
    Status removePendingKey(const QString& lineage);

private:
    Status prepare(const QString& lineage);
    /// Where Certdeck before 2026-12 kept a pending key: pending/<lineage>.pem, or in a folder.
    [[nodiscard]] QString legacyPendingKeyPath(const QString& lineage, bool folder) const;

    QString m_root;
};

} // namespace certdeck::store
