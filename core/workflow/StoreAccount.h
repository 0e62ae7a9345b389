// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/AcmeClient.h"
#include "core/common/CancelToken.h"
#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/store/Store.h"
#include "core/workflow/AccountFiles.h"

#include <QCoroTask>
#include <QUrl>

namespace certdeck::workflow {

/// The KeyVault folder name of the account for a CA directory: "<host>[_port]-<10 hex of SHA-256(url)>".
QString accountIdFor(const QUrl& directoryUrl);

/// Like openAccount() over AccountFiles, but kept in the store: the account row (URL, cached directory,
/// contact) in the Accounts repository, the account key in the KeyVault (accounts/<id>/account.key,
/// 0600). An account kept as files by an earlier Certdeck under the same data folder is taken over on
/// first use. The store must outlive the coroutine.
QCoro::Task<Result<acme::Account>> openStoreAccount(acme::AcmeClient& client, store::Store& store, QUrl directoryUrl,
                                                    AccountOptions options, Progress& progress, CancelToken cancel);

} // namespace certdeck::workflow
