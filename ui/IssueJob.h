// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "ui/CertificateRow.h"
#include "ui/IssuanceSettings.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>

#include <memory>

namespace certdeck::workflow {
class Sandbox;
}

namespace certdeck::ui {

class SandboxService;

/// What an issuance produced, as the UI needs it.
struct IssuedCertificate {
    CertificateRow row;
    QString folder; ///< cert.pem, chain.pem, fullchain.pem, privkey.pem
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

    void start();
    void cancel();
    /// Cancels (if running) and lets the job delete itself when done.
    void abandon();

    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] Progress* progress() { return &m_progress; }
    /// Valid after finished().
    [[nodiscard]] const Result<IssuedCertificate>& result() const { return m_result; }

    /// Where certificates for `firstName` are saved.
    static QString certificateFolder(const QString& dataDir, const QString& firstName, bool sandbox);

Q_SIGNALS:
    void finished();

private:
    QCoro::Task<void> run();
    QCoro::Task<Result<IssuedCertificate>> issue();
    QCoro::Task<Result<std::shared_ptr<workflow::Sandbox>>> startSandbox();

    IssuanceSettings m_settings;
    QPointer<SandboxService> m_sandbox;
    QString m_dataDir;
    Progress m_progress;
    CancelToken m_cancel;
    Result<IssuedCertificate> m_result;
    bool m_running = false;
    bool m_abandoned = false;
};

} // namespace certdeck::ui
