// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WizardDonePage.h"

#include <QDir>
#include <QLabel>
#include <QUrl>
#include <QVBoxLayout>

namespace certdeck::ui {

WizardDonePage::WizardDonePage(QWidget* parent)
    : QWizardPage(parent) {
    setObjectName(QStringLiteral("wizardDonePage"));
    setTitle(tr("Your certificate is ready"));
    setFinalPage(true);
    auto* layout = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("wizardDoneText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setOpenExternalLinks(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    layout->addWidget(m_text);
    layout->addStretch(1);
}

void WizardDonePage::setIssued(const QString& names, const QString& validUntil, const QString& folder, bool sandbox) {
    QString html = QStringLiteral("<p>%1</p>")
                       .arg(tr("Certificate for <b>%1</b>, valid until %2.")
                                .arg(names.toHtmlEscaped(), validUntil.toHtmlEscaped()));
    html += QStringLiteral("<p>%1 <a href=\"%2\">%3</a></p>")
                .arg(tr("Files (cert.pem, chain.pem, fullchain.pem, privkey.pem):").toHtmlEscaped(),
                     QUrl::fromLocalFile(folder).toString(QUrl::FullyEncoded).toHtmlEscaped(),
                     QDir::toNativeSeparators(folder).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("It now appears on the dashboard's timeline. Certdeck plans its renewal about a third of its "
                        "lifetime before it expires.")
                         .toHtmlEscaped());
    if (sandbox)
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("It comes from the local test CA: use it to try things out, not on a public site.")
                             .toHtmlEscaped());
    m_text->setText(html);
}

} // namespace certdeck::ui
