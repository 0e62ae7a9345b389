// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/deploy/DeployResult.h"

#include <QCoroTask>
#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace certdeck::ui {

class MessageBar;

/// The toolbar's Deploy: installs a lineage's current certificate on its stored deploy targets
/// (workflow::deployLineage — upload, reload, TLS verification, rollback; one event per target) and
/// shows one row per target: "Served" with the fingerprint the server now presents when it matches
/// the stored certificate, or the plain error (its detail behind "Details…" in the message bar, for
/// the selected row). The SSH and TLS work is asynchronous (libssh through runBlocking inside the
/// Deployer); the few small store reads the workflow makes use a Store of the dialog's own on this
/// thread, as the in-app renewal does.
class DeployDialog : public QDialog {
    Q_OBJECT
public:
    DeployDialog(QString dataDir, QString lineage, QWidget* parent = nullptr);

    /// Starts the deployment (once).
    void start();
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] const QList<deploy::DeployResult>& results() const { return m_results; }
    /// The current certificate's SHA-256 ("AB:CD:…") the servers are compared with.
    [[nodiscard]] QString expectedFingerprint() const { return m_expected; }

Q_SIGNALS:
    /// Every target was tried.
    void deploymentFinished();

private:
    QCoro::Task<void> run();
    void showResults();
    void showSelected();

    QString m_dataDir;
    QString m_lineage;
    QString m_expected;
    QList<deploy::DeployResult> m_results;
    QLabel* m_status = nullptr;
    QTreeWidget* m_table = nullptr;
    MessageBar* m_message = nullptr;
    QPushButton* m_close = nullptr;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace certdeck::ui
