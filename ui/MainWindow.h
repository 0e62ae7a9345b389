// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Error.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QListWidget;
class QStackedWidget;

namespace certdeck::store {
class StoreExecutor;
}

namespace certdeck::ui {

class AddDomainWizard;
class CertificatesPage;
class DashboardPage;
class DeployDialog;
class RenewalService;
class SandboxService;
class TrayNotifier;

/// The main window: a sidebar of sections and a stack of pages, the toolbar (Add domain, Renew,
/// Deploy, Check DNS), a status line with the next renewal, and a tray icon when the desktop has a
/// tray. Remembers its geometry.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        bool sandboxMode = false;     ///< --sandbox: the local test CA is the default and preflight asks its DNS
        QString dataDir;              ///< empty: workflow::AccountFiles::defaultDataDir()
        bool loadCertificates = true; ///< read the saved certificates at start (off the GUI thread)
        /// Whether systemd --user runs here (the Install… button writes units) or not (it shows a
        /// crontab line); unset: detect.
        std::optional<bool> systemd;
        bool enableTimer = true;       ///< after writing the units, `systemctl --user enable --now` the timer
        QString cliProgram;            ///< certdeck-cli for the units; empty: UnattendedRenewal::cliProgram()
        bool backgroundRenewal = true; ///< renew due lineages while the window is open (RenewalService)
    };

    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] DashboardPage* dashboard() const { return m_dashboard; }
    [[nodiscard]] CertificatesPage* certificatesPage() const { return m_certificates; }
    [[nodiscard]] SandboxService* sandbox() const { return m_sandbox; }
    [[nodiscard]] TrayNotifier* tray() const { return m_tray; }
    [[nodiscard]] RenewalService* renewal() const { return m_renewal; }
    [[nodiscard]] QString dataDir() const { return m_options.dataDir; }
    /// The store of dataDir(), on its own thread: every screen reads and writes through it.
    [[nodiscard]] store::StoreExecutor* store() const { return m_store.get(); }

    /// Opens the add-domain wizard (or raises the open one) and returns it.
    AddDomainWizard* openAddDomainWizard();
    /// Shows the details of a certificate by its id (a dashboard row, or "lineage:<name>" read from
    /// the store when the dashboard does not show it).
    void openCertificateDetails(const QString& id);
    /// The store lineage the toolbar acts on: the selected row of the Certificates page when it is
    /// shown, else the dashboard's selected row (empty: none, or not a lineage).
    [[nodiscard]] QString selectedLineage() const;
    /// The toolbar's Renew: the selected lineage now (forced), or with nothing selected every
    /// certificate that is due. Progress and the result show in the status bar.
    void renewSelected();
    /// The toolbar's Deploy: the selected lineage's current certificate to its stored targets, results
    /// in a DeployDialog (returned; null when nothing is selected).
    DeployDialog* deploySelected();
    /// The toolbar's Check DNS: the wizard, with the selected certificate's names filled in.
    void checkDns();
    void openSettings();
    /// Re-reads one lineage's row from the store into the dashboard (after a renewal, a revoke…).
    void reloadCertificate(const QString& lineage);
    /// The status line's "Install…": writes and enables the systemd user timer, or shows the crontab
    /// line where there is no systemd.
    void installUnattendedRenewal();

Q_SIGNALS:
    /// The saved certificates have been read (at start).
    void certificatesLoaded();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void updateActions();
    void showRenewalDetails();
    void addSection(const QString& objectName, const QString& title, const QString& icon, QWidget* page);
    void updateStatus();
    void loadCertificates();
    void showStoreError(const Error& error);
    void showError(const QString& title, const Error& error);
    [[nodiscard]] bool systemdUser() const;
    [[nodiscard]] bool isUnattendedRenewalInstalled() const;
    void updateUnattendedStatus();

    Options m_options;
    std::unique_ptr<store::StoreExecutor> m_store;
    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_pages = nullptr;
    DashboardPage* m_dashboard = nullptr;
    CertificatesPage* m_certificates = nullptr;
    QAction* m_renewAction = nullptr;
    QAction* m_deployAction = nullptr;
    QAction* m_checkDnsAction = nullptr;
    QPushButton* m_renewDetails = nullptr;
    QString m_failedLineage;     ///< the last renewal that failed (its error behind m_renewDetails)
    int m_actionsGeneration = 0; ///< drops stale deploy-target counts
    SandboxService* m_sandbox = nullptr;
    TrayNotifier* m_tray = nullptr;
    RenewalService* m_renewal = nullptr;
    QLabel* m_nextRenewal = nullptr;
    QLabel* m_unattended = nullptr;
    QPushButton* m_installTimer = nullptr;
    QPointer<AddDomainWizard> m_wizard;
};

} // namespace certdeck::ui
