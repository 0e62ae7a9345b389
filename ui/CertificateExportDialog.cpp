// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CertificateExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace certdeck::ui {

CertificateExportDialog::CertificateExportDialog(const QString& lineage, QWidget* parent)
    : QDialog(parent)
    , m_lineage(lineage) {
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export %1").arg(lineage));
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("The export includes the private key: keep the files somewhere only you can read."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->setAccessibleName(tr("Format"));
    m_format->addItem(tr("PEM files in a folder (cert, chain, fullchain, privkey)"));
    m_format->addItem(tr("PKCS#12 file (.p12) with a password"));
    form->addRow(tr("&Format:"), m_format);

    auto* folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/') + lineage, this);
    m_folder->setObjectName(QStringLiteral("exportFolder"));
    m_folder->setAccessibleName(tr("Folder"));
    auto* browse = new QPushButton(tr("Choose…"), this);
    browse->setObjectName(QStringLiteral("exportBrowse"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export to"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("F&older:"), folderRow);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("exportPassword"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("exportPasswordRepeat"));
    m_repeat->setAccessibleName(tr("Password again"));
    m_repeat->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Again:"), m_repeat);
    layout->addLayout(form);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("exportHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_hint);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("exportOk"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &CertificateExportDialog::validate);
    connect(m_folder, &QLineEdit::textChanged, this, &CertificateExportDialog::validate);
    connect(m_password, &QLineEdit::textChanged, this, &CertificateExportDialog::validate);
    connect(m_repeat, &QLineEdit::textChanged, this, &CertificateExportDialog::validate);
    validate();
    resize(560, sizeHint().height());
}

CertificateExportDialog::Format CertificateExportDialog::format() const {
    return m_format->currentIndex() == 1 ? Format::Pkcs12 : Format::PemFolder;
}

QString CertificateExportDialog::folder() const {
    return QDir::cleanPath(m_folder->text().trimmed());
}

SecureBytes CertificateExportDialog::password() const {
    return format() == Format::Pkcs12 ? SecureBytes(m_password->text().toUtf8()) : SecureBytes();
}

void CertificateExportDialog::validate() {
    const bool p12 = format() == Format::Pkcs12;
    m_password->setEnabled(p12);
    m_repeat->setEnabled(p12);
    QString hint;
    bool ok = !m_folder->text().trimmed().isEmpty();
    if (!ok)
        hint = tr("Choose a folder.");
    else if (p12 && m_password->text().isEmpty()) {
        ok = false;
        hint = tr("A PKCS#12 file holds the private key: give it a password.");
    } else if (p12 && m_password->text() != m_repeat->text()) {
        ok = false;
        hint = tr("The two passwords differ.");
    } else {
        hint = p12 ? tr("Writes %1.p12 into the folder (readable only by you).").arg(m_lineage)
                   : tr("Writes cert.pem, chain.pem, fullchain.pem and privkey.pem (readable only by you).");
    }
    m_hint->setText(hint);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace certdeck::ui
