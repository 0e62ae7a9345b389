// SPDX-License-Identifier: GPL-3.0-or-later
// SftpClient against a real sshd (internal-sftp). The server is local, so the test checks the result
// on the file system itself: content, mode, that a replace is a rename (new inode, no temporary file
// left), and what an unprivileged account is told when it may not write.
#include "core/ssh/SshSession.h"
#include "tests/support/SshdFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace certdeck;
using namespace certdeck::ssh;

namespace {

QString describe(const Error& e) {
    return e.toString() + QStringLiteral(" | ") + e.detail;
}

int modeOf(const QString& path) {
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? static_cast<int>(st.st_mode & 07777) : -1;
}

ino_t inodeOf(const QString& path) {
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

QByteArray readLocal(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeLocal(const QString& path, const QByteArray& content, int mode) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return false;
    f.close();
    return ::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) == 0;
}

QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden, QDir::Name);
}

} // namespace

class TestSftp : public QObject {
    Q_OBJECT

    test::SshdFixture m_sshd{test::SshdFixture::Options{true, true}};
    std::shared_ptr<SshSession> m_session;
    QString m_root; // a fresh local folder per test function

    [[nodiscard]] SshTarget target(const QString& user = {}) const {
        SshTarget t;
        t.host = m_sshd.host();
        t.port = m_sshd.port();
        t.user = user.isEmpty() ? m_sshd.user() : user;
        t.identityFile = m_sshd.clientKeyPath();
        t.useAgent = false;
        t.processConfig = false;
        t.knownHostsFile = m_sshd.workDir() + QStringLiteral("/certdeck_known_hosts");
        return t;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_sshd.start(&error), error);
        QVERIFY(QCoro::waitFor(SshSession::trustHostKey(target(), m_sshd.hostKeyFingerprint())));
        auto session = QCoro::waitFor(SshSession::connect(target()));
        QVERIFY2(session, qPrintable(session ? QString() : describe(session.error())));
        m_session = *session;
    }

    void init() {
        m_root = m_sshd.workDir() + QStringLiteral("/files/") + QString::fromLatin1(QTest::currentTestFunction());
        QVERIFY(QDir().mkpath(m_root));
    }

    void atomicWriteReplacesAnExistingFile() {
        const QString path = m_root + QStringLiteral("/fullchain.pem");
        QVERIFY(writeLocal(path, "old certificate\n", 0644));
        const ino_t before = inodeOf(path);
        SftpClient sftp = m_session->sftp();
        auto w = QCoro::waitFor(sftp.writeFileAtomic(path, QByteArray("new certificate\n"), 0644));
        QVERIFY2(w, qPrintable(w ? QString() : describe(w.error())));
        QCOMPARE(readLocal(path), QByteArray("new certificate\n"));
        QCOMPARE(modeOf(path), 0644);
        // Replaced by a rename (a new inode), with the posix-rename extension, and nothing left over.
        QVERIFY(inodeOf(path) != before);
        QCOMPARE(entries(m_root), QStringList{QStringLiteral("fullchain.pem")});
        QVERIFY2(m_sshd.sftpLog().contains(QLatin1String("posix-rename old \"%1/.fullchain.pem.certdeck-").arg(m_root)),
                 "the replace did not use posix-rename@openssh.com");
    }

    void modeIsSetBeforeContent() {
        // A private key replacing a world-readable file ends up 0600, whatever the server's umask.
        const QString path = m_root + QStringLiteral("/privkey.pem");
        QVERIFY(writeLocal(path, "old", 0644));
        SftpClient sftp = m_session->sftp();
        const SecureBytes key(QByteArrayLiteral("-----BEGIN PRIVATE KEY-----\nsecret\n-----END PRIVATE KEY-----\n"));
        auto w = QCoro::waitFor(sftp.writeFileAtomic(path, key, 0600));
        QVERIFY2(w, qPrintable(w ? QString() : describe(w.error())));
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(readLocal(path), key.bytes());
        // And a mode wider than the umask would allow is applied exactly too.
        const QString shared = m_root + QStringLiteral("/group-writable");
        QVERIFY(QCoro::waitFor(sftp.writeFileAtomic(shared, QByteArray("x"), 0664)));
        QCOMPARE(modeOf(shared), 0664);
        // On the server: the temporary file was created exclusively with 0600 and set to 0600 before
        // any byte was written to it.
        const QString log = m_sshd.sftpLog();
        const QString tmp = QStringLiteral("\"%1/.privkey.pem.certdeck-").arg(m_root);
        const qsizetype open = log.indexOf(QStringLiteral("open %1").arg(tmp));
        const qsizetype set = log.indexOf(QStringLiteral("set %1").arg(tmp));
        const qsizetype close = log.indexOf(QStringLiteral("close %1").arg(tmp));
        QVERIFY2(open >= 0 && set > open && close > set, qPrintable(log));
        const QString openLine = log.mid(open, log.indexOf(QLatin1Char('\n'), open) - open);
        QVERIFY2(openLine.contains(QLatin1String("EXCL")) && openLine.contains(QLatin1String("mode 0600")),
                 qPrintable(openLine));
        const QString setLine = log.mid(set, log.indexOf(QLatin1Char('\n'), set) - set);
        QVERIFY2(setLine.contains(QLatin1String("mode 0600")), qPrintable(setLine));
    }

    void largeBinaryRoundTrip() {
        QByteArray content(300 * 1024 + 17, Qt::Uninitialized);
        for (auto& c : content)
            c = static_cast<char>(QRandomGenerator::global()->bounded(256));
        const QString path = m_root + QStringLiteral("/blob.bin");
        SftpClient sftp = m_session->sftp();
        QVERIFY(QCoro::waitFor(sftp.writeFileAtomic(path, content, 0640)));
        QCOMPARE(readLocal(path), content);
        auto back = QCoro::waitFor(sftp.readFile(path));
        QVERIFY2(back, qPrintable(back ? QString() : describe(back.error())));
        QCOMPARE(*back, content);
        auto info = QCoro::waitFor(sftp.stat(path));
        QVERIFY(info);
        QVERIFY(info->exists && info->isRegularFile && !info->isDirectory);
        QCOMPARE(info->size, static_cast<quint64>(content.size()));
        QCOMPARE(info->permissions, 0640);
        QCOMPARE(info->uid, static_cast<quint32>(::geteuid()));
    }

    void readIsBounded() {
        const QString path = m_root + QStringLiteral("/big");
        QVERIFY(writeLocal(path, QByteArray(4096, 'x'), 0644));
        SftpClient sftp = m_session->sftp();
        auto r = QCoro::waitFor(sftp.readFile(path, 1024));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Protocol);
        QVERIFY(r.error().userMessage.contains(path));
        auto missing = QCoro::waitFor(sftp.readFile(m_root + QStringLiteral("/nope")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(missing.error().userMessage.contains(m_root + QStringLiteral("/nope")));
    }

    void mkdirsRemoveStatRename() {
        SftpClient sftp = m_session->sftp();
        const QString deep = m_root + QStringLiteral("/a/b c/d");
        auto made = QCoro::waitFor(sftp.mkdirs(deep, 0750));
        QVERIFY2(made, qPrintable(made ? QString() : describe(made.error())));
        QVERIFY(QFileInfo(deep).isDir());
        QCOMPARE(modeOf(deep), 0750);
        QCOMPARE(modeOf(m_root + QStringLiteral("/a")), 0750);
        QVERIFY(QCoro::waitFor(sftp.mkdirs(deep, 0750))); // existing: fine
        QCOMPARE(modeOf(m_root), 0755);                   // existing parents keep their mode

        const QString file = deep + QStringLiteral("/token");
        QVERIFY(QCoro::waitFor(sftp.writeFileAtomic(file, QByteArray("abc"), 0644)));
        auto blocked = QCoro::waitFor(sftp.mkdirs(file + QStringLiteral("/sub"), 0755));
        QVERIFY(!blocked);
        QVERIFY(blocked.error().userMessage.contains(QLatin1String("not a folder")));

        const QString moved = deep + QStringLiteral("/token2");
        QVERIFY(writeLocal(moved, "will be replaced", 0644));
        auto renamed = QCoro::waitFor(sftp.rename(file, moved));
        QVERIFY2(renamed, qPrintable(renamed ? QString() : describe(renamed.error())));
        QVERIFY(!QFileInfo::exists(file));
        QCOMPARE(readLocal(moved), QByteArray("abc"));

        auto info = QCoro::waitFor(sftp.stat(deep));
        QVERIFY(info && info->exists && info->isDirectory);
        QVERIFY(QCoro::waitFor(sftp.remove(moved)));
        QVERIFY(!QFileInfo::exists(moved));
        auto gone = QCoro::waitFor(sftp.stat(moved));
        QVERIFY(gone);
        QVERIFY(!gone->exists);
        QVERIFY(QCoro::waitFor(sftp.remove(moved))); // already gone: fine
    }

    void writeIntoAMissingFolder() {
        SftpClient sftp = m_session->sftp();
        const QString path = m_root + QStringLiteral("/missing/cert.pem");
        auto w = QCoro::waitFor(sftp.writeFileAtomic(path, QByteArray("x"), 0644));
        QVERIFY(!w);
        QCOMPARE(w.error().code, ErrorCode::NotFound);
        QCOMPARE(w.error().userMessage, QStringLiteral("The folder %1/missing does not exist on 127.0.0.1:%2: "
                                                       "create it first.")
                                            .arg(m_root)
                                            .arg(m_sshd.port()));
    }

    void permissionDeniedSaysWhoAndWhat() {
        // Root may write anywhere, so this needs the fixture's unprivileged account.
        auto session = QCoro::waitFor(SshSession::connect(target(m_sshd.testUser())));
        QVERIFY2(session, qPrintable(session ? QString() : describe(session.error())));
        SftpClient sftp = (*session)->sftp();

        const QString protectedDir = m_root + QStringLiteral("/ssl"); // root's, 0755
        QVERIFY(QDir().mkpath(protectedDir));
        QVERIFY(::chmod(QFile::encodeName(protectedDir).constData(), 0755) == 0);
        const QString path = protectedDir + QStringLiteral("/cert.pem");
        QVERIFY(writeLocal(path, "current", 0644));

        auto w = QCoro::waitFor(sftp.writeFileAtomic(path, QByteArray("new"), 0644));
        QVERIFY(!w);
        QCOMPARE(w.error().code, ErrorCode::Permission);
        QCOMPARE(w.error().userMessage, QStringLiteral("User %1 cannot write %2 on 127.0.0.1:%3: give it write access "
                                                       "or enable sudo for this server.")
                                            .arg(m_sshd.testUser(), protectedDir)
                                            .arg(m_sshd.port()));
        QCOMPARE(readLocal(path), QByteArray("current"));
        QCOMPARE(entries(protectedDir), QStringList{QStringLiteral("cert.pem")});

        const QString secret = m_root + QStringLiteral("/root-only.key");
        QVERIFY(writeLocal(secret, "secret", 0600));
        auto r = QCoro::waitFor(sftp.readFile(secret));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Permission);
        QVERIFY2(
            r.error().userMessage.contains(QStringLiteral("User %1 cannot read %2").arg(m_sshd.testUser(), secret)),
            qPrintable(r.error().userMessage));

        auto mk = QCoro::waitFor(sftp.mkdirs(protectedDir + QStringLiteral("/sub"), 0755));
        QVERIFY(!mk);
        QCOMPARE(mk.error().code, ErrorCode::Permission);

        // Where it may write (its home), it can.
        const QString own = m_sshd.testUserHome() + QStringLiteral("/cert.pem");
        auto ok = QCoro::waitFor(sftp.writeFileAtomic(own, QByteArray("mine"), 0600));
        QVERIFY2(ok, qPrintable(ok ? QString() : describe(ok.error())));
        QCOMPARE(readLocal(own), QByteArray("mine"));
        QFileInfo info(own);
        QCOMPARE(info.ownerId(), m_sshd.testUserUid());
    }

    void cleanupTestCase() {
        m_session.reset();
        m_sshd.stop();
    }
};

QTEST_GUILESS_MAIN(TestSftp)
#include "TestSftp.moc"
