// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;

namespace certdeck::ui {

/// Step 1: the names, one per line (or separated by spaces or commas). Internationalised names are
/// shown with the punycode the CA will see; a wildcard is allowed. Next is enabled once every name
/// is valid.
class WizardNamesPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardNamesPage(QWidget* parent = nullptr);
    [[nodiscard]] bool isComplete() const override;
    /// The names as the CA sees them (A-labels), empty while any is invalid.
    [[nodiscard]] QStringList names() const { return m_valid; }
    [[nodiscard]] QStringList typed() const;

private:
    void update();

    QPlainTextEdit* m_edit = nullptr;
    QLabel* m_preview = nullptr;
    QStringList m_valid;
};

} // namespace certdeck::ui
