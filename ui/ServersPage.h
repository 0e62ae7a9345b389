// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/store/ServerRepository.h"
#include "ui/RecordListPageOf.h"

#include <QCoroTask>
#include <QList>

#include <optional>

namespace certdeck::ui {

/// The SSH servers Certdeck deploys to (the store's ServerRepository): name, address, user, how it
/// signs in, the host key fingerprint it trusts. Add / Edit (ServerDialog; saved through ServerStore: a
/// password or passphrase goes to the store's Secrets, never into SQLite), Remove, and Test: the host
/// key first (ServerStore::checkHostKey: an unknown key asks through HostKeyDialog and only "Trust"
/// records it, a changed key is a red stop), then the login deployments use (workflow::serverLogin)
/// and a harmless `id -un`.
/// Everything that touches the store runs on the StoreExecutor's thread; SSH on libssh's own threads.
class ServersPage : public RecordListPageOf<store::ServerRecord> {
    Q_OBJECT
public:
    explicit ServersPage(store::StoreExecutor* store, QWidget* parent = nullptr);

    /// The servers as last read from the store.
    [[nodiscard]] const QList<store::ServerRecord>& servers() const { return records(); }

    // reload() (RecordListPage) re-reads the store, also each time the page is shown; emits serversLoaded().
    /// Opens the add dialog (the empty state's and the toolbar's "Add server").
    void addServer() { addNew(); }
    /// Tests the server named `name` (what the Test button does for the selected row).
    void testServer(const QString& name) { testNamed(name); }

Q_SIGNALS:
    /// With recordsLoaded().
    void serversLoaded();
    // testFinished(bool) (RecordListPage): `ok` when the login and the command worked.
    /// The store's servers changed (added, edited, removed, host key recorded); with recordsChanged().
    void serversChanged();

protected:
    [[nodiscard]] Row rowFor(const store::ServerRecord& server) const override;
    [[nodiscard]] Removal removalOf(const store::ServerRecord& server) const override;
    QCoro::Task<> runAdd(std::optional<store::ServerRecord> existing) override;
    QCoro::Task<> runTest(store::ServerRecord server) override;
};

} // namespace certdeck::ui
