// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/store/AccountRepository.h"
#include "core/store/CertificateRepository.h"
#include "core/store/Database.h"
#include "core/store/DnsProviderRepository.h"
#include "core/store/EndpointRepository.h"
#include "core/store/EventRepository.h"
#include "core/store/KeyVault.h"
#include "core/store/LineageRepository.h"
#include "core/store/NotifierRepository.h"
#include "core/store/PendingOrderRepository.h"
#include "core/store/RenewalLockRepository.h"
#include "core/store/Secrets.h"
#include "core/store/ServerRepository.h"
#include "core/store/SettingRepository.h"

#include <QString>

#include <memory>

namespace certdeck::store {

/// One data folder: `certdeck.sqlite` (the Database), the KeyVault beside it, and the chosen Secrets
/// backend (`secrets-backend` holds "file" when the user picked the headless file backend, whose
/// secrets live in `secrets.json`, 0600). The folder is 0700.
/// Threading: the thread that opened it (QtSql); other threads open their own Store.
class Store {
public:
    /// Opens (creating and migrating) the store in `dataDir`.
    static Result<std::unique_ptr<Store>> open(const QString& dataDir);
    static Result<std::unique_ptr<Store>> open(const QString& dataDir, const Database::Options& options);
    /// CERTDECK_DATA_DIR when set, else QStandardPaths::AppDataLocation.
    static QString defaultDataDir();

    [[nodiscard]] QString dataDir() const { return m_dataDir; }
    Database& db() { return *m_db; }
    KeyVault& vault() { return m_vault; }
    AccountRepository& accounts() { return m_accounts; }
    LineageRepository& lineages() { return m_lineages; }
    CertificateRepository& certificates() { return m_certificates; }
    ServerRepository& servers() { return m_servers; }
    DnsProviderRepository& dnsProviders() { return m_dnsProviders; }
    EndpointRepository& endpoints() { return m_endpoints; }
    EventRepository& events() { return m_events; }
    RenewalLockRepository& renewalLocks() { return m_locks; }
    PendingOrderRepository& pendingOrders() { return m_pendingOrders; }
    NotifierRepository& notifiers() { return m_notifiers; }
    SettingRepository& settings() { return m_settings; }

    /// The Secrets backend the user chose for this folder (keychain unless set to file).
    [[nodiscard]] Secrets secrets() const;
    Status setSecretsBackend(Secrets::Backend backend);

private:
    Store(QString dataDir, std::unique_ptr<Database> db);

    QString m_dataDir;
    std::unique_ptr<Database> m_db;
    KeyVault m_vault;
    AccountRepository m_accounts;
    LineageRepository m_lineages;
    CertificateRepository m_certificates;
    ServerRepository m_servers;
    DnsProviderRepository m_dnsProviders;
    EndpointRepository m_endpoints;
    EventRepository m_events;
    RenewalLockRepository m_locks;
    PendingOrderRepository m_pendingOrders;
    NotifierRepository m_notifiers;
    SettingRepository m_settings;
};

} // namespace certdeck::store
