// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/PebbleFixture.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

namespace certdeck::test {

namespace {
// Synchronous HTTPS request for fixture plumbing only (management API), with a hard timeout.
QByteArray fetch(const QUrl& url, const QString& caFile, const QByteArray& postBody, int* status, QString* error) {
    QNetworkAccessManager nam;
    QNetworkRequest req(url);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificates(caFile);
    req.setSslConfiguration(ssl);
    req.setTransferTimeout(10000);
    QNetworkReply* reply = postBody.isNull() ? nam.get(req) : nam.post(req, postBody);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QByteArray body = reply->readAll();
    if (*status == 0 && error)
        *error = reply->errorString();
    reply->deleteLater();
    return body;
}
} // namespace

PebbleFixture::PebbleFixture()
    : PebbleFixture(Options{}) {}

PebbleFixture::PebbleFixture(Options options)
    : m_options(std::move(options)) {}

PebbleFixture::~PebbleFixture() {
    stop();
}

void PebbleFixture::stop() {
    m_pebble.reset();
    m_chall.reset();
}

bool PebbleFixture::makeListenerCertificate(QString* error) {
    const QString openssl = findBinary(QStringLiteral("openssl"), QStringLiteral("openssl"), error);
    if (openssl.isEmpty())
        return false;
    QDir(m_dir.path()).mkpath(QStringLiteral("ca"));
    const QString ca = m_dir.filePath(QStringLiteral("ca"));
    QFile ext(ca + QStringLiteral("/server.ext"));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
              "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\n");
    ext.close();
    return runTool(openssl,
                   {QStringLiteral("req"),
                    QStringLiteral("-x509"),
                    QStringLiteral("-new"),
                    QStringLiteral("-newkey"),
                    QStringLiteral("ec"),
                    QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:P-256"),
                    QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"),
                    ca + QStringLiteral("/ca.key"),
                    QStringLiteral("-out"),
                    ca + QStringLiteral("/ca.pem"),
                    QStringLiteral("-days"),
                    QStringLiteral("30"),
                    QStringLiteral("-subj"),
                    QStringLiteral("/CN=Certdeck test listener CA"),
                    QStringLiteral("-addext"),
                    QStringLiteral("basicConstraints=critical,CA:TRUE"),
                    QStringLiteral("-addext"),
                    QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
                   error) &&
           runTool(openssl,
                   {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), ca + QStringLiteral("/server.key"), QStringLiteral("-out"),
                    ca + QStringLiteral("/server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")},
                   error) &&
           runTool(openssl,
                   {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    ca + QStringLiteral("/server.csr"), QStringLiteral("-CA"), ca + QStringLiteral("/ca.pem"),
                    QStringLiteral("-CAkey"), ca + QStringLiteral("/ca.key"), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-sha256"),
                    QStringLiteral("-extfile"), ca + QStringLiteral("/server.ext"), QStringLiteral("-out"),
                    ca + QStringLiteral("/server.pem")},
                   error);
}

