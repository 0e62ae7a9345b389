// SPDX-License-Identifier: GPL-3.0-or-later
// An interrupted renewal resumes from the stored order, against a real Pebble: the test build of the
// CLI (certdeck-cli-test-hooks) exits like a killed process right after the order is recorded, or right
// after the CA accepted the CSR; the next `renew` finishes that same order (no second newOrder at
// Pebble, the event names the order URL), stores one new certificate, and with the key saved before
// finalize (0600). An order the CA no longer knows is dropped and a new one placed cleanly. A killed
// first `issue` leaves a lineage without a certificate and its pending order: the next `issue` with the
// same names, or `renew NAME`, finishes that order; a first issuance that fails with nothing to finish
// leaves no lineage behind.
#include "app/cli/Cli.h"
#include "core/crypto/Certificate.h"
#include "core/store/Store.h"
#include "tests/support/CliRun.h"
#include "tests/support/PebbleFixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;

namespace {

using Run = test::CliRun;
using test::runCli;

/// The hooks build as its own process, stopping at `exitAfter`.
Run runHooked(const QString& dataDir, const QString& exitAfter, const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CERTDECK_TEST_EXIT_AFTER"), exitAfter);
    p.setProcessEnvironment(env);
    p.start(QCoreApplication::applicationDirPath() + QStringLiteral("/../app/cli/certdeck-cli-test-hooks"),
            QStringList{QStringLiteral("--data-dir"), dataDir} + args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError()) + p.errorString();
    return r;
}

/// New orders Pebble has received so far (RFC 8555 §7.4 newOrder is Pebble's /order-plz), from its whole
/// log file (PebbleFixture::log() is only the log's tail, too short to count across several tests).
int newOrders(const test::PebbleFixture& pebble) {
    QFile f(pebble.workDir() + QStringLiteral("/pebble.log"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return static_cast<int>(f.readAll().count("/order-plz -> calling handler()"));
}

template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : r.error().toString() + QStringLiteral(" | ") + r.error().detail;
}

} // namespace

class TestRenewResume : public QObject {
    Q_OBJECT

    test::PebbleFixture m_pebble;

    QStringList renewArgs(const QString& name) const {
        return {QStringLiteral("--json"),  QStringLiteral("renew"),     name,
                QStringLiteral("--force"), QStringLiteral("--ca-file"), m_pebble.listenerCaFile()};
    }

    QStringList issueArgs(const QString& name) const {
        return {QStringLiteral("--json"),       QStringLiteral("issue"),
                QStringLiteral("-d"),           name,
                QStringLiteral("--server"),     m_pebble.directoryUrl().toString(),
                QStringLiteral("--ca-file"),    m_pebble.listenerCaFile(),
                QStringLiteral("--standalone"), QStringLiteral("127.0.0.1:%1").arg(m_pebble.httpPort()),
                QStringLiteral("--agree-tos")};
    }

    static QStringList eventKinds(store::Store& store, qint64 lineageId) {
        QStringList kinds;
        if (auto events = store.events().recent(50, lineageId)) {
            for (const auto& e : *events)
                kinds << e.kind;
        }
        return kinds;
    }

    bool issue(const QString& data, const QString& name, QString* error) {
        Run r = runCli(data, issueArgs(name));
        if (r.code != 0)
            *error = r.err;
        return r.code == 0;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_pebble.start(&error), error);
        CERTDECK_REQUIRE(QFileInfo::exists(QCoreApplication::applicationDirPath() +
                                           QStringLiteral("/../app/cli/certdeck-cli-test-hooks")),
                         QStringLiteral("build the certdeck-cli-test-hooks target"));
    }

    void resumesAfterOrderCreated() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString name = QStringLiteral("resume1.example.test");
        QString error;
        QVERIFY2(issue(data, name, &error), qPrintable(error));
        QTRY_VERIFY(newOrders(m_pebble) > 0);
        const int ordersBefore = newOrders(m_pebble);

        Run killed = runHooked(data, QStringLiteral("order-created"), renewArgs(name));
        QVERIFY2(killed.code == 86, qPrintable(killed.err));
        QTRY_COMPARE(newOrders(m_pebble), ordersBefore + 1);
        QUrl orderUrl;
        {
            auto store = store::Store::open(data);
            QVERIFY2(store, qPrintable(why(store)));
            auto lineage = (*store)->lineages().byName(name);
            QVERIFY(lineage);
            auto pending = (*store)->pendingOrders().find(lineage->id);
            QVERIFY(pending && pending->has_value());
            orderUrl = (*pending)->orderUrl;
            QVERIFY(orderUrl.isValid());
            QCOMPARE((*pending)->stage, QStringLiteral("created"));
            QCOMPARE((*store)->certificates().latest(lineage->id)->version, 1);
        }

