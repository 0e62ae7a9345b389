// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AddDomainWizard.h"

#include "ui/Formatting.h"
#include "ui/MainWindow.h"
#include "ui/WizardCaPage.h"
#include "ui/WizardChallengePage.h"
#include "ui/WizardDeployPage.h"
#include "ui/WizardDonePage.h"
#include "ui/WizardIssuePage.h"
#include "ui/WizardNamesPage.h"
#include "ui/WizardPreflightPage.h"
#include "ui/WizardReviewPage.h"

namespace certdeck::ui {

AddDomainWizard::AddDomainWizard(Context context, QWidget* parent)
    : QWizard(parent)
    , m_context(std::move(context)) {
    setObjectName(QStringLiteral("addDomainWizard"));
    setWindowTitle(tr("Add domain"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    resize(880, 600);

    if (!m_context.store) {
        if (auto* window = qobject_cast<MainWindow*>(parent))
            m_context.store = window->store();
    }
    const CaChoice defaultCa = m_context.sandboxMode ? CaChoice::Sandbox : m_context.defaultCa;
    m_names = new WizardNamesPage(this);
    m_preflight = new WizardPreflightPage(m_context.sandbox, m_context.sandboxMode, this);
    m_challenge = new WizardChallengePage(m_context.sandboxMode, m_context.store, this);
    m_ca = new WizardCaPage(defaultCa, m_context.defaultKeyType, m_context.sandbox != nullptr, this);
    m_issue = new WizardIssuePage(this);
    m_deploy = new WizardDeployPage(m_context.store, this);
    auto* done = new WizardDonePage(this);
    setPage(NamesPageId, m_names);
    setPage(ChallengePageId, m_challenge);
    setPage(CaPageId, m_ca);
    setPage(PreflightPageId, m_preflight);
    setPage(ReviewPageId, new WizardReviewPage(this));
    setPage(IssuePageId, m_issue);
    setPage(DeployPageId, m_deploy);
    setPage(DonePageId, done);
    setStartId(NamesPageId);

    connect(this, &AddDomainWizard::certificateIssued, m_deploy, &WizardDeployPage::setIssued);
    connect(this, &AddDomainWizard::certificateIssued, done, [done](const IssuedCertificate& issued) {
        done->setIssued(Formatting::namesSummary(issued.row.names), Formatting::dateTime(issued.row.notAfter),
                        issued.folder, issued.row.sandbox);
    });
    // Closing mid-order needs nothing here: WizardIssuePage abandons its job, which cancels, cleans up
    // what it presented to the CA and deletes itself.
}

QStringList AddDomainWizard::names() const {
    return m_names->names();
}

IssuanceSettings AddDomainWizard::settings() const {
    IssuanceSettings s;
    s.names = m_names->names();
    m_challenge->fill(s);
    m_ca->fill(s);
    s.caTrustFile = m_context.caTrustFile;
    s.dnsResolver = m_context.dnsResolver;
    return s;
}

} // namespace certdeck::ui
