// SPDX-License-Identifier: GPL-3.0-or-later
// Deploying as an unprivileged SSH user who may not write the target folder, through `sudo -n`: a
// real sshd whose test user has a NOPASSWD sudoers rule (and a second one without any rule), a real
// nginx reloaded through sudo, real sudo. The files land with the requested owner, group and mode;
// without a rule the deploy stops up front and nothing changes; rollback works through sudo too;
// the remote webroot solver writes into a root-owned webroot the same way.
#include "core/acme/Challenge.h"
#include "core/challenge/RemoteWebrootSolver.h"
#include "core/crypto/Certificate.h"
#include "core/deploy/Deployer.h"
#include "core/monitor/TlsProbe.h"
#include "core/ssh/RemoteCommand.h"
#include "core/ssh/SshSession.h"
#include "tests/support/NginxFixture.h"
#include "tests/support/SshdFixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <sys/stat.h>

using namespace certdeck;
using namespace certdeck::deploy;

namespace {

QString describe(const Error& e) {
    return e.toString() + QStringLiteral(" | ") + e.detail;
}

QString why(const DeployResult& r) {
    QString s = r.steps.join(QStringLiteral("\n  "));
    if (r.error)
        s += QStringLiteral("\nerror: ") + describe(*r.error);
    if (r.rollbackError)
        s += QStringLiteral("\nrollback error: ") + describe(*r.rollbackError);
    return s;
}

template <typename T> QString whyNot(const Result<T>& r) {
    return r ? QString() : describe(r.error());
}

QByteArray readLocal(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeLocal(const QString& path, const QByteArray& data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

/// chattr +i / -i: an immutable file cannot be renamed over, not even by root.
bool setImmutable(const QString& path, bool on) {
    return QProcess::execute(QStringLiteral("chattr"), {on ? QStringLiteral("+i") : QStringLiteral("-i"), path}) == 0;
}

struct Owner {
    int mode = -1;
    uint uid = 0;
    uint gid = 0;
};

Owner ownerOf(const QString& path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return Owner{static_cast<int>(st.st_mode & 07777), st.st_uid, st.st_gid};
}

/// Upload folders the test user left in /tmp (mktemp -d of SudoFiles).
QStringList stagingDirsOf(uint uid) {
    QStringList out;
    const QDir tmp(QStringLiteral("/tmp"));
    for (const QString& name : tmp.entryList({QStringLiteral("certdeck-staging.*")}, QDir::Dirs | QDir::Hidden)) {
        if (ownerOf(tmp.filePath(name)).uid == uid)
            out << name;
    }
    return out;
}

} // namespace

class TestDeploySudo : public QObject {
    Q_OBJECT

    test::SshdFixture m_sshd{[] {
        test::SshdFixture::Options o;
        o.testUser = true;
        o.sudoForTestUser = true;
        return o;
    }()};
    test::SshdFixture m_noSudo{[] {
        test::SshdFixture::Options o;
        o.testUser = true;
        return o;
    }()};
    test::NginxFixture m_nginx{[] {
        test::NginxFixture::Options o;
        o.masterProcess = true;
        return o;
    }()};

    [[nodiscard]] static ssh::SshTarget serverOf(const test::SshdFixture& sshd) {
        ssh::SshTarget t;
        t.host = sshd.host();
        t.port = sshd.port();
        t.user = sshd.testUser();
        t.identityFile = sshd.clientKeyPath();
        t.useAgent = false;
        t.processConfig = false;
        t.knownHostsFile = sshd.workDir() + QStringLiteral("/certdeck_known_hosts");
        return t;
    }

    /// nginx's own certificate files in its root-owned folder, deployed by the unprivileged user.
    [[nodiscard]] DeployTarget nginxTarget(const test::SshdFixture& sshd) const {
        DeployTarget t =
            DeployTarget::fromPreset(DeployPreset::Nginx, serverOf(sshd), m_nginx.prefix() + QStringLiteral("/tls"));
        t.name = QStringLiteral("web1");
        t.files = {DeployFile{FileContent::FullChain, m_nginx.tlsCertPath(), 0644},
                   DeployFile{FileContent::PrivateKey, m_nginx.tlsKeyPath(), 0640}};
        t.owner = QStringLiteral("root");
        t.group = sshd.testUser();
        t.useSudo = true;
        t.configTest = m_nginx.testCommand();
        t.reload = m_nginx.reloadCommand();
        t.verifyHost = QStringLiteral("127.0.0.1");
        t.verifyPort = m_nginx.httpsPort();
        t.verifyServerName = QStringLiteral("example.test");
        return t;
    }

    bool material(DeployMaterial* out) {
        QByteArray certPem;
        QByteArray keyPem;
        QString error;
        if (!m_nginx.issueCertificate({QStringLiteral("example.test")}, &certPem, &keyPem, &error)) {
            qWarning() << error;
            return false;
        }
        auto cert = crypto::Certificate::fromPem(certPem);
        auto key = crypto::PrivateKey::fromPem(keyPem);
        if (!cert || !key)
            return false;
        out->chain = {*cert};
        out->key = *key;
        return true;
    }

    [[nodiscard]] QString served() const {
        monitor::TlsProbe::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = m_nginx.httpsPort();
        o.serverName = QStringLiteral("example.test");
        auto r = monitor::TlsProbe::probeBlocking(o);
        return r ? r->leafSha256Hex : QString();
    }

    Deployer m_deployer{[] {
        Deployer::Options o;
        o.verifyTimeout = std::chrono::seconds(15);
        return o;
    }()};

    DeployResult deploy(const DeployTarget& target, const DeployMaterial& m, Progress& progress) {
        return QCoro::waitFor(m_deployer.deploy(target, m, progress, CancelToken(), nullptr));
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_sshd.start(&error), error);
        CERTDECK_REQUIRE(m_noSudo.start(&error), error);
        CERTDECK_REQUIRE(m_nginx.start(&error), error);
        QVERIFY(QFileInfo::exists(m_sshd.sudoersFile()));
        QVERIFY(m_noSudo.sudoersFile().isEmpty());
        QVERIFY(QCoro::waitFor(ssh::SshSession::trustHostKey(serverOf(m_sshd), m_sshd.hostKeyFingerprint())));
        QVERIFY(QCoro::waitFor(ssh::SshSession::trustHostKey(serverOf(m_noSudo), m_noSudo.hostKeyFingerprint())));
        // The folder is root's, 0755: the test user can read it but not write it.
        const QString tls = m_nginx.prefix() + QStringLiteral("/tls");
        QVERIFY(QFile::setPermissions(tls, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                               QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                               QFileDevice::ExeOther));
        QCOMPARE(ownerOf(tls).uid, 0u);
        QCOMPARE(ownerOf(tls).mode, 0755);
    }

    void deployAsUnprivilegedUserThroughSudo() {
        DeployMaterial m;
        QVERIFY(material(&m));
        const QString before = served();
        QVERIFY(!before.isEmpty());
        const QByteArray oldCert = readLocal(m_nginx.tlsCertPath());
        const Owner oldKey = ownerOf(m_nginx.tlsKeyPath());
        const qint64 nginxPid = m_nginx.pid();

        Progress progress;
        const DeployResult r = deploy(nginxTarget(m_sshd), m, progress);
        QVERIFY2(r.deployed, qPrintable(why(r)));
        QCOMPARE(r.handshakes, 1);
        QCOMPARE(r.servedFingerprint, m.chain.first().sha256FingerprintHex());
        QCOMPARE(served(), m.chain.first().sha256FingerprintHex());
        QCOMPARE(m_nginx.pid(), nginxPid);
        // In place with the requested owner, group and mode.
        QCOMPARE(readLocal(m_nginx.tlsCertPath()), m.chain.first().toPem());
        const Owner cert = ownerOf(m_nginx.tlsCertPath());
        const Owner key = ownerOf(m_nginx.tlsKeyPath());
        QCOMPARE(cert.mode, 0644);
        QCOMPARE(key.mode, 0640);
        QCOMPARE(cert.uid, 0u);
        QCOMPARE(key.uid, 0u);
        QCOMPARE(cert.gid, m_sshd.testUserUid());
        QCOMPARE(key.gid, m_sshd.testUserUid());
        // The previous files kept with their own mode and owner; no temporary file, no upload folder.
        QCOMPARE(readLocal(Deployer::backupPath(m_nginx.tlsCertPath())), oldCert);
        const Owner backup = ownerOf(Deployer::backupPath(m_nginx.tlsKeyPath()));
        QCOMPARE(backup.mode, oldKey.mode);
        QCOMPARE(backup.uid, oldKey.uid);
        const QStringList left = QDir(m_nginx.prefix() + QStringLiteral("/tls"))
                                     .entryList({QStringLiteral("*certdeck-new*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
        QCOMPARE(stagingDirsOf(m_sshd.testUserUid()), QStringList());
    }

    void withoutSudoRuleFailsUpFrontAndChangesNothing() {
        DeployMaterial m;
        QVERIFY(material(&m));
        const QString before = served();
        const QString tls = m_nginx.prefix() + QStringLiteral("/tls");
        const QStringList filesBefore = QDir(tls).entryList(QDir::Files | QDir::Hidden, QDir::Name);
        const QByteArray oldCert = readLocal(m_nginx.tlsCertPath());
        const QByteArray oldKey = readLocal(m_nginx.tlsKeyPath());
        const QDateTime certTime = QFileInfo(m_nginx.tlsCertPath()).lastModified();

        Progress progress;
        const DeployResult r = deploy(nginxTarget(m_noSudo), m, progress);
        QVERIFY2(!r.deployed && r.error, qPrintable(why(r)));
        QCOMPARE(r.error->code, ErrorCode::Permission);
        const QString message = r.error->userMessage;
        QVERIFY2(message.contains(m_noSudo.testUser()) && message.contains(QLatin1String("passwordless sudo")) &&
                     message.contains(QLatin1String("NOPASSWD")) && message.contains(tls),
                 qPrintable(message));
        QVERIFY(r.untouched);
        QVERIFY(!r.rolledBack);
        // Stopped before anything was created or replaced.
        QCOMPARE(QDir(tls).entryList(QDir::Files | QDir::Hidden, QDir::Name), filesBefore);
        QCOMPARE(readLocal(m_nginx.tlsCertPath()), oldCert);
        QCOMPARE(readLocal(m_nginx.tlsKeyPath()), oldKey);
        QCOMPARE(QFileInfo(m_nginx.tlsCertPath()).lastModified(), certTime);
        QCOMPARE(stagingDirsOf(m_noSudo.testUserUid()), QStringList());
        QCOMPARE(served(), before);
        bool onlyTheCheck = true;
        for (const ProgressStep& s : progress.steps())
            onlyTheCheck = onlyTheCheck && !s.id.contains(QLatin1String(":upload:"));
        QVERIFY(onlyTheCheck);
    }

    void reloadFailureRollsBackThroughSudo() {
        // A first deploy, so the files in place are Certdeck's with a known owner.
        DeployMaterial first;
        QVERIFY(material(&first));
        Progress progress;
        const DeployResult ok = deploy(nginxTarget(m_sshd), first, progress);
        QVERIFY2(ok.deployed, qPrintable(why(ok)));
        const QString before = served();
        const QByteArray oldCert = readLocal(m_nginx.tlsCertPath());
        const QByteArray oldKey = readLocal(m_nginx.tlsKeyPath());
        const Owner oldKeyOwner = ownerOf(m_nginx.tlsKeyPath());

        DeployMaterial m;
        QVERIFY(material(&m));
        DeployTarget t = nginxTarget(m_sshd);
        // The worst kind: the reload (as root) does load the new files, then reports failure.
        QStringList quoted;
        for (const QString& arg : m_nginx.reloadCommand())
            quoted << ssh::RemoteCommand::quote(arg);
        t.reload = QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                               quoted.join(QLatin1Char(' ')) + QStringLiteral("; echo reload broke >&2; exit 3")};
        const DeployResult r = deploy(t, m, progress);
        QVERIFY2(!r.deployed && r.error, qPrintable(why(r)));
        QCOMPARE(r.error->code, ErrorCode::Deploy);
        QVERIFY2(r.error->detail.contains(QLatin1String("reload broke")), qPrintable(r.error->detail));
        QVERIFY(r.rolledBack);
        QVERIFY2(r.rollbackVerified, qPrintable(why(r)));
        // (r.rollbackError reports the second reload "failing" too: this reload always says so.)
        // Two reloads in a row: a worker of the first (new certificate) may still take a connection
        // until it handles its QUIT, after the rollback's spaced confirmations passed on a loaded
        // machine. What a user relies on is that the previous certificate is what stays served.
        QTRY_COMPARE_WITH_TIMEOUT(served(), before, 5000);
        QCOMPARE(readLocal(m_nginx.tlsCertPath()), oldCert);
        QCOMPARE(readLocal(m_nginx.tlsKeyPath()), oldKey);
        const Owner key = ownerOf(m_nginx.tlsKeyPath());
        QCOMPARE(key.mode, oldKeyOwner.mode);
        QCOMPARE(key.uid, oldKeyOwner.uid);
        QCOMPARE(key.gid, oldKeyOwner.gid);
        QCOMPARE(stagingDirsOf(m_sshd.testUserUid()), QStringList());
    }

    void configTestFailureIsReportedAndRolledBack() {
        // A first deploy, so the files in place are known.
        DeployMaterial first;
        QVERIFY(material(&first));
        Progress progress;
        const DeployResult ok = deploy(nginxTarget(m_sshd), first, progress);
        QVERIFY2(ok.deployed, qPrintable(why(ok)));
        const QString before = served();
        const QByteArray oldCert = readLocal(m_nginx.tlsCertPath());
        const QByteArray oldKey = readLocal(m_nginx.tlsKeyPath());
        const Owner oldKeyOwner = ownerOf(m_nginx.tlsKeyPath());

        DeployMaterial m;
        QVERIFY(material(&m));
        DeployTarget t = nginxTarget(m_sshd);
        // A config test that says a lot (more than is kept), then why it refused, and fails with 4.
        // Its last word comes back verbatim: it reached the test as an argument, not as shell text.
        const QString word = QStringLiteral("it's \"$(touch /tmp/x)\" `id`; exit 0");
        t.configTest = QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                   QStringLiteral("i=0; while [ $i -lt 300 ]; do echo noise line $i >&2; "
                                                  "i=$((i + 1)); done; echo \"[emerg] refused: $1\" >&2; exit 4"),
                                   QStringLiteral("certdeck-test"), word};
        const DeployResult r = deploy(t, m, progress);
        QVERIFY2(!r.deployed && r.error, qPrintable(why(r)));
        QCOMPARE(r.error->code, ErrorCode::Deploy);
        QVERIFY2(r.error->userMessage.contains(QLatin1String("refused the new files (exit 4)")),
                 qPrintable(r.error->userMessage));
        QVERIFY2(r.error->detail.contains(QStringLiteral("[emerg] refused: ") + word), qPrintable(r.error->detail));
        QVERIFY2(r.error->detail.size() <= 2000, qPrintable(QString::number(r.error->detail.size())));
        QVERIFY(r.rolledBack);
        QVERIFY2(!r.rollbackError, qPrintable(why(r)));
        QVERIFY2(r.rollbackVerified, qPrintable(why(r)));
        // The reload never ran; the previous files are back with their owner; nothing left over.
        QVERIFY(!r.steps.join(QLatin1Char('\n')).contains(QLatin1String("Reloaded with")));
        QCOMPARE(served(), before);
        QCOMPARE(readLocal(m_nginx.tlsCertPath()), oldCert);
        QCOMPARE(readLocal(m_nginx.tlsKeyPath()), oldKey);
        const Owner key = ownerOf(m_nginx.tlsKeyPath());
        QCOMPARE(key.mode, oldKeyOwner.mode);
        QCOMPARE(key.uid, oldKeyOwner.uid);
        QCOMPARE(key.gid, oldKeyOwner.gid);
        const QStringList left = QDir(m_nginx.prefix() + QStringLiteral("/tls"))
                                     .entryList({QStringLiteral("*certdeck-new*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
        QCOMPARE(stagingDirsOf(m_sshd.testUserUid()), QStringList());
    }

    void hostileNamesThroughSudoRunNothing() {
        const QString marker = QStringLiteral("/tmp/pwned-certdeck-sudo-%1").arg(QCoreApplication::applicationPid());
        QFile::remove(marker);
        const QString dir =
            m_sshd.workDir() + QStringLiteral("/root's \"dir\" $(touch %1) `touch %1`; touch %1 &").arg(marker);
        QVERIFY(QDir().mkpath(dir));
        DeployMaterial m;
        QVERIFY(material(&m));
        DeployTarget t = DeployTarget::fromPreset(DeployPreset::Generic, serverOf(m_sshd), dir);
        t.useSudo = true;
        t.reload = {QStringLiteral("echo"), QStringLiteral("$(touch %1)").arg(marker),
                    QStringLiteral("; touch %1").arg(marker)};
        Progress progress;
        const DeployResult r = deploy(t, m, progress);
        QVERIFY2(r.deployed, qPrintable(why(r)));
        QCOMPARE(readLocal(dir + QStringLiteral("/cert.pem")), m.chain.first().toPem());
        // New files without an owner given: root's, as install(1) run by root makes them.
        QCOMPARE(ownerOf(dir + QStringLiteral("/privkey.pem")).mode, 0600);
        QCOMPARE(ownerOf(dir + QStringLiteral("/privkey.pem")).uid, 0u);
        QVERIFY2(!QFile::exists(marker), "a hostile path or argument ran a command");
    }

    void renameFailureMidBatchRollsBackExactly() {
        // A first deploy, so the files in place are known.
        DeployMaterial first;
        QVERIFY(material(&first));
        Progress progress;
        const DeployResult ok = deploy(nginxTarget(m_sshd), first, progress);
        QVERIFY2(ok.deployed, qPrintable(why(ok)));
        const QString before = served();
        const QByteArray oldCert = readLocal(m_nginx.tlsCertPath());
        const QByteArray oldKey = readLocal(m_nginx.tlsKeyPath());
        const Owner oldKeyOwner = ownerOf(m_nginx.tlsKeyPath());

        // Four files renamed in this order: a new one, the two in place, and an immutable one
        // (chattr +i: every check passes, its new copy and backup are written beside it, but even
        // root cannot rename over it), so the last rename of the batch fails after three succeeded.
        const QString tls = m_nginx.prefix() + QStringLiteral("/tls");
        const QString added = tls + QStringLiteral("/added chain.pem");
        const QString blocked = tls + QStringLiteral("/blocked.pem");
        QFile::remove(added);
        QFile::remove(blocked);
        QVERIFY(writeLocal(blocked, "in the way\n"));
        QVERIFY2(setImmutable(blocked, true), "chattr +i failed: the test needs a file system with immutable files");
        DeployTarget t = nginxTarget(m_sshd);
        t.files.prepend(DeployFile{FileContent::Chain, added, 0644});
        t.files.append(DeployFile{FileContent::FullChain, blocked, 0644});
        DeployMaterial m;
        QVERIFY(material(&m));
        const DeployResult r = deploy(t, m, progress);
        QVERIFY(setImmutable(blocked, false));
        QVERIFY2(!r.deployed && r.error, qPrintable(why(r)));
        QVERIFY2(r.error->toString().contains(blocked), qPrintable(why(r)));
        QVERIFY(!r.untouched);
        QVERIFY(r.rolledBack);
        QVERIFY2(!r.rollbackError, qPrintable(why(r)));
        // Exactly what was changed is undone: the replaced files are back with their owner, the
        // new file that had no previous version is gone, the file in the way is unchanged.
        QCOMPARE(readLocal(m_nginx.tlsCertPath()), oldCert);
        QCOMPARE(readLocal(m_nginx.tlsKeyPath()), oldKey);
        const Owner key = ownerOf(m_nginx.tlsKeyPath());
        QCOMPARE(key.mode, oldKeyOwner.mode);
        QCOMPARE(key.uid, oldKeyOwner.uid);
        QCOMPARE(key.gid, oldKeyOwner.gid);
        QVERIFY(!QFileInfo::exists(added));
        QCOMPARE(readLocal(blocked), QByteArray("in the way\n"));
        const QStringList left =
            QDir(tls).entryList({QStringLiteral("*certdeck-new*")}, QDir::Files | QDir::Dirs | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
        QCOMPARE(stagingDirsOf(m_sshd.testUserUid()), QStringList());
        QCOMPARE(served(), before);
        QVERIFY(QFile::remove(blocked));
        QFile::remove(Deployer::backupPath(blocked));
        QFile::remove(Deployer::backupPath(added));
    }

    void checksRefuseBeforeAnythingIsWritten() {
        // The second file's name is a folder: the batch's checks stop it before any file is
        // written, so not even a temporary file or a backup appears.
        DeployMaterial m;
        QVERIFY(material(&m));
        const QString tls = m_nginx.prefix() + QStringLiteral("/tls");
        const QString folder = tls + QStringLiteral("/a folder.pem");
        QVERIFY(QDir().mkpath(folder));
        const QStringList filesBefore = QDir(tls).entryList(QDir::Files | QDir::Hidden, QDir::Name);
        const QByteArray oldCert = readLocal(m_nginx.tlsCertPath());
        DeployTarget t = nginxTarget(m_sshd);
        t.files.append(DeployFile{FileContent::Chain, folder, 0644});
        Progress progress;
        const DeployResult r = deploy(t, m, progress);
        QVERIFY2(!r.deployed && r.error, qPrintable(why(r)));
        QCOMPARE(r.error->code, ErrorCode::InvalidInput);
        QVERIFY2(r.error->userMessage.contains(folder) && r.error->userMessage.contains(QLatin1String("regular file")),
                 qPrintable(why(r)));
        QVERIFY(r.untouched);
        QVERIFY(!r.rolledBack);
        QCOMPARE(QDir(tls).entryList(QDir::Files | QDir::Hidden, QDir::Name), filesBefore);
        QCOMPARE(readLocal(m_nginx.tlsCertPath()), oldCert);
        QVERIFY(QDir(folder).removeRecursively());
    }

    void failedInstallLeavesServerUntouched() {
        // The staged copy of the second file cannot be written (its name is taken by a non-empty
        // folder): the batch stops before any backup or rename; only temporary files are removed.
        DeployMaterial m;
        QVERIFY(material(&m));
        const QString tls = m_nginx.prefix() + QStringLiteral("/tls");
        const QStringList filesBefore = QDir(tls).entryList(QDir::Files | QDir::Hidden, QDir::Name);
        const QByteArray oldCert = readLocal(m_nginx.tlsCertPath());
        const QString before = served();
        const QString stagedKey = Deployer::stagingPath(m_nginx.tlsKeyPath());
        QVERIFY(QDir().mkpath(stagedKey + QStringLiteral("/inside")));
        Progress progress;
        const DeployResult r = deploy(nginxTarget(m_sshd), m, progress);
        QVERIFY2(!r.deployed && r.error, qPrintable(why(r)));
        QVERIFY2(r.error->toString().contains(stagedKey), qPrintable(why(r)));
        QVERIFY(r.untouched);
        QVERIFY(!r.rolledBack);
        QCOMPARE(readLocal(m_nginx.tlsCertPath()), oldCert);
        QCOMPARE(served(), before);
        // The first file's staged copy is gone; the folder in the way is not Certdeck's to remove.
        QCOMPARE(QDir(tls).entryList(QDir::Files | QDir::Hidden, QDir::Name), filesBefore);
        QVERIFY(QFileInfo(stagedKey + QStringLiteral("/inside")).isDir());
        QCOMPARE(stagingDirsOf(m_sshd.testUserUid()), QStringList());
        QVERIFY(QDir(stagedKey).removeRecursively());
    }

    void remoteWebrootThroughSudo() {
        // A root-owned webroot the test user cannot write.
        const QString webroot = m_sshd.workDir() + QStringLiteral("/www root");
        QVERIFY(QDir().mkpath(webroot));
        QVERIFY(QFile::setPermissions(
            webroot, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                         QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther));
        auto session = QCoro::waitFor(ssh::SshSession::connect(serverOf(m_sshd)));
        QVERIFY2(session, qPrintable(whyNot(session)));
        challenge::RemoteWebrootSolver::Options o;
        o.webroot = webroot;
        o.selfCheck = false;
        o.useSudo = true;
        challenge::RemoteWebrootSolver solver(*session, o);
        acme::ChallengeTask task;
        task.identifier = *acme::Identifier::parse(QStringLiteral("example.test"));
        task.type = QStringLiteral("http-01");
        task.token = QStringLiteral("sudo_token-aaaaaaaaaaaaaaaaaaaa");
        task.keyAuthorization = task.token.toLatin1() + ".thumbprint";
        Progress progress;
        auto presented = QCoro::waitFor(solver.present(task, progress, CancelToken()));
        QVERIFY2(presented, qPrintable(whyNot(presented)));
        const QString path = solver.tokenPath(task.token);
        QCOMPARE(readLocal(path), task.keyAuthorization);
        QCOMPARE(ownerOf(path).mode, 0644);
        QCOMPARE(ownerOf(path).uid, 0u);
        QCOMPARE(ownerOf(webroot + QStringLiteral("/.well-known/acme-challenge")).mode, 0755);
        QCOMPARE(stagingDirsOf(m_sshd.testUserUid()), QStringList());
        auto cleaned = QCoro::waitFor(solver.cleanUp(task));
        QVERIFY2(cleaned, qPrintable(whyNot(cleaned)));
        QVERIFY(!QFile::exists(path));
        QVERIFY(QFileInfo::exists(webroot + QStringLiteral("/.well-known/acme-challenge")));

        // Without a sudo rule: the same clear refusal, nothing written.
        auto plain = QCoro::waitFor(ssh::SshSession::connect(serverOf(m_noSudo)));
        QVERIFY2(plain, qPrintable(whyNot(plain)));
        const QString other = m_noSudo.workDir() + QStringLiteral("/www");
        QVERIFY(QDir().mkpath(other));
        o.webroot = other;
        challenge::RemoteWebrootSolver refused(*plain, o);
        auto denied = QCoro::waitFor(refused.present(task, progress, CancelToken()));
        QVERIFY(!denied);
        QCOMPARE(denied.error().code, ErrorCode::Permission);
        QVERIFY2(denied.error().userMessage.contains(QLatin1String("passwordless sudo")),
                 qPrintable(denied.error().userMessage));
        QVERIFY(!QFileInfo::exists(other + QStringLiteral("/.well-known")));
        QCoro::waitFor((*session)->disconnect());
        QCoro::waitFor((*plain)->disconnect());
    }

    void staleSudoRuleOfACrashedRunIsRemoved() {
        // A rule named after a process that is gone, as a crashed test run leaves it.
        QProcess gone;
        gone.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("echo $$")});
        QVERIFY(gone.waitForFinished());
        const qint64 pid = gone.readAllStandardOutput().trimmed().toLongLong();
        QVERIFY(pid > 0);
        const QString stale = QStringLiteral("/etc/sudoers.d/certdeck-fixture-%1-1").arg(pid);
        QFile f(stale);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("%certdeck-sudo ALL=(ALL:ALL) NOPASSWD: ALL\n");
        f.close();
        QFile::setPermissions(stale, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
        test::SshdFixture::Options o;
        o.testUser = true;
        o.sudoForTestUser = true;
        test::SshdFixture another(o);
        QString error;
        CERTDECK_REQUIRE(another.start(&error), error);
        QVERIFY(!QFileInfo::exists(stale));
        QVERIFY(QFileInfo::exists(another.sudoersFile()));
        QVERIFY(QFileInfo::exists(m_sshd.sudoersFile())); // a live fixture's rule stays
    }

    void sudoRuleIsRemovedWithTheFixture() {
        const QString file = m_sshd.sudoersFile();
        QVERIFY(QFileInfo::exists(file));
        m_sshd.stop();
        QVERIFY(!QFileInfo::exists(file));
    }
};

QTEST_GUILESS_MAIN(TestDeploySudo)
#include "TestDeploySudo.moc"
