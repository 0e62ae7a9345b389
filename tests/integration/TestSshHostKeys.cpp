// SPDX-License-Identifier: GPL-3.0-or-later
// First contact and changed host keys against a real sshd: an unknown key stops the connection before
// authentication and carries the fingerprint OpenSSH prints; only an explicit trust with that exact
// fingerprint records it; a regenerated key is refused.
#include "core/ssh/HostKeyInfo.h"
#include "core/ssh/SshSession.h"
#include "tests/support/SshdFixture.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <QThread>

using namespace certdeck;
using namespace certdeck::ssh;

namespace {

SshTarget targetFor(const test::SshdFixture& sshd) {
    SshTarget t;
    t.host = sshd.host();
    t.port = sshd.port();
    t.user = sshd.user();
    t.identityFile = sshd.clientKeyPath();
    t.useAgent = false;
    t.processConfig = false;
    t.knownHostsFile = sshd.workDir() + QStringLiteral("/certdeck/known_hosts");
    return t;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// sshd logs "Connection closed" / "Disconnected" once it is done with a connection; after that its
// log tells everything the client did on it.
bool waitForClosedConnections(const test::SshdFixture& sshd, int count) {
    QDeadlineTimer deadline(std::chrono::seconds(10));
    while (!deadline.hasExpired()) {
        const QString log = sshd.log();
        if (log.count(QLatin1String("Connection closed by")) + log.count(QLatin1String("Disconnected from")) >= count)
            return true;
        QThread::msleep(20);
    }
    return false;
}

QString describe(const Error& e) {
    return e.toString() + QStringLiteral(" | ") + e.detail;
}

} // namespace

class TestSshHostKeys : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unknownKeyStopsBeforeAuthentication() {
        test::SshdFixture sshd;
        QString error;
        CERTDECK_REQUIRE(sshd.start(&error), error);
        const SshTarget target = targetFor(sshd);

        const quint64 handshakes = SshSession::handshakeCount();
        auto r = QCoro::waitFor(SshSession::connect(target));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::HostKeyUnknown);
        QCOMPARE(SshSession::handshakeCount(), handshakes + 1);
        // The fingerprint exactly as `ssh-keygen -l -E sha256` prints it, and the key type.
        QVERIFY2(r.error().userMessage.contains(sshd.hostKeyFingerprint()), qPrintable(describe(r.error())));
        QVERIFY(r.error().userMessage.contains(QLatin1String("ED25519")));
        const auto key = HostKeyInfo::fromError(r.error());
        QVERIFY(key);
        QCOMPARE(key->fingerprint, sshd.hostKeyFingerprint());
        QCOMPARE(key->keyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(key->port, static_cast<int>(sshd.port()));
        QCOMPARE(key->knownHostsLine(), sshd.knownHostsLine());

        // Nothing else happened on that connection: sshd saw no authentication request at all, and
        // nothing was written locally.
        QVERIFY2(waitForClosedConnections(sshd, 1), qPrintable(sshd.log()));
        QCOMPARE(sshd.authRequestCount(), 0);
        QVERIFY(!sshd.log().contains(QLatin1String("Accepted")));
        QVERIFY(!QFileInfo::exists(target.knownHostsFile));

        // The check above can see authentication: after trusting, a login shows up in the same log.
        QVERIFY(QCoro::waitFor(SshSession::trustHostKey(target, key->fingerprint)));
        auto session = QCoro::waitFor(SshSession::connect(target));
        QVERIFY2(session, qPrintable(session ? QString() : describe(session.error())));
        QVERIFY(sshd.authRequestCount() > 0);
    }

    void probeShowsTheKeyAndWritesNothing() {
        test::SshdFixture sshd;
        QString error;
        CERTDECK_REQUIRE(sshd.start(&error), error);
        const SshTarget target = targetFor(sshd);
        auto probe = QCoro::waitFor(SshSession::probeHostKey(target));
        QVERIFY2(probe, qPrintable(probe ? QString() : describe(probe.error())));
        QCOMPARE(probe->fingerprint, sshd.hostKeyFingerprint());
        QCOMPARE(probe->status, HostKeyStatus::Unknown);
        QVERIFY(!QFileInfo::exists(target.knownHostsFile));
        QVERIFY2(waitForClosedConnections(sshd, 1), qPrintable(sshd.log()));
        QCOMPARE(sshd.authRequestCount(), 0);
    }

