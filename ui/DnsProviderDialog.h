// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"
#include "core/store/DnsProviderRepository.h"

#include <QDialog>
#include <QMap>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace certdeck::ui {

/// Add or edit a DNS provider: a name, the type (the ones core/dns's DnsProviderFactory builds), and
/// only the settings that type needs, under the same keys `certdeck-cli dns-provider add --set` uses,
/// so a provider added here works in `certdeck-cli issue --dns NAME` and the other way round. The
/// credential (API token, TSIG secret, acme-dns password) is handed out by secret() for the caller to
/// put in the keychain; it never reaches the record. Editing keeps the name (it names the keychain
/// entry "dns/NAME") and leaves the stored credential alone unless something new is typed; settings
/// this dialog does not show (a cloud API's "url" set on the command line) are kept.
class DnsProviderDialog : public QDialog {
    Q_OBJECT
public:
    /// `existing`: the provider to edit; std::nullopt to add one.
    explicit DnsProviderDialog(const std::optional<store::DnsProviderRecord>& existing, QWidget* parent = nullptr);

    /// The provider as entered (settings for its type only; id carried over when editing).
    [[nodiscard]] store::DnsProviderRecord record() const;
    /// The credential typed, if any; empty optional: keep what is stored.
    [[nodiscard]] std::optional<SecureBytes> secret() const;

    /// Shows a problem found after the dialog closed its checks (the settings did not build a provider).
    void showProblem(const QString& text);

    /// A person-readable name of a provider type ("RFC 2136 (TSIG)", "Cloudflare").
    static QString typeLabel(const QString& type);
    /// Names: letters, digits, . _ - (they name keychain entries and appear in `--dns NAME`).
    static bool isValidName(const QString& name);

    void accept() override;

private:
    enum class Field {
        Server,
        Port,
        KeyName,
        Algorithm,
        Url,
        ServerId,
        Zone,
        Username,
        Subdomain,
        Fulldomain,
        Program,
        Arguments,
        Timeout,
        Secret
    };
    [[nodiscard]] QString type() const;
    [[nodiscard]] QList<Field> fieldsFor(const QString& type) const;
    [[nodiscard]] QString text(Field field) const;
    void updateFields();
    void fill(const store::DnsProviderRecord& existing);
    QLineEdit* addLine(Field field, const QString& objectName, const QString& label, const QString& accessible,
                       const QString& placeholder);

    std::optional<store::DnsProviderRecord> m_existing;
    QFormLayout* m_form = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_type = nullptr;
    QMap<Field, QWidget*> m_fields;
    QMap<Field, QLabel*> m_labels;
    QSpinBox* m_port = nullptr;
    QComboBox* m_algorithm = nullptr;
    QSpinBox* m_timeout = nullptr;
    QLabel* m_help = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace certdeck::ui
