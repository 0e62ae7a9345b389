// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Progress.h"
#include "core/deploy/DeployResult.h"
#include "core/deploy/DeployTarget.h"
#include "core/store/ServerRepository.h"
#include "ui/IssueJob.h"

#include <QCoroTask>
#include <QJsonObject>
#include <QList>
#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace certdeck::store {
class StoreExecutor;
}

namespace certdeck::ui {

/// After issuance: where the certificate goes. Deploy targets are built from a stored server and a
/// preset (nginx, Apache, HAProxy, Postfix, Dovecot, generic) that fills the file paths, the
/// configuration test, the reload command and the verify port — all editable; commands are argv
/// lists (split like a shell would, never run through one). "Deploy" installs on every target
/// (core/deploy Deployer: upload, reload, TLS verify, rollback) and shows per server what it now
/// serves (the new fingerprint) or the error with its detail behind "Details…". The targets are saved
/// on the certificate's lineage in the store so renewals deploy the same way. Optional: Next skips.
class WizardDeployPage : public QWizardPage {
    Q_OBJECT
public:
    WizardDeployPage(store::StoreExecutor* store, QWidget* parent = nullptr);
    ~WizardDeployPage() override;

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

    /// The certificate to deploy (from the issue page).
    void setIssued(const IssuedCertificate& issued);

    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] bool isDeploying() const { return m_deploying; }
    [[nodiscard]] int targetCount() const { return m_entries.size(); }
    [[nodiscard]] const QList<deploy::DeployResult>& results() const { return m_results; }
    /// The targets as kept on the lineage (see workflow::deployTargetFromJson for the format).
    [[nodiscard]] QList<QJsonObject> targetEntries() const { return m_entries; }

Q_SIGNALS:
    void loaded();
    void deployFinished();

private:
    QCoro::Task<void> load();
    QCoro::Task<void> deployAll();
    QCoro::Task<void> deployFrom(int index);
    [[nodiscard]] store::ServerRecord serverNamed(const QString& name) const;
    void applyPreset();
    void applyDirectory();
    void addTarget();
    void showResults();
    [[nodiscard]] Result<deploy::DeployTarget> targetFor(const QJsonObject& entry) const;
    [[nodiscard]] QJsonObject entryFromForm() const;

    store::StoreExecutor* m_store;
    QList<store::ServerRecord> m_servers;
    IssuedCertificate m_issued;
    QList<QJsonObject> m_entries;
    QList<deploy::DeployResult> m_results;
    Progress m_progress;
    CancelToken m_cancel;
    bool m_loaded = false;
    bool m_deploying = false;

    QTreeWidget* m_targets = nullptr;
    QComboBox* m_server = nullptr;
    QComboBox* m_preset = nullptr;
    QLineEdit* m_directory = nullptr;
    QLineEdit* m_certPath = nullptr;
    QLineEdit* m_keyPath = nullptr;
    QLineEdit* m_configTest = nullptr;
    QLineEdit* m_reload = nullptr;
    QLineEdit* m_verifyHost = nullptr;
    QSpinBox* m_verifyPort = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_deploy = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_details = nullptr;
    QPlainTextEdit* m_detailText = nullptr;
};

} // namespace certdeck::ui
