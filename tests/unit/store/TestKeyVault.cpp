// SPDX-License-Identifier: GPL-3.0-or-later
// The certbot-style layout: live/ links to archive/ versions, keys 0600 in 0700 folders, a new
// version switches every link, and a store interrupted before the switch leaves the old version live.
#include "core/crypto/CertificateAuthority.h"
#include "core/store/KeyVault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace certdeck;
using namespace certdeck::store;

namespace {
int modeOf(const QString& path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

struct Issued {
    crypto::PrivateKey key;
    QList<crypto::Certificate> chain;
};

Issued issue(const QStringList& names) {
    auto ca = crypto::CertificateAuthority::createRoot(QStringLiteral("Vault CA"), 30);
    auto key = crypto::PrivateKey::generate(crypto::KeyType::P256);
    auto cert = crypto::CertificateAuthority::issue(ca->first, ca->second, *key, names, 10);
    return {*key, {*cert, ca->second}};
}
} // namespace

class TestKeyVault : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void layoutAndModes() {
        QTemporaryDir dir;
        KeyVault vault(dir.path() + QStringLiteral("/vault"));
        const Issued one = issue({QStringLiteral("a.example")});
        auto v1 = vault.store(QStringLiteral("a.example"), one.chain, one.key);
        QVERIFY(v1);
        QCOMPARE(*v1, 1);
        QCOMPARE(vault.currentVersion(QStringLiteral("a.example")), 1);
        const QString live = vault.liveDir(QStringLiteral("a.example"));
        for (const char* f : {"cert.pem", "chain.pem", "fullchain.pem", "privkey.pem"}) {
            const QFileInfo info(live + QLatin1Char('/') + QLatin1String(f));
            QVERIFY2(info.isSymLink(), f);
            QVERIFY2(info.exists(), f); // the link resolves
            QVERIFY(info.symLinkTarget().contains(QLatin1String("/archive/a.example/")));
        }
        QCOMPARE(modeOf(live + QStringLiteral("/privkey.pem")), 0600);
        QCOMPARE(modeOf(vault.archiveDir(QStringLiteral("a.example")) + QStringLiteral("/privkey1.pem")), 0600);
        QCOMPARE(modeOf(live), 0700);
        QCOMPARE(modeOf(vault.archiveDir(QStringLiteral("a.example"))), 0700);
        QCOMPARE(modeOf(vault.root() + QStringLiteral("/archive")), 0700);
        // What a web server reads: fullchain = cert + chain, privkey matches.
        QFile full(live + QStringLiteral("/fullchain.pem"));
        QVERIFY(full.open(QIODevice::ReadOnly));
        QCOMPARE(full.readAll(), one.chain.first().toPem() + one.chain.last().toPem());
        auto key = vault.loadKey(QStringLiteral("a.example"));
        QVERIFY(key && key->sameKeyAs(one.key));
        auto chain = vault.loadChain(QStringLiteral("a.example"));
        QVERIFY(chain && chain->first() == one.chain.first());

        const Issued two = issue({QStringLiteral("a.example")});
        auto v2 = vault.store(QStringLiteral("a.example"), two.chain, two.key);
        QVERIFY(v2);
        QCOMPARE(*v2, 2);
        QVERIFY(vault.loadKey(QStringLiteral("a.example"))->sameKeyAs(two.key));
        QVERIFY(QFile::exists(vault.archiveDir(QStringLiteral("a.example")) + QStringLiteral("/cert1.pem")));
    }

    void refusesMismatchAndBadNames() {
        QTemporaryDir dir;
        KeyVault vault(dir.path());
        const Issued one = issue({QStringLiteral("b.example")});
        auto other = crypto::PrivateKey::generate(crypto::KeyType::P256);
        QVERIFY(!vault.store(QStringLiteral("b.example"), one.chain, *other));
        QVERIFY(!vault.store(QStringLiteral("../b"), one.chain, one.key));
        QCOMPARE(vault.currentVersion(QStringLiteral("b.example")), 0);
    }

