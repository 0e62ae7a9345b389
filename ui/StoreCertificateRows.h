// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "ui/CertificateRow.h"

#include <QList>
#include <QString>

namespace certdeck::store {
class Store;
struct Lineage;
struct LineageSummary;
struct EndpointRecord;
} // namespace certdeck::store

namespace certdeck::schedule {
class RenewalPlanner;
}

namespace certdeck::ui {

/// The dashboard's rows as the store knows them: one per lineage with an issued certificate (its
/// current version) and one per watched endpoint that has answered a scan. Everything comes from
/// SQLite columns in a handful of queries; no PEM is read or parsed, so 10,000 certificates load in
/// a fraction of a second. Call on the store's own thread (inside StoreExecutor::run).
class StoreCertificateRows {
public:
    static Result<QList<CertificateRow>> read(store::Store& store);
    /// The row of one lineage (NotFound when it has no certificate yet).
    static Result<CertificateRow> readLineage(store::Store& store, const QString& name);

    /// The row for a lineage and its current certificate. The planned renewal is the planner's (ARI
    /// window first), seeded from the lineage name: the store's summary carries no serial, so it may
    /// differ from the renewal workflow's own plan by the planner's jitter (a few hours at most).
    static CertificateRow fromLineage(const store::Lineage& lineage, const store::LineageSummary& summary,
                                      const schedule::RenewalPlanner& planner);
    static CertificateRow fromEndpoint(const store::EndpointRecord& endpoint);

    /// CertificateRow::id of a lineage's row.
    static QString lineageRowId(const QString& lineageName);
    /// "ECDSA P-256", "RSA 2048" for a stored key type name ("p256", "rsa2048").
    static QString keyTypeDescription(const QString& keyTypeName);
};

} // namespace certdeck::ui
