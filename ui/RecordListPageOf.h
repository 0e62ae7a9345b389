// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/StoreExecutor.h"
#include "ui/MessageBar.h"
#include "ui/RecordListPage.h"

#include <QCoroFuture>
#include <QPointer>

#include <functional>
#include <optional>
#include <utility>

namespace certdeck::ui {

/// A RecordListPage over one record type (anything with a unique `name`): keeps the records as last
/// read, loads them through `fetch` on the store's thread and finds the one a row or a caller names.
/// The subclass says how a record looks in the table and how it is added or edited, tested and removed.
template <typename Record> class RecordListPageOf : public RecordListPage {
public:
    /// The records as last read from the store.
    [[nodiscard]] const QList<Record>& records() const { return m_records; }

protected:
    /// Reads every record, on the store's thread.
    using Fetch = std::function<Result<QList<Record>>(store::Store&)>;

    RecordListPageOf(const Setup& setup, Fetch fetch, store::StoreExecutor* store, QWidget* parent)
        : RecordListPage(setup, store, parent)
        , m_fetch(std::move(fetch)) {}

    [[nodiscard]] virtual Row rowFor(const Record& record) const = 0;
    /// Opens the add (no `existing`) or edit dialog and saves what it gives.
    virtual QCoro::Task<> runAdd(std::optional<Record> existing) = 0;
    virtual QCoro::Task<> runTest(Record record) = 0;
    [[nodiscard]] virtual Removal removalOf(const Record& record) const = 0;

    /// Opens the add dialog, unless the page is busy.
    void addNew() {
        if (!isBusy())
            runAdd(std::nullopt);
    }
    /// Tests the record named `name`, unless the page is busy.
    void testNamed(const QString& name) {
        if (isBusy())
            return;
        if (auto r = recordNamed(m_records, name))
            runTest(*r);
    }

    /// Adding a record under a name another one has: shows `problem` and returns true.
    bool nameTaken(const std::optional<Record>& existing, const QString& name, const QString& problem) {
        if (existing || !recordNamed(m_records, name))
            return false;
        message()->showError(Error(ErrorCode::InvalidInput, problem));
        return true;
    }

    QCoro::Task<> load() override {
        QPointer<RecordListPage> self(this);
        auto job = executor()->run(m_fetch);
        const Result<QList<Record>> all = co_await job;
        if (!self)
            co_return;
        if (!all) {
            message()->showError(all.error());
            co_return;
        }
        m_records = *all;
        QList<Row> rows;
        for (const Record& r : std::as_const(m_records))
            rows.append(rowFor(r));
        showRows(rows);
        Q_EMIT recordsLoaded();
    }
    void addRecord() override { addNew(); }
    void editRecord(const QString& name) override {
        if (auto r = recordNamed(m_records, name))
            runAdd(r);
    }
    void removeRecord(const QString& name) override {
        if (auto r = recordNamed(m_records, name))
            runRemoval(removalOf(*r));
    }
    void testRecord(const QString& name) override { testNamed(name); }

private:
    Fetch m_fetch;
    QList<Record> m_records;
};

} // namespace certdeck::ui
