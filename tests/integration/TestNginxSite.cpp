// SPDX-License-Identifier: GPL-3.0-or-later
// nginx site provisioning over SSH against a real nginx (master process, `nginx -s reload`): the
// placeholder lets nginx start before the first certificate, the port-80 server answers the
// challenge path and redirects the rest, the TLS server speaks only TLS 1.2/1.3 and proxies to the
// upstream; a real certificate then replaces the placeholder through the Deployer; a failing
// configuration test puts the previous server block back.
#include "core/challenge/SelfCheck.h"
#include "core/crypto/Certificate.h"
#include "core/deploy/Deployer.h"
#include "core/deploy/NginxSite.h"
#include "core/monitor/TlsProbe.h"
#include "core/ssh/SshSession.h"
#include "tests/support/NginxFixture.h"
#include "tests/support/SshdFixture.h"

#include <QFile>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

using namespace certdeck;
using namespace certdeck::deploy;

namespace {

QString describe(const Error& e) {
    return e.toString() + QStringLiteral(" | ") + e.detail;
}

template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : describe(r.error());
}

QByteArray readLocal(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// One HTTP/1.1 request over plain TCP or TLS (any certificate), the whole answer back.
QByteArray request(quint16 port, bool tls, const QByteArray& host, const QByteArray& path) {
    std::unique_ptr<QTcpSocket> s;
    if (tls) {
        auto ssl = std::make_unique<QSslSocket>();
        ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QString::fromLatin1(host));
        if (!ssl->waitForEncrypted(5000))
            return {};
        s = std::move(ssl);
    } else {
        s = std::make_unique<QTcpSocket>();
        s->connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!s->waitForConnected(5000))
            return {};
    }
    s->write("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    QByteArray all;
    while (s->waitForReadyRead(5000))
        all += s->readAll();
    return all + s->readAll();
}

} // namespace

class TestNginxSite : public QObject {
    Q_OBJECT

    test::SshdFixture m_sshd;
    test::NginxFixture m_nginx{[] {
        test::NginxFixture::Options o;
        o.masterProcess = true;
        o.sitesInclude = true;
        return o;
    }()};
    std::shared_ptr<ssh::SshSession> m_session;
    quint16 m_siteHttp = 0;
    quint16 m_siteHttps = 0;

    [[nodiscard]] ssh::SshTarget server() const {
        ssh::SshTarget t;
        t.host = m_sshd.host();
        t.port = m_sshd.port();
        t.user = m_sshd.user();
        t.identityFile = m_sshd.clientKeyPath();
        t.useAgent = false;
        t.processConfig = false;
        t.knownHostsFile = m_sshd.workDir() + QStringLiteral("/certdeck_known_hosts");
        return t;
    }

    [[nodiscard]] NginxSite::Options site() const {
        NginxSite::Options o;
        o.serverName = QStringLiteral("app.example.test");
        o.upstream = QStringLiteral("127.0.0.1:%1").arg(m_nginx.httpPort()); // the fixture's own HTTP server
        o.webroot = m_nginx.prefix() + QStringLiteral("/site-acme");
        o.certificatePath = m_nginx.prefix() + QStringLiteral("/site-tls/fullchain.pem");
        o.keyPath = m_nginx.prefix() + QStringLiteral("/site-tls/privkey.pem");
        o.configPath = m_nginx.sitesDir() + QStringLiteral("/app.conf");
        o.listenAddress = QStringLiteral("127.0.0.1");
        o.httpPort = m_siteHttp;
        o.httpsPort = m_siteHttps;
        o.hsts = true;
        o.configTest = m_nginx.testCommand();
        o.reload = m_nginx.reloadCommand();
        return o;
    }

