// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"
#include "core/store/ServerRepository.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace certdeck::ui {

/// Add or edit an SSH server: name, host (or ~/.ssh/config alias), port, user, how to log in (ssh-agent,
/// a key file, a password) and whether to read ~/.ssh/config. The password or key passphrase typed
/// here is handed out by secret() for the caller to put in the keychain; it never reaches the record.
/// Editing keeps the name (it names the keychain entry and deploy targets) and leaves the stored secret
/// alone unless something new is typed.
class ServerDialog : public QDialog {
    Q_OBJECT
public:
    /// `existing`: the server to edit; std::nullopt to add one.
    explicit ServerDialog(const std::optional<store::ServerRecord>& existing, QWidget* parent = nullptr);

    /// The server as entered (id and host key carried over when editing).
    [[nodiscard]] store::ServerRecord record() const;
    /// The password / key passphrase typed, if any; empty optional: keep what is stored.
    [[nodiscard]] std::optional<SecureBytes> secret() const;
    /// The auth method no longer uses a stored secret (agent, or a key without passphrase change).
    [[nodiscard]] bool secretNoLongerNeeded() const;

    /// Names: letters, digits, . _ - (they name keychain entries and appear in deploy targets).
    static bool isValidName(const QString& name);

    void accept() override;

private:
    void updateAuthFields();
    [[nodiscard]] QString authMethod() const;

    std::optional<store::ServerRecord> m_existing;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_user = nullptr;
    QComboBox* m_auth = nullptr;
    QLineEdit* m_keyFile = nullptr;
    QPushButton* m_browse = nullptr;
    QLabel* m_keyFileLabel = nullptr;
    QLabel* m_secretLabel = nullptr;
    QLineEdit* m_secret = nullptr;
    QCheckBox* m_sshConfig = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace certdeck::ui
