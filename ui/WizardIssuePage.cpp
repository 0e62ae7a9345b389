// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WizardIssuePage.h"

#include "ui/AddDomainWizard.h"
#include "ui/Formatting.h"
#include "ui/IssueJob.h"
#include "ui/PropagationView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace certdeck::ui {

QString WizardIssuePage::wayForward(const Error& e, const IssuanceSettings& s) {
    // One sentence on what to do next, by what went wrong; the error's own message says why.
    switch (e.code) {
    case ErrorCode::Cancelled:
        return {};
    case ErrorCode::AcmeRateLimited:
        return e.retryAfter ? tr("The CA asks to wait until %1: try again then, or use its staging CA meanwhile.")
                                  .arg(Formatting::dateTime(*e.retryAfter))
                            : tr("Wait before trying again (the CA limits orders), or use its staging CA meanwhile.");
    case ErrorCode::AcmeCaa:
        return tr("Go Back to the DNS check: it shows the CAA record to add for this CA.");
    case ErrorCode::AcmeDns:
    case ErrorCode::Dns:
        return s.method == ChallengeMethod::Dns01
                   ? tr("Check the TXT record at your DNS host (name and value exactly as shown), then Try again.")
                   : tr("Go Back to the DNS check to see what the CA sees, fix the records, then Try again.");
    case ErrorCode::AcmeUnauthorized:
    case ErrorCode::AcmeConnection:
        return s.method == ChallengeMethod::Dns01
                   ? tr("Make sure every name server serves the TXT record before the CA looks, then Try again.")
                   : tr("Make sure http://NAME/.well-known/acme-challenge/ reaches this web server from the internet "
                        "(port 80 open, DNS pointing here), then Try again.");
    case ErrorCode::Ssh:
    case ErrorCode::HostKeyUnknown:
    case ErrorCode::HostKeyChanged:
        return tr("Check the server in the Servers section (address, login, host key), then Try again.");
    case ErrorCode::AcmeExternalAccountRequired:
        return tr("Go Back to the CA page and enter the EAB key ID and HMAC key from the CA's dashboard.");
    case ErrorCode::Timeout:
    case ErrorCode::Network:
    case ErrorCode::Tls:
        return tr("Check this computer's connection to the CA, then Try again.");
    default:
        return tr("Try again; if it keeps failing, Details… has the CA's exact answer.");
    }
}

WizardIssuePage::WizardIssuePage(QWidget* parent)
    : QWizardPage(parent) {
    setObjectName(QStringLiteral("wizardIssuePage"));
    setTitle(tr("Getting the certificate"));
    setSubTitle(tr("Certdeck talks to the CA now. This usually takes a few seconds."));
    auto* layout = new QVBoxLayout(this);
    m_steps = new QListWidget(this);
    m_steps->setObjectName(QStringLiteral("wizardIssueSteps"));
    m_steps->setAccessibleName(tr("Steps"));
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::TabFocus);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("wizardIssueStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailText = new QPlainTextEdit(this);
    m_detailText->setObjectName(QStringLiteral("wizardIssueDetailText"));
    m_detailText->setReadOnly(true);
    m_detailText->setVisible(false);
    m_detailText->setMaximumHeight(140);
    m_propagation = new PropagationView(this);
    auto* buttons = new QHBoxLayout;
    m_details = new QPushButton(tr("&Details…"), this);
    m_details->setObjectName(QStringLiteral("wizardIssueDetails"));
    m_details->setCheckable(true);
    m_details->setVisible(false);
    m_retry = new QPushButton(tr("&Try again"), this);
    m_retry->setObjectName(QStringLiteral("wizardIssueRetry"));
    m_retry->setVisible(false);
    m_cancel = new QPushButton(tr("&Cancel order"), this);
    m_cancel->setObjectName(QStringLiteral("wizardIssueCancel"));
    buttons->addWidget(m_details);
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_cancel);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_propagation);
    layout->addWidget(m_status);
    layout->addWidget(m_detailText);
    layout->addLayout(buttons);
    connect(m_details, &QPushButton::toggled, m_detailText, &QWidget::setVisible);
    connect(m_retry, &QPushButton::clicked, this, &WizardIssuePage::startJob);
    connect(m_propagation, &PropagationView::checkNowRequested, this, [this] {
        if (m_job)
            m_job->checkPropagationNow();
    });
    connect(m_propagation, &PropagationView::continueRequested, this, [this] {
        if (m_job)
            m_job->continueWithoutPropagation();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job) {
            m_job->cancel();
            m_cancel->setEnabled(false);
            m_status->setText(tr("Cancelling: cleaning up what was set up for the CA …"));
        }
    });
}

