// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/IssuanceSettings.h"

#include "core/common/CancelToken.h"

#include <QCoroTask>
#include <QWizardPage>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QWidget;

namespace certdeck::ui {

/// Step 3: the CA (Let's Encrypt, staging, ZeroSSL / Google with EAB fields, Buypass, a custom
/// directory URL, or the local test CA), a contact address, the CA's terms, the certificate profile
/// (read from the chosen CA's directory, meta.profiles, one plain line each), the key type, and
/// "Try against staging first" (on by default for a CA with a staging twin).
/// The local test CA validates only against this computer: chosen while the challenge page (which comes
/// before) answers by DNS or through an SSH server's webroot, it is refused with a plain note saying what
/// to do (wizardCaSandboxNote) and Next stays off until the CA or the challenge changes.
class WizardCaPage : public QWizardPage {
    Q_OBJECT
public:
    WizardCaPage(CaChoice defaultCa, crypto::KeyType defaultKey, bool sandboxAvailable, QWidget* parent = nullptr);
    [[nodiscard]] bool isComplete() const override;
    /// Fills the CA, EAB, contact and key fields of `settings`.
    void fill(IssuanceSettings& settings) const;
    void initializePage() override;
    /// False while the chosen CA's directory is being read for its profiles (tests wait for it).
    [[nodiscard]] bool isReadingProfiles() const { return m_readingProfiles; }
    /// The local test CA is chosen with a challenge it cannot validate (dns-01, an SSH server's webroot).
    [[nodiscard]] bool sandboxConflict() const;

Q_SIGNALS:
    void profilesRead();

private:
    void updateVisibility();
    [[nodiscard]] bool needsEab() const;
    [[nodiscard]] QUrl chosenDirectory() const;
    void prefillEab();
    void readProfiles();
    QCoro::Task<void> fetchProfiles(QUrl url, QString trustFile, int generation);
    [[nodiscard]] CaChoice ca() const;
    /// The challenge page's method; nullopt outside an AddDomainWizard.
    [[nodiscard]] std::optional<ChallengeMethod> challengeMethod() const;

    QComboBox* m_ca = nullptr;
    QLabel* m_caDescription = nullptr;
    QLabel* m_sandboxNote = nullptr;
    QLineEdit* m_customUrl = nullptr;
    QWidget* m_customRow = nullptr;
    QWidget* m_eabBox = nullptr;
    QLineEdit* m_eabKid = nullptr;
    QLineEdit* m_eabHmac = nullptr;
    QLineEdit* m_email = nullptr;
    QCheckBox* m_terms = nullptr;
    QComboBox* m_keyType = nullptr;
    QComboBox* m_profile = nullptr;
    QLabel* m_profileNote = nullptr;
    QCheckBox* m_staging = nullptr;
    CancelToken m_profileCancel;
    int m_profileGeneration = 0;
    bool m_readingProfiles = false;
    QUrl m_profilesFor;
    bool m_directoryWantsEab = false; ///< the chosen directory's meta.externalAccountRequired
    QString m_storedKid;              ///< the key ID whose HMAC key is in Secrets for this CA
};

} // namespace certdeck::ui
