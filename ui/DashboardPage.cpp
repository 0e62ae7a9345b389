// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DashboardPage.h"

#include "ui/CertificateTableModel.h"
#include "ui/ExpiryTimelineWidget.h"
#include "ui/Formatting.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace certdeck::ui {

DashboardPage::DashboardPage(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("dashboardPage"));
    m_model = new CertificateTableModel(this);
    m_model->setObjectName(QStringLiteral("certificateModel"));
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setObjectName(QStringLiteral("certificateProxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(CertificateTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    m_emptyState = buildEmptyState();
    m_content = buildContent();
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_content);
    layout->addWidget(m_stack);

    const auto changed = [this] {
        updateEmptyState();
        updateSummary();
        Q_EMIT certificatesChanged();
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, changed);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, changed);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(m_model, &QAbstractItemModel::dataChanged, this, changed);
    updateEmptyState();
}

QWidget* DashboardPage::buildEmptyState() {
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("dashboardEmptyState"));
    auto* empty = new QVBoxLayout(page);
    empty->addStretch(1);
    auto* title = new QLabel(tr("No certificates yet"), page);
    title->setObjectName(QStringLiteral("emptyTitle"));
    title->setAlignment(Qt::AlignCenter);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    title->setFont(f);
    auto* text = new QLabel(tr("Add a domain to check its DNS, get a certificate and deploy it to your server.\n"
                               "Every certificate you add appears here on an expiry timeline."),
                            page);
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    auto* button = new QPushButton(tr("Add domain…"), page);
    button->setObjectName(QStringLiteral("emptyAddDomain"));
    button->setDefault(true);
    connect(button, &QPushButton::clicked, this, &DashboardPage::addDomainRequested);
    empty->addWidget(title);
    empty->addWidget(text);
    empty->addWidget(button, 0, Qt::AlignCenter);
    empty->addStretch(2);
    return page;
}

