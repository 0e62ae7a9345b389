// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WizardReviewPage.h"

#include "ui/AddDomainWizard.h"
#include "ui/Formatting.h"

#include <QLabel>
#include <QVBoxLayout>

namespace certdeck::ui {

WizardReviewPage::WizardReviewPage(QWidget* parent)
    : QWizardPage(parent) {
    setObjectName(QStringLiteral("wizardReviewPage"));
    setTitle(tr("Ready to order"));
    setSubTitle(tr("Check the details, then press Issue. You can cancel while it runs."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Issue"));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("wizardReviewSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    layout->addStretch(1);
}

void WizardReviewPage::initializePage() {
    auto* w = qobject_cast<AddDomainWizard*>(wizard());
    if (!w)
        return;
    const IssuanceSettings s = w->settings();
    QStringList names;
    for (const QString& n : w->names())
        names << Formatting::nameWithPunycode(n).toHtmlEscaped();
    const QString row = QStringLiteral("<tr><td style=\"padding-right:16px\"><b>%1</b></td><td>%2</td></tr>");
    QString html = QStringLiteral("<table>");
    html += row.arg(tr("Names"), names.join(QStringLiteral("<br>")));
    QString proof = IssuanceSettings::methodName(s.method).toHtmlEscaped();
    switch (s.method) {
    case ChallengeMethod::BuiltIn:
        break;
    case ChallengeMethod::LocalWebroot:
        proof += QStringLiteral("<br>") + s.webroot.toHtmlEscaped();
        break;
    case ChallengeMethod::RemoteWebroot:
        proof += QStringLiteral("<br>") + tr("%1 on %2").arg(s.webroot, s.serverName).toHtmlEscaped();
        if (!s.selfCheck)
            proof += QStringLiteral("<br>") + tr("without the self-check").toHtmlEscaped();
        break;
    case ChallengeMethod::Dns01:
        proof += QStringLiteral("<br>") + (s.dnsProvider.isEmpty() ? tr("Manual: you add the TXT record when asked")
                                                                   : tr("through DNS provider %1").arg(s.dnsProvider))
                                              .toHtmlEscaped();
        break;
    }
    html += row.arg(tr("Proof"), proof);
    html += row.arg(tr("CA"), IssuanceSettings::caName(s.ca).toHtmlEscaped());
    if (s.ca == CaChoice::Custom)
        html += row.arg(tr("Directory"), s.customDirectory.toString().toHtmlEscaped());
    if (s.tryStagingFirst && IssuanceSettings::stagingTwin(s.ca) && !s.isManualDns())
        html += row.arg(tr("Dry run"), tr("first against %1; the real order only if that works")
                                           .arg(IssuanceSettings::caName(*IssuanceSettings::stagingTwin(s.ca)))
                                           .toHtmlEscaped());
    if (!s.profile.isEmpty())
        html += row.arg(tr("Profile"), s.profile.toHtmlEscaped());
    html += row.arg(tr("Key"), IssuanceSettings::keyTypeLabel(s.keyType).toHtmlEscaped());
    if (!s.contactEmail.isEmpty())
        html += row.arg(tr("Contact"), s.contactEmail.toHtmlEscaped());
    html += QStringLiteral("</table>");
    if (s.isSandbox())
        html +=
            QStringLiteral("<p>%1</p>")
                .arg(tr("This is a test certificate from the local CA: browsers will not trust it.").toHtmlEscaped());
    m_summary->setText(html);
}

} // namespace certdeck::ui
