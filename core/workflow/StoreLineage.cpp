// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/StoreLineage.h"

#include "core/common/Async.h"

#include <QObject>

namespace certdeck::workflow {

store::Lineage lineageFor(const IssueRequest& request, const QUrl& directoryUrl, const QJsonObject& challenge,
                          const QString& name) {
    store::Lineage l;
    for (const auto& id : request.identifiers)
        l.names << id.value;
    l.name = name.isEmpty() && !l.names.isEmpty() ? store::Lineage::nameFor(l.names.first()) : name;
    l.directoryUrl = directoryUrl;
    l.keyType = crypto::keyTypeName(request.keyType);
    l.profile = request.profile;
    l.preferredChain = request.preferredChain;
    l.challenge = challenge;
    return l;
}

namespace {

/// The rows for a version whose files are written: history, reset renewal state, the event.
Result<int> recordIssuedVersion(store::Store& store, store::Lineage& lineage, const IssueResult& issued, int version,
                                const QString& eventKind, const QDateTime& now) {
    const Status saved = store.db().transaction([&]() -> Status {
        store::CertificateRecord record =
            store::CertificateRecord::fromChain(issued.chain.certificates, lineage.id, version);
        record.source = eventKind;
        record.storedAt = now;
        if (auto s = store.certificates().add(record); !s)
            return s;
        lineage.failureCount = 0;
        lineage.authzFailureCount = 0;
        lineage.pausedReason.clear();
        lineage.nextAttemptAt = {};
        lineage.lastNotifiedExpiryDays = 0;
        lineage.ariWindowStart = {};
        lineage.ariWindowEnd = {};
        lineage.ariCheckedAt = {};
        lineage.ariRetryAfter = {};
        if (auto s = store.lineages().update(lineage); !s)
            return s;
        store::EventRecord event;
        event.at = now;
        event.kind = eventKind;
        event.lineageId = lineage.id;
        event.subject = lineage.name;
        event.message = QObject::tr("Certificate %1 (version %2) valid until %3")
                            .arg(lineage.name)
                            .arg(version)
                            .arg(issued.chain.leaf().notAfter().toString(Qt::ISODate));
        event.data = QJsonObject{{QStringLiteral("version"), version},
                                 {QStringLiteral("serial"), issued.chain.leaf().serialNumberHex()},
                                 {QStringLiteral("order"), issued.orderUrl.toString()}};
        return store.events().append(event);
    });
    if (!saved)
        return saved.error();
    return version;
}

} // namespace

Result<int> saveIssuedCertificate(store::Store& store, store::Lineage& lineage, const IssueResult& issued,
                                  const QString& eventKind, const QDateTime& now) {
    if (lineage.id == 0) {
        if (auto s = store.lineages().insert(lineage); !s)
            return s.error();
    }
    auto version = store.vault().store(lineage.name, issued.chain.certificates, issued.key);
    if (!version)
        return version.error();
    return recordIssuedVersion(store, lineage, issued, *version, eventKind, now);
}

QCoro::Task<Result<int>> saveIssuedCertificateOffThread(store::Store& store, store::Lineage& lineage,
                                                        const IssueResult& issued, QString eventKind, QDateTime now) {
    if (lineage.id == 0) {
        if (auto s = store.lineages().insert(lineage); !s)
            co_return s.error();
    }
    // A copy of the vault (it is only its folder) and of the material: the worker shares nothing with
    // this thread while it runs.
    store::KeyVault vault = store.vault();
    const QString name = lineage.name;
    const QList<crypto::Certificate> chain = issued.chain.certificates;
    const crypto::PrivateKey key = issued.key;
    auto writing = runBlocking([vault, name, chain, key]() mutable { return vault.store(name, chain, key); });
    auto version = co_await writing;
    if (!version)
        co_return version.error();
    co_return recordIssuedVersion(store, lineage, issued, *version, eventKind, now);
}

} // namespace certdeck::workflow
