// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PropagationView.h"

#include "ui/Formatting.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {
enum RecordColumn { RecordName, RecordValue, RecordCopyName, RecordCopyValue };
enum ServerColumn { ServerAddress, ServerRecord, ServerState, ServerAnswer };
} // namespace

PropagationView::PropagationView(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("wizardManualDns"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel(tr("Add this TXT record at your DNS host. Certdeck watches every name server of the zone "
                              "and goes on by itself once all of them serve it."),
                           this);
    m_heading->setWordWrap(true);
    m_records = new QTreeWidget(this);
    m_records->setObjectName(QStringLiteral("wizardManualDnsRecords"));
    m_records->setAccessibleName(tr("TXT records to add"));
    m_records->setRootIsDecorated(false);
    m_records->setSelectionMode(QAbstractItemView::NoSelection);
    m_records->setHeaderLabels({tr("Name"), tr("Value"), QString(), QString()});
    m_records->header()->setSectionResizeMode(RecordName, QHeaderView::ResizeToContents);
    m_records->header()->setSectionResizeMode(RecordValue, QHeaderView::Stretch);
    m_records->header()->setSectionResizeMode(RecordCopyName, QHeaderView::ResizeToContents);
    m_records->header()->setSectionResizeMode(RecordCopyValue, QHeaderView::ResizeToContents);
    m_records->header()->setStretchLastSection(false);
    m_records->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_records->setMaximumHeight(110);

    m_servers = new QTreeWidget(this);
    m_servers->setObjectName(QStringLiteral("wizardPropagation"));
    m_servers->setAccessibleName(tr("Name servers"));
    m_servers->setRootIsDecorated(false);
    m_servers->setSelectionMode(QAbstractItemView::NoSelection);
    m_servers->setHeaderLabels({tr("Name server"), tr("Record"), tr("State"), tr("Last answer")});
    m_servers->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_servers->header()->setStretchLastSection(true);
    m_servers->setMaximumHeight(140);

    auto* bottom = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("wizardPropagationSummary"));
    m_summary->setWordWrap(true);
    m_checkNow = new QPushButton(tr("Check &now"), this);
    m_checkNow->setObjectName(QStringLiteral("wizardPropagationCheckNow"));
    m_continue = new QPushButton(tr("Continue &anyway"), this);
    m_continue->setObjectName(QStringLiteral("wizardPropagationContinue"));
    m_continue->setToolTip(tr("Ask the CA to look now, even if not every name server serves the record yet. "
                              "The CA may ask one that does not, and the order then fails."));
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_checkNow);
    bottom->addWidget(m_continue);
    layout->addWidget(m_heading);
    layout->addWidget(m_records);
    layout->addWidget(m_servers);
    layout->addLayout(bottom);
    connect(m_checkNow, &QPushButton::clicked, this, &PropagationView::checkNowRequested);
    connect(m_continue, &QPushButton::clicked, this, &PropagationView::continueRequested);
    setVisible(false);
}

void PropagationView::clear() {
    m_records->clear();
    m_servers->clear();
    m_recordItems.clear();
    m_serverItems.clear();
    m_checkNow->setVisible(true);
    m_continue->setVisible(true);
    m_summary->clear();
    setVisible(false);
}

void PropagationView::addRecord(const QVariantMap& facts) {
    const QString fqdn = facts.value(QStringLiteral("fqdn")).toString();
    const QString value = facts.value(QStringLiteral("value")).toString();
    auto* item = new QTreeWidgetItem(m_records);
    item->setText(RecordName, fqdn);
    item->setText(RecordValue, value);
    item->setToolTip(RecordValue, value);
    auto* copyName = new QPushButton(tr("Copy name"), m_records);
    copyName->setObjectName(QStringLiteral("wizardManualDnsCopyName"));
    copyName->setAccessibleName(tr("Copy the record name %1").arg(fqdn));
    auto* copyValue = new QPushButton(tr("Copy value"), m_records);
    copyValue->setObjectName(QStringLiteral("wizardManualDnsCopyValue"));
    copyValue->setAccessibleName(tr("Copy the record value for %1").arg(fqdn));
    connect(copyName, &QPushButton::clicked, copyName, [fqdn] { QApplication::clipboard()->setText(fqdn); });
    connect(copyValue, &QPushButton::clicked, copyValue, [value] { QApplication::clipboard()->setText(value); });
    m_records->setItemWidget(item, RecordCopyName, copyName);
    m_records->setItemWidget(item, RecordCopyValue, copyValue);
}

