// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLite store: migrations from every earlier schema version keep the data, WAL is on, a store
// from a newer Certdeck is refused, transactions roll back, a writer that waits too long gets Busy.
#include "core/store/Database.h"
#include "core/store/EventRepository.h"
#include "core/store/LineageRepository.h"
#include "core/store/NotifierRepository.h"
#include "core/store/PendingOrderRepository.h"
#include "core/store/ServerRepository.h"
#include "core/store/SettingRepository.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;
using namespace certdeck::store;

namespace {
template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : r.error().toString() + QStringLiteral(" | ") + r.error().detail;
}

/// Rows a user of schema `version` would have, written with that version's columns only.
bool seed(Database& db, int version) {
    if (version < 1)
        return true;
    auto l =
        db.exec(QStringLiteral("INSERT INTO lineages (name, names, directory_url, key_type, challenge, created_at, "
                               "updated_at) VALUES ('old.example', '[\"old.example\",\"www.old.example\"]', "
                               "'https://ca.test/dir', 'p384', '{\"method\":\"webroot\"}', "
                               "'2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')"));
    auto c = db.exec(QStringLiteral("INSERT INTO certificates (lineage_id, version, serial, sha256, names, not_before, "
                                    "not_after, fullchain_pem, stored_at) VALUES (1, 1, '01', 'AA', '[]', "
                                    "'2025-01-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z', 'PEM', "
                                    "'2025-01-01T00:00:00.000Z')"));
    auto e = db.exec(QStringLiteral("INSERT INTO events (at, kind, lineage_id, subject, message) VALUES "
                                    "('2025-01-01T00:00:00.000Z', 'issued', 1, 'old.example', 'Issued')"));
    if (!(l && c && e))
        return false;
    if (version < 1)
        return true;
    auto srv = db.exec(QStringLiteral("INSERT INTO servers (name, host, user_name, host_key_fingerprint, created_at) "
                                      "VALUES ('web1', '192.0.2.1', 'deploy', 'SHA256:abc', "
                                      "'2025-01-01T00:00:00.000Z')"));
    return srv.has_value();
}
} // namespace

