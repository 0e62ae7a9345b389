// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/NotifierListWidget.h"

#include "core/net/HttpClient.h"
#include "core/schedule/Notification.h"
#include "core/schedule/Notifier.h"
#include "core/store/Secrets.h"
#include "core/store/StoreExecutor.h"
#include "core/workflow/StoredNotifiers.h"
#include "ui/MessageBar.h"
#include "ui/NotifierDialog.h"

#include <QCoroFuture>
#include <QCoroSignal>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {

/// What the table shows of a target: never its secret (the webhook's host only, as `notify list`).
QString whereTo(const store::NotifierRecord& r) {
    const QJsonObject& s = r.settings;
    if (r.kind == QLatin1String("webhook"))
        return NotifierListWidget::tr("Webhook (%1) to %2")
            .arg(s.value(QStringLiteral("format")).toString(), s.value(QStringLiteral("host")).toString());
    QStringList to;
    for (const QJsonValue& v : s.value(QStringLiteral("to")).toArray())
        to << v.toString();
    return NotifierListWidget::tr("E-mail to %1 via %2:%3")
        .arg(to.join(QStringLiteral(", ")), s.value(QStringLiteral("host")).toString())
        .arg(s.value(QStringLiteral("port")).toInt());
}

/// Whether a target keeps a secret: a webhook's URL always, mail only when it logs in (as
/// workflow::loadStoredNotifiers reads them).
bool hasSecret(const store::NotifierRecord& r) {
    return r.kind == QLatin1String("webhook") || !r.settings.value(QStringLiteral("user")).toString().isEmpty();
}

} // namespace

NotifierListWidget::NotifierListWidget(store::StoreExecutor* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store) {
    setObjectName(QStringLiteral("notifierList"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("notifiersTable"));
    m_table->setAccessibleName(tr("Notification targets"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Sends to")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setMinimumHeight(120);
    layout->addWidget(m_table, 1);

    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add…"), this);
    m_add->setObjectName(QStringLiteral("notifiersAdd"));
    m_add->setAccessibleName(tr("Add a notification target"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("notifiersEdit"));
    m_edit->setAccessibleName(tr("Edit the selected notification target"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("notifiersRemove"));
    m_remove->setAccessibleName(tr("Remove the selected notification target"));
    m_test = new QPushButton(tr("Send &test"), this);
    m_test->setObjectName(QStringLiteral("notifiersTest"));
    m_test->setAccessibleName(tr("Send a test notification to the selected target"));
    for (QPushButton* b : {m_add, m_edit, m_remove, m_test})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_message = new MessageBar(QStringLiteral("notifiersMessage"), this);
    layout->addWidget(m_message);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &NotifierListWidget::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] {
        if (!m_busy && !selectedName().isEmpty())
            m_edit->click();
    });
    connect(m_add, &QPushButton::clicked, this, [this] { runEdit(std::nullopt); });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        for (const store::NotifierRecord& r : std::as_const(m_records))
            if (r.name == selectedName()) {
                runEdit(r);
                return;
            }
    });
    connect(m_remove, &QPushButton::clicked, this, [this] { runRemove(selectedName()); });
    connect(m_test, &QPushButton::clicked, this, [this] { runTest(selectedName()); });
    setTabOrder(m_table, m_add);
    setTabOrder(m_add, m_edit);
    setTabOrder(m_edit, m_remove);
    setTabOrder(m_remove, m_test);
    updateButtons();
    reload();
}

void NotifierListWidget::reload() {
    load();
}

QString NotifierListWidget::selectedName() const {
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const QTableWidgetItem* item = m_table->item(rows.first().row(), 0);
    return item ? item->text() : QString();
}

void NotifierListWidget::selectByName(const QString& name) {
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->text() == name) {
            m_table->selectRow(row);
            return;
        }
}

void NotifierListWidget::setBusy(bool busy) {
    m_busy = busy;
    updateButtons();
}

void NotifierListWidget::updateButtons() {
    const bool selected = !selectedName().isEmpty();
    m_add->setEnabled(!m_busy && m_store);
    m_edit->setEnabled(!m_busy && selected);
    m_remove->setEnabled(!m_busy && selected);
    m_test->setEnabled(!m_busy && selected);
}