    void interruptedStoreKeepsOldVersionLive() {
        QTemporaryDir dir;
        KeyVault vault(dir.path());
        const Issued one = issue({QStringLiteral("c.example")});
        QVERIFY(vault.store(QStringLiteral("c.example"), one.chain, one.key));
        // A crash after the temp file and before the rename leaves a stray temp and, say, half the
        // next version in archive/: live/ still serves version 1 intact, the next store skips over it.
        const QString archive = vault.archiveDir(QStringLiteral("c.example"));
        QFile stray(archive + QStringLiteral("/.privkey2.pem.tmp-x"));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.write("partial");
        stray.close();
        QFile half(archive + QStringLiteral("/privkey2.pem"));
        QVERIFY(half.open(QIODevice::WriteOnly));
        half.write("-----BEGIN PRIV");
        half.close();
        QCOMPARE(vault.currentVersion(QStringLiteral("c.example")), 1);
        QVERIFY(vault.loadKey(QStringLiteral("c.example"))->sameKeyAs(one.key));
        const Issued two = issue({QStringLiteral("c.example")});
        auto v = vault.store(QStringLiteral("c.example"), two.chain, two.key);
        QVERIFY(v);
        QCOMPARE(*v, 3);
        QVERIFY(vault.loadKey(QStringLiteral("c.example"))->sameKeyAs(two.key));
    }

    void accountKeys() {
        QTemporaryDir dir;
        KeyVault vault(dir.path());
        auto key = crypto::PrivateKey::generate(crypto::KeyType::P256);
        QVERIFY(vault.saveAccountKey(QStringLiteral("ca.test-1234"), *key));
        QCOMPARE(modeOf(dir.path() + QStringLiteral("/accounts/ca.test-1234/account.key")), 0600);
        QVERIFY(vault.loadAccountKey(QStringLiteral("ca.test-1234"))->sameKeyAs(*key));
        QVERIFY(vault.removeAccountKey(QStringLiteral("ca.test-1234")));
        QCOMPARE(vault.loadAccountKey(QStringLiteral("ca.test-1234")).error().code, ErrorCode::NotFound);
    }

    void pendingKeys() {
        QTemporaryDir dir;
        KeyVault vault(dir.path());
        const QString name = QStringLiteral("p.example");
        const Issued one = issue({name});
        QVERIFY(vault.store(name, one.chain, one.key));

        // The pending key is the next version's key file, private from the first byte; live/ is untouched.
        const Issued two = issue({name});
        auto path = vault.savePendingKey(name, two.key);
        QVERIFY(path);
        QCOMPARE(*path, vault.archiveDir(name) + QStringLiteral("/privkey2.pem"));
        QCOMPARE(modeOf(*path), 0600);
        QCOMPARE(vault.currentVersion(name), 1);
        QVERIFY(vault.loadKey(name)->sameKeyAs(one.key));
        QVERIFY(vault.loadPendingKey(name)->sameKeyAs(two.key));
        // store() completes that version with the same key instead of starting another.
        auto v = vault.store(name, two.chain, two.key);
        QVERIFY(v);
        QCOMPARE(*v, 2);
        QVERIFY(vault.loadKey(name)->sameKeyAs(two.key));
        QCOMPARE(vault.loadPendingKey(name).error().code, ErrorCode::NotFound);
        QVERIFY(vault.removePendingKey(name)); // nothing pending: a no-op that keeps version 2
        QVERIFY(QFileInfo::exists(vault.archiveDir(name) + QStringLiteral("/privkey2.pem")));

        // A pending key whose order was dropped: the next store with another key goes past it, and
        // removePendingKey() removes keys without certificates, never a live one.
        const Issued three = issue({name});
        QVERIFY(vault.savePendingKey(name, three.key));
        const Issued four = issue({name});
        v = vault.store(name, four.chain, four.key);
        QVERIFY(v);
        QCOMPARE(*v, 4);
        QVERIFY(QFileInfo::exists(vault.archiveDir(name) + QStringLiteral("/privkey3.pem")));
        QVERIFY(vault.removePendingKey(name));
        QVERIFY(!QFileInfo::exists(vault.archiveDir(name) + QStringLiteral("/privkey3.pem")));
        QVERIFY(vault.loadKey(name)->sameKeyAs(four.key));
        QVERIFY(!vault.savePendingKey(QStringLiteral("../escape"), four.key));

        // A key kept under pending/ by an earlier Certdeck (flat file, or a folder) is still found and removed.
        for (const QString& legacy :
             {QStringLiteral("/pending/p.example.pem"), QStringLiteral("/pending/p.example/privkey.pem")}) {
            QVERIFY(QDir().mkpath(QFileInfo(dir.path() + legacy).path()));
            QFile old(dir.path() + legacy);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write(one.key.toPem()->bytes());
            old.close();
            QVERIFY(vault.loadPendingKey(name)->sameKeyAs(one.key));
            QVERIFY(vault.removePendingKey(name));
            QVERIFY(!QFileInfo::exists(dir.path() + legacy));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeyVault)
#include "TestKeyVault.moc"
