// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;

namespace certdeck::ui {

/// Step 5: everything chosen, in plain words, before the order is placed. A commit page: its
/// button says "Issue", and there is no way back once ordering has started.
class WizardReviewPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardReviewPage(QWidget* parent = nullptr);
    void initializePage() override;

private:
    QLabel* m_summary = nullptr;
};

} // namespace certdeck::ui
