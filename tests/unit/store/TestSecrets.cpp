// SPDX-License-Identifier: GPL-3.0-or-later
// The headless file backend: 0600, round trip, remove; a secret never reaches the SQLite file.
// (The keychain backend is tested against a real Secret Service in integration/TestStoreSecrets.)
#include "core/store/Store.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace certdeck;
using namespace certdeck::store;

class TestSecrets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fileBackend() {
        QTemporaryDir dir;
        auto store = Store::open(dir.path());
        QVERIFY(store);
        QCOMPARE((*store)->secrets().backend(), Secrets::Backend::Keychain);
        QVERIFY((*store)->setSecretsBackend(Secrets::Backend::File));
        const Secrets secrets = (*store)->secrets();
        QCOMPARE(secrets.backend(), Secrets::Backend::File);
        const QByteArray token("tok-7f3a9c1e-very-secret");
        QVERIFY(QCoro::waitFor(secrets.write(QStringLiteral("dns/pdns"), SecureBytes(token))));
        auto back = QCoro::waitFor(secrets.read(QStringLiteral("dns/pdns")));
        QVERIFY(back);
        QCOMPARE(back->bytes(), token);
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(dir.path() + QStringLiteral("/secrets.json")).constData(), &st), 0);
        QCOMPARE(static_cast<int>(st.st_mode & 0777), 0600);
        // Store something else meanwhile, then grep the database files for the secret.
        Lineage l;
        l.name = QStringLiteral("x.example");
        l.names = {QStringLiteral("x.example")};
        QVERIFY((*store)->lineages().insert(l));
        store->reset();
        for (const QString& f : QDir(dir.path()).entryList({QStringLiteral("certdeck.sqlite*")}, QDir::Files)) {
            QFile db(dir.filePath(f));
            QVERIFY(db.open(QIODevice::ReadOnly));
            const QByteArray all = db.readAll();
            QVERIFY2(!all.contains(token) && !all.contains(token.toBase64()), qPrintable(f));
        }
        QVERIFY(QCoro::waitFor(secrets.remove(QStringLiteral("dns/pdns"))));
        QCOMPARE(QCoro::waitFor(secrets.read(QStringLiteral("dns/pdns"))).error().code, ErrorCode::NotFound);
        QVERIFY(QCoro::waitFor(secrets.remove(QStringLiteral("dns/pdns")))); // absent: fine
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "TestSecrets.moc"
