// SPDX-License-Identifier: GPL-3.0-or-later
// TlsProbe through STARTTLS against real mail servers on loopback: aiosmtpd (SMTP, RFC 3207) and
// Dovecot (IMAP, RFC 3501 §6.2.1), each serving a certificate this test made, so the fingerprint
// the probe reports can be checked. A server without STARTTLS is an error, never a plaintext
// success; hostile answers (endless lines, data injected before the handshake, silence) are bounded.
// Last, a deployment to Dovecot over SSH verified through IMAP STARTTLS, as the Dovecot preset does.
#include "app/cli/Cli.h"
#include "core/common/Progress.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/PrivateKey.h"
#include "core/deploy/Deployer.h"
#include "core/monitor/TlsProbe.h"
#include "core/ssh/SshSession.h"
#include "tests/support/DovecotFixture.h"
#include "tests/support/SmtpFixture.h"
#include "tests/support/SshdFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;
using monitor::StartTls;
using monitor::TlsProbe;

namespace {

QString describe(const Error& e) {
    return e.toString() + QStringLiteral(" | ") + e.detail;
}

template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : describe(r.error());
}

struct Pair {
    QByteArray certPem;
    QByteArray keyPem;
    QString fingerprint;
};

/// A self-signed certificate for `name` made with openssl(1).
bool makePair(const QString& name, Pair* out) {
    QTemporaryDir dir;
    QString error;
    const QString cert = dir.filePath(QStringLiteral("c.pem"));
    const QString key = dir.filePath(QStringLiteral("k.pem"));
    if (!test::runTool(QStringLiteral("openssl"),
                       {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=") + name, QStringLiteral("-addext"),
                        QStringLiteral("subjectAltName=DNS:") + name, QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert},
                       &error)) {
        qWarning() << error;
        return false;
    }
    QFile c(cert);
    QFile k(key);
    if (!c.open(QIODevice::ReadOnly) || !k.open(QIODevice::ReadOnly))
        return false;
    out->certPem = c.readAll();
    out->keyPem = k.readAll();
    auto parsed = crypto::Certificate::fromPem(out->certPem);
    if (!parsed)
        return false;
    out->fingerprint = parsed->sha256FingerprintHex();
    return true;
}

TlsProbe::Options probeOptions(quint16 port, StartTls startTls, const QString& sni) {
    TlsProbe::Options o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = port;
    o.serverName = sni;
    o.startTls = startTls;
    o.timeout = std::chrono::seconds(10);
    return o;
}

/// A hostile plain-text server: answers every connection with `script` (one chunk per line the
/// client sends, the first before anything is read), then stays silent.
class ScriptedServer : public QObject {
public:
    explicit ScriptedServer(QList<QByteArray> script)
        : m_script(std::move(script)) {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket* s = m_server.nextPendingConnection();
            auto step = std::make_shared<int>(0);
            const auto next = [this, s, step] {
                if (*step < m_script.size())
                    s->write(m_script.at((*step)++));
            };
            next();
            QObject::connect(s, &QTcpSocket::readyRead, s, [s, next] {
                while (s->canReadLine()) {
                    s->readLine();
                    next();
                }
            });
        });
    }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
    QList<QByteArray> m_script;
};

} // namespace

class TestStartTls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void smtpStartTlsShowsTheServedCertificate() {
        Pair pair;
        QVERIFY(makePair(QStringLiteral("mail.example.test"), &pair));
        test::SmtpFixture smtp(true);
        smtp.useCertificate(pair.certPem, pair.keyPem);
        QString error;
        CERTDECK_REQUIRE(smtp.start(&error), error);
        const auto options = probeOptions(smtp.port(), StartTls::Smtp, QStringLiteral("mail.example.test"));
        auto r = QCoro::waitFor(TlsProbe::probe(options));
        QVERIFY2(r, qPrintable(why(r)));
        QCOMPARE(r->leafSha256Hex, pair.fingerprint);
        QCOMPARE(r->startTls, QStringLiteral("smtp"));
        QCOMPARE(r->serverName, QStringLiteral("mail.example.test"));
        QVERIFY(r->dnsNames.contains(QStringLiteral("mail.example.test")));
        QVERIFY(!r->protocol.isEmpty());
        // Self-signed: a finding in the result, not a failure.
        QVERIFY(!r->trusted);

