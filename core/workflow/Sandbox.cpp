// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/Sandbox.h"

#include "core/common/Async.h"
#include "core/common/AtomicFile.h"
#include "core/common/Log.h"
#include "core/crypto/CertificateAuthority.h"
#include "core/net/HttpClient.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QUdpSocket>

#include <csignal>
#include <sys/prctl.h>

namespace certdeck::workflow {

namespace {
quint16 freeLoopbackPort(bool alsoUdp) {
    for (int tries = 0; tries < 50; ++tries) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0))
            continue;
        const quint16 port = tcp.serverPort();
        if (alsoUdp) {
            QUdpSocket udp;
            if (!udp.bind(QHostAddress::LocalHost, port))
                continue;
        }
        return port;
    }
    return 0;
}

Status ensureListenerCertificate(const QString& dir, QString* caFile) {
    const QString ca = dir + QStringLiteral("/listener-ca.pem");
    const QString cert = dir + QStringLiteral("/listener.pem");
    const QString key = dir + QStringLiteral("/listener.key");
    *caFile = ca;
    if (QFile::exists(ca) && QFile::exists(cert) && QFile::exists(key)) {
        QFile f(cert);
        if (f.open(QIODevice::ReadOnly)) {
            auto c = crypto::Certificate::fromPem(f.readAll());
            if (c && c->notAfter() > QDateTime::currentDateTimeUtc().addDays(1))
                return {};
        }
    }
    if (auto s = makeDirectory(dir, 0700); !s)
        return s;
    auto root = crypto::CertificateAuthority::createRoot(QStringLiteral("Certdeck sandbox listener CA"), 365);
    if (!root)
        return root.error();
    auto leafKey = crypto::PrivateKey::generate(crypto::KeyType::P256);
    if (!leafKey)
        return leafKey.error();
    auto leaf = crypto::CertificateAuthority::issue(
        root->first, root->second, *leafKey,
        {QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1")}, 365);
    if (!leaf)
        return leaf.error();
    auto keyPem = leafKey->toPem();
    if (!keyPem)
        return keyPem.error();
    if (auto s = writeFileAtomic(key, keyPem->bytes(), 0600); !s)
        return s;
    if (auto s = writeFileAtomic(cert, leaf->toPem(), 0644); !s)
        return s;
    return writeFileAtomic(ca, root->second.toPem(), 0644); // the CA key is never written: nothing else can be signed
}

QProcess* startProcess(const QString& program, const QStringList& args, const QProcessEnvironment& env,
                       const QString& logPath, QObject* parent) {
    auto* p = new QProcess(parent);
    p->setProgram(program);
    p->setArguments(args);
    p->setProcessEnvironment(env);
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->setStandardOutputFile(logPath);
    p->setStandardInputFile(QProcess::nullDevice());
    p->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    p->start();
    return p;
}
} // namespace

Sandbox::~Sandbox() {
    stop();
}

void Sandbox::stop() {
    for (QProcess* p : {m_pebble, m_chall}) {
        if (p && p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(2000)) {
                p->kill();
                p->waitForFinished(2000);
            }
        }
    }
}

QUrl Sandbox::directoryUrl() const {
    return QUrl(QStringLiteral("https://127.0.0.1:%1/dir").arg(m_port));
}

