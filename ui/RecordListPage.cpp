// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/RecordListPage.h"

#include "core/store/StoreExecutor.h"
#include "ui/MessageBar.h"
#include "ui/PageParts.h"

#include <QCoroFuture>
#include <QCoroSignal>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {
constexpr int NameColumn = 0;
} // namespace

RecordListPage::RecordListPage(const Setup& setup, store::StoreExecutor* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_prefix(setup.prefix) {
    setObjectName(setup.objectName);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(PageParts::heading(setup.heading, this));
    layout->addWidget(PageParts::subtitle(setup.subtitle, this));

    m_stack = new QStackedWidget(this);
    QPushButton* emptyAdd = nullptr;
    m_stack->addWidget(PageParts::emptyState(m_prefix + QStringLiteral("EmptyState"), setup.emptyText,
                                             setup.emptyAction, QStringLiteral("add"), m_stack, &emptyAdd));

    auto* list = new QWidget(m_stack);
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_table = PageParts::table(m_prefix + QStringLiteral("Table"), setup.tableName, setup.headers, list);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    listLayout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    m_add = PageParts::button(tr("&Add…"), m_prefix + QStringLiteral("Add"), QStringLiteral("add"), list);
    m_edit = PageParts::button(tr("&Edit…"), m_prefix + QStringLiteral("Edit"), QString(), list);
    m_remove = PageParts::button(tr("&Remove…"), m_prefix + QStringLiteral("Remove"), QString(), list);
    m_test = PageParts::button(setup.testText, m_prefix + QStringLiteral("Test"), setup.testIcon, list);
    if (!setup.testToolTip.isEmpty())
        m_test->setToolTip(setup.testToolTip);
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_test);
    listLayout->addLayout(buttons);
    m_stack->addWidget(list);
    layout->addWidget(m_stack, 1);

    m_message = new MessageBar(m_prefix + QStringLiteral("Message"), this);
    layout->addWidget(m_message);

    auto add = [this] {
        if (!m_busy)
            addRecord();
    };
    auto edit = [this] {
        if (const QString name = selectedName(); !name.isEmpty() && !m_busy)
            editRecord(name);
    };
    connect(emptyAdd, &QPushButton::clicked, this, add);
    connect(m_add, &QPushButton::clicked, this, add);
    connect(m_edit, &QPushButton::clicked, this, edit);
    connect(m_table, &QTableWidget::itemDoubleClicked, this, edit);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (const QString name = selectedName(); !name.isEmpty() && !m_busy)
            removeRecord(name);
    });
    connect(m_test, &QPushButton::clicked, this, [this] {
        if (const QString name = selectedName(); !name.isEmpty())
            testRecord(name);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RecordListPage::updateButtons);
    setTabOrder(m_table, m_add);
    setTabOrder(m_add, m_edit);
    setTabOrder(m_edit, m_remove);
    setTabOrder(m_remove, m_test);
    updateButtons();
}

void RecordListPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload();
}

void RecordListPage::reload() {
    load();
}

QString RecordListPage::selectedName() const {
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    if (items.isEmpty())
        return QString();
    return m_table->item(items.first()->row(), NameColumn)->text();
}

void RecordListPage::selectByName(const QString& name) {
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, NameColumn)->text() == name)
            m_table->selectRow(row);
}

void RecordListPage::updateButtons() {
    const bool any = !m_table->selectedItems().isEmpty();
    m_add->setEnabled(!m_busy);
    m_edit->setEnabled(any && !m_busy);
    m_remove->setEnabled(any && !m_busy);
    m_test->setEnabled(any && !m_busy);
}

void RecordListPage::setBusy(bool busy) {
    m_busy = busy;
    updateButtons();
}