QCoro::Task<> NotifierListWidget::load() {
    QPointer<NotifierListWidget> self(this);
    if (!m_store) {
        m_message->showMessage(tr("No data folder: notification targets cannot be stored."));
        Q_EMIT loaded();
        co_return;
    }
    auto job = m_store->run([](store::Store& s) { return s.notifiers().all(); });
    const Result<QList<store::NotifierRecord>> all = co_await job;
    if (!self)
        co_return;
    if (!all) {
        m_message->showError(all.error());
        Q_EMIT loaded();
        co_return;
    }
    const QString keep = selectedName();
    m_records = *all;
    m_table->setRowCount(0);
    for (const store::NotifierRecord& r : std::as_const(m_records)) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(r.name));
        auto* where = new QTableWidgetItem(whereTo(r));
        if (!r.enabled)
            where->setText(tr("%1 (off)").arg(where->text()));
        m_table->setItem(row, 1, where);
    }
    m_table->resizeColumnToContents(0);
    selectByName(keep);
    if (m_table->selectionModel()->selectedRows().isEmpty() && m_table->rowCount() > 0)
        m_table->selectRow(0);
    updateButtons();
    Q_EMIT loaded();
}

QCoro::Task<Result<store::Secrets>> NotifierListWidget::secrets() {
    QPointer<NotifierListWidget> self(this);
    auto job = m_store->run([](store::Store& s) { return Result<store::Secrets>(s.secrets()); });
    auto r = co_await job;
    if (r && !self)
        co_return Error(ErrorCode::Cancelled, tr("The window was closed."));
    co_return r;
}

QCoro::Task<Result<SecureBytes>> NotifierListWidget::storedSecret(store::NotifierRecord record) {
    if (!hasSecret(record))
        co_return SecureBytes();
    auto opening = secrets();
    auto backend = co_await opening;
    if (!backend)
        co_return backend.error();
    const QString key = record.secretKey();
    auto reading = backend->read(key);
    auto value = co_await reading;
    if (!value && value.error().code == ErrorCode::NotFound)
        co_return Error(
            ErrorCode::NotFound,
            record.kind == QLatin1String("webhook")
                ? tr("The address of %1 is not in your keychain: edit the target and enter it again.").arg(record.name)
                : tr("The mail password of %1 is not in your keychain: edit the target and enter it "
                     "again.")
                      .arg(record.name));
    co_return value;
}

QCoro::Task<> NotifierListWidget::runEdit(std::optional<store::NotifierRecord> existing) {
    if (m_busy || !m_store)
        co_return;
    QPointer<NotifierListWidget> self(this);
    QPointer<NotifierDialog> dialog = new NotifierDialog(existing, this);
    auto finished = qCoro(dialog.data(), &QDialog::finished);
    dialog->open();
    const int result = co_await finished;
    if (!self || !dialog)
        co_return;
    dialog->deleteLater();
    if (result != QDialog::Accepted)
        co_return;
    const store::NotifierRecord record = dialog->record();
    std::optional<SecureBytes> secret = dialog->secret();
    const bool dropSecret = existing && hasSecret(*existing) && !hasSecret(record);
    if (!existing) {
        for (const store::NotifierRecord& r : std::as_const(m_records))
            if (r.name == record.name) {
                m_message->showMessage(
                    tr("There is already a notification target named %1: choose another name, or edit it.")
                        .arg(record.name),
                    MessageBar::Kind::Error);
                Q_EMIT saved(false);
                co_return;
            }
    }
    setBusy(true);
    auto finish = [this](const Error& e) {
        setBusy(false);
        m_message->showError(e);
        Q_EMIT saved(false);
    };
    // Checked the way a renewal builds it (`notify add` does the same), before anything is kept: a
    // kept secret is read back for that.
    SecureBytes checkWith;
    if (secret) {
        checkWith = *secret;
    } else if (hasSecret(record) && existing) {
        auto reading = storedSecret(*existing);
        auto stored = co_await reading;
        if (!self)
            co_return;
        if (!stored) {
            finish(stored.error());
            co_return;
        }
        checkWith = *stored;
    }
    {
        net::HttpClient http;
        if (auto made = workflow::makeNotifier(record, checkWith, http); !made) {
            finish(made.error());
            co_return;
        }
    }
    // The secret first: a row whose secret never reached the keychain would fail every renewal.
    if (secret || dropSecret) {
        auto opening = secrets();
        auto backend = co_await opening;
        if (!self)
            co_return;
        if (!backend) {
            finish(backend.error());
            co_return;
        }
        const QString key = record.secretKey();
        if (secret) {
            const SecureBytes value = *secret;
            auto writing = backend->write(key, value);
            const Status written = co_await writing;
            if (!self)
                co_return;
            if (!written) {
                finish(written.error().withContext(tr("Storing the secret of %1 in the keychain").arg(record.name)));
                co_return;
            }
        } else {
            auto removing = backend->remove(key);
            const Status removed = co_await removing;
            Q_UNUSED(removed) // an entry nothing reads any more may linger
            if (!self)
                co_return;
        }
    }
    auto job = m_store->run([record](store::Store& s) { return s.notifiers().save(record); });
    const Result<qint64> stored = co_await job;
    if (!self)
        co_return;
    if (!stored) {
        finish(stored.error());
        co_return;
    }
    setBusy(false);
    m_message->showMessage(existing ? tr("Saved %1.").arg(record.name)
                                    : tr("Added %1. Send a test to check that it arrives.").arg(record.name),
                           MessageBar::Kind::Success);
    auto reloading = load();
    co_await reloading;
    if (!self)
        co_return;
    selectByName(record.name);
    Q_EMIT saved(true);
}

