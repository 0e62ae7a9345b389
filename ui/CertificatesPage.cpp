// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CertificatesPage.h"

#include "core/store/StoreExecutor.h"
#include "ui/Formatting.h"
#include "ui/MessageBar.h"
#include "ui/PageParts.h"

#include <QCoroFuture>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {

enum Column {
    NamesColumn,
    CaColumn,
    KeyColumn,
    ChallengeColumn,
    TargetsColumn,
    ExpiresColumn,
    StateColumn,
    ColumnCount
};

QString caName(const QUrl& directory) {
    const QString host = directory.host();
    if (host == QLatin1String("acme-v02.api.letsencrypt.org"))
        return CertificatesPage::tr("Let's Encrypt");
    if (host == QLatin1String("acme-staging-v02.api.letsencrypt.org"))
        return CertificatesPage::tr("Let's Encrypt (staging)");
    if (host == QLatin1String("acme.zerossl.com"))
        return CertificatesPage::tr("ZeroSSL");
    if (host == QLatin1String("dv.acme-v02.api.pki.goog"))
        return CertificatesPage::tr("Google Trust Services");
    if (host.endsWith(QLatin1String("buypass.com")))
        return CertificatesPage::tr("Buypass");
    if (host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost"))
        return CertificatesPage::tr("Local test CA");
    return host;
}

QString keyLabel(const QString& key) {
    if (key == QLatin1String("p256"))
        return QStringLiteral("ECDSA P-256");
    if (key == QLatin1String("p384"))
        return QStringLiteral("ECDSA P-384");
    if (key.startsWith(QLatin1String("rsa")))
        return QStringLiteral("RSA ") + key.mid(3);
    return key;
}

QString challengeLabel(const QJsonObject& challenge) {
    const QString method = challenge.value(QStringLiteral("method")).toString();
    if (method.isEmpty())
        return CertificatesPage::tr("—");
    const QString provider = challenge.value(QStringLiteral("provider")).toString();
    const QString server = challenge.value(QStringLiteral("server")).toString();
    if (!provider.isEmpty())
        return QStringLiteral("%1 (%2)").arg(method, provider);
    if (!server.isEmpty())
        return QStringLiteral("%1 (%2)").arg(method, server);
    return method;
}

CertificateState stateOf(const CertificatesPage::Row& r, const QDateTime& now) {
    if (!r.notAfter.isValid() || r.notAfter <= now)
        return CertificateState::Expired;
    if (r.renewalFailed)
        return CertificateState::RenewalFailed;
    if (now.secsTo(r.notAfter) < 7 * 86400)
        return CertificateState::ExpiringSoon;
    return CertificateState::Fine;
}

} // namespace

Result<QList<CertificatesPage::Row>> CertificatesPage::readRows(store::Store& store) {
    auto lineages = store.lineages().all();
    if (!lineages)
        return lineages.error();
    auto summaries = store.lineages().summaries();
    if (!summaries)
        return summaries.error();
    QHash<qint64, store::LineageSummary> byId;
    for (const store::LineageSummary& s : std::as_const(*summaries))
        byId.insert(s.id, s);
    QList<Row> rows;
    rows.reserve(lineages->size());
    for (const store::Lineage& l : std::as_const(*lineages)) {
        Row r;
        r.lineage = l.name;
        r.names = l.names;
        r.ca = caName(l.directoryUrl);
        r.keyType = keyLabel(l.keyType);
        r.challenge = challengeLabel(l.challenge);
        for (const QJsonValue& t : l.deployTargets) {
            const QJsonObject o = t.toObject();
            const QString name = o.value(QStringLiteral("name")).toString();
            r.deployTargets << (name.isEmpty() ? o.value(QStringLiteral("server")).toString() : name);
        }
        r.notAfter = byId.value(l.id).notAfter;
        r.renewalFailed = l.failureCount > 0 || !l.pausedReason.isEmpty();
        r.autoRenew = l.autoRenew;
        rows << r;
    }
    return rows;
}