void RecordListPage::showRows(const QList<Row>& rows) {
    const QString keep = selectedName();
    m_table->setSortingEnabled(false);
    m_table->setRowCount(static_cast<int>(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const Row& r = rows.at(row);
        for (int c = 0; c < r.cells.size(); ++c) {
            auto* item = new QTableWidgetItem(r.cells.at(c));
            if (c == r.dimmedColumn)
                item->setForeground(palette().brush(QPalette::PlaceholderText));
            m_table->setItem(row, c, item);
        }
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    selectByName(keep);
    if (m_table->selectedItems().isEmpty() && m_table->rowCount() > 0)
        m_table->selectRow(0);
    m_stack->setCurrentIndex(rows.isEmpty() ? 0 : 1);
    updateButtons();
}

void RecordListPage::finishTest(bool ok, const std::optional<Error>& error, const QString& text,
                                const QString& detail) {
    setBusy(false);
    if (error)
        m_message->showError(*error);
    else
        m_message->showMessage(text, ok ? MessageBar::Kind::Success : MessageBar::Kind::Info, detail);
    Q_EMIT testFinished(ok);
}

QCoro::Task<Result<store::Secrets>> RecordListPage::secrets() {
    QPointer<RecordListPage> self(this);
    auto job = m_store->run([](store::Store& s) { return Result<store::Secrets>(s.secrets()); });
    auto r = co_await job;
    if (r && !self)
        co_return Error(ErrorCode::Cancelled, tr("The window was closed."));
    co_return r;
}

QCoro::Task<bool> RecordListPage::accepted(QPointer<QDialog> dialog) {
    QPointer<RecordListPage> self(this);
    auto finished = qCoro(dialog.data(), &QDialog::finished);
    dialog->open();
    const int result = co_await finished;
    if (!self || !dialog)
        co_return false;
    dialog->deleteLater();
    co_return result == QDialog::Accepted;
}

QCoro::Task<Status> RecordListPage::storeSecret(QString key, std::optional<SecureBytes> value, QString context) {
    QPointer<RecordListPage> self(this);
    auto secretsTask = secrets();
    auto backend = co_await secretsTask;
    if (!backend)
        co_return backend.error();
    if (value) {
        auto writing = backend->write(key, *value);
        const Status written = co_await writing;
        if (!written)
            co_return written.error().withContext(context);
    } else {
        auto removing = backend->remove(key);
        const Status removed = co_await removing;
        Q_UNUSED(removed)
    }
    if (!self)
        co_return Error(ErrorCode::Cancelled, tr("The window was closed."));
    co_return Status();
}

QCoro::Task<> RecordListPage::showSaved(QString name, QString text) {
    QPointer<RecordListPage> self(this);
    m_message->showMessage(text, MessageBar::Kind::Success);
    Q_EMIT recordsChanged();
    auto reloading = load();
    co_await reloading;
    if (!self)
        co_return;
    selectByName(name);
}

QCoro::Task<> RecordListPage::runRemoval(Removal removal) {
    QPointer<RecordListPage> self(this);
    QPointer<QMessageBox> box =
        new QMessageBox(QMessageBox::Warning, removal.title, removal.question, QMessageBox::Cancel, this);
    box->setObjectName(m_prefix + QStringLiteral("RemoveConfirm"));
    QPushButton* yes = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    yes->setObjectName(m_prefix + QStringLiteral("RemoveConfirmYes"));
    box->setDefaultButton(QMessageBox::Cancel);
    auto finished = qCoro(box.data(), &QDialog::finished);
    box->open();
    co_await finished;
    if (!self || !box)
        co_return;
    const bool confirmed = box->clickedButton() == yes;
    box->deleteLater();
    if (!confirmed)
        co_return;
    setBusy(true);
    std::optional<Error> secretLeft;
    if (!removal.secretKey.isEmpty()) {
        auto secretsTask = secrets();
        auto backend = co_await secretsTask;
        if (!self)
            co_return;
        if (backend) {
            auto removing = backend->remove(removal.secretKey);
            const Status removed = co_await removing;
            if (!self)
                co_return;
            if (!removed)
                secretLeft = removed.error();
        } else if (removal.reportUnopenedKeychain) {
            secretLeft = backend.error();
        }
    }
    auto job = m_store->run(removal.remove);
    const Status removed = co_await job;
    if (!self)
        co_return;
    setBusy(false);
    if (!removed)
        m_message->showError(removed.error());
    else if (secretLeft)
        m_message->showMessage(tr("Removed %1. Its keychain entry (%2) could not be removed: %3")
                                   .arg(removal.name, removal.secretKey, secretLeft->userMessage),
                               MessageBar::Kind::Info, secretLeft->detail);
    else
        m_message->showMessage(removal.removedText, MessageBar::Kind::Success);
    Q_EMIT recordsChanged();
    load();
}

} // namespace certdeck::ui
