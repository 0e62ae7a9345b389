// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/store/Store.h"
#include "core/workflow/IssueCertificate.h"

#include <QCoroTask>

namespace certdeck::workflow {

/// Keeps a freshly issued certificate: inserts the lineage when it is new (id 0), writes a new
/// KeyVault version (key first, live/ links switched), appends it to the lineage's history, resets
/// the renewal state and records an event of `eventKind` ("issued", "renewed"). Returns the version.
/// The files are written before the rows: a crash in between leaves an unused archive version, never
/// a row pointing at files that do not exist.
Result<int> saveIssuedCertificate(store::Store& store, store::Lineage& lineage, const IssueResult& issued,
                                  const QString& eventKind, const QDateTime& now);

/// The same, with the files written on a worker thread (creating, syncing and renaming them and
/// switching four links takes milliseconds, which would stall every other renewal sharing this
/// thread) and the rows on this one. `lineage` and `issued` must outlive the task.
QCoro::Task<Result<int>> saveIssuedCertificateOffThread(store::Store& store, store::Lineage& lineage,
                                                        const IssueResult& issued, QString eventKind, QDateTime now);

/// The lineage settings for an issue request (names, key type, profile, preferred chain) with
/// `challenge` settings; the name defaults to Lineage::nameFor(first name).
store::Lineage lineageFor(const IssueRequest& request, const QUrl& directoryUrl, const QJsonObject& challenge,
                          const QString& name = {});

} // namespace certdeck::workflow
