// SPDX-License-Identifier: GPL-3.0-or-later
// Proves the sshd fixture: a command runs through core/ssh once the host key is trusted, and the
// fixture leaves no process behind.
#include "core/ssh/SshSession.h"
#include "tests/support/SshdFixture.h"

#include <QFileInfo>
#include <QTest>

#include <csignal>

using namespace certdeck;
using namespace certdeck::ssh;

class TestFixtureSshd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void echoHelloThroughCoreSsh() {
        QList<qint64> pids;
        const bool runDirExisted = QFileInfo::exists(QStringLiteral("/run/sshd"));
        {
            test::SshdFixture sshd;
            QString error;
            CERTDECK_REQUIRE(sshd.start(&error), error);
            pids = sshd.pids();
            QCOMPARE(pids.size(), 2); // sshd and ssh-agent
            QVERIFY(QFileInfo::exists(QStringLiteral("/run/sshd")));

            SshTarget target;
            target.host = sshd.host();
            target.port = sshd.port();
            target.user = sshd.user();
            target.identityFile = sshd.clientKeyPath();
            target.useAgent = false;
            target.processConfig = false;
            target.knownHostsFile = sshd.workDir() + QStringLiteral("/certdeck_known_hosts");

            auto trusted = QCoro::waitFor(SshSession::trustHostKey(target, sshd.hostKeyFingerprint()));
            QVERIFY2(trusted, qPrintable(trusted ? QString() : trusted.error().toString()));
            QCOMPARE(trusted->fingerprint, sshd.hostKeyFingerprint());

            auto session = QCoro::waitFor(SshSession::connect(target));
            QVERIFY2(session, qPrintable(session ? QString() : session.error().toString()));
            QCOMPARE((*session)->authMethod(), QStringLiteral("key"));
            auto r = QCoro::waitFor((*session)->run(RemoteCommand({"echo", "hello"})));
            QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
            QCOMPARE(r->exitCode, 0);
            QCOMPARE(r->stdOut, QByteArray("hello\n"));
            QCOMPARE(r->stdErr, QByteArray());
            QCoro::waitFor((*session)->disconnect());
            QVERIFY(!(*session)->isConnected());
        }
        // Stopped by PID when the fixture goes away.
        for (qint64 pid : pids)
            QVERIFY2(::kill(static_cast<pid_t>(pid), 0) != 0, "a fixture process outlived its fixture");
        // /run/sshd is removed only if a fixture created it and no other fixture still needs it; when
        // it existed before this test, it must still be there.
        if (runDirExisted)
            QVERIFY(QFileInfo::exists(QStringLiteral("/run/sshd")));
    }
};

QTEST_GUILESS_MAIN(TestFixtureSshd)
#include "TestFixtureSshd.moc"
