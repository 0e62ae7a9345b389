// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace certdeck::ui {

/// Where and how to export a certificate with its key: a folder of PEM files (cert, chain,
/// fullchain, privkey) or one PKCS#12 file protected by a password typed twice. Only asks; the
/// details dialog writes the files (0600 for anything holding the key).
class CertificateExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Format { PemFolder, Pkcs12 };

    CertificateExportDialog(const QString& lineage, QWidget* parent = nullptr);

    [[nodiscard]] Format format() const;
    [[nodiscard]] QString folder() const;
    /// The PKCS#12 password (empty for PEM); wiped with the returned object.
    [[nodiscard]] SecureBytes password() const;

private:
    void validate();

    QString m_lineage;
    QComboBox* m_format = nullptr;
    QLineEdit* m_folder = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_repeat = nullptr;
    QLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace certdeck::ui
