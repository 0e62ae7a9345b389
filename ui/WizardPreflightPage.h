// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"
#include "ui/IssuanceSettings.h"

#include <QCoroTask>
#include <QWizardPage>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace certdeck::dns {
struct PreflightReport;
}

namespace certdeck::ui {

class SandboxService;

/// Step 2: what the CA will see when it looks the names up, checked live as the page opens (core/dns
/// Preflight: A/AAAA, CNAME, CAA, method fit). Each finding with its advice; a record to add can be
/// copied. Blockers keep Next disabled until fixed (Check again) or deliberately overridden.
class WizardPreflightPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardPreflightPage(SandboxService* sandbox, bool sandboxMode, QWidget* parent = nullptr);
    ~WizardPreflightPage() override;

    void initializePage() override;
    void cleanupPage() override;
    [[nodiscard]] bool isComplete() const override;

    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool hasBlockers() const { return m_blockers; }
    /// The CAA issuer domains the last check judged against (the chosen CA's).
    [[nodiscard]] QStringList caIdentities() const { return m_caIdentities; }

    /// Shows a report as if the check had just produced it, dropping a check still running (screenshots
    /// and tests feed a known report; the page's own check ends here too).
    void setReport(const dns::PreflightReport& report);

Q_SIGNALS:
    /// The check finished (tests wait for it).
    void checked();

private:
    void startCheck();
    QCoro::Task<void> check(QStringList names, IssuanceSettings settings, int generation);
    QCoro::Task<Result<quint16>> sandboxDnsPort(bool sandboxCa);
    QCoro::Task<QStringList> caaIdentities(IssuanceSettings settings, CancelToken cancel);
    void showReport(const dns::PreflightReport& report);
    void updateRowHeights();

    SandboxService* m_sandbox;
    bool m_sandboxMode;
    QLabel* m_status = nullptr;
    QTreeWidget* m_results = nullptr;
    QPushButton* m_again = nullptr;
    QCheckBox* m_override = nullptr;
    CancelToken m_cancel;
    int m_generation = 0;
    bool m_running = false;
    bool m_blockers = false;
    QStringList m_caIdentities;
};

} // namespace certdeck::ui
