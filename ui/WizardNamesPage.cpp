// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WizardNamesPage.h"

#include "core/acme/Identifier.h"
#include "ui/Formatting.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace certdeck::ui {

WizardNamesPage::WizardNamesPage(QWidget* parent)
    : QWizardPage(parent) {
    setObjectName(QStringLiteral("wizardNamesPage"));
    setTitle(tr("Which names should the certificate cover?"));
    setSubTitle(tr("One name per line, e.g. example.com and www.example.com. Use *.example.com for every "
                   "subdomain (needs a DNS challenge)."));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(tr("&Names:"), this);
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(QStringLiteral("wizardNames"));
    m_edit->setAccessibleName(tr("Names for the certificate"));
    m_edit->setPlaceholderText(QStringLiteral("example.com\nwww.example.com"));
    m_edit->setTabChangesFocus(true);
    label->setBuddy(m_edit);
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("wizardNamesPreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::RichText);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_preview);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &WizardNamesPage::update);
    update();
}

QStringList WizardNamesPage::typed() const {
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    return m_edit->toPlainText().split(separators, Qt::SkipEmptyParts);
}

void WizardNamesPage::update() {
    const QStringList entries = typed();
    m_valid.clear();
    if (entries.isEmpty()) {
        m_preview->setText(QString());
        Q_EMIT completeChanged();
        return;
    }
    QStringList lines;
    bool allValid = true;
    for (const QString& e : entries) {
        auto id = acme::Identifier::parse(e);
        if (id) {
            lines << QStringLiteral("✓ %1").arg(Formatting::nameWithPunycode(id->value).toHtmlEscaped());
            m_valid << id->value;
        } else {
            allValid = false;
            lines << QStringLiteral("<span style=\"color:%1\">✗ %2 — %3</span>")
                         .arg(Formatting::stateColor(CertificateState::RenewalFailed, palette()).name(),
                              e.toHtmlEscaped(), id.error().userMessage.toHtmlEscaped());
        }
    }
    if (allValid && m_valid.size() != entries.size())
        allValid = false;
    if (allValid && m_valid.removeDuplicates() > 0) {
        allValid = false;
        lines << tr("A name is listed twice.").toHtmlEscaped();
    }
    if (!allValid)
        m_valid.clear();
    m_preview->setText(lines.join(QStringLiteral("<br>")));
    Q_EMIT completeChanged();
}

bool WizardNamesPage::isComplete() const {
    return !m_valid.isEmpty();
}

} // namespace certdeck::ui
