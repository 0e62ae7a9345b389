// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/store/DnsProviderRepository.h"
#include "ui/RecordListPage.h"

#include <QCoroTask>
#include <QList>

#include <optional>

namespace certdeck::ui {

/// The DNS providers dns-01 challenges go through (the store's DnsProviderRepository): name, type,
/// zone or server, where the credential is. Add / Edit (DnsProviderDialog; the API token or TSIG
/// secret goes to the store's Secrets under "dns/NAME", as `certdeck-cli dns-provider add` puts it,
/// never into SQLite), Remove (the provider and its keychain entry), and Test: dns::checkProvider
/// writes a TXT record `_certdeck-check.<zone>` through the provider and removes it again.
/// Everything that touches the store runs on the StoreExecutor's thread; the network waits are
/// asynchronous on the GUI thread (QCoro), never blocking it.
class DnsProvidersPage : public RecordListPage {
    Q_OBJECT
public:
    explicit DnsProvidersPage(store::StoreExecutor* store, QWidget* parent = nullptr);

    /// The providers as last read from the store.
    [[nodiscard]] const QList<store::DnsProviderRecord>& providers() const { return m_providers; }

    // reload() (RecordListPage) re-reads the store, also each time the page is shown; emits providersLoaded().
    /// Opens the add dialog (the empty state's and the list's "Add").
    void addProvider();
    /// Tests the provider named `name` (what the Test button does for the selected row).
    void testProvider(const QString& name);

Q_SIGNALS:
    void providersLoaded();
    // testFinished(bool) (RecordListPage): `ok` when the record was written (and removed where the provider can).
    /// The store's providers changed (added, edited, removed).
    void providersChanged();

protected:
    QCoro::Task<> load() override;
    void addRecord() override;
    void editRecord(const QString& name) override;
    void removeRecord(const QString& name) override;
    void testRecord(const QString& name) override;
    void announceChanged() override;

private:
    QCoro::Task<> runAdd(std::optional<store::DnsProviderRecord> existing);
    QCoro::Task<> runTest(store::DnsProviderRecord provider);
    /// The stored credential of `provider` (NotFound with a plain message when the keychain has none).
    QCoro::Task<Result<SecureBytes>> storedSecret(store::DnsProviderRecord provider);

    QList<store::DnsProviderRecord> m_providers;
};

} // namespace certdeck::ui