    void trustNeedsTheFingerprintTheServerPresents() {
        test::SshdFixture sshd;
        QString error;
        CERTDECK_REQUIRE(sshd.start(&error), error);
        const SshTarget target = targetFor(sshd);
        const QString wrong = QStringLiteral("SHA256:l9CBYJd2Aev1b3P/qkrt6H2H1wiIgJ1KuoiO6Eaezeg");
        auto refused = QCoro::waitFor(SshSession::trustHostKey(target, wrong));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::HostKeyChanged);
        QVERIFY(refused.error().userMessage.contains(sshd.hostKeyFingerprint()));
        QVERIFY(!QFileInfo::exists(target.knownHostsFile));

        auto trusted = QCoro::waitFor(SshSession::trustHostKey(target, sshd.hostKeyFingerprint()));
        QVERIFY2(trusted, qPrintable(trusted ? QString() : describe(trusted.error())));
        QCOMPARE(trusted->status, HostKeyStatus::Known);
        QCOMPARE(readAll(target.knownHostsFile), (sshd.knownHostsLine() + QLatin1Char('\n')).toUtf8());
        QCOMPARE(QFileInfo(target.knownHostsFile).permissions() & (QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                                   QFileDevice::ReadOther | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        // Trusting again changes nothing.
        QVERIFY(QCoro::waitFor(SshSession::trustHostKey(target, sshd.hostKeyFingerprint())));
        QCOMPARE(readAll(target.knownHostsFile).count('\n'), 1);

        auto probe = QCoro::waitFor(SshSession::probeHostKey(target));
        QVERIFY(probe);
        QCOMPARE(probe->status, HostKeyStatus::Known);
        auto session = QCoro::waitFor(SshSession::connect(target));
        QVERIFY2(session, qPrintable(session ? QString() : describe(session.error())));
        QCOMPARE((*session)->hostKey().fingerprint, sshd.hostKeyFingerprint());
        auto r = QCoro::waitFor((*session)->run(RemoteCommand({"true"})));
        QVERIFY(r);
        QCOMPARE(r->exitCode, 0);
    }

    void usersKnownHostsIsTrustedAndNeverWritten_data() {
        QTest::addColumn<bool>("hashed");
        QTest::newRow("plain") << false;
        QTest::newRow("hashed by ssh-keygen -H") << true;
    }
    void usersKnownHostsIsTrustedAndNeverWritten() {
        QFETCH(bool, hashed);
        test::SshdFixture sshd;
        QString error;
        CERTDECK_REQUIRE(sshd.start(&error), error);
        SshTarget target = targetFor(sshd);
        target.userKnownHostsFile = sshd.workDir() + QStringLiteral("/user_known_hosts");
        {
            QFile f(target.userKnownHostsFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# the user's own file\n");
            f.write((sshd.knownHostsLine() + QLatin1Char('\n')).toUtf8());
        }
        if (hashed) {
            const QString keygen =
                test::findBinary(QStringLiteral("ssh-keygen"), QStringLiteral("openssh-client"), &error);
            QVERIFY2(!keygen.isEmpty(), qPrintable(error));
            QVERIFY2(
                test::runTool(keygen, {QStringLiteral("-H"), QStringLiteral("-f"), target.userKnownHostsFile}, &error),
                qPrintable(error));
            QVERIFY(readAll(target.userKnownHostsFile).contains("|1|"));
        }
        const QByteArray before = readAll(target.userKnownHostsFile);
        auto session = QCoro::waitFor(SshSession::connect(target));
        QVERIFY2(session, qPrintable(session ? QString() : describe(session.error())));
        QCoro::waitFor((*session)->disconnect());
        QCOMPARE(readAll(target.userKnownHostsFile), before);
        QVERIFY(!QFileInfo::exists(target.knownHostsFile));
    }

    void changedKeyIsRefused() {
        test::SshdFixture sshd;
        QString error;
        CERTDECK_REQUIRE(sshd.start(&error), error);
        const SshTarget target = targetFor(sshd);
        const QString oldFingerprint = sshd.hostKeyFingerprint();
        QVERIFY(QCoro::waitFor(SshSession::trustHostKey(target, oldFingerprint)));
        const QByteArray recorded = readAll(target.knownHostsFile);

        CERTDECK_REQUIRE(sshd.regenerateHostKey(&error), error);
        QVERIFY(sshd.hostKeyFingerprint() != oldFingerprint);
        const int authBefore = sshd.authRequestCount();
        const int closedBefore = sshd.log().count(QLatin1String("Connection closed by")) +
                                 sshd.log().count(QLatin1String("Disconnected from"));

        auto r = QCoro::waitFor(SshSession::connect(target));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::HostKeyChanged);
        const QString msg = r.error().userMessage;
        QVERIFY2(msg.contains(sshd.hostKeyFingerprint()), qPrintable(msg));
        QVERIFY2(msg.contains(target.knownHostsFile) && msg.contains(QLatin1String("line 1")), qPrintable(msg));
        QVERIFY2(msg.contains(QLatin1String("attack")) && msg.contains(QLatin1String("reinstalled")), qPrintable(msg));
        QVERIFY2(msg.contains(QLatin1String("remove line 1")), qPrintable(msg));
        const auto key = HostKeyInfo::fromError(r.error());
        QVERIFY(key);
        QCOMPARE(key->fingerprint, sshd.hostKeyFingerprint());
        QVERIFY2(waitForClosedConnections(sshd, closedBefore + 1), qPrintable(sshd.log()));
        QCOMPARE(sshd.authRequestCount(), authBefore);
        QCOMPARE(readAll(target.knownHostsFile), recorded);

        // Confirming the new fingerprint is not enough on its own: a changed key needs the explicit
        // replace, which edits Certdeck's file only.
        auto plainTrust = QCoro::waitFor(SshSession::trustHostKey(target, sshd.hostKeyFingerprint()));
        QVERIFY(!plainTrust);
        QCOMPARE(plainTrust.error().code, ErrorCode::HostKeyChanged);
        QCOMPARE(readAll(target.knownHostsFile), recorded);
        auto replaced = QCoro::waitFor(SshSession::trustHostKey(target, sshd.hostKeyFingerprint(), true));
        QVERIFY2(replaced, qPrintable(replaced ? QString() : describe(replaced.error())));
        QCOMPARE(readAll(target.knownHostsFile), (sshd.knownHostsLine() + QLatin1Char('\n')).toUtf8());
        auto session = QCoro::waitFor(SshSession::connect(target));
        QVERIFY2(session, qPrintable(session ? QString() : describe(session.error())));
    }

    void changedKeyInTheUsersFileStaysTheUsersToFix() {
        test::SshdFixture sshd;
        QString error;
        CERTDECK_REQUIRE(sshd.start(&error), error);
        SshTarget target = targetFor(sshd);
        target.userKnownHostsFile = sshd.workDir() + QStringLiteral("/user_known_hosts");
        {
            QFile f(target.userKnownHostsFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write((sshd.knownHostsLine() + QLatin1Char('\n')).toUtf8());
        }
        const QByteArray userFile = readAll(target.userKnownHostsFile);
        CERTDECK_REQUIRE(sshd.regenerateHostKey(&error), error);

        auto r = QCoro::waitFor(SshSession::connect(target));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::HostKeyChanged);
        QVERIFY(r.error().userMessage.contains(target.userKnownHostsFile));
        auto replaced = QCoro::waitFor(SshSession::trustHostKey(target, sshd.hostKeyFingerprint(), true));
        QVERIFY(!replaced);
        QCOMPARE(replaced.error().code, ErrorCode::HostKeyChanged);
        QVERIFY(replaced.error().userMessage.contains(target.userKnownHostsFile));
        QCOMPARE(readAll(target.userKnownHostsFile), userFile);
        QVERIFY(!QFileInfo::exists(target.knownHostsFile));
    }

    void unreachableServerIsAClearNetworkError() {
        SshTarget target;
        target.host = QStringLiteral("127.0.0.1");
        target.port = test::freePort(); // nothing listens there
        target.processConfig = false;
        target.useAgent = false;
        auto r = QCoro::waitFor(SshSession::connect(target));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY2(r.error().userMessage.contains(QLatin1String("connection refused")), qPrintable(describe(r.error())));
    }

    void hostileHostNamesAreRefusedBeforeAnythingRuns() {
        SshTarget target;
        target.host = QStringLiteral("127.0.0.1;touch /tmp/x");
        target.processConfig = false;
        auto r = QCoro::waitFor(SshSession::connect(target));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        target.host = QStringLiteral("-oProxyCommand=x");
        QCOMPARE(QCoro::waitFor(SshSession::probeHostKey(target)).error().code, ErrorCode::InvalidInput);
        target.host = QStringLiteral("127.0.0.1");
        target.user = QStringLiteral("root$(id)");
        QCOMPARE(QCoro::waitFor(SshSession::connect(target)).error().code, ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestSshHostKeys)
#include "TestSshHostKeys.moc"
