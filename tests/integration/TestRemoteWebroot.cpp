// SPDX-License-Identifier: GPL-3.0-or-later
// http-01 through a webroot reached over SSH: the token file goes over SFTP (real sshd) into the
// folder a real nginx serves, the self-check fetches it like a CA would, and Pebble validates it.
// The self-check's diagnoses: a wrong webroot (404, with the path tried), DNS pointing elsewhere, a
// redirect to HTTPS with an untrusted certificate (followed like a CA), a server that never answers.
#include "core/acme/AcmeClient.h"
#include "core/challenge/RemoteWebrootSolver.h"
#include "core/challenge/SelfCheck.h"
#include "core/ssh/SshSession.h"
#include "core/workflow/AccountFiles.h"
#include "core/workflow/IssueCertificate.h"
#include "tests/support/NginxFixture.h"
#include "tests/support/PebbleFixture.h"
#include "tests/support/SshdFixture.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;

namespace {

QString describe(const Error& e) {
    return e.toString() + QStringLiteral(" | ") + e.detail;
}

template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : describe(r.error());
}

acme::ChallengeTask taskFor(const QString& name, const QString& token) {
    acme::ChallengeTask t;
    t.identifier = *acme::Identifier::parse(name);
    t.type = QStringLiteral("http-01");
    t.token = token;
    t.keyAuthorization = token.toLatin1() + ".thumbprint-for-the-test";
    return t;
}

} // namespace

class TestRemoteWebroot : public QObject {
    Q_OBJECT

    test::SshdFixture m_sshd;
    test::NginxFixture m_nginx;
    std::shared_ptr<ssh::SshSession> m_session;

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

