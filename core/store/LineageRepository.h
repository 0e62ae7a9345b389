// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>

namespace certdeck::store {

class Database;

/// A certificate lineage (certbot's word): one name for a set of identifiers and how to renew them.
/// Every renewal keeps these settings; each issued certificate is a version in CertificateRepository.
struct Lineage {
    qint64 id = 0;
    QString name; ///< [a-z0-9._-], also the KeyVault folder name
    QStringList names;
    QUrl directoryUrl;
    QString keyType = QStringLiteral("p256");
    QString profile;
    QString preferredChain;
    /// The challenge method and its settings, e.g. {"method":"webroot","webroot":"/var/www"}; never secrets
    /// (a setting names a Secrets key instead).
    QJsonObject challenge;
    QJsonArray deployTargets;
    bool autoRenew = true;
    QDateTime createdAt;
    QDateTime updatedAt;

    // Renewal state (the RenewalPlanner's memory).
    QDateTime nextAttemptAt; ///< after a failure: not before this
    int failureCount = 0;
    int authzFailureCount = 0;
    QString pausedReason; ///< non-empty: unattended renewal stopped until the user acts
    QDateTime ariCheckedAt;
    QDateTime ariWindowStart;
    QDateTime ariWindowEnd;
    QDateTime ariRetryAfter;
    int lastNotifiedExpiryDays = 0; ///< the last "expiring in N days" notice sent for the current certificate

    /// Whether `name` is usable as a lineage name (and so as a folder name).
    static bool isValidName(const QString& name);
    /// A lineage name made from the first identifier ("*.example.com" → "wildcard.example.com").
    static QString nameFor(const QString& firstIdentifier);
};

/// One line of `list`: the lineage and its current certificate, without the PEM.
struct LineageSummary {
    qint64 id = 0;
    QString name;
    QStringList names;
    bool autoRenew = true;
    QString pausedReason;
    int failureCount = 0;
    QDateTime notBefore; ///< invalid when nothing was issued yet
    QDateTime notAfter;
    QString issuer;
    int version = 0;
};

/// Reads and writes lineages. Same thread as its Database.
class LineageRepository {
public:
    explicit LineageRepository(Database& db)
        : m_db(db) {}

    /// Inserts a new lineage (InvalidInput for a bad or taken name); sets `lineage.id`.
    Status insert(Lineage& lineage);
    /// Saves settings and renewal state of an existing lineage.
    Status update(const Lineage& lineage);
    Result<Lineage> byName(const QString& name);
    Result<Lineage> byId(qint64 id);
    Result<QList<Lineage>> all();
    /// Every lineage with its latest certificate, ordered by name; one query.
    Result<QList<LineageSummary>> summaries();
    Status remove(const QString& name);

private:
    Database& m_db;
};

} // namespace certdeck::store