WizardIssuePage::~WizardIssuePage() {
    // The wizard may close mid-order: the job cancels, cleans up and deletes itself.
    if (m_job)
        m_job->abandon();
}

bool WizardIssuePage::isRunning() const {
    return m_job && m_job->isRunning();
}

void WizardIssuePage::initializePage() {
    startJob();
}

void WizardIssuePage::startJob() {
    auto* w = qobject_cast<AddDomainWizard*>(wizard());
    if (!w || isRunning())
        return;
    if (m_job)
        m_job->abandon();
    m_steps->clear();
    m_items.clear();
    m_propagation->clear();
    m_succeeded = false;
    m_status->setText(tr("Working …"));
    m_details->setVisible(false);
    m_details->setChecked(false);
    m_retry->setVisible(false);
    m_cancel->setVisible(true);
    m_cancel->setEnabled(true);
    m_job = new IssueJob(w->settings(), w->context().sandbox, w->context().dataDir, this);
    m_job->setStore(w->context().store);
    connect(m_job->progress(), &Progress::stepChanged, this, &WizardIssuePage::onStep);
    connect(m_job, &IssueJob::finished, this, &WizardIssuePage::onFinished);
    Q_EMIT completeChanged();
    m_job->start();
}

void WizardIssuePage::onStep(const ProgressStep& step) {
    m_propagation->onStep(step);
    QListWidgetItem*& item = m_items[step.id];
    if (!item)
        item = new QListWidgetItem(m_steps);
    item->setText(step.text);
    QStyle::StandardPixmap icon = QStyle::SP_ArrowRight;
    switch (step.state) {
    case ProgressStep::State::Running:
        icon = QStyle::SP_ArrowRight;
        break;
    case ProgressStep::State::Done:
        icon = QStyle::SP_DialogApplyButton;
        break;
    case ProgressStep::State::Failed:
        icon = QStyle::SP_MessageBoxCritical;
        break;
    case ProgressStep::State::Info:
        icon = QStyle::SP_MessageBoxInformation;
        break;
    case ProgressStep::State::Waiting:
        icon = QStyle::SP_BrowserReload;
        break;
    }
    item->setIcon(style()->standardIcon(icon));
    m_steps->scrollToItem(item);
}

void WizardIssuePage::onFinished() {
    if (!m_job)
        return;
    const auto& result = m_job->result();
    m_cancel->setVisible(false);
    m_succeeded = result.has_value();
    m_propagation->setFinished(m_succeeded);
    if (m_succeeded) {
        const CertificateRow& row = result->row;
        m_status->setText(tr("Done: valid until %1.").arg(Formatting::date(row.notAfter)));
        if (auto* w = qobject_cast<AddDomainWizard*>(wizard()))
            Q_EMIT w->certificateIssued(*result);
    } else {
        const Error& e = result.error();
        const auto* w = qobject_cast<AddDomainWizard*>(wizard());
        const QString next = wayForward(e, w ? w->settings() : IssuanceSettings());
        m_status->setText(e.code == ErrorCode::Cancelled ? tr("Cancelled. Nothing was ordered that needs undoing.")
                          : next.isEmpty()               ? e.userMessage
                                                         : e.userMessage + QLatin1Char('\n') + next);
        QString detail = e.detail;
        if (!e.context.isEmpty())
            detail = e.context + QLatin1Char('\n') + detail;
        detail += QStringLiteral("\n(%1)").arg(errorCodeName(e.code));
        m_detailText->setPlainText(detail.trimmed());
        m_details->setVisible(e.code != ErrorCode::Cancelled);
        m_retry->setVisible(true);
    }
    Q_EMIT completeChanged();
    Q_EMIT issueFinished(m_succeeded);
    if (m_succeeded && wizard())
        wizard()->next();
}

bool WizardIssuePage::isComplete() const {
    return m_succeeded;
}

} // namespace certdeck::ui