    [[nodiscard]] Result<monitor::TlsProbeResult> probe() const {
        monitor::TlsProbe::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = m_siteHttps;
        o.serverName = QStringLiteral("app.example.test");
        return monitor::TlsProbe::probeBlocking(o);
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_sshd.start(&error), error);
        CERTDECK_REQUIRE(m_nginx.start(&error), error);
        m_siteHttp = test::freePort();
        m_siteHttps = test::freePort();
        QVERIFY(QCoro::waitFor(ssh::SshSession::trustHostKey(server(), m_sshd.hostKeyFingerprint())));
        auto session = QCoro::waitFor(ssh::SshSession::connect(server()));
        QVERIFY2(session, qPrintable(why(session)));
        m_session = *session;
        QVERIFY(m_nginx.writeWebrootFile(QStringLiteral("hello.txt"), "hello from the upstream\n", &error));
    }

    void installBootstrapsWithAPlaceholder() {
        Progress progress;
        auto installed = QCoro::waitFor(NginxSite::install(m_session, site(), progress, CancelToken()));
        QVERIFY2(installed, qPrintable(why(installed)));
        QVERIFY(installed->placeholder);
        QCOMPARE(readLocal(site().configPath), installed->config.toUtf8());

        // nginx reloaded (asynchronously): the placeholder is served on the new TLS port.
        Result<monitor::TlsProbeResult> served = Error(ErrorCode::Unknown, QStringLiteral("not probed"));
        QTRY_VERIFY_WITH_TIMEOUT((served = probe()).has_value(), 15000);
        QCOMPARE(served->dnsNames, QStringList{QStringLiteral("app.example.test")});
        QCOMPARE(served->subject, served->issuer); // self-signed
        QVERIFY2(served->protocol == QLatin1String("TLSv1.3") || served->protocol == QLatin1String("TLSv1.2"),
                 qPrintable(served->protocol));
        QVERIFY(!served->trusted);
        QFile key(site().keyPath);
        QCOMPARE(key.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void portEightyAnswersTheChallengeAndRedirectsTheRest() {
        QVERIFY(QFile::exists(site().webroot + QStringLiteral("/.well-known/acme-challenge")));
        const QString token = QStringLiteral("sitetokenAAAAAAAAAAAAAAAA");
        QFile f(site().webroot + QStringLiteral("/.well-known/acme-challenge/") + token);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("sitetoken.answer");
        f.close();
        challenge::SelfCheck::Options o;
        o.httpPort = m_siteHttp;
        o.hostOverrides.insert(QStringLiteral("app.example.test"), QStringLiteral("127.0.0.1"));
        const challenge::SelfCheck::Expectation e{QStringLiteral("app.example.test"), token, "sitetoken.answer",
                                                  QStringLiteral("site webroot")};
        auto checked = QCoro::waitFor(challenge::SelfCheck(o).check(e));
        QVERIFY2(checked, qPrintable(why(checked)));

        const QByteArray redirect = request(m_siteHttp, false, "app.example.test", "/some/page?x=1");
        QVERIFY2(redirect.startsWith("HTTP/1.1 301"), redirect.constData());
        QVERIFY2(redirect.contains("Location: https://app.example.test:" + QByteArray::number(m_siteHttps) +
                                   "/some/page?x=1"),
                 redirect.constData());
    }

    void httpsProxiesToTheUpstreamWithHsts() {
        const QByteArray answer = request(m_siteHttps, true, "app.example.test", "/hello.txt");
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(answer.contains("hello from the upstream"));
        QVERIFY(answer.contains("Strict-Transport-Security: max-age=63072000"));
    }

    void tlsOneOneIsRefused() {
        QSslSocket s;
        s.setPeerVerifyMode(QSslSocket::VerifyNone);
        QT_WARNING_PUSH
        QT_WARNING_DISABLE_DEPRECATED
        s.setProtocol(QSsl::TlsV1_1);
        QT_WARNING_POP
        s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_siteHttps, QStringLiteral("app.example.test"));
        QVERIFY(!s.waitForEncrypted(5000));
    }

    void realCertificateReplacesThePlaceholder() {
        QByteArray certPem;
        QByteArray keyPem;
        QString error;
        QVERIFY2(m_nginx.issueCertificate({QStringLiteral("app.example.test")}, &certPem, &keyPem, &error),
                 qPrintable(error));
        DeployMaterial m;
        m.chain = {*crypto::Certificate::fromPem(certPem)};
        m.key = *crypto::PrivateKey::fromPem(keyPem);
        DeployTarget target = NginxSite::deployTarget(site(), server());
        Deployer::Options options;
        options.verifyCaPem = readLocal(m_nginx.caPath());
        Deployer deployer(options);
        Progress progress;
        const quint64 handshakes = ssh::SshSession::handshakeCount();
        const DeployResult r = QCoro::waitFor(deployer.deploy(target, m, progress, CancelToken(), m_session));
        QVERIFY2(r.deployed, qPrintable(r.steps.join(QLatin1Char('\n')) + (r.error ? describe(*r.error) : QString())));
        QCOMPARE(ssh::SshSession::handshakeCount(), handshakes); // the job's session was reused
        monitor::TlsProbe::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = m_siteHttps;
        o.serverName = QStringLiteral("app.example.test");
        o.extraCaPem = readLocal(m_nginx.caPath());
        auto served = monitor::TlsProbe::probeBlocking(o);
        QVERIFY(served);
        QCOMPARE(served->leafSha256Hex, m.chain.first().sha256FingerprintHex());
        QVERIFY2(served->trusted, qPrintable(served->verificationErrors.join(QLatin1Char(';'))));
    }

    void failingConfigTestPutsThePreviousBlockBack() {
        const QByteArray before = readLocal(site().configPath);
        NginxSite::Options o = site();
        o.upstream = QStringLiteral("127.0.0.1:5999");
        o.configTest = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo 'emerg: broken' >&2; exit 1")};
        Progress progress;
        auto installed = QCoro::waitFor(NginxSite::install(m_session, o, progress, CancelToken()));
        QVERIFY(!installed);
        QVERIFY2(installed.error().detail.contains(QLatin1String("emerg: broken")), qPrintable(why(installed)));
        QCOMPARE(readLocal(site().configPath), before);
        // And a name that is not a host name installs nothing at all.
        NginxSite::Options hostile = site();
        hostile.serverName = QStringLiteral("x.test; include /etc/shadow;");
        hostile.configPath = m_nginx.sitesDir() + QStringLiteral("/hostile.conf");
        auto refused = QCoro::waitFor(NginxSite::install(m_session, hostile, progress, CancelToken()));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QVERIFY(!QFile::exists(hostile.configPath));
    }
};

QTEST_GUILESS_MAIN(TestNginxSite)
#include "TestNginxSite.moc"
