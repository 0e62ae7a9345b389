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
        m_status->setText(e.code == ErrorCode::Cancelled ? tr("Cancelled. Nothing was ordered that needs undoing.")
                                                         : e.userMessage);
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
