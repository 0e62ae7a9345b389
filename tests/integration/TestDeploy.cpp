// SPDX-License-Identifier: GPL-3.0-or-later
// Deployment over SSH to a real nginx (master process, reloaded with `nginx -s reload` over SSH) on a
// real sshd. Both run on this machine, so the test checks the server's files directly and what nginx
// serves through TLS handshakes: verify, rollback on a failing reload or config test, permissions,
// hostile paths and commands, a connection dropped mid-upload, many servers at once.
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

QByteArray readLocal(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int modeOf(const QString& path) {
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? static_cast<int>(st.st_mode & 07777) : -1;
}

} // namespace

class TestDeploy : public QObject {
    Q_OBJECT

    test::SshdFixture m_sshd{test::SshdFixture::Options{true, false}};
    test::NginxFixture m_nginx{[] {
        test::NginxFixture::Options o;
        o.masterProcess = true;
        return o;
    }()};

    [[nodiscard]] ssh::SshTarget server(const QString& user = {}) const {
        ssh::SshTarget t;
        t.host = m_sshd.host();
        t.port = m_sshd.port();
        t.user = user.isEmpty() ? m_sshd.user() : user;
        t.identityFile = m_sshd.clientKeyPath();
        t.useAgent = false;
        t.processConfig = false;
        t.knownHostsFile = m_sshd.workDir() + QStringLiteral("/certdeck_known_hosts");
        return t;
    }

    /// The fixture's own certificate files, its `nginx -t` and a real reload, verified on its TLS port.
    [[nodiscard]] DeployTarget nginxTarget() const {
        DeployTarget t =
            DeployTarget::fromPreset(DeployPreset::Nginx, server(), m_nginx.prefix() + QStringLiteral("/tls"));
        t.name = QStringLiteral("web1");
        t.files = {DeployFile{FileContent::FullChain, m_nginx.tlsCertPath(), 0644},
                   DeployFile{FileContent::PrivateKey, m_nginx.tlsKeyPath(), 0600}};
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
        CERTDECK_REQUIRE(m_nginx.start(&error), error);
        QVERIFY(QCoro::waitFor(ssh::SshSession::trustHostKey(server(), m_sshd.hostKeyFingerprint())));
    }

