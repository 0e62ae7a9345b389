// SPDX-License-Identifier: GPL-3.0-or-later
// Proves the nginx fixture: its webroot is served over plain HTTP (the http-01 path) and its TLS
// server presents the fixture's own certificate, fetched through core's HttpClient trusting only the
// fixture's CA; a replaced certificate is what nginx serves after the reload; a bad one is refused
// without taking the server down; and no nginx process outlives its fixture.
#include "core/net/HttpClient.h"
#include "tests/support/NginxFixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

#include <csignal>

using namespace certdeck;

namespace {

QString describe(const Result<net::HttpResponse>& r) {
    return r ? QStringLiteral("HTTP %1").arg(r->status) : r.error().toString() + QLatin1Char(' ') + r.error().detail;
}

Result<net::HttpResponse> fetch(net::HttpClient& http, const QString& url, int maxRedirects = 0) {
    net::HttpRequest req;
    req.url = QUrl(url);
    req.allowPlainHttp = true;
    req.maxRedirects = maxRedirects;
    req.timeout = std::chrono::seconds(15);
    return QCoro::waitFor(http.send(std::move(req)));
}

// The SHA-256 digest of the leaf certificate the server presents, after a handshake verified against
// `caPath` only (the system's trust store is deliberately left out).
QByteArray servedDigest(quint16 port, const QString& caPath, const QString& peerName, QString* error) {
    QSslSocket socket;
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setCaCertificates(QSslCertificate::fromPath(caPath));
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket.setSslConfiguration(conf);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, peerName);
    if (!socket.waitForEncrypted(15000)) {
        QStringList why{socket.errorString()};
        for (const auto& e : socket.sslHandshakeErrors())
            why << e.errorString();
        *error = why.join(QStringLiteral("; "));
        return {};
    }
    return socket.peerCertificate().digest(QCryptographicHash::Sha256);
}

QByteArray fileDigest(const QString& pemPath) {
    const auto certs = QSslCertificate::fromPath(pemPath);
    return certs.isEmpty() ? QByteArray() : certs.first().digest(QCryptographicHash::Sha256);
}

bool processExists(qint64 pid) {
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}

} // namespace