QCoro::Task<> NotifierListWidget::runRemove(QString name) {
    if (m_busy || name.isEmpty())
        co_return;
    QPointer<NotifierListWidget> self(this);
    QPointer<QMessageBox> box = new QMessageBox(
        QMessageBox::Warning, tr("Remove %1?").arg(name),
        tr("Remove the notification target %1? Renewals (in the app and the unattended timer) stop sending to it.")
            .arg(name),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("notifiersRemoveConfirm"));
    QPushButton* yes = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("notifiersRemoveConfirmYes"));
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
    auto opening = secrets();
    auto backend = co_await opening;
    if (!self)
        co_return;
    std::optional<Error> secretLeft;
    const QString key = store::NotifierRecord{0, name, {}, {}, true, {}}.secretKey();
    if (backend) {
        // As `notify remove`: the keychain entry goes with the row (removing a missing one is fine).
        auto removing = backend->remove(key);
        const Status removed = co_await removing;
        if (!self)
            co_return;
        if (!removed)
            secretLeft = removed.error();
    }
    auto job = m_store->run([name](store::Store& s) { return s.notifiers().remove(name); });
    const Status removed = co_await job;
    if (!self)
        co_return;
    setBusy(false);
    if (!removed) {
        m_message->showError(removed.error());
        Q_EMIT saved(false);
        co_return;
    }
    if (secretLeft)
        m_message->showMessage(
            tr("Removed %1. Its keychain entry (%2) could not be removed: %3").arg(name, key, secretLeft->userMessage),
            MessageBar::Kind::Info, secretLeft->detail);
    else
        m_message->showMessage(tr("Removed %1.").arg(name), MessageBar::Kind::Success);
    auto reloading = load();
    co_await reloading;
    if (!self)
        co_return;
    Q_EMIT saved(true);
}

QCoro::Task<> NotifierListWidget::runTest(QString name) {
    if (m_busy || name.isEmpty())
        co_return;
    QPointer<NotifierListWidget> self(this);
    std::optional<store::NotifierRecord> record;
    for (const store::NotifierRecord& r : std::as_const(m_records))
        if (r.name == name)
            record = r;
    if (!record)
        co_return;
    setBusy(true);
    m_message->showMessage(tr("Sending a test notification to %1…").arg(name));
    auto end = [this](bool ok, const Error& e) {
        setBusy(false);
        if (!ok)
            m_message->showError(e);
        Q_EMIT testFinished(ok);
    };
    const store::NotifierRecord target = *record;
    auto reading = storedSecret(target);
    auto secret = co_await reading;
    if (!self)
        co_return;
    if (!secret) {
        end(false, secret.error());
        co_return;
    }
    // Built exactly as a renewal builds it, so a test that arrives means renewal notices arrive.
    net::HttpClient http;
    auto made = workflow::makeNotifier(target, *secret, http);
    if (!made) {
        end(false, made.error());
        co_return;
    }
    std::unique_ptr<schedule::Notifier> notifier = std::move(*made);
    schedule::Notification n;
    n.kind = schedule::Notification::Kind::Renewed;
    n.subject = QStringLiteral("certdeck-test");
    n.reason = tr("This is a test notification from Certdeck. Renewal notices will arrive the same way.");
    n.at = QDateTime::currentDateTimeUtc();
    auto sending = notifier->send(n);
    const Status sent = co_await sending;
    if (!self)
        co_return;
    if (!sent) {
        end(false, sent.error());
        co_return;
    }
    setBusy(false);
    m_message->showMessage(tr("Sent a test notification: %1").arg(notifier->description()), MessageBar::Kind::Success);
    Q_EMIT testFinished(true);
}

} // namespace certdeck::ui
