// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/store/ServerRepository.h"

#include <QCoroTask>
#include <QPointer>
#include <QString>

#include <optional>

class QWidget;

namespace certdeck::store {
class StoreExecutor;
}

namespace certdeck::ui {

/// Saving an SSH server from any screen the same way (the wizard's "Add server…" and the Servers
/// section): the secret to the keychain first, then the row; and confirming the host key once with the
/// HostKeyDialog.
namespace ServerStore {

/// What confirming a host key came to.
struct HostKeyCheck {
    /// The key is trusted now: it was already known, or the user trusted (or, changed, replaced) it.
    bool trusted = false;
    /// The server presented another key than the one recorded for it (the red stop).
    bool changed = false;
    /// The fingerprint was written on the server's row (the row changed).
    bool rowUpdated = false;
    /// The key the server presented.
    QString fingerprint;
};

/// Puts `secret` (password or key passphrase) in the store's Secrets under record.secretKey(), or
/// removes the entry with `dropSecret`, then saves the row through `store`. A row whose secret never
/// reached the keychain would fail later with a confusing login error, hence this order.
QCoro::Task<Status> save(store::StoreExecutor* store, store::ServerRecord record, std::optional<SecureBytes> secret,
                         bool dropSecret);

/// Asks the server for its host key (never logs in), and unless it is already trusted shows the
/// HostKeyDialog over `parent`; a trusted key is recorded in <data>/known_hosts and on the row.
/// True when the key is trusted at the end; false when the user did not trust it (nothing recorded);
/// an Error when the server could not be reached or the row not saved. Cancelled when `parent` is gone.
QCoro::Task<Result<bool>> confirmHostKey(QPointer<QWidget> parent, store::StoreExecutor* store,
                                         store::ServerRecord server);

/// confirmHostKey, saying more: whether the key had changed and whether the row was updated (for a
/// screen that words a refusal differently for a changed key, or lists the rows).
QCoro::Task<Result<HostKeyCheck>> checkHostKey(QPointer<QWidget> parent, store::StoreExecutor* store,
                                               store::ServerRecord server);

} // namespace ServerStore
} // namespace certdeck::ui
