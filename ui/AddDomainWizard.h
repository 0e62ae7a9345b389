// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/IssuanceSettings.h"
#include "ui/IssueJob.h"

#include <QWizard>

namespace certdeck::store {
class StoreExecutor;
}

namespace certdeck::ui {

class SandboxService;
class WizardNamesPage;
class WizardPreflightPage;
class WizardChallengePage;
class WizardCaPage;
class WizardIssuePage;
class WizardDeployPage;

/// The guided path from a domain name to a certificate: names → how to answer the CA → CA and key →
/// preflight (DNS and CAA, live, judged against the chosen CA's CAA identities and method) → review →
/// issue with live steps and Cancel → deploy to stored servers (optional) → done.
/// Every network step runs as a coroutine on the event loop; the GUI never waits.
class AddDomainWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId {
        NamesPageId,
        ChallengePageId,
        CaPageId,
        PreflightPageId,
        ReviewPageId,
        IssuePageId,
        DeployPageId,
        DonePageId
    };

    struct Context {
        SandboxService* sandbox = nullptr; ///< the app's local test CA (may be null: no sandbox offered)
        QString dataDir;                   ///< where certificates are saved
        bool sandboxMode = false;          ///< the app runs in --sandbox: everything goes to the test CA
        CaChoice defaultCa = CaChoice::LetsEncrypt;
        crypto::KeyType defaultKeyType = crypto::KeyType::P256;
        /// Stored servers and DNS providers; null: taken from the parent MainWindow, if any.
        store::StoreExecutor* store = nullptr;
        /// Also trust this CA certificate (PEM) for a CA's HTTPS (a private ACME CA; tests' Pebble).
        QString caTrustFile;
        /// "ADDR:PORT": ask this authoritative DNS server (preflight, propagation) instead of the
        /// system resolver and the zone's NS records (local zones; tests).
        QString dnsResolver;
    };

    explicit AddDomainWizard(Context context, QWidget* parent = nullptr);

    [[nodiscard]] const Context& context() const { return m_context; }
    /// Everything chosen so far.
    [[nodiscard]] IssuanceSettings settings() const;
    /// The names as parsed identifiers' values (A-labels), in order; empty while invalid.
    [[nodiscard]] QStringList names() const;

Q_SIGNALS:
    /// Emitted once the certificate is issued and saved (before the done page shows).
    void certificateIssued(const certdeck::ui::IssuedCertificate& issued);

private:
    Context m_context;
    WizardNamesPage* m_names = nullptr;
    WizardPreflightPage* m_preflight = nullptr;
    WizardChallengePage* m_challenge = nullptr;
    WizardCaPage* m_ca = nullptr;
    WizardIssuePage* m_issue = nullptr;
    WizardDeployPage* m_deploy = nullptr;
};

} // namespace certdeck::ui

Q_DECLARE_METATYPE(certdeck::ui::IssuedCertificate)
