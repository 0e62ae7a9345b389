// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ssh/HostKeyInfo.h"

#include <QDialog>

class QCheckBox;
class QPushButton;

namespace certdeck::ui {

/// First contact with a server, or a host key that changed.
///
/// Unknown key: shows the key type and its SHA256 fingerprint exactly as `ssh` prints it, says how
/// to read the same fingerprint on the server's console, and offers "Trust" (never the default
/// button: Enter cancels) and "Cancel".
///
/// Changed key: a red stop. Says in plain words what it may mean (the server was reinstalled, or
/// someone is in the middle) and what to do after checking. There is no trust button; "Replace the
/// recorded key" is enabled only after the user ticks that they compared the new fingerprint on the
/// server — two deliberate steps.
///
/// The caller acts on the result: Decision::Trust / Decision::Replace as the dialog's result code.
class HostKeyDialog : public QDialog {
    Q_OBJECT
public:
    enum Decision { Cancel = QDialog::Rejected, Trust = QDialog::Accepted, Replace = 2 };

    /// `serverName`: the server's name in Certdeck; `recordedFingerprint`: the key Certdeck trusted
    /// before (Changed only; may be empty when the old key came from ~/.ssh/known_hosts).
    HostKeyDialog(const ssh::HostKeyInfo& key, const QString& serverName, const QString& recordedFingerprint,
                  QWidget* parent = nullptr);

    [[nodiscard]] const ssh::HostKeyInfo& key() const { return m_key; }

    /// The file on the server whose fingerprint `ssh-keygen -lf` prints for this key type.
    static QString serverKeyFile(const QString& keyType);

private:
    ssh::HostKeyInfo m_key;
    QCheckBox* m_checked = nullptr;
    QPushButton* m_replace = nullptr;
};

} // namespace certdeck::ui