        // The same port probed as if it spoke TLS at once fails; it never reports a certificate.
        const auto direct = probeOptions(smtp.port(), StartTls::None, QStringLiteral("mail.example.test"));
        QVERIFY(!QCoro::waitFor(TlsProbe::probe(direct)));
    }

    void cliScanThroughStartTls() {
        Pair pair;
        QVERIFY(makePair(QStringLiteral("mail.example.test"), &pair));
        test::SmtpFixture smtp(true);
        smtp.useCertificate(pair.certPem, pair.keyPem);
        QString error;
        CERTDECK_REQUIRE(smtp.start(&error), error);
        QTemporaryDir data;
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        const QStringList args{QStringLiteral("certdeck-cli"),
                               QStringLiteral("--data-dir"),
                               data.path(),
                               QStringLiteral("--json"),
                               QStringLiteral("scan"),
                               QStringLiteral("127.0.0.1:%1").arg(smtp.port()),
                               QStringLiteral("--starttls"),
                               QStringLiteral("smtp"),
                               QStringLiteral("--sni"),
                               QStringLiteral("mail.example.test")};
        const int code = QCoro::waitFor(cli::runCli(args, outStream, errStream));
        outStream.flush();
        errStream.flush();
        QVERIFY2(code == 0, qPrintable(err + out));
        const QJsonObject r = QJsonDocument::fromJson(out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("results"))
                                  .toArray()
                                  .first()
                                  .toObject();
        QCOMPARE(r.value(QStringLiteral("sha256")).toString(), pair.fingerprint);
        QCOMPARE(r.value(QStringLiteral("starttls")).toString(), QStringLiteral("smtp"));
        const QStringList bad{QStringLiteral("certdeck-cli"),
                              QStringLiteral("--data-dir"),
                              data.path(),
                              QStringLiteral("scan"),
                              QStringLiteral("127.0.0.1:%1").arg(smtp.port()),
                              QStringLiteral("--starttls"),
                              QStringLiteral("ftp")};
        QVERIFY(QCoro::waitFor(cli::runCli(bad, outStream, errStream)) != 0);
    }

    void smtpWithoutStartTlsIsAnError() {
        test::SmtpFixture smtp(false);
        QString error;
        CERTDECK_REQUIRE(smtp.start(&error), error);
        const auto options = probeOptions(smtp.port(), StartTls::Smtp, QStringLiteral("mail.example.test"));
        auto r = QCoro::waitFor(TlsProbe::probe(options));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Tls);
        QVERIFY2(r.error().userMessage.contains(QLatin1String("does not offer STARTTLS")),
                 qPrintable(r.error().userMessage));
    }

    void imapStartTlsShowsTheServedCertificate() {
        Pair pair;
        QVERIFY(makePair(QStringLiteral("imap.example.test"), &pair));
        test::DovecotFixture::Options o;
        o.certificatePem = pair.certPem;
        o.keyPem = pair.keyPem;
        test::DovecotFixture dovecot(o);
        QString error;
        CERTDECK_REQUIRE(dovecot.start(&error), error);
        const auto options = probeOptions(dovecot.imapPort(), StartTls::Imap, QStringLiteral("imap.example.test"));
        auto r = QCoro::waitFor(TlsProbe::probe(options));
        QVERIFY2(r, qPrintable(why(r) + QStringLiteral("\n") + dovecot.log()));
        QCOMPARE(r->leafSha256Hex, pair.fingerprint);
        QCOMPARE(r->startTls, QStringLiteral("imap"));
    }

    void imapWithoutTlsIsAnError() {
        test::DovecotFixture::Options o;
        o.tls = false;
        test::DovecotFixture dovecot(o);
        QString error;
        CERTDECK_REQUIRE(dovecot.start(&error), error);
        const auto options = probeOptions(dovecot.imapPort(), StartTls::Imap, QStringLiteral("imap.example.test"));
        auto r = QCoro::waitFor(TlsProbe::probe(options));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Tls);
        QVERIFY2(r.error().userMessage.contains(QLatin1String("does not offer STARTTLS")),
                 qPrintable(r.error().userMessage));
    }

    void deployToDovecotVerifiedThroughImapStartTls() {
        Pair first;
        Pair second;
        QVERIFY(makePair(QStringLiteral("imap.example.test"), &first));
        QVERIFY(makePair(QStringLiteral("imap.example.test"), &second));
        test::DovecotFixture::Options o;
        o.certificatePem = first.certPem;
        o.keyPem = first.keyPem;
        test::DovecotFixture dovecot(o);
        test::SshdFixture sshd;
        QString error;
        CERTDECK_REQUIRE(dovecot.start(&error), error);
        CERTDECK_REQUIRE(sshd.start(&error), error);
        ssh::SshTarget server;
        server.host = sshd.host();
        server.port = sshd.port();
        server.user = sshd.user();
        server.identityFile = sshd.clientKeyPath();
        server.useAgent = false;
        server.processConfig = false;
        server.knownHostsFile = sshd.workDir() + QStringLiteral("/certdeck_known_hosts");
        QVERIFY(QCoro::waitFor(ssh::SshSession::trustHostKey(server, sshd.hostKeyFingerprint())));

        // The Dovecot preset, pointed at this Dovecot: its files, its doveconf, a SIGHUP to reload.
        deploy::DeployTarget t = deploy::DeployTarget::fromPreset(deploy::DeployPreset::Dovecot, server, QString());
        QCOMPARE(t.effectiveStartTls(), StartTls::Imap);
        t.files = {deploy::DeployFile{deploy::FileContent::FullChain, dovecot.certificateFile(), 0644},
                   deploy::DeployFile{deploy::FileContent::PrivateKey, dovecot.keyFile(), 0600}};
        t.configTest = {QStringLiteral("doveconf"), QStringLiteral("-c"), dovecot.configFile(), QStringLiteral("-n")};
        t.reload = {QStringLiteral("kill"), QStringLiteral("-HUP"), QString::number(dovecot.pid())};
        t.verifyHost = QStringLiteral("127.0.0.1");
        t.verifyPort = dovecot.imapPort();
        t.verifyStartTls = StartTls::Imap; // not on 143 here, so said explicitly
        t.verifyServerName = QStringLiteral("imap.example.test");

        deploy::DeployMaterial m;
        auto cert = crypto::Certificate::fromPem(second.certPem);
        auto key = crypto::PrivateKey::fromPem(second.keyPem);
        QVERIFY(cert && key);
        m.chain = {*cert};
        m.key = *key;
        deploy::Deployer::Options dopts;
        dopts.verifyTimeout = std::chrono::seconds(15);
        deploy::Deployer deployer(dopts);
        Progress progress;
        const deploy::DeployResult r =
            QCoro::waitFor(deployer.deploy(t, m, progress, CancelToken(), std::shared_ptr<ssh::SshSession>()));
        QVERIFY2(r.deployed, qPrintable(r.steps.join(QLatin1Char('\n')) +
                                        (r.error ? QStringLiteral("\n") + describe(*r.error) : QString())));
        QCOMPARE(r.previousFingerprint, first.fingerprint);
        QCOMPARE(r.servedFingerprint, second.fingerprint);
        const auto options = probeOptions(dovecot.imapPort(), StartTls::Imap, QStringLiteral("imap.example.test"));
        auto served = QCoro::waitFor(TlsProbe::probe(options));
        QVERIFY2(served, qPrintable(why(served)));
        QCOMPARE(served->leafSha256Hex, second.fingerprint);
    }

    void hostileAnswersAreBounded_data() {
        QTest::addColumn<int>("startTls");
        QTest::addColumn<QList<QByteArray>>("script");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("endless greeting line") << int(StartTls::Smtp) << QList<QByteArray>{QByteArray(20000, 'x')}
                                               << int(ErrorCode::Protocol) << QStringLiteral("longer than");
        QTest::newRow("endless multi-line reply")
            << int(StartTls::Smtp) << QList<QByteArray>{QByteArray("220-x\r\n").repeated(20000)}
            << int(ErrorCode::Protocol) << QStringLiteral("more than");
        QTest::newRow("smtp injection after the go-ahead")
            << int(StartTls::Smtp)
            << QList<QByteArray>{"220 mx ESMTP\r\n", "250-mx\r\n250 STARTTLS\r\n", "220 go ahead\r\nRSET\r\n"}
            << int(ErrorCode::Protocol) << QStringLiteral("injection");
        QTest::newRow("imap injection after the go-ahead")
            << int(StartTls::Imap) << QList<QByteArray>{"* OK ready\r\n", "a1 OK begin\r\n* BYE injected\r\n"}
            << int(ErrorCode::Protocol) << QStringLiteral("injection");
        QTest::newRow("not smtp") << int(StartTls::Smtp) << QList<QByteArray>{"HTTP/1.1 400 Bad Request\r\n"}
                                  << int(ErrorCode::Protocol) << QStringLiteral("SMTP");
        QTest::newRow("smtp refuses") << int(StartTls::Smtp) << QList<QByteArray>{"554 go away\r\n"}
                                      << int(ErrorCode::Protocol) << QStringLiteral("554");
        QTest::newRow("pop3 without stls")
            << int(StartTls::Pop3) << QList<QByteArray>{"+OK pop3\r\n", "-ERR unknown command\r\n"}
            << int(ErrorCode::Tls) << QStringLiteral("does not offer STARTTLS");
        QTest::newRow("silent") << int(StartTls::Imap) << QList<QByteArray>{} << int(ErrorCode::Timeout)
                                << QStringLiteral("STARTTLS");
    }

    void hostileAnswersAreBounded() {
        QFETCH(int, startTls);
        QFETCH(QList<QByteArray>, script);
        QFETCH(int, code);
        QFETCH(QString, words);
        ScriptedServer server(script);
        QVERIFY(server.port() != 0);
        auto options = probeOptions(server.port(), static_cast<StartTls>(startTls), QStringLiteral("x.example.test"));
        options.timeout = std::chrono::milliseconds(1500);
        auto r = QCoro::waitFor(TlsProbe::probe(options));
        QVERIFY(!r);
        QVERIFY2(int(r.error().code) == code, qPrintable(describe(r.error())));
        QVERIFY2(r.error().userMessage.contains(words), qPrintable(r.error().userMessage));
    }
};

QTEST_GUILESS_MAIN(TestStartTls)
#include "TestStartTls.moc"
