// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets through QtKeychain against a real Secret Service (gnome-keyring in a private D-Bus): round
// trip, not-found, remove; with every log category at debug, the secret appears in no log line and
// not in the store's SQLite files.
#include "core/store/Store.h"
#include "tests/support/KeyringFixture.h"

#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;
using namespace certdeck::store;

namespace {
QStringList g_log;
QtMessageHandler g_previous = nullptr;
void capture(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    g_log << message;
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

class TestStoreSecrets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keychainRoundTripLeavesNoTrace() {
        test::KeyringFixture keyring;
        QString error;
        CERTDECK_REQUIRE(keyring.start(&error), error);
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        g_previous = qInstallMessageHandler(capture);

        QTemporaryDir dir;
        auto store = Store::open(dir.path());
        QVERIFY(store);
        const Secrets secrets = (*store)->secrets();
        QCOMPARE(secrets.backend(), Secrets::Backend::Keychain);
        const QByteArray password("pw-91c2e7-correct-horse");
        const QString key = QStringLiteral("server/test-%1").arg(QCoreApplication::applicationPid());
        auto written = QCoro::waitFor(secrets.write(key, SecureBytes(password)));
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString() + written.error().detail));
        auto back = QCoro::waitFor(secrets.read(key));
        QVERIFY2(back, qPrintable(back ? QString() : back.error().toString() + back.error().detail));
        QCOMPARE(back->bytes(), password);
        ServerRecord server;
        server.name = QStringLiteral("web1");
        server.host = QStringLiteral("127.0.0.1");
        QVERIFY((*store)->servers().save(server));

        auto missing = QCoro::waitFor(secrets.read(QStringLiteral("server/none")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(QCoro::waitFor(secrets.remove(key)));
        QCOMPARE(QCoro::waitFor(secrets.read(key)).error().code, ErrorCode::NotFound);

        qInstallMessageHandler(g_previous);
        QLoggingCategory::setFilterRules(QString());
        store->reset();
        for (const QString& line : std::as_const(g_log))
            QVERIFY2(!line.contains(QString::fromLatin1(password)), qPrintable(line));
        for (const QString& f : QDir(dir.path()).entryList({QStringLiteral("certdeck.sqlite*")}, QDir::Files)) {
            QFile db(dir.filePath(f));
            QVERIFY(db.open(QIODevice::ReadOnly));
            QVERIFY2(!db.readAll().contains(password), qPrintable(f));
        }
    }
};

QTEST_GUILESS_MAIN(TestStoreSecrets)
#include "TestStoreSecrets.moc"
