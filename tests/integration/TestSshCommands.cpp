// SPDX-License-Identifier: GPL-3.0-or-later
// Remote commands through a real sshd and the remote user's login shell: arguments arrive byte-exact
// and never run anything else; output, exit status, bounds, timeout, cancel, sudo refusals, keepalive.
#include "core/ssh/SshSession.h"
#include "tests/support/SshdFixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace certdeck;
using namespace certdeck::ssh;

namespace {

QString describe(const Error& e) {
    return e.toString() + QStringLiteral(" | ") + e.detail;
}

QByteArray nulJoined(const QStringList& args) {
    QByteArray out;
    for (const auto& a : args)
        out += a.toUtf8() + '\0';
    return out;
}

} // namespace

class TestSshCommands : public QObject {
    Q_OBJECT

    test::SshdFixture m_sshd{test::SshdFixture::Options{true}};
    std::shared_ptr<SshSession> m_session;

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

    void hostileArgumentsArriveByteExactAndRunNothing() {
        QTemporaryDir dir; // the server is local: the test can look at its file system
        QVERIFY(dir.isValid());
        const QString marker = dir.filePath(QStringLiteral("pwned-%1").arg(QCoreApplication::applicationPid()));
        const QStringList args{
            QStringLiteral("two words"),
            QString(),
            QStringLiteral("it's \"quoted\""),
            QStringLiteral("$(touch %1)").arg(marker),
            QStringLiteral("`touch %1`").arg(marker),
            QStringLiteral("; touch %1").arg(marker),
            QStringLiteral("&& touch %1").arg(marker),
            QStringLiteral("| touch %1").arg(marker),
            QStringLiteral("> %1").arg(marker),
            QStringLiteral("first line\ntouch %1\n").arg(marker),
            QStringLiteral("'; touch %1; '").arg(marker),
            QStringLiteral("$HOME ${PATH} $0 * ~ \\ \\n"),
            QStringLiteral("ünïcödé ✓"),
        };
        QStringList argv{QStringLiteral("printf"), QStringLiteral("%s\\0")};
        argv << args;
        auto r = QCoro::waitFor(m_session->run(RemoteCommand(argv)));
        QVERIFY2(r, qPrintable(r ? QString() : describe(r.error())));
        QCOMPARE(r->exitCode, 0);
        QCOMPARE(r->stdErr, QByteArray());
        QCOMPARE(r->stdOut, nulJoined(args));
        QVERIFY2(!QFile::exists(marker), "an argument was run by the remote shell");

        // In a chain, the same: the file is literally named "$(id)".
        const QString literal = dir.filePath(QStringLiteral("$(id)"));
        auto chained = QCoro::waitFor(m_session->run(
            RemoteCommand(QStringList{QStringLiteral("touch"), literal})
                .andThen(RemoteCommand(QStringList{QStringLiteral("test"), QStringLiteral("-f"), literal}))));
        QVERIFY(chained);
        QCOMPARE(chained->exitCode, 0);
        QVERIFY(QFile::exists(literal));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList{QStringLiteral("$(id)")});
    }

    void outputAndExitStatus() {
        auto r = QCoro::waitFor(m_session->run(RemoteCommand({"sh", "-c", "printf out; printf err >&2; exit 3"})));
        QVERIFY(r);
        QCOMPARE(r->exitCode, 3);
        QCOMPARE(r->stdOut, QByteArray("out"));
        QCOMPARE(r->stdErr, QByteArray("err"));
        QVERIFY(!r->succeeded());

        // No input: a command reading stdin ends instead of waiting.
        auto cat = QCoro::waitFor(m_session->run(RemoteCommand({"cat"}), std::chrono::seconds(30)));
        QVERIFY(cat);
        QCOMPARE(cat->exitCode, 0);
        QCOMPARE(cat->stdOut, QByteArray());

        auto checked = QCoro::waitFor(m_session->runChecked(RemoteCommand({"ls", "/no/such/dir"})));
        QVERIFY(!checked);
        QCOMPARE(checked.error().code, ErrorCode::Ssh);
        QVERIFY2(checked.error().userMessage.contains(QLatin1String("'ls' '/no/such/dir' failed")) &&
                     checked.error().userMessage.contains(QLatin1String("exit status 2")) &&
                     checked.error().userMessage.contains(QLatin1String("No such file")),
                 qPrintable(checked.error().userMessage));
    }

    void outputIsBounded() {
        auto r = QCoro::waitFor(m_session->run(RemoteCommand({"head", "-c", "3000000", "/dev/zero"})));
        QVERIFY2(r, qPrintable(r ? QString() : describe(r.error())));
        QCOMPARE(r->exitCode, 0);
        QCOMPARE(r->stdOut.size(), CommandResult::maxOutputBytes);
        QVERIFY(r->stdOutTruncated);
        QVERIFY(!r->stdErrTruncated);
    }

    void timeoutAndCancel() {
        auto slow = QCoro::waitFor(m_session->run(RemoteCommand({"sleep", "60"}), std::chrono::seconds(1)));
        QVERIFY(!slow);
        QCOMPARE(slow.error().code, ErrorCode::Timeout);
        QVERIFY(slow.error().userMessage.contains(QLatin1String("'sleep' '60'")));

        CancelToken cancel;
        QTimer::singleShot(200, [cancel] { cancel.cancel(); });
        auto cancelled =
            QCoro::waitFor(m_session->run(RemoteCommand({"sleep", "60"}), std::chrono::seconds(120), cancel));
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);

        // The session is still usable afterwards.
        auto r = QCoro::waitFor(m_session->run(RemoteCommand({"echo", "still here"})));
        QVERIFY(r);
        QCOMPARE(r->stdOut, QByteArray("still here\n"));
    }

    void sudoRefusalIsReportedClearly() {
        // An unprivileged account: sudo either is not installed or wants a password; never runs.
        auto session = QCoro::waitFor(SshSession::connect(target(m_sshd.testUser())));
        QVERIFY2(session, qPrintable(session ? QString() : describe(session.error())));
        auto r = QCoro::waitFor((*session)->run(RemoteCommand({"touch", "/root/certdeck-sudo-test"}).withSudo()));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Permission);
        const QString msg = r.error().userMessage;
        QVERIFY2(msg.contains(QLatin1String("sudo")) && msg.contains(m_sshd.testUser()), qPrintable(msg));
        QVERIFY2(msg.contains(QLatin1String("is not installed")) || msg.contains(QLatin1String("without a password")),
                 qPrintable(msg));
        QVERIFY(!r.error().detail.isEmpty()); // sudo's (or the shell's) own words
        QVERIFY(!QFile::exists(QStringLiteral("/root/certdeck-sudo-test")));
        // A plain failing command is not mistaken for a sudo refusal.
        auto plain = QCoro::waitFor((*session)->run(RemoteCommand({"false"})));
        QVERIFY(plain);
        QCOMPARE(plain->exitCode, 1);
    }

    void keepaliveKeepsTheSessionUsable() {
        SshTarget t = target();
        t.keepaliveInterval = std::chrono::seconds(1);
        auto session = QCoro::waitFor(SshSession::connect(t));
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT((*session)->keepalivesSent() >= 2, 20000);
        auto r = QCoro::waitFor((*session)->run(RemoteCommand({"echo", "alive"})));
        QVERIFY2(r, qPrintable(r ? QString() : describe(r.error())));
        QCOMPARE(r->stdOut, QByteArray("alive\n"));
        QVERIFY(m_sshd.log().contains(QLatin1String("keepalive@openssh.com")));
    }

    void closedSessionSaysSo() {
        auto session = QCoro::waitFor(SshSession::connect(target()));
        QVERIFY(session);
        QCoro::waitFor((*session)->disconnect());
        QVERIFY(!(*session)->isConnected());
        auto r = QCoro::waitFor((*session)->run(RemoteCommand({"true"})));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY(r.error().userMessage.contains(QLatin1String("connect again")));
    }

    void invalidCommandsNeverReachTheServer() {
        auto r = QCoro::waitFor(m_session->run(RemoteCommand()));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    }

    void cleanupTestCase() {
        m_session.reset();
        m_sshd.stop();
    }
};

QTEST_GUILESS_MAIN(TestSshCommands)
#include "TestSshCommands.moc"
