// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

namespace certdeck::store {

/// The SQLite store (QtSql, driver QSQLITE). WAL journal so a reader (the GUI) never blocks a
/// writer (a timer-started CLI) and the other way round; a busy timeout so two writers queue instead
/// of failing; versioned migrations from the SQL files embedded under :/certdeck/migrations/
/// (NNNN_name.sql, applied in order, each in its own transaction, the version kept in
/// PRAGMA user_version).
///
/// Threading: a Database and the queries made through it belong to the thread that opened it (a
/// QtSql rule). Open one per thread; every instance has its own connection.
/// Failure: open() refuses a store written by a newer Certdeck (schema version above latestVersion()).
class Database {
public:
    struct Options {
        /// How long a writer waits for another process's write to finish before giving up (Busy).
        int busyTimeoutMs = 15000;
        /// Migrate up to this version only (tests build earlier versions); -1: the latest.
        int targetVersion = -1;
    };

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Opens (creating if needed, file mode 0600) and migrates the store at `path`.
    static Result<std::unique_ptr<Database>> open(const QString& path, const Options& options);
    static Result<std::unique_ptr<Database>> open(const QString& path);

    [[nodiscard]] static int latestVersion();
    [[nodiscard]] int schemaVersion() const;
    /// Applies the migrations above the current version up to `version`.
    Status migrateTo(int version);

    /// Prepares and runs `sql` with positional `binds`; the finished query for reading rows.
    Result<QSqlQuery> exec(const QString& sql, const QVariantList& binds = {});
    /// Runs `body` inside BEGIN IMMEDIATE … COMMIT (rolled back when it fails). IMMEDIATE takes the
    /// write lock up front, so the busy timeout applies instead of a deadlock error half-way through.
    /// Nested calls join the outer transaction.
    Status transaction(const std::function<Status()>& body);

    /// PRAGMA integrity_check says "ok".
    [[nodiscard]] bool integrityOk();
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QSqlDatabase connection() const;

private:
    explicit Database(QString path);
    Status configure(int busyTimeoutMs);

    QString m_path;
    QString m_connectionName;
    int m_depth = 0;
};

} // namespace certdeck::store
