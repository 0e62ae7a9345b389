// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;

namespace certdeck::ui {

/// The last step: what was issued, until when, where the files are, and what happens next.
class WizardDonePage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardDonePage(QWidget* parent = nullptr);
    void setIssued(const QString& names, const QString& validUntil, const QString& folder, bool sandbox);

private:
    QLabel* m_text = nullptr;
};

} // namespace certdeck::ui
