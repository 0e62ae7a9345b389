// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ActivityPage.h"

#include "core/store/StoreExecutor.h"
#include "ui/Formatting.h"
#include "ui/MessageBar.h"
#include "ui/PageParts.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCoroFuture>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {
enum Column { TimeColumn, KindColumn, SubjectColumn, MessageColumn, ColumnCount };
constexpr int EventIndexRole = Qt::UserRole + 1;
} // namespace

ActivityPage::ActivityPage(store::StoreExecutor* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store) {
    setObjectName(QStringLiteral("activityPage"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(PageParts::heading(tr("Activity"), this));
    layout->addWidget(
        PageParts::subtitle(tr("What Certdeck did, and when: issued, renewed, deployed, and what failed."), this));

    auto* filters = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("activityFilter"));
    m_filter->setAccessibleName(tr("Filter the activity"));
    m_filter->setPlaceholderText(tr("Filter by name or text…"));
    m_filter->setClearButtonEnabled(true);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("activityKind"));
    m_kind->setAccessibleName(tr("Kind of activity"));
    m_kind->addItem(tr("Everything"), QString());
    m_kind->addItem(tr("Failures only"), QStringLiteral("failures"));
    m_kind->addItem(tr("Issued"), QStringLiteral("issued"));
    m_kind->addItem(tr("Renewed"), QStringLiteral("renewed"));
    m_kind->addItem(tr("Deployments"), QStringLiteral("deploy"));
    m_kind->addItem(tr("Expiry notices"), QStringLiteral("expiring"));
    m_kind->addItem(tr("Revoked"), QStringLiteral("revoked"));
    m_kind->addItem(tr("Imported"), QStringLiteral("imported"));
    m_copy = PageParts::button(tr("&Copy"), QStringLiteral("activityCopy"), QString(), this);
    m_copy->setToolTip(tr("Copy the selected lines (or all shown) with their error details"));
    m_refresh = PageParts::button(tr("&Refresh"), QStringLiteral("activityRefresh"), QStringLiteral("renew"), this);
    filters->addWidget(m_filter, 2);
    filters->addWidget(m_kind, 1);
    filters->addWidget(m_copy);
    filters->addWidget(m_refresh);
    layout->addLayout(filters);

    m_stack = new QStackedWidget(this);
    QPushButton* emptyAction = nullptr;
    m_stack->addWidget(PageParts::emptyState(
        QStringLiteral("activityEmptyState"),
        tr("Nothing has happened yet. Issuing, renewing and deploying certificates is recorded here."), tr("&Refresh"),
        QStringLiteral("renew"), m_stack, &emptyAction));
    m_table = PageParts::table(QStringLiteral("activityTable"), tr("Activity"),
                               {tr("Time"), tr("Kind"), tr("Subject"), tr("Message")}, m_stack);
    m_table->setSortingEnabled(false); // newest first, as the store returns them
    m_stack->addWidget(m_table);
    layout->addWidget(m_stack, 1);
    m_message = new MessageBar(QStringLiteral("activityMessage"), this);
    layout->addWidget(m_message);

    connect(emptyAction, &QPushButton::clicked, this, &ActivityPage::reload);
    connect(m_refresh, &QPushButton::clicked, this, &ActivityPage::reload);
    connect(m_copy, &QPushButton::clicked, this, &ActivityPage::copySelection);
    connect(m_filter, &QLineEdit::textChanged, this, &ActivityPage::applyFilter);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ActivityPage::applyFilter);
    auto* copyShortcut = new QShortcut(QKeySequence::Copy, m_table);
    copyShortcut->setContext(Qt::WidgetShortcut);
    connect(copyShortcut, &QShortcut::activated, this, &ActivityPage::copySelection);
    setTabOrder(m_filter, m_kind);
    setTabOrder(m_kind, m_copy);
    setTabOrder(m_copy, m_refresh);
    setTabOrder(m_refresh, m_table);
}

void ActivityPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload();
}

void ActivityPage::reload() {
    load();
}

QCoro::Task<> ActivityPage::load() {
    QPointer<ActivityPage> self(this);
    auto job = m_store->run([](store::Store& s) { return s.events().recent(maxEvents); });
    const Result<QList<store::EventRecord>> events = co_await job;
    if (!self)
        co_return;
    if (!events) {
        m_message->showError(events.error());
        co_return;
    }
    m_message->clear();
    m_events = *events;
    fillTable();
    Q_EMIT eventsLoaded();
}

void ActivityPage::fillTable() {
    const QColor failure = Formatting::stateColor(CertificateState::Expired, palette());
    m_table->setRowCount(static_cast<int>(m_events.size()));
    for (int row = 0; row < m_events.size(); ++row) {
        const store::EventRecord& e = m_events.at(row);
        const QStringList cells{Formatting::dateTime(e.at), e.kind, e.subject, e.message};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            item->setData(EventIndexRole, row);
            if (e.isFailure()) {
                item->setForeground(failure);
                item->setToolTip(e.errorDetail.isEmpty() ? e.message : e.message + QLatin1Char('\n') + e.errorDetail);
            }
            m_table->setItem(row, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_stack->setCurrentIndex(m_events.isEmpty() ? 0 : 1);
    applyFilter();
}

bool ActivityPage::matchesKind(const store::EventRecord& e) const {
    const QString kind = m_kind->currentData().toString();
    if (kind.isEmpty())
        return true;
    if (kind == QLatin1String("failures"))
        return e.isFailure();
    if (kind == QLatin1String("deploy"))
        return e.kind.startsWith(QLatin1String("deploy"));
    return e.kind == kind;
}

void ActivityPage::applyFilter() {
    const QString text = m_filter->text().trimmed();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const store::EventRecord& e = m_events.at(m_table->item(row, 0)->data(EventIndexRole).toInt());
        bool show = matchesKind(e);
        if (show && !text.isEmpty())
            show = e.subject.contains(text, Qt::CaseInsensitive) || e.message.contains(text, Qt::CaseInsensitive) ||
                   e.kind.contains(text, Qt::CaseInsensitive) || e.errorDetail.contains(text, Qt::CaseInsensitive);
        m_table->setRowHidden(row, !show);
    }
}

int ActivityPage::visibleCount() const {
    int n = 0;
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (!m_table->isRowHidden(row))
            ++n;
    return n;
}

QString ActivityPage::eventText(const store::EventRecord& e) {
    QString line =
        QStringList{e.at.toUTC().toString(Qt::ISODate), e.kind, e.subject, e.message}.join(QLatin1Char('\t'));
    if (e.isFailure()) {
        line += QStringLiteral("\n    error: ") + e.errorCode;
        if (!e.errorDetail.isEmpty())
            line += QStringLiteral(" — ") + QString(e.errorDetail).replace(QLatin1Char('\n'), QStringLiteral("\n    "));
    }
    return line;
}

QString ActivityPage::copySelection() {
    QList<int> rows;
    for (const QTableWidgetItem* item : m_table->selectedItems())
        if (!m_table->isRowHidden(item->row()) && !rows.contains(item->row()))
            rows << item->row();
    if (rows.isEmpty())
        for (int row = 0; row < m_table->rowCount(); ++row)
            if (!m_table->isRowHidden(row))
                rows << row;
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (int row : std::as_const(rows))
        lines << eventText(m_events.at(m_table->item(row, 0)->data(EventIndexRole).toInt()));
    const QString text = lines.join(QLatin1Char('\n'));
    if (!text.isEmpty()) {
        QApplication::clipboard()->setText(text + QLatin1Char('\n'));
        m_message->showMessage(tr("Copied %n line(s).", nullptr, static_cast<int>(rows.size())),
                               MessageBar::Kind::Info);
    }
    return text;
}

} // namespace certdeck::ui