CertificatesPage::CertificatesPage(store::StoreExecutor* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store) {
    setObjectName(QStringLiteral("certificatesPage"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(PageParts::heading(tr("Certificates"), this));
    layout->addWidget(PageParts::subtitle(tr("Every certificate Certdeck issued and renews."), this));
    m_stack = new QStackedWidget(this);
    QPushButton* emptyAction = nullptr;
    m_stack->addWidget(PageParts::emptyState(QStringLiteral("certificatesEmptyState"),
                                             tr("No certificates yet. Add a domain to get its first certificate."),
                                             tr("&Add domain…"), QStringLiteral("add"), m_stack, &emptyAction));
    auto* list = new QWidget(m_stack);
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_table = PageParts::table(
        QStringLiteral("certificatesTable"), tr("Certificates"),
        {tr("Names"), tr("CA"), tr("Key"), tr("Challenge"), tr("Deploys to"), tr("Expires"), tr("State")}, list);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    listLayout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_details = PageParts::button(tr("&Details…"), QStringLiteral("certificatesDetails"), QString(), list);
    buttons->addWidget(m_details);
    listLayout->addLayout(buttons);
    m_stack->addWidget(list);
    layout->addWidget(m_stack, 1);
    m_message = new MessageBar(QStringLiteral("certificatesMessage"), this);
    layout->addWidget(m_message);

    connect(emptyAction, &QPushButton::clicked, this, &CertificatesPage::addDomainRequested);
    connect(m_details, &QPushButton::clicked, this, &CertificatesPage::activateSelected);
    connect(m_table, &QTableWidget::itemActivated, this, &CertificatesPage::activateSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_details->setEnabled(!m_table->selectedItems().isEmpty());
        Q_EMIT selectionChanged();
    });
    m_details->setEnabled(false);
}

void CertificatesPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload();
}

void CertificatesPage::reload() {
    load();
}

QString CertificatesPage::selectedLineage() const {
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    if (items.isEmpty())
        return {};
    return m_table->item(items.first()->row(), NamesColumn)->data(Qt::UserRole).toString();
}

void CertificatesPage::selectLineage(const QString& lineage) {
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, NamesColumn)->data(Qt::UserRole).toString() == lineage) {
            m_table->selectRow(row);
            return;
        }
}

void CertificatesPage::activateSelected() {
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    if (items.isEmpty())
        return;
    const QString lineage = m_table->item(items.first()->row(), NamesColumn)->data(Qt::UserRole).toString();
    Q_EMIT certificateActivated(rowId(lineage));
}

QCoro::Task<> CertificatesPage::load() {
    QPointer<CertificatesPage> self(this);
    auto job = m_store->run([](store::Store& s) { return readRows(s); });
    const Result<QList<Row>> rows = co_await job;
    if (!self)
        co_return;
    if (!rows) {
        m_message->showError(rows.error());
        co_return;
    }
    m_message->clear();
    m_rows = *rows;
    fillTable();
    Q_EMIT rowsLoaded();
}

void CertificatesPage::fillTable() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_table->setSortingEnabled(false);
    m_table->clearContents();
    m_table->setRowCount(static_cast<int>(m_rows.size()));
    for (int row = 0; row < m_rows.size(); ++row) {
        const Row& r = m_rows.at(row);
        const CertificateState state = stateOf(r, now);
        auto* names = new QTableWidgetItem(Formatting::namesSummary(r.names));
        names->setData(Qt::UserRole, r.lineage);
        names->setToolTip(r.names.join(QLatin1Char('\n')));
        m_table->setItem(row, NamesColumn, names);
        m_table->setItem(row, CaColumn, new QTableWidgetItem(r.ca));
        m_table->setItem(row, KeyColumn, new QTableWidgetItem(r.keyType));
        m_table->setItem(row, ChallengeColumn, new QTableWidgetItem(r.challenge));
        m_table->setItem(
            row, TargetsColumn,
            new QTableWidgetItem(r.deployTargets.isEmpty() ? tr("—") : r.deployTargets.join(QStringLiteral(", "))));
        auto* expires = new QTableWidgetItem(r.notAfter.isValid() ? Formatting::relativeWithDate(r.notAfter, now)
                                                                  : tr("not issued yet"));
        expires->setData(Qt::UserRole, r.notAfter);
        m_table->setItem(row, ExpiresColumn, expires);
        auto* stateItem = new QTableWidgetItem(r.notAfter.isValid() ? Formatting::stateLabel(state) : tr("Not issued"));
        stateItem->setForeground(Formatting::stateColor(state, palette()));
        m_table->setItem(row, StateColumn, stateItem);
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    m_stack->setCurrentIndex(m_rows.isEmpty() ? 0 : 1);
    if (m_table->rowCount() > 0 && m_table->selectedItems().isEmpty())
        m_table->selectRow(0);
}

} // namespace certdeck::ui
