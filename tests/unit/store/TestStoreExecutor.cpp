// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's way into the store: every call runs on one thread that is not the caller's, the same
// one each time (QtSql connections are per thread), in order; a store that cannot open gives its
// error to every call instead of crashing.
#include "core/store/StoreExecutor.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace certdeck;
using namespace certdeck::store;

class TestStoreExecutor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsOffTheCallerOnOneThreadInOrder() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        StoreExecutor executor(dir.path());
        QThread* callers = QThread::currentThread();

        QList<QThread*> threads;
        QList<QFuture<Result<int>>> writes;
        for (int i = 0; i < 5; ++i) {
            writes << executor.run([&threads, i](Store& s) -> Result<int> {
                threads << QThread::currentThread();
                EventRecord e;
                e.kind = QStringLiteral("issued");
                e.subject = QStringLiteral("site%1.example").arg(i);
                e.message = QStringLiteral("Issued");
                if (auto st = s.events().append(e); !st)
                    return st.error();
                return i;
            });
        }
        for (auto& w : writes) {
            const auto r = w.result();
            QVERIFY(r.has_value());
        }
        QCOMPARE(threads.size(), 5);
        for (QThread* t : threads) {
            QVERIFY(t != callers);
            QCOMPARE(t, threads.first());
        }

        auto read = executor.run([](Store& s) { return s.events().recent(10); });
        const auto events = read.result();
        QVERIFY(events.has_value());
        QCOMPARE(events->size(), 5);
        QStringList subjects;
        for (const auto& e : *events)
            subjects << e.subject;
        QVERIFY(subjects.contains(QStringLiteral("site4.example")));
    }

    void aStoreThatCannotOpenReportsItsError() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A file where the data folder should be: the store cannot be created there.
        const QString blocked = dir.filePath(QStringLiteral("not-a-folder"));
        QFile f(blocked);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();

        StoreExecutor executor(blocked);
        auto first = executor.run([](Store& s) { return s.events().count(); });
        const auto r1 = first.result();
        QVERIFY(!r1.has_value());
        QVERIFY(!r1.error().userMessage.isEmpty());
        auto second = executor.run([](Store& s) { return s.events().count(); });
        const auto r2 = second.result();
        QVERIFY(!r2.has_value());
    }
};

QTEST_GUILESS_MAIN(TestStoreExecutor)
#include "TestStoreExecutor.moc"
