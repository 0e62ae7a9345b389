// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/EventRepository.h"

#include <QCoroTask>
#include <QList>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace certdeck::store {
class StoreExecutor;
}

namespace certdeck::ui {

class MessageBar;

/// The activity log (the store's EventRepository), newest first: time, kind, subject, message; failures
/// in the "expired" colour. A text filter and a kind filter (all, failures only, issued, renewed,
/// deploy, expiry notices, revoked, imported) narrow it; Copy puts the selected rows (all shown rows
/// when none is selected) on the clipboard as text, with each failure's error code and detail.
/// Refreshed each time the page is shown.
class ActivityPage : public QWidget {
    Q_OBJECT
public:
    /// The most recent events shown.
    static constexpr int maxEvents = 2000;

    explicit ActivityPage(store::StoreExecutor* store, QWidget* parent = nullptr);

    [[nodiscard]] const QList<store::EventRecord>& events() const { return m_events; }
    /// Rows passing the filters.
    [[nodiscard]] int visibleCount() const;

    void reload();
    /// Copies the selected rows (or every shown row) and returns the text.
    QString copySelection();

    /// One event as copied: "time<TAB>kind<TAB>subject<TAB>message", then for failures an indented line
    /// with the error code and detail.
    static QString eventText(const store::EventRecord& event);

Q_SIGNALS:
    void eventsLoaded();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QCoro::Task<> load();
    void fillTable();
    void applyFilter();
    [[nodiscard]] bool matchesKind(const store::EventRecord& e) const;

    store::StoreExecutor* m_store;
    QList<store::EventRecord> m_events;
    QStackedWidget* m_stack = nullptr;
    QTableWidget* m_table = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_kind = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_refresh = nullptr;
    MessageBar* m_message = nullptr;
};

} // namespace certdeck::ui
