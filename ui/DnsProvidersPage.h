// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/store/DnsProviderRepository.h"
#include "ui/RecordListPageOf.h"

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
class DnsProvidersPage : public RecordListPageOf<store::DnsProviderRecord> {
    Q_OBJECT
public:
    explicit DnsProvidersPage(store::StoreExecutor* store, QWidget* parent = nullptr);

    /// The providers as last read from the store.
    [[nodiscard]] const QList<store::DnsProviderRecord>& providers() const { return records(); }

    // reload() (RecordListPage) re-reads the store, also each time the page is shown; emits providersLoaded().
    /// Opens the add dialog (the empty state's and the list's "Add").
    void addProvider() { addNew(); }
    /// Tests the provider named `name` (what the Test button does for the selected row).
    void testProvider(const QString& name) { testNamed(name); }

Q_SIGNALS:
    /// With recordsLoaded().
    void providersLoaded();
    // testFinished(bool) (RecordListPage): `ok` when the record was written (and removed where the provider can).
    /// The store's providers changed (added, edited, removed); with recordsChanged().
    void providersChanged();

protected:
    [[nodiscard]] Row rowFor(const store::DnsProviderRecord& provider) const override;
    [[nodiscard]] Removal removalOf(const store::DnsProviderRecord& provider) const override;
    QCoro::Task<> runAdd(std::optional<store::DnsProviderRecord> existing) override;
    QCoro::Task<> runTest(store::DnsProviderRecord provider) override;

private:
    /// The stored credential of `provider` (NotFound with a plain message when the keychain has none).
    QCoro::Task<Result<SecureBytes>> storedSecret(store::DnsProviderRecord provider);
};

} // namespace certdeck::ui