    void deployWithVerify() {
        DeployMaterial m;
        QVERIFY(material(&m));
        const QString before = served();
        QVERIFY(!before.isEmpty());
        const QByteArray oldCert = readLocal(m_nginx.tlsCertPath());
        const qint64 nginxPid = m_nginx.pid();
        const quint64 handshakes = ssh::SshSession::handshakeCount();

        Progress progress;
        const DeployResult r = deploy(nginxTarget(), m, progress);
        QVERIFY2(r.deployed, qPrintable(why(r)));
        QVERIFY(!r.error);
        QCOMPARE(r.previousFingerprint, before);
        QCOMPARE(r.servedFingerprint, m.chain.first().sha256FingerprintHex());
        QCOMPARE(served(), m.chain.first().sha256FingerprintHex());
        // One SSH handshake for the whole job, and nginx reloaded rather than restarted.
        QCOMPARE(r.handshakes, 1);
        QCOMPARE(ssh::SshSession::handshakeCount() - handshakes, quint64(1));
        QCOMPARE(m_nginx.pid(), nginxPid);
        // Files in place with their modes, the previous ones kept, no temporary files left.
        QCOMPARE(readLocal(m_nginx.tlsCertPath()), m.chain.first().toPem());
        QCOMPARE(modeOf(m_nginx.tlsKeyPath()), 0600);
        QCOMPARE(modeOf(m_nginx.tlsCertPath()), 0644);
        QCOMPARE(readLocal(Deployer::backupPath(m_nginx.tlsCertPath())), oldCert);
        QCOMPARE(modeOf(Deployer::backupPath(m_nginx.tlsKeyPath())), 0600);
        const QStringList left = QDir(m_nginx.prefix() + QStringLiteral("/tls"))
                                     .entryList({QStringLiteral("*certdeck-new*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }

    void reloadFailureRollsBackAndServesTheOldCertificate() {
        DeployMaterial m;
        QVERIFY(material(&m));
        const QString before = served();
        const QByteArray oldCert = readLocal(m_nginx.tlsCertPath());
        const QByteArray oldKey = readLocal(m_nginx.tlsKeyPath());
        DeployTarget t = nginxTarget();
        // The worst kind: the reload does load the new files, then reports failure.
        QStringList quoted;
        for (const QString& arg : m_nginx.reloadCommand())
            quoted << ssh::RemoteCommand::quote(arg);
        t.reload = QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                               quoted.join(QLatin1Char(' ')) + QStringLiteral("; echo reload broke >&2; exit 3")};
        Progress progress;
        const DeployResult r = deploy(t, m, progress);
        QVERIFY2(!r.deployed && r.error, qPrintable(why(r)));
        QCOMPARE(r.error->code, ErrorCode::Deploy);
        QVERIFY2(r.error->userMessage.contains(QLatin1String("reload")), qPrintable(r.error->userMessage));
        QVERIFY2(r.error->detail.contains(QLatin1String("reload broke")), qPrintable(r.error->detail));
        QVERIFY(r.rolledBack);
        QVERIFY2(r.rollbackVerified, qPrintable(why(r)));
        // Two reloads in a row: a worker of the first (new certificate) may still take a connection
        // until it handles its QUIT, after the rollback's spaced confirmations passed on a loaded
        // machine. What a user relies on is that the previous certificate is what stays served.
        QTRY_COMPARE_WITH_TIMEOUT(served(), before, 5000);
        QCOMPARE(readLocal(m_nginx.tlsCertPath()), oldCert);
        QCOMPARE(readLocal(m_nginx.tlsKeyPath()), oldKey);
        QCOMPARE(modeOf(m_nginx.tlsKeyPath()), 0600);
    }

    void configTestFailureRollsBack() {
        DeployMaterial m;
        QVERIFY(material(&m));
        const QString before = served();
        const QByteArray oldCert = readLocal(m_nginx.tlsCertPath());
        DeployTarget t = nginxTarget();
        t.configTest = QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                   QStringLiteral("echo 'emerg: cannot load certificate' >&2; exit 1")};
        Progress progress;
        const DeployResult r = deploy(t, m, progress);
        QVERIFY2(!r.deployed && r.error && r.rolledBack, qPrintable(why(r)));
        QVERIFY2(r.error->detail.contains(QLatin1String("cannot load certificate")), qPrintable(why(r)));
        QVERIFY(r.rollbackVerified);
        QCOMPARE(readLocal(m_nginx.tlsCertPath()), oldCert);
        QCOMPARE(served(), before);
    }

    void mismatchedKeyIsRefusedBeforeConnecting() {
        DeployMaterial a;
        DeployMaterial b;
        QVERIFY(material(&a));
        QVERIFY(material(&b));
        a.key = b.key;
        const quint64 handshakes = ssh::SshSession::handshakeCount();
        Progress progress;
        const DeployResult r = deploy(nginxTarget(), a, progress);
        QVERIFY(!r.deployed && r.error);
        QCOMPARE(r.error->code, ErrorCode::InvalidInput);
        QCOMPARE(ssh::SshSession::handshakeCount(), handshakes);
    }

    void wrongPermissionsAreReported() {
        // An unprivileged account may not write nginx's folder: said up front, nothing changed.
        DeployMaterial m;
        QVERIFY(material(&m));
        const QByteArray oldCert = readLocal(m_nginx.tlsCertPath());
        const QString before = served();
        DeployTarget t = nginxTarget();
        t.server = server(m_sshd.testUser());
        Progress progress;
        const DeployResult r = deploy(t, m, progress);
        QVERIFY2(!r.deployed && r.error, qPrintable(why(r)));
        QVERIFY2(r.error->code == ErrorCode::Permission, qPrintable(why(r)));
        QVERIFY2(r.error->userMessage.contains(m_sshd.testUser()) && r.error->userMessage.contains(m_nginx.prefix()),
                 qPrintable(r.error->userMessage));
        QVERIFY(r.untouched);
        QVERIFY(!r.rolledBack);
        QCOMPARE(readLocal(m_nginx.tlsCertPath()), oldCert);
        QCOMPARE(served(), before);
    }

    void hostilePathsAndCommandsRunNothing() {
        const QString marker = QStringLiteral("/tmp/pwned-certdeck-%1").arg(QCoreApplication::applicationPid());
        QFile::remove(marker);
        const QString dir =
            m_sshd.workDir() + QStringLiteral("/it's a \"dir\" $(touch %1) `touch %1`; touch %1 &").arg(marker);
        QVERIFY(QDir().mkpath(dir));
        DeployMaterial m;
        QVERIFY(material(&m));
        DeployTarget t = DeployTarget::fromPreset(DeployPreset::Generic, server(), dir);
        t.name = QStringLiteral("hostile $(touch %1)").arg(marker);
        t.owner = m_sshd.user();
        t.configTest = {QStringLiteral("test"), QStringLiteral("-f"), dir + QStringLiteral("/fullchain.pem")};
        t.reload = {QStringLiteral("echo"), QStringLiteral("$(touch %1)").arg(marker),
                    QStringLiteral("; touch %1").arg(marker), QStringLiteral("`touch %1`").arg(marker),
                    QStringLiteral("x\ntouch %1").arg(marker)};
        Progress progress;
        const DeployResult r = deploy(t, m, progress);
        QVERIFY2(r.deployed, qPrintable(why(r)));
        QCOMPARE(readLocal(dir + QStringLiteral("/cert.pem")), m.chain.first().toPem());
        QCOMPARE(readLocal(dir + QStringLiteral("/fullchain.pem")), m.chain.first().toPem());
        QCOMPARE(modeOf(dir + QStringLiteral("/privkey.pem")), 0600);
        QVERIFY2(!QFile::exists(marker), "a hostile path or argument ran a command");

        // Names that are not plain account names never reach chown.
        DeployTarget bad = t;
        bad.owner = QStringLiteral("root; touch %1").arg(marker);
        QVERIFY(!bad.validate());
        const DeployResult refused = deploy(bad, m, progress);
        QVERIFY(!refused.deployed && refused.error && refused.error->code == ErrorCode::InvalidInput);
        DeployTarget newline = t;
        newline.files.first().path = dir + QStringLiteral("/a\nb.pem");
        QVERIFY(!newline.validate());
        QVERIFY(!QFile::exists(marker));
    }

    void manyServersConcurrentlyWithPerServerResults() {
        DeployMaterial m;
        QVERIFY(material(&m));
        QList<DeployTarget> targets;
        for (int i = 0; i < 4; ++i) {
            const QString dir = m_sshd.workDir() + QStringLiteral("/many/%1").arg(i);
            QVERIFY(QDir().mkpath(dir));
            DeployTarget t = DeployTarget::fromPreset(DeployPreset::Generic, server(), dir);
            t.name = QStringLiteral("head%1").arg(i);
            targets << t;
        }
        targets[2].files[1].path = m_sshd.workDir() + QStringLiteral("/many/missing/chain.pem");
        const quint64 handshakes = ssh::SshSession::handshakeCount();
        Progress progress;
        const QList<DeployResult> results = QCoro::waitFor(m_deployer.deployAll(targets, m, progress, CancelToken()));
        QCOMPARE(results.size(), 4);
        for (int i : {0, 1, 3}) {
            QVERIFY2(results[i].deployed, qPrintable(why(results[i])));
            QCOMPARE(results[i].target, QStringLiteral("head%1").arg(i));
        }
        QVERIFY(!results[2].deployed && results[2].error);
        QCOMPARE(results[2].error->code, ErrorCode::NotFound);
        QVERIFY2(results[2].error->userMessage.contains(QLatin1String("/many/missing")),
                 qPrintable(results[2].error->userMessage));
        QVERIFY(results[2].untouched);
        // Its other files were uploaded to temporary names and removed again.
        QVERIFY(!QFile::exists(m_sshd.workDir() + QStringLiteral("/many/2/cert.pem")));
        QCOMPARE(QDir(m_sshd.workDir() + QStringLiteral("/many/2")).entryList(QDir::Files | QDir::Hidden),
                 QStringList());
        QCOMPARE(ssh::SshSession::handshakeCount() - handshakes, quint64(4));
    }

    void connectionDroppedMidUploadLeavesTheOldCertificate() {
        DeployMaterial m;
        QVERIFY(material(&m));
        const QString before = served();
        const QByteArray oldCert = readLocal(m_nginx.tlsCertPath());
        const QByteArray oldKey = readLocal(m_nginx.tlsKeyPath());
        DeployTarget t = nginxTarget();
        Progress progress;
        int dropped = 0;
        // As root the files go with the one exec that installs them: as it starts, the network goes
        // away.
        const QString installStep = QStringLiteral("deploy:web1:install");
        QObject::connect(&progress, &Progress::stepChanged, &progress, [&](const ProgressStep& step) {
            if (step.id == installStep && step.state == ProgressStep::State::Running)
                dropped += m_sshd.dropConnections();
        });
        const DeployResult r = deploy(t, m, progress);
        QVERIFY(dropped > 0);
        QVERIFY2(!r.deployed && r.error, qPrintable(why(r)));
        QVERIFY(r.untouched);
        QVERIFY(!r.rolledBack);
        QCOMPARE(readLocal(m_nginx.tlsCertPath()), oldCert);
        QCOMPARE(readLocal(m_nginx.tlsKeyPath()), oldKey);
        QCOMPARE(served(), before);
    }
};

QTEST_GUILESS_MAIN(TestDeploy)
#include "TestDeploy.moc"