QCoro::Task<Result<std::unique_ptr<Sandbox>>> Sandbox::start(const QString& stateDir) {
    const QString pebble = QStandardPaths::findExecutable(QStringLiteral("pebble"));
    const QString chall = QStandardPaths::findExecutable(QStringLiteral("pebble-challtestsrv"));
    if (pebble.isEmpty() || chall.isEmpty())
        co_return Error(ErrorCode::NotFound,
                        QObject::tr("The sandbox needs Pebble: install the Debian package 'pebble' "
                                    "(sudo apt install pebble)."));
    const QString dir = stateDir + QStringLiteral("/sandbox");
    QString caFile;
    auto prepare = [dir, &caFile] {
        return ensureListenerCertificate(dir, &caFile);
    };
    auto pending1 = runBlocking(std::move(prepare));
    auto made = co_await pending1;
    qCDebug(lcWorkflow) << "sandbox listener certificate ready";
    if (!made)
        co_return made.error().withContext(QObject::tr("Preparing the sandbox"));

    std::unique_ptr<Sandbox> sb(new Sandbox);
    sb->m_caFile = caFile;
    sb->m_port = freeLoopbackPort(false);
    const quint16 mgmt = freeLoopbackPort(false);
    sb->m_httpPort = freeLoopbackPort(false);
    sb->m_dnsPort = freeLoopbackPort(true);
    sb->m_challMgmtPort = freeLoopbackPort(false);
    const quint16 tlsPort = freeLoopbackPort(false);
    if (!sb->m_port || !mgmt || !sb->m_httpPort || !sb->m_dnsPort || !sb->m_challMgmtPort || !tlsPort)
        co_return Error(ErrorCode::Network, QObject::tr("No free loopback port for the sandbox."));

    const QJsonObject cfg{
        {QStringLiteral("pebble"),
         QJsonObject{{QStringLiteral("listenAddress"), QStringLiteral("127.0.0.1:%1").arg(sb->m_port)},
                     {QStringLiteral("managementListenAddress"), QStringLiteral("127.0.0.1:%1").arg(mgmt)},
                     {QStringLiteral("certificate"), dir + QStringLiteral("/listener.pem")},
                     {QStringLiteral("privateKey"), dir + QStringLiteral("/listener.key")},
                     {QStringLiteral("httpPort"), sb->m_httpPort},
                     {QStringLiteral("tlsPort"), tlsPort},
                     {QStringLiteral("ocspResponderURL"), QString()},
                     {QStringLiteral("externalAccountBindingRequired"), false}}}};
    if (auto s = writeFileAtomic(dir + QStringLiteral("/pebble-config.json"), QJsonDocument(cfg).toJson(), 0600); !s)
        co_return s.error();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    sb->m_chall = startProcess(chall,
                               {QStringLiteral("-defaultIPv4"), QStringLiteral("127.0.0.1"),
                                QStringLiteral("-defaultIPv6"), QString(), QStringLiteral("-dns01"),
                                QStringLiteral("127.0.0.1:%1").arg(sb->m_dnsPort), QStringLiteral("-http01"), QString(),
                                QStringLiteral("-https01"), QString(), QStringLiteral("-tlsalpn01"), QString(),
                                QStringLiteral("-management"), QStringLiteral("127.0.0.1:%1").arg(sb->m_challMgmtPort)},
                               env, dir + QStringLiteral("/challtestsrv.log"), sb.get());
    env.insert(QStringLiteral("PEBBLE_VA_NOSLEEP"), QStringLiteral("1"));
    env.insert(QStringLiteral("PEBBLE_WFE_NONCEREJECT"), QStringLiteral("0"));
    env.insert(QStringLiteral("PEBBLE_AUTHZREUSE"), QStringLiteral("0"));
    sb->m_pebble = startProcess(pebble,
                                {QStringLiteral("-config"), dir + QStringLiteral("/pebble-config.json"),
                                 QStringLiteral("-dnsserver"), QStringLiteral("127.0.0.1:%1").arg(sb->m_dnsPort)},
                                env, dir + QStringLiteral("/pebble.log"), sb.get());

    qCDebug(lcWorkflow) << "sandbox processes started" << sb->m_pebble->state() << sb->m_chall->state();
    // Ready when the directory answers over TLS with our listener CA.
    net::HttpClient http;
    const CancelToken never;
    if (auto s = http.addTrustedCertificatesFromFile(caFile); !s)
        co_return s.error();
    for (int i = 0; i < 300; ++i) {
        if (sb->m_pebble->state() == QProcess::NotRunning || sb->m_chall->state() == QProcess::NotRunning)
            break;
        net::HttpRequest req;
        req.url = sb->directoryUrl();
        req.timeout = std::chrono::milliseconds(1000);
        auto r = co_await http.send(req);
        if (r && r->status == 200)
            co_return sb;
        const std::chrono::milliseconds pause(20);
        co_await sleepFor(pause, never);
    }
    QFile log(dir + QStringLiteral("/pebble.log"));
    QString tail;
    if (log.open(QIODevice::ReadOnly))
        tail = QString::fromLocal8Bit(log.readAll().right(2000));
    co_return Error(ErrorCode::Network, QObject::tr("The sandbox CA (Pebble) did not start."), tail);
}

} // namespace certdeck::workflow
