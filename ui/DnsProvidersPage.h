// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/store/DnsProviderRepository.h"

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

/// The DNS providers dns-01 challenges go through (the store's DnsProviderRepository): name, type,
/// zone or server, where the credential is. Add / Edit (DnsProviderDialog; the API token or TSIG
/// secret goes to the store's Secrets under "dns/NAME", as `certdeck-cli dns-provider add` puts it,
/// never into SQLite), Remove (the provider and its keychain entry), and Test: dns::checkProvider
/// writes a TXT record `_certdeck-check.<zone>` through the provider and removes it again.
/// Everything that touches the store runs on the StoreExecutor's thread; the network waits are
/// asynchronous on the GUI thread (QCoro), never blocking it.
class DnsProvidersPage : public QWidget {
    Q_OBJECT
public:
    explicit DnsProvidersPage(store::StoreExecutor* store, QWidget* parent = nullptr);

    /// The providers as last read from the store.
    [[nodiscard]] const QList<store::DnsProviderRecord>& providers() const { return m_providers; }

    /// Re-reads the store (also done each time the page is shown); emits providersLoaded().
    void reload();
    /// Opens the add dialog (the empty state's and the list's "Add").
    void addProvider();
    /// Tests the provider named `name` (what the Test button does for the selected row).
    void testProvider(const QString& name);

Q_SIGNALS:
    void providersLoaded();
    /// A test ended: `ok` when the record was written (and removed where the provider can).
    void testFinished(bool ok);
    /// The store's providers changed (added, edited, removed).
    void providersChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QCoro::Task<> load();
    QCoro::Task<> runAdd(std::optional<store::DnsProviderRecord> existing);
    QCoro::Task<> runRemove(store::DnsProviderRecord provider);
    QCoro::Task<> runTest(store::DnsProviderRecord provider);
    QCoro::Task<Result<store::Secrets>> secrets();
    /// The stored credential of `provider` (NotFound with a plain message when the keychain has none).
    QCoro::Task<Result<SecureBytes>> storedSecret(store::DnsProviderRecord provider);
    [[nodiscard]] std::optional<store::DnsProviderRecord> selected() const;
    void selectByName(const QString& name);
    void updateButtons();
    void setBusy(bool busy);

    store::StoreExecutor* m_store;
    QList<store::DnsProviderRecord> m_providers;
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
