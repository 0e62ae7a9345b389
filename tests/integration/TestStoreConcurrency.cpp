// SPDX-License-Identifier: GPL-3.0-or-later
// Two processes sharing one store never corrupt it: this process plays the GUI (reads summaries and
// writes), two child processes (this binary again, as CERTDECK_STORE_WRITER) play timer-started CLIs
// writing lineages, certificates and events in transactions at the same time. Every write lands once,
// none fails, and SQLite's integrity check passes.
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;
using namespace certdeck::store;

namespace {

constexpr int kWrites = 150;

/// One writer's work: kWrites transactions, each a lineage + certificate + event.
int writeMany(const QString& dataDir, const QString& who, QString* error) {
    auto store = Store::open(dataDir);
    if (!store) {
        *error = store.error().toString() + store.error().detail;
        return 1;
    }
    Store& s = **store;
    for (int i = 0; i < kWrites; ++i) {
        const Status st = s.db().transaction([&]() -> Status {
            Lineage l;
            l.name = QStringLiteral("%1-%2.example").arg(who).arg(i);
            l.names = {l.name};
            if (auto r = s.lineages().insert(l); !r)
                return r;
            CertificateRecord c;
            c.lineageId = l.id;
            c.version = 1;
            c.serial = QString::number(i);
            c.sha256 = QStringLiteral("AA");
            c.notBefore = QDateTime::currentDateTimeUtc();
            c.notAfter = c.notBefore.addDays(90);
            c.fullchainPem = "-----BEGIN CERTIFICATE-----\n";
            if (auto r = s.certificates().add(c); !r)
                return r;
            EventRecord e;
            e.kind = QStringLiteral("issued");
            e.lineageId = l.id;
            e.subject = l.name;
            return s.events().append(e);
        });
        if (!st) {
            *error = st.error().toString() + QStringLiteral(" | ") + st.error().detail;
            return 1;
        }
        if (i % 10 == 0 && !s.lineages().summaries()) {
            *error = QStringLiteral("summaries failed");
            return 1;
        }
    }
    return 0;
}

} // namespace

class TestStoreConcurrency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void processesShareOneStore() {
        QTemporaryDir dir;
        // Create and migrate first, then let everyone loose (migration races are tested below).
        QVERIFY(Store::open(dir.path()));
        QList<QProcess*> children;
        for (const char* who : {"cli1", "cli2"}) {
            auto* p = new QProcess(this);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("CERTDECK_STORE_WRITER"), QString::fromLatin1(who));
            env.insert(QStringLiteral("CERTDECK_STORE_DIR"), dir.path());
            p->setProcessEnvironment(env);
            p->setProcessChannelMode(QProcess::MergedChannels);
            p->start(QCoreApplication::applicationFilePath(), {});
            children << p;
        }
        for (auto* p : children)
            QVERIFY(p->waitForStarted());
        QString error;
        QCOMPARE(writeMany(dir.path(), QStringLiteral("gui"), &error), 0);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (auto* p : children) {
            QVERIFY(p->waitForFinished(120000));
            QVERIFY2(p->exitCode() == 0, p->readAll().constData());
        }
        auto store = Store::open(dir.path());
        QVERIFY(store);
        QVERIFY((*store)->db().integrityOk());
        auto all = (*store)->lineages().summaries();
        QVERIFY(all);
        QCOMPARE(all->size(), 3 * kWrites);
        for (const auto& l : *all)
            QCOMPARE(l.version, 1);
        QCOMPARE(*(*store)->events().count(QStringLiteral("issued")), 3 * kWrites);
    }

    void concurrentFirstOpenMigratesOnce() {
        QTemporaryDir dir;
        QList<QProcess*> children;
        for (int i = 0; i < 3; ++i) {
            auto* p = new QProcess(this);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("CERTDECK_STORE_WRITER"), QStringLiteral("m%1").arg(i));
            env.insert(QStringLiteral("CERTDECK_STORE_DIR"), dir.path());
            p->setProcessEnvironment(env);
            p->setProcessChannelMode(QProcess::MergedChannels);
            p->start(QCoreApplication::applicationFilePath(), {});
            children << p;
        }
        for (auto* p : children) {
            QVERIFY(p->waitForFinished(120000));
            QVERIFY2(p->exitCode() == 0, p->readAll().constData());
        }
        auto store = Store::open(dir.path());
        QVERIFY(store);
        QCOMPARE((*store)->db().schemaVersion(), Database::latestVersion());
        QCOMPARE((*store)->lineages().summaries()->size(), 3 * kWrites);
    }
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QString who = qEnvironmentVariable("CERTDECK_STORE_WRITER");
    if (!who.isEmpty()) {
        QString error;
        const int code = writeMany(qEnvironmentVariable("CERTDECK_STORE_DIR"), who, &error);
        if (code != 0)
            fprintf(stderr, "%s\n", qPrintable(error));
        return code;
    }
    TestStoreConcurrency test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestStoreConcurrency.moc"
