// SPDX-License-Identifier: GPL-3.0-or-later
// HostKeyPolicy against hand-written known_hosts files: what counts as known, unknown and changed,
// what trust() writes (and what it refuses to touch). Keys and fingerprints below were made with
// ssh-keygen (OpenSSH 9.2) and `ssh-keygen -l -E sha256`.
#include "core/ssh/HostKeyInfo.h"
#include "core/ssh/HostKeyPolicy.h"

#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;
using namespace certdeck::ssh;

namespace {

const QByteArray kKeyA = "AAAAC3NzaC1lZDI1NTE5AAAAIOvyv3O6myc0F7fODHpDl8XoZQpZUyAuUI7oJoMV6viW";
const QString kFpA = QStringLiteral("SHA256:l9CBYJd2Aev1b3P/qkrt6H2H1wiIgJ1KuoiO6Eaezeg");
const QByteArray kKeyB = "AAAAC3NzaC1lZDI1NTE5AAAAIFqQ0RgcUWO+iaSsxk6E24LYtx2SAchNNW/u9Rdmiux3";
const QString kFpB = QStringLiteral("SHA256:fAcPtXX7EYVCg5ERJw9Mug6/pz9tf1xXbkuGSnySeu0");
const QByteArray kKeyC =
    "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBBWaWEaUmfH4ArVS1MPbN+T7Zfk/h0TgbBtXPPf7R5MQ1"
    "CMrVhCyVXHV+sxD/uxYJ9CAI+Tl8Kw1SCS1wwarLoY=";
const QString kFpC = QStringLiteral("SHA256:x3TXQk7wGhHYZczJZ1LGgZzqZsaldymagvkK3F730bQ");

HostKeyInfo presented(const QString& host, int port, const QByteArray& key = kKeyA) {
    HostKeyInfo info;
    info.host = host;
    info.port = port;
    info.keyType = key == kKeyC ? QStringLiteral("ecdsa-sha2-nistp256") : QStringLiteral("ssh-ed25519");
    info.keyBase64 = key;
    info.fingerprint = HostKeyInfo::fingerprintOf(QByteArray::fromBase64(key));
    return info;
}

bool writeFile(const QString& path, const QByteArray& content) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// OpenSSH's HashKnownHosts form: |1|base64(salt)|base64(HMAC-SHA1(salt, name)).
QByteArray hashedName(const QByteArray& name) {
    QByteArray salt(20, Qt::Uninitialized);
    for (auto& c : salt)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    const QByteArray mac = QMessageAuthenticationCode::hash(name, salt, QCryptographicHash::Sha1);
    return "|1|" + salt.toBase64() + '|' + mac.toBase64();
}

} // namespace

class TestHostKeyPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fingerprintIsWhatOpenSshPrints() {
        QCOMPARE(HostKeyInfo::fingerprintOf(QByteArray::fromBase64(kKeyA)), kFpA);
        QCOMPARE(HostKeyInfo::fingerprintOf(QByteArray::fromBase64(kKeyB)), kFpB);
        QCOMPARE(HostKeyInfo::fingerprintOf(QByteArray::fromBase64(kKeyC)), kFpC);
        QCOMPARE(presented(QStringLiteral("h"), 22).typeLabel(), QStringLiteral("ED25519"));
        QCOMPARE(presented(QStringLiteral("h"), 22, kKeyC).typeLabel(), QStringLiteral("ECDSA"));
    }

    void knownHostsNames() {
        QCOMPARE(presented(QStringLiteral("Web1.Example.COM"), 22).knownHostsName(),
                 QStringLiteral("web1.example.com"));
        QCOMPARE(presented(QStringLiteral("10.0.0.1"), 2222).knownHostsName(), QStringLiteral("[10.0.0.1]:2222"));
        QCOMPARE(presented(QStringLiteral("h"), 2222).knownHostsLine(),
                 QStringLiteral("[h]:2222 ssh-ed25519 ") + QString::fromLatin1(kKeyA));
    }

    void unknownWhenNothingIsRecorded() {
        QTemporaryDir dir;
        const QString own = dir.filePath(QStringLiteral("missing/known_hosts"));
        HostKeyPolicy policy(own, dir.filePath(QStringLiteral("also-missing")));
        const auto info = presented(QStringLiteral("example.com"), 22);
        QCOMPARE(policy.lookup(info).status, HostKeyStatus::Unknown);
        const Status st = policy.check(info);
        QVERIFY(!st);
        QCOMPARE(st.error().code, ErrorCode::HostKeyUnknown);
        QVERIFY(st.error().userMessage.contains(kFpA));
        QVERIFY(st.error().userMessage.contains(QLatin1String("ED25519")));
        QVERIFY(!QFileInfo::exists(own)); // checking writes nothing
    }

    void knownFromEitherFile_data() {
        QTest::addColumn<bool>("inOwnFile");
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("port");
        QTest::newRow("own, plain") << true << QByteArray("example.com ssh-ed25519 " + kKeyA) << 22;
        QTest::newRow("user, plain") << false << QByteArray("example.com ssh-ed25519 " + kKeyA) << 22;
        QTest::newRow("user, port") << false << QByteArray("[example.com]:2222 ssh-ed25519 " + kKeyA) << 2222;
        QTest::newRow("user, list") << false << QByteArray("other,example.com,1.2.3.4 ssh-ed25519 " + kKeyA) << 22;
        QTest::newRow("user, wildcard") << false << QByteArray("*.com ssh-ed25519 " + kKeyA) << 22;
        QTest::newRow("user, hashed") << false << QByteArray(hashedName("example.com") + " ssh-ed25519 " + kKeyA) << 22;
        QTest::newRow("user, hashed port")
            << false << QByteArray(hashedName("[example.com]:2222") + " ssh-ed25519 " + kKeyA) << 2222;
        QTest::newRow("user, comment and tabs")
            << false << QByteArray("# a comment\n\nexample.com\tssh-ed25519\t" + kKeyA + " root@box") << 22;
    }
    void knownFromEitherFile() {
        QFETCH(bool, inOwnFile);
        QFETCH(QByteArray, line);
        QFETCH(int, port);
        QTemporaryDir dir;
        const QString own = dir.filePath(QStringLiteral("own"));
        const QString user = dir.filePath(QStringLiteral("user"));
        QVERIFY(writeFile(inOwnFile ? own : user, line + '\n'));
        HostKeyPolicy policy(own, user);
        const auto found = policy.lookup(presented(QStringLiteral("example.com"), port));
        QCOMPARE(found.status, HostKeyStatus::Known);
        QCOMPARE(found.file, inOwnFile ? own : user);
        QVERIFY(policy.check(presented(QStringLiteral("example.com"), port)));
        // The same name on another port is another host.
        QCOMPARE(policy.lookup(presented(QStringLiteral("example.com"), port == 22 ? 2200 : 22)).status,
                 HostKeyStatus::Unknown);
        QCOMPARE(policy.knownKeyTypes(QStringLiteral("example.com"), port), QStringList{QStringLiteral("ssh-ed25519")});
    }

    void changedKeyOfTheSameType() {
        QTemporaryDir dir;
        const QString own = dir.filePath(QStringLiteral("own"));
        QVERIFY(writeFile(own, "other.org ssh-ed25519 " + kKeyB + "\n[example.com]:2222 ssh-ed25519 " + kKeyA + "\n"));
        HostKeyPolicy policy(own, QString());
        const auto info = presented(QStringLiteral("example.com"), 2222, kKeyB);
        const auto found = policy.lookup(info);
        QCOMPARE(found.status, HostKeyStatus::Changed);
        QCOMPARE(found.file, own);
        QCOMPARE(found.line, 2);
        const Status st = policy.check(info);
        QCOMPARE(st.error().code, ErrorCode::HostKeyChanged);
        const QString msg = st.error().userMessage;
        QVERIFY2(msg.contains(kFpB) && msg.contains(own) && msg.contains(QLatin1String("line 2")), qPrintable(msg));
        QVERIFY2(msg.contains(QLatin1String("attack")) && msg.contains(QLatin1String("reinstalled")), qPrintable(msg));
        QVERIFY2(msg.contains(QLatin1String("ssh-keygen -R '[example.com]:2222'")), qPrintable(msg));
    }

    void otherKeyTypeOnlyIsTreatedAsChanged() {
        QTemporaryDir dir;
        const QString user = dir.filePath(QStringLiteral("user"));
        QVERIFY(writeFile(user, "example.com ecdsa-sha2-nistp256 " + kKeyC + "\n"));
        HostKeyPolicy policy(dir.filePath(QStringLiteral("own")), user);
        const auto info = presented(QStringLiteral("example.com"), 22, kKeyA);
        QCOMPARE(policy.lookup(info).status, HostKeyStatus::Changed);
        QCOMPARE(policy.lookup(info).recordedType, QStringLiteral("ecdsa-sha2-nistp256"));
        QCOMPARE(policy.check(info).error().code, ErrorCode::HostKeyChanged);
        // The client asks for the recorded type first, so a server that has it presents it.
        QCOMPARE(policy.knownKeyTypes(QStringLiteral("example.com"), 22),
                 QStringList{QStringLiteral("ecdsa-sha2-nistp256")});
        // A host with keys of both types recorded accepts either.
        QVERIFY(
            writeFile(user, "example.com ecdsa-sha2-nistp256 " + kKeyC + "\nexample.com ssh-ed25519 " + kKeyA + "\n"));
        QCOMPARE(policy.lookup(info).status, HostKeyStatus::Known);
    }

    void revokedKeyIsRefusedEvenWhenAlsoListed() {
        QTemporaryDir dir;
        const QString user = dir.filePath(QStringLiteral("user"));
        QVERIFY(writeFile(user, "example.com ssh-ed25519 " + kKeyA + "\n@revoked * ssh-ed25519 " + kKeyA +
                                    "\n@cert-authority *.com ssh-ed25519 " + kKeyB + "\n"));
        HostKeyPolicy policy(dir.filePath(QStringLiteral("own")), user);
        const auto found = policy.lookup(presented(QStringLiteral("example.com"), 22));
        QCOMPARE(found.status, HostKeyStatus::Changed);
        QVERIFY(found.revoked);
        QCOMPARE(found.line, 2);
        QVERIFY(policy.check(presented(QStringLiteral("example.com"), 22))
                    .error()
                    .userMessage.contains(QLatin1String("revoked")));
        QVERIFY(!policy.trust(presented(QStringLiteral("example.com"), 22), true));
        // The @cert-authority line does not make its key a known host key.
        QCOMPARE(policy.lookup(presented(QStringLiteral("only-ca.com"), 22, kKeyB)).status, HostKeyStatus::Unknown);
    }

    void trustWritesOnlyCertdecksFile() {
        QTemporaryDir dir;
        const QString own = dir.filePath(QStringLiteral("config/certdeck/known_hosts"));
        const QString user = dir.filePath(QStringLiteral("user"));
        const QByteArray userContent = "unrelated.org ssh-ed25519 " + kKeyB + "\n";
        QVERIFY(writeFile(user, userContent));
        HostKeyPolicy policy(own, user);
        const auto info = presented(QStringLiteral("Example.com"), 2222);
        QVERIFY(policy.trust(info));
        QCOMPARE(readFile(own), QByteArray("[example.com]:2222 ssh-ed25519 " + kKeyA + "\n"));
        // 0600: owner read/write, nothing for group and others (the *User flags mirror the owner's for us).
        const auto perms =
            QFileInfo(own).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
        QCOMPARE(perms, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(readFile(user), userContent);
        QCOMPARE(policy.lookup(info).status, HostKeyStatus::Known);
        // Trusting again adds nothing.
        QVERIFY(policy.trust(info));
        QCOMPARE(readFile(own).count('\n'), 1);
        // A second host is appended.
        QVERIFY(policy.trust(presented(QStringLiteral("second.example"), 22, kKeyC)));
        QCOMPARE(readFile(own).count('\n'), 2);
    }

    void trustRefusesAChangedKeyUnlessAskedToReplace() {
        QTemporaryDir dir;
        const QString own = dir.filePath(QStringLiteral("own"));
        const QByteArray keep = "keep.example ssh-ed25519 " + kKeyA + "\n";
        QVERIFY(writeFile(own, keep + "example.com ssh-ed25519 " + kKeyA + "\n# note\n"));
        HostKeyPolicy policy(own, QString());
        const auto newKey = presented(QStringLiteral("example.com"), 22, kKeyB);
        const Status refused = policy.trust(newKey);
        QCOMPARE(refused.error().code, ErrorCode::HostKeyChanged);
        QVERIFY(readFile(own).contains(kKeyA));
        QVERIFY(policy.trust(newKey, true));
        const QByteArray after = readFile(own);
        QVERIFY(after.startsWith(keep));
        QVERIFY(after.contains("# note\n"));
        QVERIFY(after.contains("example.com ssh-ed25519 " + kKeyB + "\n"));
        QVERIFY(!after.contains("example.com ssh-ed25519 " + kKeyA));
        QCOMPARE(policy.lookup(newKey).status, HostKeyStatus::Known);
    }

    void replaceNeverEditsTheUsersFile() {
        QTemporaryDir dir;
        const QString own = dir.filePath(QStringLiteral("own"));
        const QString user = dir.filePath(QStringLiteral("user"));
        const QByteArray userContent = "example.com ssh-ed25519 " + kKeyA + "\n";
        QVERIFY(writeFile(user, userContent));
        HostKeyPolicy policy(own, user);
        const Status st = policy.trust(presented(QStringLiteral("example.com"), 22, kKeyB), true);
        QCOMPARE(st.error().code, ErrorCode::HostKeyChanged);
        QVERIFY(st.error().userMessage.contains(user));
        QCOMPARE(readFile(user), userContent);
        QVERIFY(!QFileInfo::exists(own));
    }

    void trustNeedsAFile() {
        const HostKeyPolicy policy{QString(), QString()};
        QCOMPARE(policy.trust(presented(QStringLiteral("example.com"), 22)).error().code, ErrorCode::InvalidInput);
    }

    void errorCarriesTheKey() {
        QTemporaryDir dir;
        HostKeyPolicy policy(dir.filePath(QStringLiteral("own")), QString());
        const auto info = presented(QStringLiteral("example.com"), 2222);
        const Status st = policy.check(info);
        const auto back = HostKeyInfo::fromError(st.error());
        QVERIFY(back);
        QCOMPARE(back->host, QStringLiteral("example.com"));
        QCOMPARE(back->port, 2222);
        QCOMPARE(back->keyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(back->fingerprint, kFpA);
        QCOMPARE(back->keyBase64, kKeyA);
        QCOMPARE(back->status, HostKeyStatus::Unknown);
        // A detail whose fingerprint does not belong to its key is not believed.
        Error tampered = st.error();
        tampered.detail.replace(kFpA, kFpB);
        QVERIFY(!HostKeyInfo::fromError(tampered));
        QVERIFY(!HostKeyInfo::fromError(Error(ErrorCode::Ssh, QStringLiteral("x"), st.error().detail)));
    }
};

QTEST_GUILESS_MAIN(TestHostKeyPolicy)
#include "TestHostKeyPolicy.moc"