    [[nodiscard]] challenge::RemoteWebrootSolver::Options options(const QString& webroot, quint16 port) const {
        challenge::RemoteWebrootSolver::Options o;
        o.webroot = webroot;
        o.selfCheckOptions.httpPort = port;
        // Pebble's challtestsrv answers 127.0.0.1 for every name; the self-check does the same.
        for (const QString& name :
             {QStringLiteral("site.example.test"), QStringLiteral("www.example.test"), QStringLiteral("example.test")})
            o.selfCheckOptions.hostOverrides.insert(name, QStringLiteral("127.0.0.1"));
        o.selfCheckOptions.timeout = std::chrono::seconds(5);
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_sshd.start(&error), error);
        CERTDECK_REQUIRE(m_nginx.start(&error), error);
        QVERIFY(QCoro::waitFor(ssh::SshSession::trustHostKey(server(), m_sshd.hostKeyFingerprint())));
        auto session = QCoro::waitFor(ssh::SshSession::connect(server()));
        QVERIFY2(session, qPrintable(why(session)));
        m_session = *session;
    }

    void issuanceEndToEndWithPebble() {
        test::PebbleFixture::Options po;
        po.httpPort = m_nginx.httpPort();
        test::PebbleFixture pebble(po);
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);

        net::HttpClient http;
        QVERIFY(http.addTrustedCertificatesFromFile(pebble.listenerCaFile()));
        acme::AcmeClient client(http);
        QTemporaryDir data;
        Progress progress;
        workflow::AccountOptions ao;
        ao.termsOfServiceAgreed = true;
        workflow::AccountFiles files(data.path());
        auto account =
            QCoro::waitFor(workflow::openAccount(client, files, pebble.directoryUrl(), ao, progress, CancelToken()));
        QVERIFY2(account, qPrintable(why(account)));

        const quint64 handshakes = ssh::SshSession::handshakeCount();
        challenge::RemoteWebrootSolver solver(m_session, options(m_nginx.webroot(), m_nginx.httpPort()));
        workflow::IssueRequest req;
        req.identifiers =
            *acme::parseIdentifiers({QStringLiteral("site.example.test"), QStringLiteral("www.example.test")});
        req.solvers = {&solver};
        auto issued = QCoro::waitFor(workflow::issueCertificate(client, req, progress, CancelToken()));
        QVERIFY2(issued, qPrintable(why(issued)));
        QVERIFY(issued->chain.leaf().coversName(QStringLiteral("www.example.test")));
        // The session was reused: no SSH handshake for the whole issuance.
        QCOMPARE(ssh::SshSession::handshakeCount(), handshakes);
        // The self-check ran and passed for each name; clean-up removed the token files and only them.
        bool checked = false;
        for (const ProgressStep& s : progress.steps())
            checked =
                checked || (s.id == QLatin1String("present:www.example.test") && s.state == ProgressStep::State::Done);
        QVERIFY(checked);
        const QDir challengeDir(m_nginx.webroot() + QStringLiteral("/.well-known/acme-challenge"));
        QVERIFY(challengeDir.exists());
        QCOMPARE(challengeDir.entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    void presentWritesTheFileAndCleanUpRemovesOnlyIt() {
        QString error;
        QVERIFY(m_nginx.writeWebrootFile(QStringLiteral(".well-known/acme-challenge/keep-me"), "other", &error));
        challenge::RemoteWebrootSolver solver(m_session, options(m_nginx.webroot(), m_nginx.httpPort()));
        const acme::ChallengeTask task =
            taskFor(QStringLiteral("example.test"), QStringLiteral("tok_en-1aaaaaaaaaaaaaaaa"));
        Progress progress;
        auto presented = QCoro::waitFor(solver.present(task, progress, CancelToken()));
        QVERIFY2(presented, qPrintable(why(presented)));
        const QString path = m_nginx.webroot() + QStringLiteral("/.well-known/acme-challenge/tok_en-1aaaaaaaaaaaaaaaa");
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), task.keyAuthorization);
        QCOMPARE(f.permissions() & (QFile::ReadOther | QFile::WriteOther | QFile::WriteGroup),
                 QFile::Permissions(QFile::ReadOther));
        auto cleaned = QCoro::waitFor(solver.cleanUp(task));
        QVERIFY(cleaned);
        QVERIFY(!QFile::exists(path));
        QVERIFY(QFile::exists(m_nginx.webroot() + QStringLiteral("/.well-known/acme-challenge/keep-me")));
    }

    void selfCheckDiagnosesAWrongWebroot() {
        // The files go to a folder nginx does not serve.
        const QString wrong = m_sshd.workDir() + QStringLiteral("/not-the-webroot");
        QVERIFY(QDir().mkpath(wrong));
        challenge::RemoteWebrootSolver solver(m_session, options(wrong, m_nginx.httpPort()));
        const acme::ChallengeTask task =
            taskFor(QStringLiteral("example.test"), QStringLiteral("wrongrootaaaaaaaaaaaaaaaa"));
        Progress progress;
        auto presented = QCoro::waitFor(solver.present(task, progress, CancelToken()));
        QVERIFY(!presented);
        QCOMPARE(presented.error().code, ErrorCode::NotFound);
        const QString msg = presented.error().userMessage;
        QVERIFY2(msg.contains(QLatin1String("404")), qPrintable(msg));
        QVERIFY2(msg.contains(wrong + QStringLiteral("/.well-known/acme-challenge/wrongrootaaaaaaaaaaaaaaaa")),
                 qPrintable(msg));
        QVERIFY2(msg.contains(QLatin1String("root")), qPrintable(msg));
        // present() failed, so it removed its file itself (nobody calls cleanUp for it).
        QVERIFY(!QFile::exists(wrong + QStringLiteral("/.well-known/acme-challenge/wrongrootaaaaaaaaaaaaaaaa")));
    }

    void selfCheckCanBeSkipped() {
        const QString wrong = m_sshd.workDir() + QStringLiteral("/unreachable-site");
        QVERIFY(QDir().mkpath(wrong));
        auto o = options(wrong, m_nginx.httpPort());
        o.selfCheck = false;
        challenge::RemoteWebrootSolver solver(m_session, o);
        const acme::ChallengeTask task =
            taskFor(QStringLiteral("example.test"), QStringLiteral("skippedaaaaaaaaaaaaaaaa"));
        Progress progress;
        QVERIFY(QCoro::waitFor(solver.present(task, progress, CancelToken())));
        QVERIFY(QFile::exists(wrong + QStringLiteral("/.well-known/acme-challenge/skippedaaaaaaaaaaaaaaaa")));
        QVERIFY(QCoro::waitFor(solver.cleanUp(task)));
    }

    void missingWebrootIsNamed() {
        const QString missing = m_sshd.workDir() + QStringLiteral("/no such folder");
        challenge::RemoteWebrootSolver solver(m_session, options(missing, m_nginx.httpPort()));
        Progress progress;
        auto presented = QCoro::waitFor(
            solver.present(taskFor(QStringLiteral("example.test"), QStringLiteral("t1aaaaaaaaaaaaaaaaaaaa")), progress,
                           CancelToken()));
        QVERIFY(!presented);
        QCOMPARE(presented.error().code, ErrorCode::NotFound);
        QVERIFY2(presented.error().userMessage.contains(missing), qPrintable(presented.error().userMessage));
    }

    void selfCheckSaysDnsPointsElsewhere() {
        challenge::SelfCheck::Options o;
        o.httpPort = m_nginx.httpPort();
        o.hostOverrides.insert(QStringLiteral("example.test"), QStringLiteral("127.0.0.2"));
        o.expectedAddresses = {QStringLiteral("127.0.0.1")};
        o.timeout = std::chrono::seconds(5);
        const challenge::SelfCheck check(o);
        const challenge::SelfCheck::Expectation e{QStringLiteral("example.test"), QStringLiteral("tok"), "tok.x",
                                                  QStringLiteral("/var/www/.well-known/acme-challenge/tok on web1")};
        auto r = QCoro::waitFor(check.check(e));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Dns);
        QVERIFY2(r.error().userMessage.contains(QLatin1String("resolves to 127.0.0.2")) &&
                     r.error().userMessage.contains(QLatin1String("127.0.0.1")),
                 qPrintable(r.error().userMessage));
    }

    void selfCheckFollowsARedirectToHttpsLikeACa() {
        // A port-80 server that redirects everything, the challenge path included, to HTTPS, where
        // nginx serves the file with a certificate from a private CA. A CA follows such a redirect and
        // accepts any certificate there, so the check passes.
        QTcpServer redirector;
        QVERIFY(redirector.listen(QHostAddress::LocalHost));
        const quint16 httpsPort = m_nginx.httpsPort();
        QObject::connect(&redirector, &QTcpServer::newConnection, &redirector, [&redirector, httpsPort] {
            while (QTcpSocket* c = redirector.nextPendingConnection()) {
                QObject::connect(c, &QTcpSocket::readyRead, c, [c, httpsPort] {
                    const QByteArray request = c->readAll();
                    const QByteArray path = request.split(' ').value(1);
                    c->write("HTTP/1.1 301 Moved Permanently\r\nLocation: https://example.test:" +
                             QByteArray::number(httpsPort) + path +
                             "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    c->disconnectFromHost();
                });
                QObject::connect(c, &QTcpSocket::disconnected, c, &QObject::deleteLater);
            }
        });
        QString error;
        QVERIFY(m_nginx.writeWebrootFile(QStringLiteral(".well-known/acme-challenge/tok2"), "tok2.x", &error));
        challenge::SelfCheck::Options o;
        o.httpPort = redirector.serverPort();
        o.hostOverrides.insert(QStringLiteral("example.test"), QStringLiteral("127.0.0.1"));
        o.timeout = std::chrono::seconds(5);
        const challenge::SelfCheck check(o);
        const challenge::SelfCheck::Expectation present{QStringLiteral("example.test"), QStringLiteral("tok2"),
                                                        "tok2.x", QStringLiteral("/srv/tok2 on web1")};
        auto ok = QCoro::waitFor(check.check(present));
        QVERIFY2(ok, qPrintable(why(ok)));

        // Not there on the HTTPS side: the 404 names the path written, and why a browser would
        // refuse that HTTPS server (the test CA is not trusted here).
        const challenge::SelfCheck::Expectation missing{QStringLiteral("example.test"), QStringLiteral("nothing"),
                                                        "nothing.x", QStringLiteral("/srv/x on web1")};
        auto r404 = QCoro::waitFor(check.check(missing));
        QVERIFY(!r404);
        QCOMPARE(r404.error().code, ErrorCode::NotFound);
        const QString msg = r404.error().userMessage;
        QVERIFY2(msg.contains(QLatin1String("/srv/x on web1")) && msg.contains(QLatin1String("https://")) &&
                     msg.contains(QLatin1String("certificate is not valid")),
                 qPrintable(msg));
    }

    void selfCheckReportsATimeout() {
        // Accepts connections (the kernel does) but never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        challenge::SelfCheck::Options o;
        o.httpPort = silent.serverPort();
        o.hostOverrides.insert(QStringLiteral("example.test"), QStringLiteral("127.0.0.1"));
        o.timeout = std::chrono::milliseconds(800);
        const challenge::SelfCheck check(o);
        const challenge::SelfCheck::Expectation e{QStringLiteral("example.test"), QStringLiteral("tok"), "tok.x",
                                                  QStringLiteral("x")};
        auto r = QCoro::waitFor(check.check(e));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Timeout);
        QVERIFY2(r.error().userMessage.contains(QLatin1String("did not answer")), qPrintable(r.error().userMessage));
    }

    void selfCheckReportsWrongContentAndRefusedConnections() {
        QString error;
        QVERIFY(m_nginx.writeWebrootFile(QStringLiteral(".well-known/acme-challenge/stale"), "an old answer", &error));
        challenge::SelfCheck::Options o;
        o.httpPort = m_nginx.httpPort();
        o.hostOverrides.insert(QStringLiteral("example.test"), QStringLiteral("127.0.0.1"));
        const challenge::SelfCheck check(o);
        const challenge::SelfCheck::Expectation e{QStringLiteral("example.test"), QStringLiteral("stale"), "stale.x",
                                                  QStringLiteral("x")};
        auto r = QCoro::waitFor(check.check(e));
        QVERIFY(!r);
        QVERIFY2(r.error().userMessage.contains(QLatin1String("an old answer")), qPrintable(r.error().userMessage));

        challenge::SelfCheck::Options closed = o;
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closed.httpPort = probe.serverPort();
        probe.close();
        auto refused = QCoro::waitFor(challenge::SelfCheck(closed).check(e));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Network);
        QVERIFY2(refused.error().userMessage.contains(QLatin1String("refused")),
                 qPrintable(refused.error().userMessage));
    }
};

QTEST_GUILESS_MAIN(TestRemoteWebroot)
#include "TestRemoteWebroot.moc"
