// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QCoroTask>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>

class QDialog;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace certdeck::store {
class Secrets;
class Store;
class StoreExecutor;
} // namespace certdeck::store

namespace certdeck::ui {

class MessageBar;

/// The record of `records` called `name` (stored records are unique by name), if any.
template <typename Record>
[[nodiscard]] std::optional<Record> recordNamed(const QList<Record>& records, const QString& name) {
    for (const Record& r : records)
        if (r.name == name)
            return r;
    return std::nullopt;
}

/// A section page listing named store records (servers, DNS providers): heading, an empty state with
/// its "Add" action, a single-selection table whose first column is the record's name, Add / Edit /
/// Remove / Test buttons under it and a message line. It owns what such pages do alike: the busy state
/// (buttons off while a store or network call runs), selection by name across reloads, the Tab order,
/// reloading when shown, double-click to edit, confirming a removal and dropping the record's keychain
/// entry with it. What a record is, how it is edited and tested is the subclass's (the hooks below).
/// Child objectNames are `<prefix>Table`, `<prefix>Add`, `<prefix>Edit`, `<prefix>Remove`, `<prefix>Test`,
/// `<prefix>EmptyState`, `<prefix>Message`, `<prefix>RemoveConfirm` and `<prefix>RemoveConfirmYes`.
class RecordListPage : public QWidget {
    Q_OBJECT
public:
    /// Re-reads the store (also done each time the page is shown).
    void reload();

Q_SIGNALS:
    /// The records have been read again.
    void recordsLoaded();
    /// The store's records changed (added, edited, removed).
    void recordsChanged();
    /// A test ended: `ok` when the record worked (what that means is the page's).
    void testFinished(bool ok);

protected:
    /// What makes one page differ from another in looks.
    struct Setup {
        QString objectName; ///< the page's own
        QString prefix;     ///< of the children's objectNames
        QString heading;
        QString subtitle;
        QString emptyText;
        QString emptyAction; ///< the empty state's button
        QString tableName;   ///< the table's accessible name
        QStringList headers; ///< the first column holds the record's name
        QString testText;
        QString testIcon;
        QString testToolTip;
    };

    /// One table row: its cells, and the column shown in the placeholder colour (-1: none).
    struct Row {
        QStringList cells;
        int dimmedColumn = -1;
    };

    /// Removing one record: what the confirmation asks and what is dropped.
    struct Removal {
        QString name;
        QString title;
        QString question;
        /// The record's keychain entry; empty when it has none.
        QString secretKey;
        /// Whether a keychain that cannot be opened counts as an entry left behind (and is said so).
        bool reportUnopenedKeychain = false;
        /// Removes the row, on the store's thread.
        std::function<Status(store::Store&)> remove;
        /// The message when all is gone.
        QString removedText;
    };

    RecordListPage(const Setup& setup, store::StoreExecutor* store, QWidget* parent);

    void showEvent(QShowEvent* event) override;

    // The hooks (RecordListPageOf implements them). add/edit/remove are called only when the page is not busy; the name
    // is the selected row's.
    virtual QCoro::Task<> load() = 0;
    virtual void addRecord() = 0;
    virtual void editRecord(const QString& name) = 0;
    virtual void removeRecord(const QString& name) = 0;
    virtual void testRecord(const QString& name) = 0;

    [[nodiscard]] store::StoreExecutor* executor() const { return m_store; }
    [[nodiscard]] MessageBar* message() const { return m_message; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    void setBusy(bool busy);

    /// The name in the selected row; empty when nothing is selected.
    [[nodiscard]] QString selectedName() const;
    void selectByName(const QString& name);
    /// Fills the table (keeping the selection by name, else the first row) and shows the empty state
    /// when there are no rows.
    void showRows(const QList<Row>& rows);

    /// Ends a test: not busy any more, the error or the text in the message line, testFinished(ok).
    void finishTest(bool ok, const std::optional<Error>& error, const QString& text, const QString& detail = QString());

    /// The keychain (Cancelled when the page is gone by the time it is open).
    QCoro::Task<Result<store::Secrets>> secrets();
    /// Opens `dialog` (window-modal) and waits for it: true when it was accepted and both it and the page
    /// are still there. The dialog is deleted later, so the caller may still read it.
    QCoro::Task<bool> accepted(QPointer<QDialog> dialog);
    /// Puts `value` in the keychain under `key`, or removes the entry when there is no value (an entry
    /// that cannot be removed only lingers: nothing reads it any more). `context` prefixes a write error.
    QCoro::Task<Status> storeSecret(QString key, std::optional<SecureBytes> value, QString context);
    /// After a record was saved: says `text`, announces the change, reloads and selects the record.
    QCoro::Task<> showSaved(QString name, QString text);
    /// Asks, then removes the record and its keychain entry, says how it went and reloads.
    QCoro::Task<> runRemoval(Removal removal);

private:
    void updateButtons();

    store::StoreExecutor* m_store;
    QString m_prefix;
    QStackedWidget* m_stack = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_test = nullptr;
    MessageBar* m_message = nullptr;
    bool m_busy = false;
};

} // namespace certdeck::ui
