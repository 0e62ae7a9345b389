// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/RecordDialogParts.h"

#include "ui/Formatting.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace certdeck::ui::RecordDialogParts {

bool isValidName(const QString& name) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$"));
    return re.match(name).hasMatch();
}

QLineEdit* nameEdit(const QString& objectName, const QString& placeholder, QWidget* parent) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(QCoreApplication::translate("RecordDialogParts", "Name"));
    edit->setPlaceholderText(placeholder);
    edit->setMaxLength(63);
    return edit;
}

void keepName(QLineEdit* edit, const QString& name, const QString& why) {
    edit->setText(name);
    edit->setReadOnly(true);
    edit->setToolTip(why);
}

QLabel* addFooter(QDialog* dialog, QVBoxLayout* layout, const QString& prefix, const QString& note, bool editing) {
    auto* noteLabel = new QLabel(note, dialog);
    noteLabel->setWordWrap(true);
    noteLabel->setEnabled(false);
    layout->addWidget(noteLabel);

    auto* error = new QLabel(dialog);
    error->setObjectName(prefix + QStringLiteral("Error"));
    error->setWordWrap(true);
    error->setVisible(false);
    QPalette p = error->palette();
    p.setColor(QPalette::WindowText, Formatting::stateColor(CertificateState::Expired, dialog->palette()));
    error->setPalette(p);
    layout->addWidget(error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->setObjectName(prefix + QStringLiteral("Buttons"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(prefix + QStringLiteral("Ok"));
    buttons->button(QDialogButtonBox::Ok)
        ->setText(editing ? QCoreApplication::translate("RecordDialogParts", "&Save")
                          : QCoreApplication::translate("RecordDialogParts", "&Add"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(prefix + QStringLiteral("Cancel"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    return error;
}

void showProblem(QLabel* line, const QString& text) {
    line->setText(text);
    line->setVisible(true);
}

std::optional<SecureBytes> secretFromText(const QString& text) {
    if (text.isEmpty())
        return std::nullopt;
    QByteArray bytes = text.toUtf8();
    SecureBytes s(bytes);
    SecureBytes::wipe(bytes);
    return s;
}

} // namespace certdeck::ui::RecordDialogParts
