// SPDX-License-Identifier: GPL-3.0-or-later
// Logging in against a real sshd: key file, passphrase-protected key through the callback (and what a
// wrong or missing passphrase says), ssh-agent, password; and the messages a refused login gives.
#include "core/ssh/SshSession.h"
#include "tests/support/SshdFixture.h"

#include <QFile>
#include <QTest>

using namespace certdeck;
using namespace certdeck::ssh;

namespace {

SshTarget targetFor(const test::SshdFixture& sshd) {
    SshTarget t;
    t.host = sshd.host();
    t.port = sshd.port();
    t.user = sshd.user();
    t.useAgent = false;
    t.processConfig = false;
    t.knownHostsFile = sshd.workDir() + QStringLiteral("/certdeck_known_hosts");
    return t;
}

QString describe(const Error& e) {
    return e.toString() + QStringLiteral(" | ") + e.detail;
}

} // namespace

class TestSshAuth : public QObject {
    Q_OBJECT

    test::SshdFixture m_sshd{test::SshdFixture::Options{true}};

    [[nodiscard]] SshTarget target() const { return targetFor(m_sshd); }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_sshd.start(&error), error);
        auto trusted = QCoro::waitFor(SshSession::trustHostKey(target(), m_sshd.hostKeyFingerprint()));
        QVERIFY2(trusted, qPrintable(trusted ? QString() : describe(trusted.error())));
    }

    void keyFile() {
        SshTarget t = target();
        t.identityFile = m_sshd.clientKeyPath();
        const quint64 handshakes = SshSession::handshakeCount();
        auto session = QCoro::waitFor(SshSession::connect(t));
        QVERIFY2(session, qPrintable(session ? QString() : describe(session.error())));
        QCOMPARE(SshSession::handshakeCount(), handshakes + 1);
        QCOMPARE((*session)->authMethod(), QStringLiteral("key"));
        QCOMPARE((*session)->user(), m_sshd.user());
        QVERIFY((*session)->isConnected());
        auto who = QCoro::waitFor((*session)->run(RemoteCommand({"id", "-un"})));
        QVERIFY(who);
        QCOMPARE(who->stdOut.trimmed(), m_sshd.user().toUtf8());
    }

    void passphraseKeyThroughTheCallback() {
        SshTarget t = target();
        t.identityFile = m_sshd.passphraseKeyPath();
        AuthOptions auth;
        QStringList prompts;
        auth.passphrase = [&](const QString& prompt) -> std::optional<SecureBytes> {
            prompts << prompt;
            return SecureBytes(m_sshd.passphrase());
        };
        auto session = QCoro::waitFor(SshSession::connect(t, auth));
        QVERIFY2(session, qPrintable(session ? QString() : describe(session.error())));
        QCOMPARE((*session)->authMethod(), QStringLiteral("key"));
        QCOMPARE(prompts.size(), 1);
        QVERIFY2(prompts.first().contains(m_sshd.passphraseKeyPath()), qPrintable(prompts.first()));
    }

    void unencryptedKeyNeverAsks() {
        SshTarget t = target();
        t.identityFile = m_sshd.clientKeyPath();
        AuthOptions auth;
        int asked = 0;
        auth.passphrase = [&](const QString&) -> std::optional<SecureBytes> {
            ++asked;
            return SecureBytes(QByteArrayLiteral("unused"));
        };
        QVERIFY(QCoro::waitFor(SshSession::connect(t, auth)));
        QCOMPARE(asked, 0);
    }

    void wrongPassphraseIsToldClearly() {
        SshTarget t = target();
        t.identityFile = m_sshd.passphraseKeyPath();
        AuthOptions auth;
        QStringList prompts;
        auth.passphrase = [&](const QString& prompt) -> std::optional<SecureBytes> {
            prompts << prompt;
            return SecureBytes(QByteArrayLiteral("not the passphrase"));
        };
        const int authBefore = m_sshd.authRequestCount();
        auto r = QCoro::waitFor(SshSession::connect(t, auth));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QCOMPARE(r.error().userMessage,
                 QStringLiteral("The passphrase for the key %1 is wrong.").arg(m_sshd.passphraseKeyPath()));
        QCOMPARE(prompts.size(), 3);
        QVERIFY(prompts.at(1).startsWith(QLatin1String("Wrong passphrase.")));
        // The key never reached the server: only the initial "none" request did.
        QCOMPARE(m_sshd.authRequestCount(), authBefore + 1);
    }

    void cancelledPassphrase() {
        SshTarget t = target();
        t.identityFile = m_sshd.passphraseKeyPath();
        AuthOptions auth;
        auth.passphrase = [](const QString&) -> std::optional<SecureBytes> {
            return std::nullopt;
        };
        auto r = QCoro::waitFor(SshSession::connect(t, auth));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
    }

    void encryptedKeyWithoutACallback() {
        SshTarget t = target();
        t.identityFile = m_sshd.passphraseKeyPath();
        auto r = QCoro::waitFor(SshSession::connect(t));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Permission);
        QVERIFY2(r.error().userMessage.contains(QLatin1String("protected by a passphrase")),
                 qPrintable(describe(r.error())));
    }

    void refusedKeyNamesKeyAndUser() {
        SshTarget t = target();
        t.identityFile = m_sshd.unauthorizedKeyPath();
        auto r = QCoro::waitFor(SshSession::connect(t));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Permission);
        QCOMPARE(r.error().userMessage, QStringLiteral("The server 127.0.0.1:%1 refused the key %2 for user %3.")
                                            .arg(m_sshd.port())
                                            .arg(m_sshd.unauthorizedKeyPath(), m_sshd.user()));
    }

    void missingOrWrongKeyFile() {
        SshTarget t = target();
        t.identityFile = m_sshd.workDir() + QStringLiteral("/no_such_key");
        auto missing = QCoro::waitFor(SshSession::connect(t));
        QVERIFY(!missing);
        QVERIFY2(missing.error().userMessage.contains(QLatin1String("does not exist")),
                 qPrintable(describe(missing.error())));
        t.identityFile = m_sshd.clientKeyPath() + QStringLiteral(".pub");
        auto pub = QCoro::waitFor(SshSession::connect(t));
        QVERIFY(!pub);
        QVERIFY2(pub.error().userMessage.contains(QLatin1String("not a private key")),
                 qPrintable(describe(pub.error())));
    }

    void agent() {
        SshTarget t = target();
        t.useAgent = true;
        t.agentSocket = m_sshd.agentSocket();
        auto session = QCoro::waitFor(SshSession::connect(t));
        QVERIFY2(session, qPrintable(session ? QString() : describe(session.error())));
        QCOMPARE((*session)->authMethod(), QStringLiteral("agent"));
    }

    void agentNotRunning() {
        SshTarget t = target();
        t.useAgent = true;
        t.agentSocket = m_sshd.workDir() + QStringLiteral("/no_agent.sock");
        auto r = QCoro::waitFor(SshSession::connect(t));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Permission);
        QVERIFY2(r.error().userMessage.contains(QLatin1String("ssh-agent is not running")),
                 qPrintable(describe(r.error())));
    }

    void agentFirstThenKeyFile() {
        // The agent holds the client key, so with both configured the agent logs in first.
        SshTarget t = target();
        t.useAgent = true;
        t.agentSocket = m_sshd.agentSocket();
        t.identityFile = m_sshd.unauthorizedKeyPath();
        auto session = QCoro::waitFor(SshSession::connect(t));
        QVERIFY(session);
        QCOMPARE((*session)->authMethod(), QStringLiteral("agent"));
    }

    void password() {
        SshTarget t = target();
        t.user = m_sshd.testUser();
        AuthOptions auth;
        auth.password = SecureBytes(m_sshd.testUserPassword());
        auto session = QCoro::waitFor(SshSession::connect(t, auth));
        QVERIFY2(session, qPrintable(session ? QString() : describe(session.error())));
        QCOMPARE((*session)->authMethod(), QStringLiteral("password"));
        auto who = QCoro::waitFor((*session)->run(RemoteCommand({"id", "-un"})));
        QVERIFY(who);
        QCOMPARE(who->stdOut.trimmed(), m_sshd.testUser().toUtf8());
    }

    void wrongPassword() {
        SshTarget t = target();
        t.user = m_sshd.testUser();
        AuthOptions auth;
        auth.password = SecureBytes(QByteArrayLiteral("wrong password"));
        auto r = QCoro::waitFor(SshSession::connect(t, auth));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Permission);
        QCOMPARE(r.error().userMessage, QStringLiteral("The server 127.0.0.1:%1 refused the password for user %2.")
                                            .arg(m_sshd.port())
                                            .arg(m_sshd.testUser()));
    }

    void sshConfigHostAlias() {
        // Like ~/.ssh/config: an alias with HostName, Port, User and IdentityFile.
        const QString config = m_sshd.workDir() + QStringLiteral("/ssh_config");
        {
            QFile f(config);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("Host web1\n    HostName 127.0.0.1\n    Port %1\n    User %2\n    IdentityFile %3\n"
                                   "Host locked\n    HostName 127.0.0.1\n    Port %1\n    User %2\n"
                                   "    IdentityFile %4\n")
                        .arg(m_sshd.port())
                        .arg(m_sshd.user(), m_sshd.clientKeyPath(), m_sshd.passphraseKeyPath())
                        .toUtf8());
        }
        SshTarget t = target();
        t.host = QStringLiteral("web1");
        t.port = 0;
        t.user.clear();
        t.processConfig = true;
        t.sshConfigFile = config;
        auto session = QCoro::waitFor(SshSession::connect(t));
        QVERIFY2(session, qPrintable(session ? QString() : describe(session.error())));
        QCOMPARE((*session)->authMethod(), QStringLiteral("publickey"));
        QCOMPARE((*session)->host(), QStringLiteral("127.0.0.1"));
        QCOMPARE((*session)->port(), static_cast<int>(m_sshd.port()));
        QCOMPARE((*session)->user(), m_sshd.user());
        // The host key was checked under the real name the alias stands for.
        QCOMPARE((*session)->hostKey().knownHostsName(), QStringLiteral("[127.0.0.1]:%1").arg(m_sshd.port()));

        // A passphrase-protected IdentityFile is only usable through the agent or as the chosen key.
        t.host = QStringLiteral("locked");
        auto locked = QCoro::waitFor(SshSession::connect(t));
        QVERIFY(!locked);
        QCOMPARE(locked.error().code, ErrorCode::Permission);
        QVERIFY2(locked.error().userMessage.contains(QLatin1String("keys with a passphrase")),
                 qPrintable(describe(locked.error())));
        t.useAgent = true;
        t.agentSocket = m_sshd.agentSocket();
        auto viaAgent = QCoro::waitFor(SshSession::connect(t));
        QVERIFY2(viaAgent, qPrintable(viaAgent ? QString() : describe(viaAgent.error())));
    }

    void nothingToLogInWith() {
        auto r = QCoro::waitFor(SshSession::connect(target()));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Permission);
        QVERIFY2(r.error().userMessage.contains(QLatin1String("no way to log in")), qPrintable(describe(r.error())));
    }

    void cleanupTestCase() { m_sshd.stop(); }
};

QTEST_GUILESS_MAIN(TestSshAuth)
#include "TestSshAuth.moc"
