// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DeployDialog.h"

#include "core/common/CancelToken.h"
#include "core/common/Log.h"
#include "core/common/Progress.h"
#include "core/store/Store.h"
#include "core/workflow/LineageDeployment.h"
#include "core/workflow/RenewCertificate.h"
#include "ui/Formatting.h"
#include "ui/MessageBar.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {
enum Column { TargetColumn, ResultColumn, FingerprintColumn };
}

DeployDialog::DeployDialog(QString dataDir, QString lineage, QWidget* parent)
    : QDialog(parent)
    , m_dataDir(std::move(dataDir))
    , m_lineage(std::move(lineage)) {
    setObjectName(QStringLiteral("deployDialog"));
    setWindowTitle(tr("Deploy — %1").arg(m_lineage));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Installing the current certificate of %1 on its servers…").arg(m_lineage), this);
    m_status->setObjectName(QStringLiteral("deployStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("deployResults"));
    m_table->setAccessibleName(tr("Deployment results"));
    m_table->setRootIsDecorated(false);
    m_table->setHeaderLabels({tr("Target"), tr("Result"), tr("Served certificate (SHA-256)")});
    m_table->header()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    m_message = new MessageBar(QStringLiteral("deployMessage"), this);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("deployClose"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_table, &QTreeWidget::currentItemChanged, this, &DeployDialog::showSelected);
    resize(720, 320);
}

void DeployDialog::start() {
    if (m_started)
        return;
    m_started = true;
    auto task = run();
    Q_UNUSED(task); // runs on; every resumption checks that the dialog still exists
}

QCoro::Task<void> DeployDialog::run() {
    QPointer<DeployDialog> self(this);
    auto opened = store::Store::open(m_dataDir);
    if (!opened) {
        m_finished = true;
        m_status->setText(tr("Nothing was deployed."));
        m_message->showError(opened.error());
        Q_EMIT deploymentFinished();
        co_return;
    }
    std::unique_ptr<store::Store> st = std::move(*opened);
    if (auto lineage = st->lineages().byName(m_lineage))
        if (auto latest = st->certificates().latest(lineage->id))
            m_expected = latest->sha256;
    workflow::RenewalEnvironment env;
    env.store = st.get();
    Progress progress;
    connect(&progress, &Progress::stepChanged, this,
            [this](const ProgressStep& step) { m_status->setText(step.text); });
    const CancelToken cancel;
    auto deploying = workflow::deployLineage(env, m_lineage, progress, cancel);
    auto results = co_await deploying;
    if (!self)
        co_return;
    m_results = results;
    m_finished = true;
    showResults();
    Q_EMIT deploymentFinished();
}

void DeployDialog::showResults() {
    m_table->clear();
    int served = 0;
    int firstFailure = -1;
    for (int i = 0; i < m_results.size(); ++i) {
        const deploy::DeployResult& r = m_results.at(i);
        auto* item = new QTreeWidgetItem(m_table);
        item->setText(TargetColumn, r.target);
        const bool matches =
            r.deployed && !m_expected.isEmpty() && r.servedFingerprint.compare(m_expected, Qt::CaseInsensitive) == 0;
        QString result;
        CertificateState colour = CertificateState::Fine;
        if (matches) {
            result = tr("Served — matches the current certificate");
            ++served;
        } else if (r.deployed) {
            // Installed and reloaded but the check was off or saw something else: say so, not "done".
            result = r.servedFingerprint.isEmpty() ? tr("Installed (not verified)")
                                                   : tr("Installed, but the server serves another certificate");
            colour = CertificateState::RenewalDue;
        } else {
            const QString why = r.error ? r.error->userMessage : tr("The deployment failed.");
            result = why;
            if (r.rolledBack)
                result += QLatin1Char(' ') + (r.rollbackVerified ? tr("The previous certificate is served again.")
                                                                 : tr("The previous files were put back."));
            else if (r.untouched)
                result += QLatin1Char(' ') + tr("Nothing on the server was changed.");
            colour = CertificateState::Expired;
            if (firstFailure < 0)
                firstFailure = i;
        }
        item->setText(ResultColumn, result);
        item->setToolTip(ResultColumn, result);
        item->setForeground(ResultColumn, Formatting::stateColor(colour, palette()));
        item->setText(FingerprintColumn, r.servedFingerprint);
        item->setToolTip(FingerprintColumn, r.steps.join(QLatin1Char('\n')));
        item->setData(TargetColumn, Qt::UserRole, i);
    }
    for (int c = 0; c < m_table->columnCount() - 1; ++c)
        m_table->resizeColumnToContents(c);
    if (m_results.isEmpty())
        m_status->setText(tr("%1 has no deploy targets: add one in the Add domain wizard's deploy step or with "
                             "'certdeck-cli target add'.")
                              .arg(m_lineage));
    else if (served == m_results.size())
        m_status->setText(tr("Deployed to %n server(s); each serves the current certificate.", nullptr, served));
    else
        m_status->setText(tr("Deployed to %1 of %2 servers.").arg(served).arg(m_results.size()));
    if (m_table->topLevelItemCount() > 0)
        m_table->setCurrentItem(m_table->topLevelItem(firstFailure >= 0 ? firstFailure : 0));
    showSelected();
}

void DeployDialog::showSelected() {
    const QTreeWidgetItem* item = m_table->currentItem();
    if (!item) {
        m_message->clear();
        return;
    }
    const int i = item->data(TargetColumn, Qt::UserRole).toInt();
    if (i < 0 || i >= m_results.size())
        return;
    const deploy::DeployResult& r = m_results.at(i);
    if (r.deployed) {
        m_message->showMessage(tr("%1 serves %2.").arg(r.target, r.servedFingerprint), MessageBar::Kind::Success,
                               r.steps.join(QLatin1Char('\n')));
        return;
    }
    Error e = r.error.value_or(Error(ErrorCode::Deploy, tr("The deployment failed.")));
    QStringList detail;
    if (!e.detail.isEmpty())
        detail << e.detail;
    if (r.rollbackError)
        detail << tr("Rollback: %1 %2").arg(r.rollbackError->userMessage, r.rollbackError->detail);
    if (!r.steps.isEmpty())
        detail << tr("Steps:") << r.steps;
    e.userMessage = r.target + QStringLiteral(": ") + e.userMessage;
    e.detail = detail.join(QLatin1Char('\n'));
    m_message->showError(e);
}

} // namespace certdeck::ui
