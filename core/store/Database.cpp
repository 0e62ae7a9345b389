// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Database.h"

#include "core/common/Log.h"
#include "core/store/internal/SqlSupport.h"

#include <QAtomicInteger>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QThread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// The .qrc is compiled into this static library; referencing its initialiser keeps the linker from
// dropping it (Q_INIT_RESOURCE must be called outside any namespace).
static void initMigrationResources() {
    Q_INIT_RESOURCE(migrations);
}

namespace certdeck::store {

namespace {

struct Migration {
    int version = 0;
    QString path;
};

QList<Migration> migrations() {
    initMigrationResources();
    QList<Migration> list;
    const QDir dir(QStringLiteral(":/certdeck/migrations"));
    static const QRegularExpression name(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    for (const QString& file : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = name.match(file);
        if (m.hasMatch())
            list.append({m.captured(1).toInt(), dir.filePath(file)});
    }
    return list;
}

/// Splits a migration file into statements: comment lines dropped, split at ';' ending a line.
QStringList statements(const QString& script) {
    QStringList out;
    QString current;
    for (const QString& line : script.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (t.isEmpty() || t.startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (t.endsWith(QLatin1Char(';'))) {
            out << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

} // namespace

Database::Database(QString path)
    : m_path(std::move(path)) {
    static QAtomicInteger<quint64> counter;
    m_connectionName = QStringLiteral("certdeck-store-%1").arg(counter.fetchAndAddOrdered(1));
}

Database::~Database() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const {
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path) {
    return open(path, Options{});
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const Options& options) {
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return Error(ErrorCode::Store, QObject::tr("Qt's SQLite driver is missing: install libqt6sql6-sqlite."));
    // Create the file ourselves so it is 0600 from the first byte (it names the user's domains and servers).
    const QByteArray native = QFile::encodeName(path);
    if (!QFileInfo::exists(path)) {
        const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0)
            return Error(ErrorCode::Permission,
                         QObject::tr("Cannot create the store %1: check that its folder is writable.").arg(path));
        ::close(fd);
    }
    std::unique_ptr<Database> self(new Database(path));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), self->m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
        if (!db.open())
            return Error(ErrorCode::Store, QObject::tr("Cannot open the store %1.").arg(path), db.lastError().text());
    }
    if (auto s = self->configure(options.busyTimeoutMs); !s)
        return s.error();
    const int current = self->schemaVersion();
    if (current > latestVersion())
        return Error(ErrorCode::Store,
                     QObject::tr("The store %1 was written by a newer Certdeck (schema %2, this one knows %3): "
                                 "update Certdeck.")
                         .arg(path)
                         .arg(current)
                         .arg(latestVersion()));
    const int target = options.targetVersion < 0 ? latestVersion() : options.targetVersion;
    if (auto s = self->migrateTo(target); !s)
        return s.error();
    return self;
}

Status Database::configure(int busyTimeoutMs) {
    // busy_timeout first: switching to WAL itself needs a lock another process may hold.
    if (auto r = exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs)); !r)
        return r.error();
    // SQLite answers the switch to WAL with SQLITE_BUSY without waiting when several processes open a new
    // store at once (its busy handler is skipped where waiting could deadlock), so retry it ourselves.
    QElapsedTimer waited;
    waited.start();
    auto mode = exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    while (!mode && mode.error().code == ErrorCode::Busy && waited.elapsed() < busyTimeoutMs) {
        QThread::msleep(5 + QRandomGenerator::global()->bounded(20));
        mode = exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    }
    if (!mode)
        return mode.error();
    if (mode->next() && mode->value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcStore) << "journal_mode WAL refused, got" << mode->value(0).toString();
    // NORMAL is durable across application crashes in WAL mode (only power loss may drop the last commit).
    for (const char* pragma : {"PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"}) {
        if (auto r = exec(QString::fromLatin1(pragma)); !r)
            return r.error();
    }
    return {};
}

int Database::latestVersion() {
    const auto list = migrations();
    return list.isEmpty() ? 0 : list.last().version;
}

int Database::schemaVersion() const {
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

Status Database::migrateTo(int version) {
    for (const Migration& m : migrations()) {
        if (m.version > version)
            break;
        // Re-read inside the transaction: another process may have migrated meanwhile.
        const Status s = transaction([&]() -> Status {
            if (schemaVersion() >= m.version)
                return {};
            QFile f(m.path);
            if (!f.open(QIODevice::ReadOnly))
                return Error(ErrorCode::Store, QObject::tr("Migration %1 is missing from this build.").arg(m.path));
            for (const QString& sql : statements(QString::fromUtf8(f.readAll()))) {
                QSqlQuery q(connection());
                if (!q.exec(sql))
                    return internal::sqlError(q, QStringLiteral("migration %1").arg(m.version));
            }
            QSqlQuery q(connection());
            if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(m.version)))
                return internal::sqlError(q, QStringLiteral("migration %1").arg(m.version));
            qCInfo(lcStore) << "store migrated to schema" << m.version;
            return {};
        });
        if (!s)
            return s;
    }
    return {};
}

Result<QSqlQuery> Database::exec(const QString& sql, const QVariantList& binds) {
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return internal::sqlError(q, sql.section(QLatin1Char(' '), 0, 2));
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant& v = binds.at(i);
        // A null QString would bind as SQL NULL; our text columns are NOT NULL with '' for "none".
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.bindValue(i, QString(QLatin1String("")));
        else
            q.bindValue(i, v);
    }
    if (!q.exec())
        return internal::sqlError(q, sql.section(QLatin1Char(' '), 0, 2));
    return q;
}

Status Database::transaction(const std::function<Status()>& body) {
    if (m_depth > 0) {
        ++m_depth;
        Status s = body();
        --m_depth;
        return s;
    }
    QSqlQuery begin(connection());
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return internal::sqlError(begin, QStringLiteral("begin"));
    ++m_depth;
    Status s = body();
    --m_depth;
    QSqlQuery end(connection());
    if (!s) {
        end.exec(QStringLiteral("ROLLBACK"));
        return s;
    }
    if (!end.exec(QStringLiteral("COMMIT"))) {
        Error e = internal::sqlError(end, QStringLiteral("commit"));
        QSqlQuery rollback(connection());
        rollback.exec(QStringLiteral("ROLLBACK"));
        return e;
    }
    return {};
}

bool Database::integrityOk() {
    auto r = exec(QStringLiteral("PRAGMA integrity_check"));
    return r && r->next() && r->value(0).toString() == QLatin1String("ok");
}

} // namespace certdeck::store
