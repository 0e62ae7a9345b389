// SPDX-License-Identifier: GPL-3.0-or-later
// An interrupted renewal resumes from the stored order, against a real Pebble: the test build of the
// CLI (certdeck-cli-test-hooks) exits like a killed process right after the order is recorded, or right
// after the CA accepted the CSR; the next `renew` finishes that same order (no second newOrder at
// Pebble, the event names the order URL), stores one new certificate, and with the key saved before
// finalize (0600). An order the CA no longer knows is dropped and a new one placed cleanly.
#include "app/cli/Cli.h"
#include "core/crypto/Certificate.h"
#include "core/store/Store.h"
#include "tests/support/PebbleFixture.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    [[nodiscard]] QJsonObject firstResult() const {
        return json().value(QStringLiteral("results")).toArray().first().toObject();
    }
};

Run runCli(const QString& dataDir, QStringList args) {
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    args.prepend(dataDir);
    args.prepend(QStringLiteral("--data-dir"));
    args.prepend(QStringLiteral("certdeck-cli"));
    r.code = QCoro::waitFor(certdeck::cli::runCli(args, out, err));
    out.flush();
    err.flush();
    return r;
}

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

/// New orders Pebble has received so far (RFC 8555 §7.4 newOrder is Pebble's /order-plz).
int newOrders(const test::PebbleFixture& pebble) {
    return static_cast<int>(pebble.log().count(QLatin1String("/order-plz -> calling handler()")));
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

    bool issue(const QString& data, const QString& name, QString* error) {
        Run r = runCli(data, {QStringLiteral("issue"), QStringLiteral("-d"), name, QStringLiteral("--server"),
                              m_pebble.directoryUrl().toString(), QStringLiteral("--ca-file"),
                              m_pebble.listenerCaFile(), QStringLiteral("--standalone"),
                              QStringLiteral("127.0.0.1:%1").arg(m_pebble.httpPort()), QStringLiteral("--agree-tos")});
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
        QVERIFY(!QFileInfo::exists(data + QStringLiteral("/pending/") + name));
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
};

QTEST_GUILESS_MAIN(TestRenewResume)
#include "TestRenewResume.moc"
