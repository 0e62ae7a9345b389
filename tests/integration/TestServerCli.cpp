// SPDX-License-Identifier: GPL-3.0-or-later
// `certdeck-cli server` works on the store's servers, the same rows and keychain entries as the
// desktop app's Servers screen, against a real sshd and a private Secret Service:
// - a server stored the way the app stores it (ServerRepository + its password in Secrets under
//   server/NAME) is trusted and tested by the CLI, which logs in with that password;
// - `server add --password-stdin` puts the key passphrase in the keychain, never in the database
//   file; `trust` records the confirmed fingerprint in <data>/known_hosts and on the server's row;
//   `test` logs in with the passphrase; `remove` drops the row and the keychain entry;
// - `server add --auth password --password-stdin` logs in with that password; changing the server to
//   the agent keeps its confirmed key and drops the password from the keychain;
// - an old <data>/servers.json is imported once (its trust kept) and never written.
#include "app/cli/Cli.h"
#include "core/ssh/SshSession.h"
#include "core/store/Store.h"
#include "core/workflow/LineageDeployment.h"
#include "tests/support/CliRun.h"
#include "tests/support/KeyringFixture.h"
#include "tests/support/SshdFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace certdeck;

namespace {

using Run = test::CliRun;
using test::runCli;

/// Points this process's standard input at `path` while it lives (the CLI runs in-process and reads
/// --password-stdin from file descriptor 0, as it would from a pipe).
class StdinFrom {
public:
    explicit StdinFrom(const QString& path)
        : m_saved(::dup(STDIN_FILENO)) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
        if (fd >= 0) {
            ::dup2(fd, STDIN_FILENO);
            ::close(fd);
        }
    }
    ~StdinFrom() {
        ::dup2(m_saved, STDIN_FILENO);
        ::close(m_saved);
    }
    StdinFrom(const StdinFrom&) = delete;
    StdinFrom& operator=(const StdinFrom&) = delete;

private:
    int m_saved;
};

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& content) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : r.error().toString() + QStringLiteral(" | ") + r.error().detail;
}

/// The database files (certdeck.sqlite and its -wal/-shm) contain `secret` nowhere.
bool databaseFree(const QString& dataDir, const QByteArray& secret, QString* where) {
    const QStringList files = QDir(dataDir).entryList({QStringLiteral("certdeck.sqlite*")}, QDir::Files);
    if (files.isEmpty()) {
        *where = QStringLiteral("no database file");
        return false;
    }
    for (const QString& f : files) {
        if (readAll(QDir(dataDir).filePath(f)).contains(secret)) {
            *where = f;
            return false;
        }
    }
    return true;
}

} // namespace

class TestServerCli : public QObject {
    Q_OBJECT

