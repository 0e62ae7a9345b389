// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/store/ServerRepository.h"
#include "ui/RecordListPage.h"

#include <QCoroTask>
#include <QList>

#include <optional>

namespace certdeck::ui {

/// The SSH servers Certdeck deploys to (the store's ServerRepository): name, address, user, how it
/// signs in, the host key fingerprint it trusts. Add / Edit (ServerDialog; a password or passphrase
/// goes to the store's Secrets, never into SQLite), Remove, and Test: the host key first
/// (SshSession::probeHostKey; an unknown key asks through HostKeyDialog and only "Trust" records it,
/// a changed key is a red stop), then a login and a harmless `id -un`.
/// Everything that touches the store runs on the StoreExecutor's thread; SSH on libssh's own threads.
class ServersPage : public RecordListPage {
    Q_OBJECT
public:
    explicit ServersPage(store::StoreExecutor* store, QWidget* parent = nullptr);

    /// The servers as last read from the store.
    [[nodiscard]] const QList<store::ServerRecord>& servers() const { return m_servers; }

    // reload() (RecordListPage) re-reads the store, also each time the page is shown; emits serversLoaded().
    /// Opens the add dialog (the empty state's and the toolbar's "Add server").
    void addServer();
    /// Tests the server named `name` (what the Test button does for the selected row).
    void testServer(const QString& name);

Q_SIGNALS:
    void serversLoaded();
    // testFinished(bool) (RecordListPage): `ok` when the login and the command worked.
    /// The store's servers changed (added, edited, removed, host key recorded).
    void serversChanged();

protected:
    QCoro::Task<> load() override;
    void addRecord() override;
    void editRecord(const QString& name) override;
    void removeRecord(const QString& name) override;
    void testRecord(const QString& name) override;
    void announceChanged() override;

private:
    QCoro::Task<> runAdd(std::optional<store::ServerRecord> existing);
    QCoro::Task<> runTest(store::ServerRecord server);
    QCoro::Task<Status> save(store::ServerRecord record, std::optional<SecureBytes> secret, bool dropSecret);

    QList<store::ServerRecord> m_servers;
};

} // namespace certdeck::ui