        Run resumed = runCli(data, renewArgs(name));
        QVERIFY2(resumed.code == 0, qPrintable(resumed.out + resumed.err));
        QCOMPARE(resumed.firstResult().value(QStringLiteral("result")).toString(), QStringLiteral("renewed"));
        QCOMPARE(resumed.firstResult().value(QStringLiteral("orders")).toInt(), 0);
        // No second order at the CA: the one placed by the killed process was finished.
        QCOMPARE(newOrders(m_pebble), ordersBefore + 1);

        auto store = store::Store::open(data);
        QVERIFY(store);
        auto lineage = (*store)->lineages().byName(name);
        auto history = (*store)->certificates().history(lineage->id);
        QVERIFY(history && history->size() == 2);
        QVERIFY(!(*store)->pendingOrders().find(lineage->id)->has_value());
        QVERIFY(!(*store)->renewalLocks().find(lineage->id)->has_value());
        auto events = (*store)->events().recent(20, lineage->id);
        QVERIFY(events);
        bool sawResume = false;
        for (const auto& e : *events) {
            if (e.kind == QLatin1String("renewal-resumed")) {
                sawResume = true;
                QCOMPARE(e.data.value(QStringLiteral("orderUrl")).toString(), orderUrl.toString());
            }
        }
        QVERIFY(sawResume);
        auto key = (*store)->vault().loadKey(name);
        auto chain = (*store)->vault().loadChain(name);
        QVERIFY(key && chain && chain->first().matchesKey(*key));
    }

    void resumesAfterFinalizeWithTheSavedKey() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString name = QStringLiteral("resume2.example.test");
        QString error;
        QVERIFY2(issue(data, name, &error), qPrintable(error));
        QTRY_VERIFY(newOrders(m_pebble) > 0);
        const int ordersBefore = newOrders(m_pebble);

        Run killed = runHooked(data, QStringLiteral("finalized"), renewArgs(name));
        QVERIFY2(killed.code == 86, qPrintable(killed.err));
        QUrl orderUrl;
        QByteArray savedKey;
        {
            auto store = store::Store::open(data);
            QVERIFY(store);
            auto lineage = (*store)->lineages().byName(name);
            auto pending = (*store)->pendingOrders().find(lineage->id);
            QVERIFY(pending && pending->has_value());
            orderUrl = (*pending)->orderUrl;
            QCOMPARE((*pending)->stage, QStringLiteral("finalizing"));
            const QString keyFile = (*pending)->keyFile;
            QVERIFY(QFileInfo::exists(keyFile));
            QCOMPARE(QFileInfo(keyFile).permissions() &
                         (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                     QFile::Permissions());
            QFile f(keyFile);
            QVERIFY(f.open(QIODevice::ReadOnly));
            savedKey = f.readAll();
            QCOMPARE((*store)->certificates().latest(lineage->id)->version, 1);
        }

        Run resumed = runCli(data, renewArgs(name));
        QVERIFY2(resumed.code == 0, qPrintable(resumed.out + resumed.err));
        QCOMPARE(resumed.firstResult().value(QStringLiteral("orders")).toInt(), 0);
        QCOMPARE(newOrders(m_pebble), ordersBefore + 1);

        auto store = store::Store::open(data);
        QVERIFY(store);
        auto lineage = (*store)->lineages().byName(name);
        QCOMPARE((*store)->certificates().latest(lineage->id)->version, 2);
        // The certificate the CA issued for the killed process's CSR, stored with that process's key.
        auto key = (*store)->vault().loadKey(name);
        QVERIFY(key);
        QVERIFY(key->sameKeyAs(*crypto::PrivateKey::fromPem(savedKey)));
        auto chain = (*store)->vault().loadChain(name);
        QVERIFY(chain && chain->first().matchesKey(*key));
        QVERIFY(!(*store)->pendingOrders().find(lineage->id)->has_value());
        // The pending key became version 2's key file: nothing else is left.
        QVERIFY(!(*store)->vault().loadPendingKey(name));
        QVERIFY(!QFileInfo::exists(data + QStringLiteral("/archive/") + name + QStringLiteral("/privkey3.pem")));
        auto events = (*store)->events().recent(20, lineage->id);
        QVERIFY(events);
        bool sawResume = false;
        for (const auto& e : *events)
            sawResume = sawResume || (e.kind == QLatin1String("renewal-resumed") &&
                                      e.data.value(QStringLiteral("orderUrl")).toString() == orderUrl.toString());
        QVERIFY(sawResume);
    }

    void unknownOrderStartsCleanly() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString name = QStringLiteral("resume3.example.test");
        QString error;
        QVERIFY2(issue(data, name, &error), qPrintable(error));
        {
            auto store = store::Store::open(data);
            QVERIFY(store);
            auto lineage = (*store)->lineages().byName(name);
            store::PendingOrder gone;
            gone.lineageId = lineage->id;
            QUrl url = m_pebble.directoryUrl();
            url.setPath(QStringLiteral("/my-order/does-not-exist"));
            gone.orderUrl = url;
            gone.directoryUrl = lineage->directoryUrl;
            gone.names = lineage->names;
            QVERIFY((*store)->pendingOrders().save(gone));
        }
        QTRY_VERIFY(newOrders(m_pebble) > 0);
        const int ordersBefore = newOrders(m_pebble);
        Run renewed = runCli(data, renewArgs(name));
        QVERIFY2(renewed.code == 0, qPrintable(renewed.out + renewed.err));
        QCOMPARE(renewed.firstResult().value(QStringLiteral("orders")).toInt(), 1);
        QCOMPARE(newOrders(m_pebble), ordersBefore + 1);
        auto store = store::Store::open(data);
        auto lineage = (*store)->lineages().byName(name);
        QCOMPARE((*store)->certificates().latest(lineage->id)->version, 2);
        QVERIFY(!(*store)->pendingOrders().find(lineage->id)->has_value());
    }

    void issueResumesAfterOrderCreated() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString name = QStringLiteral("first1.example.test");
        const int ordersBefore = newOrders(m_pebble);
        Run killed = runHooked(data, QStringLiteral("order-created"), issueArgs(name));
        QVERIFY2(killed.code == 86, qPrintable(killed.err));
        QTRY_COMPARE(newOrders(m_pebble), ordersBefore + 1);
        QUrl orderUrl;
        {
            auto store = store::Store::open(data);
            QVERIFY2(store, qPrintable(why(store)));
            // The lineage exists before its first certificate, with the order it is waiting for.
            auto lineage = (*store)->lineages().byName(name);
            QVERIFY2(lineage, qPrintable(why(lineage)));
            QCOMPARE((*store)->certificates().latest(lineage->id).error().code, ErrorCode::NotFound);
            auto pending = (*store)->pendingOrders().find(lineage->id);
            QVERIFY(pending && pending->has_value());
            orderUrl = (*pending)->orderUrl;
            QVERIFY(orderUrl.isValid());
        }
        Run list = runCli(data, {QStringLiteral("--json"), QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        QCOMPARE(list.json().value(QStringLiteral("certificates")).toArray().size(), 1);

        // The same name for other names is refused (and orders nothing).
        Run other =
            runCli(data, {QStringLiteral("issue"), QStringLiteral("-d"), name, QStringLiteral("-d"),
                          QStringLiteral("www.") + name, QStringLiteral("--server"), m_pebble.directoryUrl().toString(),
                          QStringLiteral("--ca-file"), m_pebble.listenerCaFile(), QStringLiteral("--standalone"),
                          QStringLiteral("127.0.0.1:%1").arg(m_pebble.httpPort())});
        QCOMPARE(other.code, 2);
        QVERIFY2(other.err.contains(QLatin1String("waiting for its first certificate")), qPrintable(other.err));
        QCOMPARE(newOrders(m_pebble), ordersBefore + 1);

        // The same command again finishes the killed run's order instead of placing a second one.
        Run again = runCli(data, issueArgs(name));
        QVERIFY2(again.code == 0, qPrintable(again.out + again.err));
        QCOMPARE(again.json().value(QStringLiteral("order")).toString(), orderUrl.toString());
        QCOMPARE(newOrders(m_pebble), ordersBefore + 1);

        auto store = store::Store::open(data);
        QVERIFY(store);
        auto lineage = (*store)->lineages().byName(name);
        QVERIFY(lineage);
        auto history = (*store)->certificates().history(lineage->id);
        QVERIFY(history && history->size() == 1);
        QVERIFY(!(*store)->pendingOrders().find(lineage->id)->has_value());
        QVERIFY(!(*store)->renewalLocks().find(lineage->id)->has_value());
        const QStringList kinds = eventKinds(**store, lineage->id);
        QVERIFY2(kinds.contains(QStringLiteral("issued")) && kinds.contains(QStringLiteral("renewal-resumed")),
                 qPrintable(kinds.join(QLatin1Char(','))));
        QVERIFY(!kinds.contains(QStringLiteral("renewed")));
        auto key = (*store)->vault().loadKey(name);
        auto chain = (*store)->vault().loadChain(name);
        QVERIFY(key && chain && chain->first().matchesKey(*key));
        QCOMPARE(lineage->challenge.value(QStringLiteral("method")).toString(), QStringLiteral("standalone"));
    }

    void issueKilledAfterFinalizeIsFinishedByRenew() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString name = QStringLiteral("first2.example.test");
        const int ordersBefore = newOrders(m_pebble);
        Run killed = runHooked(data, QStringLiteral("finalized"), issueArgs(name));
        QVERIFY2(killed.code == 86, qPrintable(killed.err));
        QByteArray savedKey;
        {
            auto store = store::Store::open(data);
            QVERIFY(store);
            auto lineage = (*store)->lineages().byName(name);
            QVERIFY(lineage);
            auto pending = (*store)->pendingOrders().find(lineage->id);
            QVERIFY(pending && pending->has_value());
            QCOMPARE((*pending)->stage, QStringLiteral("finalizing"));
            QFile f((*pending)->keyFile);
            QVERIFY(f.open(QIODevice::ReadOnly));
            savedKey = f.readAll();
        }
        // Plain `renew NAME` (as the timer's renew --all would): no certificate yet means due now.
        Run renewed = runCli(data, {QStringLiteral("--json"), QStringLiteral("renew"), name,
                                    QStringLiteral("--ca-file"), m_pebble.listenerCaFile()});
        QVERIFY2(renewed.code == 0, qPrintable(renewed.out + renewed.err));
        QCOMPARE(renewed.firstResult().value(QStringLiteral("orders")).toInt(), 0);
        QCOMPARE(newOrders(m_pebble), ordersBefore + 1);
        auto store = store::Store::open(data);
        QVERIFY(store);
        auto lineage = (*store)->lineages().byName(name);
        QCOMPARE((*store)->certificates().latest(lineage->id)->version, 1);
        auto key = (*store)->vault().loadKey(name);
        QVERIFY(key);
        QVERIFY(key->sameKeyAs(*crypto::PrivateKey::fromPem(savedKey)));
        QVERIFY(eventKinds(**store, lineage->id).contains(QStringLiteral("issued")));
        QVERIFY(!(*store)->pendingOrders().find(lineage->id)->has_value());
    }

    void failedFirstIssueLeavesNoLineage() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString name = QStringLiteral("first3.example.test");
        // A webroot nobody serves: Pebble's http-01 request finds nothing listening and the authorization
        // becomes invalid, so there is no order left to finish.
        QStringList args = issueArgs(name);
        const qsizetype at = args.indexOf(QStringLiteral("--standalone"));
        args[at] = QStringLiteral("--webroot");
        args[at + 1] = dir.filePath(QStringLiteral("unserved"));
        QVERIFY(QDir().mkpath(args[at + 1]));
        Run failed = runCli(data, args);
        QVERIFY2(failed.code != 0, qPrintable(failed.out));
        {
            auto store = store::Store::open(data);
            QVERIFY(store);
            auto left = (*store)->lineages().byName(name);
            QVERIFY2(!left && left.error().code == ErrorCode::NotFound, qPrintable(failed.err));
            auto events = (*store)->events().recent(20);
            QVERIFY(events);
            bool sawFailure = false;
            for (const auto& e : *events)
                sawFailure = sawFailure || e.kind == QLatin1String("issue-failed");
            QVERIFY(sawFailure);
        }
        // And the name is free for the next attempt.
        Run ok = runCli(data, issueArgs(name));
        QVERIFY2(ok.code == 0, qPrintable(ok.out + ok.err));
    }
};

QTEST_GUILESS_MAIN(TestRenewResume)
#include "TestRenewResume.moc"
