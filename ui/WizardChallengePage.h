// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/IssuanceSettings.h"

#include <QWizardPage>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace certdeck::ui {

/// Step 3: how the CA's challenge is answered. The built-in responder (the sandbox's, or port 80 here)
/// and a local web server folder work today; an SSH server's webroot and dns-01 are shown, disabled,
/// with an honest note until their core pieces land. Wildcards need dns-01.
class WizardChallengePage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardChallengePage(bool sandboxMode, QWidget* parent = nullptr);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

    [[nodiscard]] ChallengeMethod method() const;
    [[nodiscard]] QString webroot() const;

private:
    bool m_sandboxMode;
    QButtonGroup* m_group = nullptr;
    QRadioButton* m_builtIn = nullptr;
    QRadioButton* m_localWebroot = nullptr;
    QRadioButton* m_remote = nullptr;
    QRadioButton* m_dns = nullptr;
    QLineEdit* m_webroot = nullptr;
    QLabel* m_wildcardNote = nullptr;
    bool m_hasWildcard = false;
};

} // namespace certdeck::ui
