// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"
#include "core/store/NotifierRepository.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace certdeck::ui {

/// Add or edit a notification target the way `certdeck-cli notify add` stores it: a webhook (URL and
/// format json/ntfy/slack/discord) or e-mail (SMTP host, port, security, from, to, optional user and
/// password, optional extra CA file). The webhook URL (Slack and Discord URLs are credentials) and the
/// SMTP password are handed out by secret() for the caller to put in the keychain; the record holds
/// only what `notify list` may show. Editing keeps the name and the stored secret unless a new one is
/// typed. Child objectNames: notifierName, notifierKind, notifierWebhookUrl, notifierWebhookFormat,
/// notifierSmtpHost, notifierSmtpPort, notifierSmtpSecurity, notifierSmtpFrom, notifierSmtpTo,
/// notifierSmtpUser, notifierSmtpPassword, notifierSmtpCaFile, plus RecordDialogParts' notifierDialog*.
class NotifierDialog : public QDialog {
    Q_OBJECT
public:
    /// `existing`: the target to edit; std::nullopt to add one.
    explicit NotifierDialog(const std::optional<store::NotifierRecord>& existing, QWidget* parent = nullptr);

    /// The target as entered (id carried over when editing). For a webhook whose URL was not retyped
    /// while editing, the stored "host" stays.
    [[nodiscard]] store::NotifierRecord record() const;
    /// The webhook URL or SMTP password typed; empty optional: keep what is stored (or none needed).
    [[nodiscard]] std::optional<SecureBytes> secret() const;
    /// The target no longer has a secret (e-mail without a user name): its keychain entry can go.
    [[nodiscard]] bool secretNoLongerNeeded() const;

    void accept() override;

private:
    void updateKind();
    [[nodiscard]] bool isWebhook() const;

    std::optional<store::NotifierRecord> m_existing;
    QLineEdit* m_name = nullptr;
    QComboBox* m_kind = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLineEdit* m_url = nullptr;
    QComboBox* m_format = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QComboBox* m_security = nullptr;
    QLineEdit* m_from = nullptr;
    QLineEdit* m_to = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_caFile = nullptr;
    QPushButton* m_caBrowse = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace certdeck::ui