void PropagationView::onStep(const ProgressStep& step) {
    if (step.id.startsWith(QLatin1String("manual-dns:"))) {
        if (!m_recordItems.contains(step.id) && step.data.contains(QStringLiteral("fqdn"))) {
            addRecord(step.data);
            m_recordItems.insert(step.id, m_records->topLevelItem(m_records->topLevelItemCount() - 1));
            setVisible(true);
        }
        updateSummary();
        return;
    }
    // Per server: "propagation:<fqdn>:<server>" with the server in its data.
    if (!step.id.startsWith(QLatin1String("propagation:")) || !step.data.contains(QStringLiteral("server")))
        return;
    QTreeWidgetItem*& item = m_serverItems[step.id];
    if (!item)
        item = new QTreeWidgetItem(m_servers);
    const QString server = step.data.value(QStringLiteral("server")).toString();
    const QString serverName = step.data.value(QStringLiteral("serverName")).toString();
    const bool seen = step.data.value(QStringLiteral("seen")).toBool();
    item->setText(ServerAddress, serverName.isEmpty() ? server : QStringLiteral("%1 (%2)").arg(serverName, server));
    item->setText(ServerRecord, step.data.value(QStringLiteral("name")).toString());
    item->setText(ServerState, seen ? tr("serves it") : tr("waiting"));
    item->setData(ServerState, Qt::UserRole, seen);
    item->setIcon(ServerState, style()->standardIcon(seen ? QStyle::SP_DialogApplyButton : QStyle::SP_BrowserReload));
    item->setForeground(
        ServerState, Formatting::stateColor(seen ? CertificateState::Fine : CertificateState::RenewalDue, palette()));
    item->setText(ServerAnswer, step.data.value(QStringLiteral("lastAnswer")).toString());
    updateSummary();
}

int PropagationView::recordCount() const {
    return m_records->topLevelItemCount();
}

int PropagationView::serverCount() const {
    return m_servers->topLevelItemCount();
}

bool PropagationView::allSeen() const {
    if (m_serverItems.isEmpty())
        return false;
    for (const QTreeWidgetItem* item : m_serverItems)
        if (!item->data(ServerState, Qt::UserRole).toBool())
            return false;
    return true;
}

void PropagationView::updateSummary() {
    int seen = 0;
    for (const QTreeWidgetItem* item : std::as_const(m_serverItems))
        seen += item->data(ServerState, Qt::UserRole).toBool() ? 1 : 0;
    if (m_serverItems.isEmpty())
        m_summary->setText(tr("Looking for the zone's name servers …"));
    else if (seen == m_serverItems.size())
        m_summary->setText(tr("Every name server serves the record."));
    else
        m_summary->setText(tr("%1 of %2 name servers serve the record so far; checking again every few seconds.")
                               .arg(seen)
                               .arg(m_serverItems.size()));
}

void PropagationView::setFinished(bool succeeded) {
    m_checkNow->setVisible(false);
    m_continue->setVisible(false);
    if (m_records->topLevelItemCount() > 0)
        m_summary->setText(succeeded ? tr("Done. You can delete the TXT record(s) at your DNS host now.")
                                     : tr("The order stopped. You can delete the TXT record(s) at your DNS host."));
}

} // namespace certdeck::ui
