// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/PowerDnsFixture.h"

#include <QBuffer>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

namespace certdeck::test {

namespace {
const QString schemaPath = QStringLiteral("/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql");
} // namespace

PowerDnsFixture::PowerDnsFixture() = default;

PowerDnsFixture::~PowerDnsFixture() {
    stop();
}

void PowerDnsFixture::stop() {
    m_pdns.reset();
}

QUrl PowerDnsFixture::apiUrl() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_apiPort));
}

int PowerDnsFixture::apiRequest(const QByteArray& method, const QString& path, const QByteArray& body,
                                QByteArray* response, QString* error) const {
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(apiUrl().toString() + path));
    req.setRawHeader("X-API-Key", m_apiKey.toLatin1());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(10000);
    QBuffer bodyBuffer;
    bodyBuffer.setData(body);
    QNetworkReply* reply = nam.sendCustomRequest(req, method, &bodyBuffer);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    if (response)
        *response = data;
    if (error)
        *error = QStringLiteral("%1 %2 -> %3 %4 %5")
                     .arg(QString::fromLatin1(method), path)
                     .arg(status)
                     .arg(reply->errorString(), QString::fromUtf8(data.left(2000)));
    reply->deleteLater();
    return status;
}

bool PowerDnsFixture::start(QString* error) {
    const QString pdns = findBinary(QStringLiteral("pdns_server"), QStringLiteral("pdns-server"), error);
    if (pdns.isEmpty())
        return false;
    if (!QFileInfo::exists(schemaPath)) {
        if (error)
            *error = QStringLiteral("%1 is missing: install the Debian package 'pdns-backend-sqlite3' "
                                    "(installer/setup.sh deps does)")
                         .arg(schemaPath);
        return false;
    }
    const QString sqlite3 = findBinary(QStringLiteral("sqlite3"), QStringLiteral("sqlite3"), error);
    if (sqlite3.isEmpty())
        return false;
    if (!m_dir.isValid()) {
        if (error)
            *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }

    const QString db = m_dir.filePath(QStringLiteral("pdns.sqlite3"));
    if (!runTool(sqlite3, {db, QStringLiteral(".read %1").arg(schemaPath)}, error))
        return false;

    m_dnsPort = freePort(true);
    m_apiPort = freePort();
    QByteArray key(24, Qt::Uninitialized);
    QRandomGenerator::system()->generate(key.begin(), key.end());
    m_apiKey = QString::fromLatin1(key.toHex());

    const QString config = QStringLiteral("launch=gsqlite3\n"
                                          "gsqlite3-database=%1\n"
                                          "local-address=127.0.0.1\n"
                                          "local-port=%2\n"
                                          "api=yes\n"
                                          "api-key=%3\n"
                                          "webserver=yes\n"
                                          "webserver-address=127.0.0.1\n"
                                          "webserver-port=%4\n"
                                          "webserver-allow-from=127.0.0.0/8\n"
                                          "socket-dir=%5\n"
                                          "guardian=no\n"
                                          "daemon=no\n"
                                          "disable-syslog=yes\n"
                                          "loglevel=5\n"
                                          // Nothing leaves loopback: no secpoll.powerdns.com lookup.
                                          "security-poll-suffix=\n"
                                          // Answers reflect API changes at once: no caches.
                                          "cache-ttl=0\n"
                                          "negquery-cache-ttl=0\n"
                                          "query-cache-ttl=0\n"
                                          "zone-cache-refresh-interval=0\n"
                                          "distributor-threads=1\n"
                                          "receiver-threads=1\n")
                               .arg(db)
                               .arg(m_dnsPort)
                               .arg(m_apiKey)
                               .arg(m_apiPort)
                               .arg(m_dir.path());
    QFile f(m_dir.filePath(QStringLiteral("pdns.conf")));
    if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        f.write(config.toUtf8()) < 0) {
        if (error)
            *error = QStringLiteral("cannot write pdns.conf: %1").arg(f.errorString());
        return false;
    }
    f.close();

    m_pdns = std::make_unique<ServerProcess>(QStringLiteral("pdns_server"), m_dir.filePath(QStringLiteral("pdns.log")));
    if (!m_pdns->start(pdns, {QStringLiteral("--config-dir=%1").arg(m_dir.path())},
                       QProcessEnvironment::systemEnvironment(), error, m_dir.path()) ||
        !m_pdns->waitForTcp(m_apiPort, std::chrono::seconds(20), error) ||
        !m_pdns->waitForTcp(m_dnsPort, std::chrono::seconds(20), error))
        return false;

    // The API answers with our key: the server is ready for zones.
    QDeadlineTimer deadline(std::chrono::seconds(20));
    QString last;
    while (!deadline.hasExpired()) {
        if (apiRequest("GET", QStringLiteral("/api/v1/servers/localhost"), {}, nullptr, &last) == 200)
            return true;
        if (!m_pdns->isRunning())
            break;
        QThread::msleep(50);
    }
    if (error)
        *error = QStringLiteral("the PowerDNS API did not answer in time (%1). Its log:\n%2").arg(last, m_pdns->log());
    return false;
}

bool PowerDnsFixture::createZone(const QString& zone, QString* error) const {
    QString name = zone.trimmed().toLower();
    if (!name.endsWith(QLatin1Char('.')))
        name += QLatin1Char('.');
    const QJsonObject body{{QStringLiteral("name"), name},
                           {QStringLiteral("kind"), QStringLiteral("Native")},
                           {QStringLiteral("nameservers"), QJsonArray{QStringLiteral("ns1.") + name}}};
    const int status = apiRequest("POST", QStringLiteral("/api/v1/servers/localhost/zones"),
                                  QJsonDocument(body).toJson(QJsonDocument::Compact), nullptr, error);
    return status == 201;
}

} // namespace certdeck::test