class TestFixtureNginx : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void servesWebrootOverHttp() {
        qint64 pid = 0;
        {
            test::NginxFixture nginx;
            QString error;
            CERTDECK_REQUIRE(nginx.start(&error), error);
            pid = nginx.pid();
            QVERIFY(processExists(pid));
            QVERIFY(nginx.httpPort() != 0 && nginx.httpsPort() != 0 && nginx.httpPort() != nginx.httpsPort());
            QVERIFY(nginx.testConfig(&error));

            // Written straight into webroot(), as an http-01 solver on the same machine would.
            const QByteArray keyAuth = "tok3n-_A.thumbprint-_B";
            QFile token(nginx.webroot() + QStringLiteral("/.well-known/acme-challenge/tok3n-_A"));
            QVERIFY(token.open(QIODevice::WriteOnly));
            token.write(keyAuth);
            token.close();

            net::HttpClient http;
            const QString base = QStringLiteral("http://127.0.0.1:%1").arg(nginx.httpPort());
            auto r = fetch(http, base + QStringLiteral("/.well-known/acme-challenge/tok3n-_A"));
            QVERIFY2(r, qPrintable(describe(r)));
            QCOMPARE(r->status, 200);
            QCOMPARE(r->body, keyAuth);

            QVERIFY2(nginx.writeWebrootFile(QStringLiteral("sub/dir/hello.txt"), "hello from nginx\n", &error),
                     qPrintable(error));
            r = fetch(http, base + QStringLiteral("/sub/dir/hello.txt"));
            QVERIFY2(r, qPrintable(describe(r)));
            QCOMPARE(r->status, 200);
            QCOMPARE(r->body, QByteArray("hello from nginx\n"));

            r = fetch(http, base + QStringLiteral("/.well-known/acme-challenge/missing"));
            QVERIFY2(r, qPrintable(describe(r)));
            QCOMPARE(r->status, 404);

            // The helper stays inside the webroot.
            QVERIFY(!nginx.writeWebrootFile(QStringLiteral("../conf/nginx.conf"), "x", &error));
            QVERIFY(!nginx.writeWebrootFile(QStringLiteral("/etc/passwd"), "x", &error));

            // Requests were logged inside the fixture, not under /var/log.
            QFile access(nginx.accessLogPath());
            QVERIFY(access.open(QIODevice::ReadOnly));
            QVERIFY(access.readAll().contains("GET /.well-known/acme-challenge/tok3n-_A"));
        }
        QVERIFY2(!processExists(pid), "nginx outlived its fixture");
    }

    void servesFixtureCertificateOverTls() {
        test::NginxFixture nginx;
        QString error;
        CERTDECK_REQUIRE(nginx.start(&error), error);
        QVERIFY(nginx.writeWebrootFile(QStringLiteral("index.html"), "<p>secure</p>", &error));
        const QUrl url(QStringLiteral("https://127.0.0.1:%1/index.html").arg(nginx.httpsPort()));

        net::HttpClient http;
        // Without the fixture's CA the connection must be refused: no silent trust.
        auto untrusted = QCoro::waitFor(http.get(url));
        QVERIFY(!untrusted);
        QCOMPARE(untrusted.error().code, ErrorCode::Tls);

        QVERIFY(http.addTrustedCertificatesFromFile(nginx.caPath()));
        auto r = QCoro::waitFor(http.get(url));
        QVERIFY2(r, qPrintable(describe(r)));
        QCOMPARE(r->status, 200);
        QCOMPARE(r->body, QByteArray("<p>secure</p>"));

        // The served certificate is the one on disk, and it is valid for the configured names.
        const QByteArray onDisk = fileDigest(nginx.tlsCertPath());
        QVERIFY(!onDisk.isEmpty());
        for (const QString& name :
             {QStringLiteral("127.0.0.1"), QStringLiteral("localhost"), QStringLiteral("www.example.test")}) {
            const QByteArray served = servedDigest(nginx.httpsPort(), nginx.caPath(), name, &error);
            QVERIFY2(!served.isEmpty(), qPrintable(name + QStringLiteral(": ") + error));
            QCOMPARE(served.toHex(), onDisk.toHex());
        }
        // A name the certificate does not carry fails verification.
        QVERIFY(servedDigest(nginx.httpsPort(), nginx.caPath(), QStringLiteral("other.test"), &error).isEmpty());

        QFile key(nginx.tlsKeyPath());
        QCOMPARE(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                      QFileDevice::WriteOther),
                 QFileDevice::Permissions());
    }

    void replaceCertificateReloads() {
        test::NginxFixture nginx;
        QString error;
        CERTDECK_REQUIRE(nginx.start(&error), error);
        QVERIFY(nginx.writeWebrootFile(QStringLiteral("a.txt"), "a", &error));
        const qint64 firstPid = nginx.pid();
        const QByteArray firstDigest = fileDigest(nginx.tlsCertPath());

        QByteArray cert;
        QByteArray key;
        QVERIFY2(nginx.issueCertificate({QStringLiteral("renewed.example.test")}, &cert, &key, &error),
                 qPrintable(error));
        const QList<QSslCertificate> issued = QSslCertificate::fromData(cert, QSsl::Pem);
        QCOMPARE(issued.size(), 1);
        const QByteArray newDigest = issued.first().digest(QCryptographicHash::Sha256);
        QVERIFY(newDigest != firstDigest);

        QVERIFY2(nginx.replaceCertificate(cert, key, &error), qPrintable(error + nginx.log()));
        QVERIFY(nginx.isRunning());
        // reload() is a restart (single-process nginx cannot reload in place): the old PID is gone.
        QVERIFY(nginx.pid() != firstPid);
        QVERIFY(!processExists(firstPid));
        QCOMPARE(fileDigest(nginx.tlsCertPath()).toHex(), newDigest.toHex());
        QFile keyFile(nginx.tlsKeyPath());
        QCOMPARE(keyFile.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ReadOwner |
                                           QFileDevice::WriteOwner),
                 QFileDevice::Permissions());

        const QByteArray served =
            servedDigest(nginx.httpsPort(), nginx.caPath(), QStringLiteral("renewed.example.test"), &error);
        QVERIFY2(!served.isEmpty(), qPrintable(error));
        QCOMPARE(served.toHex(), newDigest.toHex());
        // Both servers are back on the same ports.
        net::HttpClient http;
        auto r = fetch(http, QStringLiteral("http://127.0.0.1:%1/a.txt").arg(nginx.httpPort()));
        QVERIFY2(r, qPrintable(describe(r)));
        QCOMPARE(r->status, 200);

        // A key that does not belong to the certificate is refused; the server keeps running and
        // serving the previous certificate, whose files are back in place.
        QByteArray otherCert;
        QByteArray otherKey;
        QVERIFY(nginx.issueCertificate({QStringLiteral("other.example.test")}, &otherCert, &otherKey, &error));
        const qint64 pidBefore = nginx.pid();
        QVERIFY(!nginx.replaceCertificate(cert, otherKey, &error));
        QVERIFY2(error.contains(QLatin1String("refused")), qPrintable(error));
        QCOMPARE(nginx.pid(), pidBefore);
        QCOMPARE(fileDigest(nginx.tlsCertPath()).toHex(), newDigest.toHex());
        QVERIFY(nginx.testConfig(&error));
        QCOMPARE(
            servedDigest(nginx.httpsPort(), nginx.caPath(), QStringLiteral("renewed.example.test"), &error).toHex(),
            newDigest.toHex());
    }

    void brokenConfigurationIsNotReloaded() {
        test::NginxFixture nginx;
        QString error;
        CERTDECK_REQUIRE(nginx.start(&error), error);
        const qint64 pid = nginx.pid();
        QFile conf(nginx.confPath());
        QVERIFY(conf.open(QIODevice::Append));
        conf.write("this is not a directive;\n");
        conf.close();

        QVERIFY(!nginx.testConfig(&error));
        QVERIFY2(error.contains(QLatin1String("unknown directive")), qPrintable(error));
        QVERIFY(!nginx.reload(&error));
        QVERIFY(nginx.isRunning());
        QCOMPARE(nginx.pid(), pid);
    }

    void redirectsAllButChallengesToHttps() {
        test::NginxFixture::Options options;
        options.redirectToHttps = true;
        test::NginxFixture nginx(options);
        QString error;
        CERTDECK_REQUIRE(nginx.start(&error), error);
        QVERIFY(nginx.writeWebrootFile(QStringLiteral(".well-known/acme-challenge/t1"), "key-auth", &error));
        QVERIFY(nginx.writeWebrootFile(QStringLiteral("page.html"), "page", &error));

        net::HttpClient http;
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(nginx.httpPort());
        auto r = fetch(http, base + QStringLiteral("/.well-known/acme-challenge/t1"));
        QVERIFY2(r, qPrintable(describe(r)));
        QCOMPARE(r->status, 200);
        QCOMPARE(r->body, QByteArray("key-auth"));

        r = fetch(http, base + QStringLiteral("/page.html?x=1"));
        QVERIFY2(r, qPrintable(describe(r)));
        QCOMPARE(r->status, 301);
        QCOMPARE(r->header("Location"),
                 QStringLiteral("https://127.0.0.1:%1/page.html?x=1").arg(nginx.httpsPort()).toLatin1());

        // The redirect target is the TLS server serving the same webroot.
        QVERIFY(http.addTrustedCertificatesFromFile(nginx.caPath()));
        r = fetch(http, QString::fromLatin1(r->header("Location")));
        QVERIFY2(r, qPrintable(describe(r)));
        QCOMPARE(r->status, 200);
        QCOMPARE(r->body, QByteArray("page"));
    }

    void invalidServerNameIsRejected() {
        test::NginxFixture::Options options;
        options.serverNames = {QStringLiteral("ok.test; include /etc/passwd")};
        test::NginxFixture nginx(options);
        QString error;
        QVERIFY(!nginx.start(&error));
        QVERIFY2(error.contains(QLatin1String("not a host name")), qPrintable(error));
        QVERIFY(!nginx.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestFixtureNginx)
#include "TestFixtureNginx.moc"
