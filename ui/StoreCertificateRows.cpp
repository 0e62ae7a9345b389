// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/StoreCertificateRows.h"

#include "core/schedule/RenewalPlanner.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>

namespace certdeck::ui {

namespace {

quint64 seedOf(const QString& text) {
    const QByteArray h = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    quint64 seed = 0;
    for (int i = 0; i < 8; ++i)
        seed = (seed << 8) | quint8(h.at(i));
    return seed;
}

bool isLoopbackHost(const QString& host) {
    return host == QLatin1String("localhost") || host.startsWith(QLatin1String("127.")) ||
           host == QLatin1String("::1") || host == QLatin1String("[::1]");
}

/// The newest failure's message for a lineage whose last renewal failed (few lineages: one query each).
QString lastFailure(store::Store& store, const store::Lineage& lineage) {
    auto events = store.events().recent(10, lineage.id);
    if (events) {
        for (const store::EventRecord& e : std::as_const(*events)) {
            if (e.isFailure() && !e.message.isEmpty())
                return e.message;
            if (e.kind == QLatin1String("renewed") || e.kind == QLatin1String("issued"))
                break;
        }
    }
    return QCoreApplication::translate("StoreCertificateRows", "The last %n renewal attempt(s) failed.", nullptr,
                                       lineage.failureCount);
}

} // namespace

QString StoreCertificateRows::lineageRowId(const QString& lineageName) {
    return QStringLiteral("lineage:") + lineageName;
}

QString StoreCertificateRows::keyTypeDescription(const QString& name) {
    const QString n = name.toLower();
    if (n == QLatin1String("p256"))
        return QStringLiteral("ECDSA P-256");
    if (n == QLatin1String("p384"))
        return QStringLiteral("ECDSA P-384");
    if (n.startsWith(QLatin1String("rsa")))
        return QStringLiteral("RSA ") + n.mid(3);
    return name;
}

CertificateRow StoreCertificateRows::fromLineage(const store::Lineage& l, const store::LineageSummary& s,
                                                 const schedule::RenewalPlanner& planner) {
    CertificateRow row;
    row.id = lineageRowId(l.name);
    row.lineage = l.name;
    row.version = s.version;
    row.names = l.names;
    row.issuer = s.issuer;
    row.notBefore = s.notBefore;
    row.notAfter = s.notAfter;
    row.ariWindowStart = l.ariWindowStart;
    row.ariWindowEnd = l.ariWindowEnd;
    row.keyType = keyTypeDescription(l.keyType);
    row.autoRenew = l.autoRenew;
    row.pausedReason = l.pausedReason;
    row.sandbox = isLoopbackHost(l.directoryUrl.host());
    schedule::RenewalState state;
    state.notBefore = s.notBefore;
    state.notAfter = s.notAfter;
    state.ariWindowStart = l.ariWindowStart;
    state.ariWindowEnd = l.ariWindowEnd;
    state.seed = seedOf(l.name);
    if (l.autoRenew)
        row.plannedRenewal = planner.plannedRenewal(state);
    return row;
}

CertificateRow StoreCertificateRows::fromEndpoint(const store::EndpointRecord& e) {
    CertificateRow row;
    row.id = QStringLiteral("endpoint:") + e.display();
    row.names << (e.serverName.isEmpty() ? e.host : e.serverName);
    row.notAfter = e.lastNotAfter;
    row.fingerprint = e.lastSha256;
    row.location = e.display();
    return row;
}

Result<QList<CertificateRow>> StoreCertificateRows::read(store::Store& store) {
    // Two queries for every lineage (settings and renewal state; the current certificate's facts), one
    // for the watched endpoints, and one more only for each lineage whose last renewal failed.
    auto lineages = store.lineages().all();
    if (!lineages)
        return lineages.error();
    auto summaries = store.lineages().summaries();
    if (!summaries)
        return summaries.error();
    QHash<qint64, const store::Lineage*> byId;
    byId.reserve(lineages->size());
    for (const store::Lineage& l : std::as_const(*lineages))
        byId.insert(l.id, &l);
    const schedule::RenewalPlanner planner;
    QList<CertificateRow> rows;
    rows.reserve(summaries->size());
    for (const store::LineageSummary& s : std::as_const(*summaries)) {
        const store::Lineage* l = byId.value(s.id);
        if (!l || !s.notAfter.isValid())
            continue; // nothing issued yet
        CertificateRow row = fromLineage(*l, s, planner);
        if (l->failureCount > 0 || !l->pausedReason.isEmpty())
            row.lastError = l->pausedReason.isEmpty() ? lastFailure(store, *l) : l->pausedReason;
        rows << row;
    }
    auto endpoints = store.endpoints().all();
    if (!endpoints)
        return endpoints.error();
    for (const store::EndpointRecord& e : std::as_const(*endpoints))
        if (e.lastNotAfter.isValid())
            rows << fromEndpoint(e);
    return rows;
}

Result<CertificateRow> StoreCertificateRows::readLineage(store::Store& store, const QString& name) {
    auto lineage = store.lineages().byName(name);
    if (!lineage)
        return lineage.error();
    auto current = store.certificates().latest(lineage->id);
    if (!current)
        return current.error();
    store::LineageSummary s;
    s.id = lineage->id;
    s.notBefore = current->notBefore;
    s.notAfter = current->notAfter;
    s.issuer = current->issuer;
    s.version = current->version;
    const schedule::RenewalPlanner planner;
    CertificateRow row = fromLineage(*lineage, s, planner);
    row.fingerprint = current->sha256;
    row.serial = current->serial;
    if (lineage->failureCount > 0 || !lineage->pausedReason.isEmpty())
        row.lastError = lineage->pausedReason.isEmpty() ? lastFailure(store, *lineage) : lineage->pausedReason;
    return row;
}

} // namespace certdeck::ui