bool PebbleFixture::start(QString* error) {
    const QString pebbleBin = findBinary(QStringLiteral("pebble"), QStringLiteral("pebble"), error);
    if (pebbleBin.isEmpty())
        return false;
    const QString challBin = findBinary(QStringLiteral("pebble-challtestsrv"), QStringLiteral("pebble"), error);
    if (challBin.isEmpty())
        return false;
    if (!m_dir.isValid() || !makeListenerCertificate(error))
        return false;

    m_port = freePort();
    m_mgmtPort = freePort();
    if (m_options.httpPort == 0)
        m_options.httpPort = freePort();
    const quint16 tlsPort = freePort();

    QString dns = m_options.dnsServer;
    if (dns.isEmpty()) {
        m_dnsPort = freePort(true);
        m_challMgmtPort = freePort();
        m_chall = std::make_unique<ServerProcess>(QStringLiteral("pebble-challtestsrv"),
                                                  m_dir.filePath(QStringLiteral("challtestsrv.log")));
        const QStringList args{QStringLiteral("-defaultIPv4"), QStringLiteral("127.0.0.1"),
                               QStringLiteral("-defaultIPv6"), QString(),
                               QStringLiteral("-dns01"),       QStringLiteral("127.0.0.1:%1").arg(m_dnsPort),
                               QStringLiteral("-http01"),      QString(),
                               QStringLiteral("-https01"),     QString(),
                               QStringLiteral("-tlsalpn01"),   QString(),
                               QStringLiteral("-management"),  QStringLiteral("127.0.0.1:%1").arg(m_challMgmtPort)};
        if (!m_chall->start(challBin, args, QProcessEnvironment::systemEnvironment(), error) ||
            !m_chall->waitForTcp(m_challMgmtPort, std::chrono::seconds(15), error))
            return false;
        dns = QStringLiteral("127.0.0.1:%1").arg(m_dnsPort);
    }

    QJsonObject cfg{{QStringLiteral("listenAddress"), QStringLiteral("127.0.0.1:%1").arg(m_port)},
                    {QStringLiteral("managementListenAddress"), QStringLiteral("127.0.0.1:%1").arg(m_mgmtPort)},
                    {QStringLiteral("certificate"), m_dir.filePath(QStringLiteral("ca/server.pem"))},
                    {QStringLiteral("privateKey"), m_dir.filePath(QStringLiteral("ca/server.key"))},
                    {QStringLiteral("httpPort"), m_options.httpPort},
                    {QStringLiteral("tlsPort"), tlsPort},
                    {QStringLiteral("ocspResponderURL"), QString()},
                    {QStringLiteral("externalAccountBindingRequired"), !m_options.eabKeys.isEmpty()}};
    if (!m_options.eabKeys.isEmpty()) {
        QJsonObject keys;
        for (auto it = m_options.eabKeys.cbegin(); it != m_options.eabKeys.cend(); ++it)
            keys.insert(it.key(), it.value());
        cfg.insert(QStringLiteral("externalAccountMACKeys"), keys);
    }
    const QString cfgPath = m_dir.filePath(QStringLiteral("pebble-config.json"));
    QFile f(cfgPath);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("pebble"), cfg}}).toJson());
    f.close();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PEBBLE_VA_NOSLEEP"), QStringLiteral("1"));
    env.insert(QStringLiteral("PEBBLE_WFE_NONCEREJECT"), QString::number(m_options.nonceRejectPercent));
    env.insert(QStringLiteral("PEBBLE_AUTHZREUSE"), QStringLiteral("0"));
    env.insert(QStringLiteral("PEBBLE_ALTERNATE_ROOTS"), QString::number(m_options.alternateRoots));
    m_pebble = std::make_unique<ServerProcess>(QStringLiteral("pebble"), m_dir.filePath(QStringLiteral("pebble.log")));
    if (!m_pebble->start(pebbleBin, {QStringLiteral("-config"), cfgPath, QStringLiteral("-dnsserver"), dns}, env,
                         error) ||
        !m_pebble->waitForTcp(m_port, std::chrono::seconds(20), error))
        return false;
    return m_pebble->waitForLog(QStringLiteral("Listening on"), std::chrono::seconds(10), error);
}

QUrl PebbleFixture::directoryUrl() const {
    return QUrl(QStringLiteral("https://127.0.0.1:%1/dir").arg(m_port));
}

QByteArray PebbleFixture::rootCertificatePem(QString* error, int index) const {
    int status = 0;
    QByteArray body = fetch(QUrl(QStringLiteral("https://127.0.0.1:%1/roots/%2").arg(m_mgmtPort).arg(index)),
                            listenerCaFile(), QByteArray(), &status, error);
    return status == 200 ? body : QByteArray();
}

bool PebbleFixture::postManagement(quint16 port, const QString& path, const QByteArray& json, QString* error) const {
    // challtestsrv's management interface is plain HTTP on loopback.
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = nam.post(req, json);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && error)
        *error = QStringLiteral("challtestsrv %1 failed: %2 %3").arg(path).arg(status).arg(reply->errorString());
    reply->deleteLater();
    return status == 200;
}

bool PebbleFixture::setTxt(const QString& fqdn, const QString& value, QString* error) const {
    QString host = fqdn.endsWith(QLatin1Char('.')) ? fqdn : fqdn + QLatin1Char('.');
    return postManagement(m_challMgmtPort, QStringLiteral("/set-txt"),
                          QJsonDocument(QJsonObject{{QStringLiteral("host"), host}, {QStringLiteral("value"), value}})
                              .toJson(QJsonDocument::Compact),
                          error);
}

bool PebbleFixture::clearTxt(const QString& fqdn, QString* error) const {
    QString host = fqdn.endsWith(QLatin1Char('.')) ? fqdn : fqdn + QLatin1Char('.');
    return postManagement(m_challMgmtPort, QStringLiteral("/clear-txt"),
                          QJsonDocument(QJsonObject{{QStringLiteral("host"), host}}).toJson(QJsonDocument::Compact),
                          error);
}

int PebbleFixture::requestCount() const {
    // Pebble logs one "METHOD /path -> calling handler()" line per request.
    QFile f(m_dir.filePath(QStringLiteral("pebble.log")));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return static_cast<int>(f.readAll().count("-> calling handler()"));
}

QString PebbleFixture::log() const {
    return m_pebble ? m_pebble->log() : QString();
}

QList<qint64> PebbleFixture::pids() const {
    QList<qint64> out;
    if (m_chall)
        out << m_chall->pid();
    if (m_pebble)
        out << m_pebble->pid();
    return out;
}

} // namespace certdeck::test
