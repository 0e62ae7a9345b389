// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/Identifier.h"
#include "core/common/CancelToken.h"
#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/PrivateKey.h"
#include "core/ssh/AuthOptions.h"
#include "core/ssh/SshTarget.h"
#include "core/store/ServerRepository.h"
#include "core/workflow/IssueCertificate.h"
#include "ui/CertificateRow.h"
#include "ui/IssuanceSettings.h"

#include <QCoroTask>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <memory>

namespace certdeck::workflow {
class Sandbox;
}
namespace certdeck::acme {
class ChallengeSolver;
}
namespace certdeck::dns {
class DnsProvider;
}
namespace certdeck::net {
class HttpClient;
}
namespace certdeck::ssh {
class SshSession;
}
namespace certdeck::store {
class StoreExecutor;
}

namespace certdeck::ui {

class SandboxService;
class WizardManualDnsSolver;

/// What an issuance produced, as the UI needs it.
struct IssuedCertificate {
    CertificateRow row;
    QString folder; ///< cert.pem, chain.pem, fullchain.pem, privkey.pem
    /// The lineage it is kept under in the store; empty when saved as plain files (the sandbox).
    QString lineageName;
    /// Leaf first, then the CA certificates, and the key: what a deployment installs.
    QList<crypto::Certificate> chain;
    crypto::PrivateKey key;
};

/// One certificate order driven from the UI: opens (or registers) the account, runs the issuance
/// workflow with the chosen challenge solver, saves the files certbot-style under
/// `<dataDir>/live/<name>/` (`<dataDir>/sandbox/live/<name>/` for the test CA) and reports each step
/// through progress(). Everything runs as coroutines on the GUI thread's event loop; blocking parts
/// (key generation, file writes) are off it inside the workflow.
///
/// Lifetime: a job may outlive the page that started it. Call abandon() instead of deleting it
/// while running: it cancels, and the job deletes itself once the workflow has cleaned up.
class IssueJob : public QObject {
    Q_OBJECT
public:
    IssueJob(IssuanceSettings settings, SandboxService* sandbox, QString dataDir, QObject* parent = nullptr);
    ~IssueJob() override;

    /// Where stored servers and DNS providers (and their secrets) come from; needed for the remote
    /// webroot and stored-provider methods. Not owned; must outlive the job.
    void setStore(store::StoreExecutor* store) { m_store = store; }

    void start();
    void cancel();
    /// Cancels (if running) and lets the job delete itself when done.
    void abandon();

    [[nodiscard]] bool isRunning() const { return m_running; }
    /// Manual dns-01: ask every name server again now / stop waiting for them and let the CA look.
    void checkPropagationNow();
    void continueWithoutPropagation();
    [[nodiscard]] Progress* progress() { return &m_progress; }
    /// Valid after finished().
    [[nodiscard]] const Result<IssuedCertificate>& result() const { return m_result; }

    /// The SSH endpoint of a stored server: host keys checked against Certdeck's own
    /// `<dataDir>/known_hosts` (where the Servers section records the key the user confirmed) and the
    /// user's ~/.ssh/known_hosts; an unknown or changed key refuses the connection.
    static ssh::SshTarget sshTargetFor(const store::ServerRecord& server, const QString& dataDir);
    /// The login secrets of a stored server (password, key passphrase) from its Secrets entry.
    static QCoro::Task<Result<ssh::AuthOptions>> authFor(store::StoreExecutor* executor, store::ServerRecord server);

    /// Where certificates for `firstName` are saved.
    static QString certificateFolder(const QString& dataDir, const QString& firstName, bool sandbox);

Q_SIGNALS:
    void finished();

private:
    QCoro::Task<void> run();
    QCoro::Task<Result<IssuedCertificate>> issue();
    QCoro::Task<Result<std::shared_ptr<workflow::Sandbox>>> startSandbox();
    QCoro::Task<Result<workflow::IssueResult>> order(QList<acme::Identifier> ids, QUrl directory, QString trustFile,
                                                     QString accountsDir);
    QCoro::Task<Result<SecureBytes>> eabHmacKey(QUrl directory, bool wanted);
    QCoro::Task<void> rememberEab(QUrl directory, bool used);
    QCoro::Task<Status> dryRunOrder(QList<acme::Identifier> ids, QUrl directory, QString trustFile,
                                    QString accountsDir);
    QCoro::Task<Result<QString>> save(workflow::IssueResult issued, QList<acme::Identifier> ids, QUrl directory,
                                      QString lineageName);
    [[nodiscard]] QJsonObject challengeSettings() const;
    QCoro::Task<Status> prepareSolver(std::shared_ptr<workflow::Sandbox> sandbox);
    QCoro::Task<Status> prepareDnsProvider();
    QCoro::Task<Status> prepareRemoteWebroot();

    IssuanceSettings m_settings;
    QPointer<SandboxService> m_sandbox;
    QString m_dataDir;
    store::StoreExecutor* m_store = nullptr;
    // The solver and what it works through; members so they outlive every co_await of the order.
    std::unique_ptr<acme::ChallengeSolver> m_solver;
    WizardManualDnsSolver* m_manualDns = nullptr; ///< m_solver, when the record is added by hand
    std::unique_ptr<net::HttpClient> m_providerHttp;
    std::unique_ptr<dns::DnsProvider> m_provider;
    std::shared_ptr<ssh::SshSession> m_session;
    Progress m_progress;
    CancelToken m_cancel;
    Result<IssuedCertificate> m_result;
    bool m_running = false;
    bool m_abandoned = false;
};

} // namespace certdeck::ui