    test::KeyringFixture m_keyring;
    test::SshdFixture m_sshd{[] {
        test::SshdFixture::Options o;
        o.testUser = true;
        return o;
    }()};

private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_keyring.start(&error), error);
        CERTDECK_REQUIRE(m_sshd.start(&error), error);
    }

    void guiStoredServerWorksInTheCli() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        {
            // As ui::ServersPage saves a password server: the secret to the keychain, then the row.
            auto opened = store::Store::open(data);
            QVERIFY2(opened, qPrintable(why(opened)));
            store::Store& st = **opened;
            QCOMPARE(st.secrets().backend(), store::Secrets::Backend::Keychain);
            store::ServerRecord r;
            r.name = QStringLiteral("gui1");
            r.host = m_sshd.host();
            r.port = m_sshd.port();
            r.userName = m_sshd.testUser();
            r.authMethod = QStringLiteral("password");
            r.useAgent = false;
            r.sshConfig = false;
            const store::Secrets secrets = st.secrets();
            const SecureBytes password(m_sshd.testUserPassword());
            const Status written = QCoro::waitFor(secrets.write(r.secretKey(), password));
            QVERIFY2(written, qPrintable(why(written)));
            QVERIFY(st.servers().save(r));
        }

        Run listed = runCli(data, {QStringLiteral("--json"), QStringLiteral("server"), QStringLiteral("list")});
        QCOMPARE(listed.code, 0);
        const QJsonArray servers = listed.json().value(QStringLiteral("servers")).toArray();
        QCOMPARE(servers.size(), 1);
        QCOMPARE(servers.first().toObject().value(QStringLiteral("auth")).toString(), QStringLiteral("password"));

        // Not trusted yet: test refuses before any login is tried.
        const int authBefore = m_sshd.authRequestCount();
        Run untrusted = runCli(data, {QStringLiteral("server"), QStringLiteral("test"), QStringLiteral("gui1")});
        QVERIFY(untrusted.code != 0);
        QCOMPARE(m_sshd.authRequestCount(), authBefore);

        Run trust = runCli(data, {QStringLiteral("server"), QStringLiteral("trust"), QStringLiteral("gui1"),
                                  QStringLiteral("--fingerprint"), m_sshd.hostKeyFingerprint()});
        QVERIFY2(trust.code == 0, qPrintable(trust.err));
        // The password came from the keychain entry the app wrote.
        Run tested = runCli(
            data, {QStringLiteral("--json"), QStringLiteral("server"), QStringLiteral("test"), QStringLiteral("gui1")});
        QVERIFY2(tested.code == 0, qPrintable(tested.out + tested.err));
        QCOMPARE(tested.json().value(QStringLiteral("user")).toString(), m_sshd.testUser());
        QCOMPARE(tested.json().value(QStringLiteral("hostKey")).toString(), m_sshd.hostKeyFingerprint());

        // What the app's Servers screen reads back: the confirmed key on the row.
        auto reopened = store::Store::open(data);
        QVERIFY2(reopened, qPrintable(why(reopened)));
        auto row = (*reopened)->servers().byName(QStringLiteral("gui1"));
        QVERIFY2(row, qPrintable(why(row)));
        QCOMPARE(row->hostKeyFingerprint, m_sshd.hostKeyFingerprint());
        QVERIFY(!QFile::exists(QDir(data).filePath(QStringLiteral("servers.json"))));
    }

    void addTrustTestRemoveThroughTheCli() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QStringList add{QStringLiteral("server"),
                              QStringLiteral("add"),
                              QStringLiteral("cli1"),
                              QStringLiteral("--host"),
                              m_sshd.host(),
                              QStringLiteral("--port"),
                              QString::number(m_sshd.port()),
                              QStringLiteral("--user"),
                              m_sshd.user(),
                              QStringLiteral("--identity"),
                              m_sshd.passphraseKeyPath(),
                              QStringLiteral("--no-agent"),
                              QStringLiteral("--no-ssh-config")};
        {
            // No passphrase on stdin and no terminal: a password login cannot be added without one.
            StdinFrom nothing(QStringLiteral("/dev/null"));
            Run noPassword = runCli(data, {QStringLiteral("server"), QStringLiteral("add"), QStringLiteral("pw"),
                                           QStringLiteral("--host"), m_sshd.host(), QStringLiteral("--auth"),
                                           QStringLiteral("password")});
            QCOMPARE(noPassword.code, 2);
            QVERIFY2(noPassword.err.contains(QLatin1String("--password-stdin")), qPrintable(noPassword.err));
        }
        const QString secretFile = dir.filePath(QStringLiteral("passphrase"));
        QVERIFY(writeFile(secretFile, m_sshd.passphrase() + "\n"));
        {
            StdinFrom input(secretFile);
            Run added = runCli(data, add + QStringList{QStringLiteral("--password-stdin")});
            QVERIFY2(added.code == 0, qPrintable(added.err));
            QVERIFY(added.out.contains(QLatin1String("keychain")));
        }
        // Adding the same name again is refused (the app refuses it too).
        Run again = runCli(data, add);
        QCOMPARE(again.code, 2);

        Run shown = runCli(data, {QStringLiteral("server"), QStringLiteral("trust"), QStringLiteral("cli1")});
        QCOMPARE(shown.code, 0);
        QVERIFY2(shown.out.contains(m_sshd.hostKeyFingerprint()), qPrintable(shown.out));
        QVERIFY(shown.out.contains(QLatin1String("unknown")));
        Run wrong = runCli(data, {QStringLiteral("server"), QStringLiteral("trust"), QStringLiteral("cli1"),
                                  QStringLiteral("--fingerprint"),
                                  QStringLiteral("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")});
        QVERIFY(wrong.code != 0);
        Run trust = runCli(data, {QStringLiteral("server"), QStringLiteral("trust"), QStringLiteral("cli1"),
                                  QStringLiteral("--fingerprint"), m_sshd.hostKeyFingerprint()});
        QVERIFY2(trust.code == 0, qPrintable(trust.err));
        QVERIFY(readAll(QDir(data).filePath(QStringLiteral("known_hosts"))).contains("ssh-ed25519"));

        {
            auto opened = store::Store::open(data);
            QVERIFY2(opened, qPrintable(why(opened)));
            auto row = (*opened)->servers().byName(QStringLiteral("cli1"));
            QVERIFY2(row, qPrintable(why(row)));
            QCOMPARE(row->hostKeyFingerprint, m_sshd.hostKeyFingerprint());
            QCOMPARE(row->authMethod, QStringLiteral("key"));
            QCOMPARE(row->identityFile, m_sshd.passphraseKeyPath());
            QVERIFY(!row->useAgent);
            QVERIFY(!row->sshConfig);
            // The passphrase is in the keychain under the key the app uses, and it is what the login needs.
            const store::Secrets secrets = (*opened)->secrets();
            const QString key = row->secretKey();
            QCOMPARE(key, QStringLiteral("server/cli1"));
            auto secret = QCoro::waitFor(secrets.read(key));
            QVERIFY2(secret, qPrintable(why(secret)));
            QCOMPARE(secret->bytes(), m_sshd.passphrase());
        }

        // The login needs the passphrase, which only the keychain has (no agent, no prompt).
        Run tested = runCli(
            data, {QStringLiteral("--json"), QStringLiteral("server"), QStringLiteral("test"), QStringLiteral("cli1")});
        QVERIFY2(tested.code == 0, qPrintable(tested.out + tested.err));
        QVERIFY(tested.json().value(QStringLiteral("commands")).toBool());

        QString where;
        QVERIFY2(databaseFree(data, m_sshd.passphrase(), &where), qPrintable(where));
        QVERIFY(!QFile::exists(QDir(data).filePath(QStringLiteral("servers.json"))));

        Run removed = runCli(data, {QStringLiteral("server"), QStringLiteral("remove"), QStringLiteral("cli1")});
        QVERIFY2(removed.code == 0, qPrintable(removed.err));
        auto opened = store::Store::open(data);
        QVERIFY2(opened, qPrintable(why(opened)));
        QCOMPARE((*opened)->servers().byName(QStringLiteral("cli1")).error().code, ErrorCode::NotFound);
        const store::Secrets secrets = (*opened)->secrets();
        const QString key = QStringLiteral("server/cli1");
        auto gone = QCoro::waitFor(secrets.read(key));
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
    }

    void passwordFromStdinLogsInAndGoesWithAnAuthChange() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString secretFile = dir.filePath(QStringLiteral("password"));
        QVERIFY(writeFile(secretFile, m_sshd.testUserPassword()));
        const QStringList where{QStringLiteral("--host"),         m_sshd.host(),
                                QStringLiteral("--port"),         QString::number(m_sshd.port()),
                                QStringLiteral("--user"),         m_sshd.testUser(),
                                QStringLiteral("--no-ssh-config")};
        {
            StdinFrom input(secretFile);
            Run added = runCli(data, QStringList{QStringLiteral("server"), QStringLiteral("add"), QStringLiteral("pw1"),
                                                 QStringLiteral("--auth"), QStringLiteral("password"),
                                                 QStringLiteral("--password-stdin")} +
                                         where);
            QVERIFY2(added.code == 0, qPrintable(added.err));
        }
        Run trust = runCli(data, {QStringLiteral("server"), QStringLiteral("trust"), QStringLiteral("pw1"),
                                  QStringLiteral("--fingerprint"), m_sshd.hostKeyFingerprint()});
        QVERIFY2(trust.code == 0, qPrintable(trust.err));
        Run tested = runCli(
            data, {QStringLiteral("--json"), QStringLiteral("server"), QStringLiteral("test"), QStringLiteral("pw1")});
        QVERIFY2(tested.code == 0, qPrintable(tested.out + tested.err));
        QCOMPARE(tested.json().value(QStringLiteral("auth")).toString(), QStringLiteral("password"));
        QString found;
        QVERIFY2(databaseFree(data, m_sshd.testUserPassword(), &found), qPrintable(found));

        // Switched to the agent, the server keeps its confirmed key (same address) and its password
        // leaves the keychain.
        Run changed =
            runCli(data, QStringList{QStringLiteral("server"), QStringLiteral("add"), QStringLiteral("pw1"),
                                     QStringLiteral("--auth"), QStringLiteral("agent"), QStringLiteral("--replace")} +
                             where);
        QVERIFY2(changed.code == 0, qPrintable(changed.err));
        auto opened = store::Store::open(data);
        QVERIFY2(opened, qPrintable(why(opened)));
        auto row = (*opened)->servers().byName(QStringLiteral("pw1"));
        QVERIFY2(row, qPrintable(why(row)));
        QCOMPARE(row->authMethod, QStringLiteral("agent"));
        QCOMPARE(row->hostKeyFingerprint, m_sshd.hostKeyFingerprint());
        const store::Secrets secrets = (*opened)->secrets();
        const QString key = row->secretKey();
        auto gone = QCoro::waitFor(secrets.read(key));
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
    }

    void serversJsonIsImportedOnce() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        // What an earlier certdeck-cli left: servers.json, and the key it trusted in known_hosts.
        const QJsonObject old{
            {QStringLiteral("host"), m_sshd.host()}, {QStringLiteral("port"), m_sshd.port()},
            {QStringLiteral("user"), m_sshd.user()}, {QStringLiteral("identityFile"), m_sshd.clientKeyPath()},
            {QStringLiteral("useAgent"), false},     {QStringLiteral("sshConfig"), false}};
        const QJsonObject root{{QStringLiteral("servers"), QJsonObject{{QStringLiteral("old1"), old}}},
                               {QStringLiteral("targets"),
                                QJsonObject{{QStringLiteral("old1-nginx"),
                                             QJsonObject{{QStringLiteral("server"), QStringLiteral("old1")},
                                                         {QStringLiteral("preset"), QStringLiteral("nginx")},
                                                         {QStringLiteral("directory"), QStringLiteral("/tmp/x")}}}}}};
        const QString serversJson = QDir(data).filePath(QStringLiteral("servers.json"));
        const QByteArray original = QJsonDocument(root).toJson();
        QVERIFY(writeFile(serversJson, original));
        store::ServerRecord legacy;
        legacy.host = m_sshd.host();
        legacy.port = m_sshd.port();
        legacy.sshConfig = false;
        const ssh::SshTarget legacyTarget = workflow::sshTargetFor(legacy, data);
        const QString fp = m_sshd.hostKeyFingerprint();
        auto trusted = QCoro::waitFor(ssh::SshSession::trustHostKey(legacyTarget, fp));
        QVERIFY2(trusted, qPrintable(why(trusted)));

        Run first = runCli(data, {QStringLiteral("--json"), QStringLiteral("server"), QStringLiteral("list")});
        QCOMPARE(first.code, 0);
        QVERIFY2(first.err.contains(QLatin1String("Imported 1 server (old1)")), qPrintable(first.err));
        QVERIFY2(first.err.contains(QLatin1String("--to TARGET")), qPrintable(first.err));
        const QJsonArray listed = first.json().value(QStringLiteral("servers")).toArray();
        QCOMPARE(listed.size(), 1);
        const QJsonObject s = listed.first().toObject();
        QCOMPARE(s.value(QStringLiteral("name")).toString(), QStringLiteral("old1"));
        QCOMPARE(s.value(QStringLiteral("auth")).toString(), QStringLiteral("key"));
        QCOMPARE(s.value(QStringLiteral("identityFile")).toString(), m_sshd.clientKeyPath());

        // The trust it had carries over; the first test notes the key on the row.
        Run tested = runCli(data, {QStringLiteral("server"), QStringLiteral("test"), QStringLiteral("old1")});
        QVERIFY2(tested.code == 0, qPrintable(tested.out + tested.err));
        QVERIFY2(!tested.err.contains(QLatin1String("Imported")), qPrintable(tested.err));
        {
            auto opened = store::Store::open(data);
            QVERIFY2(opened, qPrintable(why(opened)));
            auto row = (*opened)->servers().byName(QStringLiteral("old1"));
            QVERIFY2(row, qPrintable(why(row)));
            QCOMPARE(row->hostKeyFingerprint, m_sshd.hostKeyFingerprint());
        }

        // Removed from the store, it stays removed: the import ran once.
        Run removed = runCli(data, {QStringLiteral("server"), QStringLiteral("remove"), QStringLiteral("old1")});
        QVERIFY2(removed.code == 0, qPrintable(removed.err));
        Run after = runCli(data, {QStringLiteral("--json"), QStringLiteral("server"), QStringLiteral("list")});
        QCOMPARE(after.code, 0);
        QVERIFY(after.json().value(QStringLiteral("servers")).toArray().isEmpty());
        QVERIFY(!after.err.contains(QLatin1String("Imported")));
        // And the old file was never written.
        QCOMPARE(readAll(serversJson), original);
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "TestServerCli.moc"
