// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Error.h"
#include "core/common/Progress.h"
#include "ui/IssuanceSettings.h"

#include <QHash>
#include <QPointer>
#include <QWizardPage>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;

namespace certdeck::ui {

class IssueJob;
class PropagationView;

/// Step 6: the order, live. Each step the workflow reports (account, order, each authorization,
/// validation, finalize, download, save) appears and updates in place; Cancel stops it (the
/// workflow still cleans up what it presented). On failure: the error's plain message, its
/// technical detail behind "Details…", and Try again.
class WizardIssuePage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardIssuePage(QWidget* parent = nullptr);
    ~WizardIssuePage() override;

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] bool succeeded() const { return m_succeeded; }
    [[nodiscard]] PropagationView* propagationView() const { return m_propagation; }
    /// What to do next after `error`, in one sentence (empty for a cancel).
    static QString wayForward(const Error& error, const IssuanceSettings& settings);

Q_SIGNALS:
    void issueFinished(bool ok);

private:
    void startJob();
    void onStep(const certdeck::ProgressStep& step);
    void onFinished();

    QListWidget* m_steps = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_details = nullptr;
    QPushButton* m_retry = nullptr;
    QPlainTextEdit* m_detailText = nullptr;
    PropagationView* m_propagation = nullptr;
    QPointer<IssueJob> m_job;
    QHash<QString, QListWidgetItem*> m_items;
    bool m_succeeded = false;
};

} // namespace certdeck::ui