QWidget* DashboardPage::buildContent() {
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("dashboardContent"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);

    // Summary and zoom on one line.
    auto* top = new QHBoxLayout;
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("dashboardSummary"));
    m_summary->setTextFormat(Qt::RichText);
    top->addWidget(m_summary, 1);
    auto* zoomGroup = new QButtonGroup(page);
    zoomGroup->setExclusive(true);
    const struct {
        ExpiryTimelineWidget::Zoom zoom;
        QString text;
        const char* name;
    } zooms[] = {{ExpiryTimelineWidget::Zoom::Days30, tr("30 days"), "zoom30"},
                 {ExpiryTimelineWidget::Zoom::Days90, tr("90 days"), "zoom90"},
                 {ExpiryTimelineWidget::Zoom::Year, tr("1 year"), "zoomYear"}};
    m_timeline = new ExpiryTimelineWidget(page);
    for (const auto& z : zooms) {
        auto* b = new QToolButton(page);
        b->setText(z.text);
        b->setObjectName(QLatin1String(z.name));
        b->setCheckable(true);
        b->setAccessibleName(tr("Show %1").arg(z.text));
        b->setChecked(m_timeline->zoom() == z.zoom);
        b->setAutoRaise(false);
        zoomGroup->addButton(b, static_cast<int>(z.zoom));
        top->addWidget(b);
    }
    connect(zoomGroup, &QButtonGroup::idClicked, m_timeline,
            [this](int id) { m_timeline->setZoom(static_cast<ExpiryTimelineWidget::Zoom>(id)); });
    connect(m_timeline, &ExpiryTimelineWidget::zoomChanged, zoomGroup, [zoomGroup](ExpiryTimelineWidget::Zoom z) {
        if (auto* b = zoomGroup->button(static_cast<int>(z)))
            b->setChecked(true);
    });
    layout->addLayout(top);

    m_timeline->setModel(m_proxy);

    auto* tableBox = new QWidget(page);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(tableBox);
    m_filter->setObjectName(QStringLiteral("dashboardFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, state or issuer"));
    m_filter->setAccessibleName(tr("Filter certificates"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_table = new QTableView(tableBox);
    m_table->setObjectName(QStringLiteral("certificateTable"));
    m_table->setAccessibleName(tr("Certificates"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CertificateTableModel::ExpiresColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Tab leaves the table (arrow keys move between rows): no keyboard trap.
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    // Names take what is left; the other columns are sized to what they usually hold, so the whole
    // row fits a laptop screen without a horizontal scroll bar.
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setMinimumSectionSize(60);
    header->setSectionResizeMode(CertificateTableModel::NamesColumn, QHeaderView::Stretch);
    const int em = m_table->fontMetrics().averageCharWidth();
    m_table->setColumnWidth(CertificateTableModel::StateColumn, em * 17);
    m_table->setColumnWidth(CertificateTableModel::ExpiresColumn, em * 30);
    m_table->setColumnWidth(CertificateTableModel::RenewalColumn, em * 28);
    m_table->setColumnWidth(CertificateTableModel::IssuerColumn, em * 20);
    m_table->setColumnWidth(CertificateTableModel::KeyColumn, em * 17);
    tableLayout->addWidget(m_filter);
    tableLayout->addWidget(m_table);

    // Table and timeline share the proxy: keep the current row in step both ways.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, m_timeline,
            [this](const QModelIndex& current) { m_timeline->setCurrentRow(current.row()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DashboardPage::selectionChanged);
    connect(m_timeline, &ExpiryTimelineWidget::currentRowChanged, m_table, [this](int row) {
        if (row >= 0 && m_table->currentIndex().row() != row)
            m_table->selectRow(row);
    });
    connect(m_timeline, &ExpiryTimelineWidget::certificateActivated, this,
            [this](const QModelIndex& index) { activateProxyRow(index.row()); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) { activateProxyRow(index.row()); });

    auto* splitter = new QSplitter(Qt::Vertical, page);
    splitter->setObjectName(QStringLiteral("dashboardSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_timeline);
    splitter->addWidget(tableBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    // Top to bottom: zoom, timeline, filter, table.
    const QList<QAbstractButton*> zoomButtons = zoomGroup->buttons();
    for (qsizetype i = 1; i < zoomButtons.size(); ++i)
        setTabOrder(zoomButtons.at(i - 1), zoomButtons.at(i));
    if (!zoomButtons.isEmpty())
        setTabOrder(zoomButtons.last(), m_timeline);
    setTabOrder(m_timeline, m_filter);
    setTabOrder(m_filter, m_table);
    return page;
}

void DashboardPage::activateProxyRow(int proxyRow) {
    if (proxyRow < 0)
        return;
    const QModelIndex index = m_proxy->index(proxyRow, 0);
    Q_EMIT certificateActivated(index.data(CertificateTableModel::IdRole).toString());
}

QString DashboardPage::selectedId() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(CertificateTableModel::IdRole).toString();
}

bool DashboardPage::selectId(const QString& id) {
    const int sourceRow = m_model->rowOfId(id);
    if (sourceRow < 0)
        return false;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!proxyIndex.isValid())
        return false;
    m_table->selectRow(proxyIndex.row());
    return true;
}

bool DashboardPage::isEmptyState() const {
    return m_emptyState->isVisibleTo(this);
}

void DashboardPage::setCertificates(QList<CertificateRow> rows) {
    m_model->setRows(std::move(rows));
}

void DashboardPage::upsertCertificate(const CertificateRow& row) {
    m_model->upsert(row);
}

void DashboardPage::setNow(const QDateTime& now) {
    m_model->setNow(now);
    m_timeline->setNow(now);
}

void DashboardPage::updateEmptyState() {
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? m_emptyState : m_content);
}

void DashboardPage::updateSummary() {
    const auto counts = m_model->stateCounts();
    QStringList parts;
    parts << QStringLiteral("<b>%1</b>")
                 .arg(Formatting::countText(m_model->rowCount(), QT_TRANSLATE_NOOP("Formatting", "%1 certificate"),
                                            QT_TRANSLATE_NOOP("Formatting", "%1 certificates")));
    const CertificateState order[] = {CertificateState::Expired, CertificateState::RenewalFailed,
                                      CertificateState::ExpiringSoon, CertificateState::RenewalDue,
                                      CertificateState::Fine};
    for (CertificateState s : order) {
        const int n = counts.value(s);
        if (n == 0)
            continue;
        parts << QStringLiteral("<span style=\"color:%1\">●</span> %2 %3")
                     .arg(Formatting::stateColor(s, palette()).name())
                     .arg(n)
                     .arg(Formatting::stateLabel(s).toLower().toHtmlEscaped());
    }
    m_summary->setText(parts.join(QStringLiteral(" &nbsp; ")));
}

} // namespace certdeck::ui
