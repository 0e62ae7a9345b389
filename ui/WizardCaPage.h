// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/IssuanceSettings.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QWidget;

namespace certdeck::ui {

/// Step 4: the CA (Let's Encrypt, staging, ZeroSSL / Google with EAB fields, Buypass, a custom
/// directory URL, or the local test CA), a contact address, the CA's terms, and the key type.
class WizardCaPage : public QWizardPage {
    Q_OBJECT
public:
    WizardCaPage(CaChoice defaultCa, crypto::KeyType defaultKey, bool sandboxAvailable, QWidget* parent = nullptr);
    [[nodiscard]] bool isComplete() const override;
    /// Fills the CA, EAB, contact and key fields of `settings`.
    void fill(IssuanceSettings& settings) const;

private:
    void updateVisibility();
    [[nodiscard]] CaChoice ca() const;

    QComboBox* m_ca = nullptr;
    QLabel* m_caDescription = nullptr;
    QLineEdit* m_customUrl = nullptr;
    QWidget* m_customRow = nullptr;
    QWidget* m_eabBox = nullptr;
    QLineEdit* m_eabKid = nullptr;
    QLineEdit* m_eabHmac = nullptr;
    QLineEdit* m_email = nullptr;
    QCheckBox* m_terms = nullptr;
    QComboBox* m_keyType = nullptr;
};

} // namespace certdeck::ui