class TestDatabase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void freshStoreIsLatestAndWal() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(why(db)));
        QVERIFY(Database::latestVersion() >= 2);
        QCOMPARE((*db)->schemaVersion(), Database::latestVersion());
        auto mode = (*db)->exec(QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(mode && mode->next());
        QCOMPARE(mode->value(0).toString().toLower(), QStringLiteral("wal"));
        QVERIFY((*db)->integrityOk());
        // It names the user's domains and servers: only the user reads it.
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void migratesFromEveryEarlierVersion_data() {
        QTest::addColumn<int>("from");
        for (int v = 0; v < Database::latestVersion(); ++v)
            QTest::newRow(qPrintable(QStringLiteral("v%1").arg(v))) << v;
    }
    void migratesFromEveryEarlierVersion() {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        {
            Database::Options old;
            old.targetVersion = from;
            auto db = Database::open(path, old);
            QVERIFY2(db, qPrintable(why(db)));
            QCOMPARE((*db)->schemaVersion(), from);
            QVERIFY(seed(**db, from));
        }
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(why(db)));
        QCOMPARE((*db)->schemaVersion(), Database::latestVersion());
        QVERIFY((*db)->integrityOk());
        if (from >= 1) {
            LineageRepository lineages(**db);
            auto l = lineages.byName(QStringLiteral("old.example"));
            QVERIFY2(l, qPrintable(why(l)));
            QCOMPARE(l->names, (QStringList{QStringLiteral("old.example"), QStringLiteral("www.old.example")}));
            QCOMPARE(l->keyType, QStringLiteral("p384"));
            QCOMPARE(l->challenge.value(QStringLiteral("method")).toString(), QStringLiteral("webroot"));
            QCOMPARE(l->failureCount, 0);
            QVERIFY(l->pausedReason.isEmpty());
            auto summaries = lineages.summaries();
            QVERIFY(summaries && summaries->size() == 1);
            QCOMPARE(summaries->first().notAfter.date(), QDate(2025, 4, 1));
            EventRepository events(**db);
            auto recent = events.recent(10);
            QVERIFY(recent && recent->size() == 1);
            QCOMPARE(recent->first().kind, QStringLiteral("issued"));
            // Servers from before schema 3 log in as before: agent and ~/.ssh/config, no key file.
            ServerRepository servers(**db);
            auto web1 = servers.byName(QStringLiteral("web1"));
            QVERIFY2(web1, qPrintable(why(web1)));
            QCOMPARE(web1->hostKeyFingerprint, QStringLiteral("SHA256:abc"));
            QVERIFY(web1->useAgent && web1->sshConfig && web1->identityFile.isEmpty());
            // A lineage from before schema 3 has no pending order.
            PendingOrderRepository pending(**db);
            auto none = pending.find(1);
            QVERIFY(none && !none->has_value());
        }
        // Schema 4: no notification targets until the user adds one; then they are kept.
        NotifierRepository notifiers(**db);
        QVERIFY(notifiers.all() && notifiers.all()->isEmpty());
        NotifierRecord n;
        n.name = QStringLiteral("ops");
        n.kind = QStringLiteral("webhook");
        QVERIFY(notifiers.save(n));
        // Schema 5: no settings yet, so every preference reads as its default; then it is kept.
        SettingRepository settings(**db);
        const QString firstNotice = QString::fromLatin1(SettingRepository::kFirstExpiryNoticeDays);
        QCOMPARE(*settings.value(firstNotice, QStringLiteral("14")), QStringLiteral("14"));
        QVERIFY(settings.setValue(firstNotice, QStringLiteral("30")));
        QCOMPARE(*settings.value(firstNotice, QStringLiteral("14")), QStringLiteral("30"));
        // Usable afterwards: a new lineage with every column.
        LineageRepository lineages(**db);
        Lineage fresh;
        fresh.name = QStringLiteral("new.example");
        fresh.names = {QStringLiteral("new.example")};
        fresh.directoryUrl = QUrl(QStringLiteral("https://ca.test/dir"));
        fresh.failureCount = 2;
        const Status inserted = lineages.insert(fresh);
        QVERIFY2(inserted, qPrintable(inserted ? QString() : inserted.error().toString() + inserted.error().detail));
        QCOMPARE(lineages.byName(QStringLiteral("new.example"))->failureCount, 2);
    }

    void refusesNewerStore() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db);
            QVERIFY((*db)->exec(QStringLiteral("PRAGMA user_version = %1").arg(Database::latestVersion() + 1)));
        }
        auto db = Database::open(path);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Store);
        QVERIFY(db.error().userMessage.contains(QLatin1String("newer")));
    }

    void transactionRollsBack() {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("s.sqlite")));
        QVERIFY(db);
        EventRepository events(**db);
        const Status s = (*db)->transaction([&]() -> Status {
            EventRecord e;
            e.kind = QStringLiteral("x");
            if (auto a = events.append(e); !a)
                return a;
            return Error(ErrorCode::Io, QStringLiteral("later step failed"));
        });
        QVERIFY(!s);
        QCOMPARE(*events.count(), 0);
    }

    void writerWaitingTooLongGetsBusy() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        auto holder = Database::open(path);
        QVERIFY(holder);
        Database::Options impatient;
        impatient.busyTimeoutMs = 100;
        auto other = Database::open(path, impatient);
        QVERIFY(other);
        QVERIFY((*holder)->exec(QStringLiteral("BEGIN IMMEDIATE")));
        EventRepository events(**other);
        EventRecord e;
        e.kind = QStringLiteral("x");
        const Status s = events.append(e);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Busy);
        QVERIFY(s.error().userMessage.contains(QLatin1String("Another Certdeck process")));
        QVERIFY((*holder)->exec(QStringLiteral("COMMIT")));
        // A reader is never blocked by a writer in WAL mode.
        QVERIFY((*holder)->exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(events.count());
        QVERIFY((*holder)->exec(QStringLiteral("ROLLBACK")));
        QVERIFY(events.append(e));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
