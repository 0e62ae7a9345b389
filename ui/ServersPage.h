// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/store/ServerRepository.h"

#include <QCoroTask>
#include <QList>
#include <QWidget>

#include <optional>

class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace certdeck::store {
class StoreExecutor;
class Secrets;
} // namespace certdeck::store

namespace certdeck::ui {

class MessageBar;

/// The SSH servers Certdeck deploys to (the store's ServerRepository): name, address, user, how it
/// signs in, the host key fingerprint it trusts. Add / Edit (ServerDialog; a password or passphrase
/// goes to the store's Secrets, never into SQLite), Remove, and Test: the host key first
/// (SshSession::probeHostKey; an unknown key asks through HostKeyDialog and only "Trust" records it,
/// a changed key is a red stop), then a login and a harmless `id -un`.
/// Everything that touches the store runs on the StoreExecutor's thread; SSH on libssh's own threads.
class ServersPage : public QWidget {
    Q_OBJECT
public:
    explicit ServersPage(store::StoreExecutor* store, QWidget* parent = nullptr);

    /// The servers as last read from the store.
    [[nodiscard]] const QList<store::ServerRecord>& servers() const { return m_servers; }

    /// Re-reads the store (also done each time the page is shown); emits serversLoaded().
    void reload();
    /// Opens the add dialog (the empty state's and the toolbar's "Add server").
    void addServer();
    /// Tests the server named `name` (what the Test button does for the selected row).
    void testServer(const QString& name);

Q_SIGNALS:
    void serversLoaded();
    /// A test ended: `ok` when the login and the command worked.
    void testFinished(bool ok);
    /// The store's servers changed (added, edited, removed, host key recorded).
    void serversChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QCoro::Task<> load();
    QCoro::Task<> runAdd(std::optional<store::ServerRecord> existing);
    QCoro::Task<> runRemove(store::ServerRecord server);
    QCoro::Task<> runTest(store::ServerRecord server);
    QCoro::Task<Status> save(store::ServerRecord record, std::optional<SecureBytes> secret, bool dropSecret);
    QCoro::Task<Result<store::Secrets>> secrets();
    [[nodiscard]] std::optional<store::ServerRecord> selected() const;
    void updateButtons();
    void setBusy(bool busy);

    store::StoreExecutor* m_store;
    QList<store::ServerRecord> m_servers;
    QStackedWidget* m_stack = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_test = nullptr;
    MessageBar* m_message = nullptr;
    bool m_busy = false;
};

} // namespace certdeck::ui
