// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/store/NotifierRepository.h"

#include <QCoroTask>
#include <QList>
#include <QWidget>

#include <optional>

class QPushButton;
class QTableWidget;

namespace certdeck::store {
class Secrets;
class StoreExecutor;
} // namespace certdeck::store

namespace certdeck::ui {

class MessageBar;

/// Settings → Notifications: the stored notification targets (store::NotifierRepository, as
/// `certdeck-cli notify add|list|remove|test` keep them) with Add / Edit / Remove / Send test. The
/// webhook URL and the SMTP password go only to the store's Secrets (keychain) under
/// NotifierRecord::secretKey(); a target is checked with workflow::makeNotifier, as renewals build it,
/// before anything is kept. "Send test" sends a test notification through that target and says how it
/// went in the message line (an error with its detail behind "Details…"). Everything reaches the store
/// through the StoreExecutor. Child objectNames: notifiersTable, notifiersAdd, notifiersEdit,
/// notifiersRemove, notifiersTest, notifiersMessage (MessageBar), notifiersRemoveConfirm(+Yes).
class NotifierListWidget : public QWidget {
    Q_OBJECT
public:
    NotifierListWidget(store::StoreExecutor* store, QWidget* parent = nullptr);

    void reload();
    [[nodiscard]] QList<store::NotifierRecord> records() const { return m_records; }
    [[nodiscard]] QString selectedName() const;
    void selectByName(const QString& name);
    [[nodiscard]] bool isBusy() const { return m_busy; }

Q_SIGNALS:
    /// The targets have been read from the store.
    void loaded();
    /// A target was added, edited or removed (or an attempt failed: `ok` false).
    void saved(bool ok);
    /// A test ended: `ok` when the target accepted the notification.
    void testFinished(bool ok);

private:
    QCoro::Task<> load();
    QCoro::Task<> runEdit(std::optional<store::NotifierRecord> existing);
    QCoro::Task<> runRemove(QString name);
    QCoro::Task<> runTest(QString name);
    /// The secret of a stored target (empty when it has none), or the error reading it.
    QCoro::Task<Result<SecureBytes>> storedSecret(store::NotifierRecord record);
    QCoro::Task<Result<store::Secrets>> secrets();
    void setBusy(bool busy);
    void updateButtons();

    store::StoreExecutor* m_store;
    QList<store::NotifierRecord> m_records;
    QTableWidget* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_test = nullptr;
    MessageBar* m_message = nullptr;
    bool m_busy = false;
};

} // namespace certdeck::ui
