// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/NginxFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>

#include <unistd.h>

namespace certdeck::test {

namespace {

// Names go into nginx's configuration and openssl's extension file: only plain host names (or a
// leading "*." wildcard) pass, so nothing a test passes can add a directive or an extension.
bool isHostName(const QString& name) {
    static const QRegularExpression re(
        QStringLiteral("^(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}"
                       "[A-Za-z0-9])?)*$"));
    return name.size() <= 253 && re.match(name).hasMatch();
}

// An nginx string token: double-quoted with \ and " escaped (ngx_conf_read_token rules).
QString quoted(const QString& s) {
    QString out = s;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

bool writeFile(const QString& path, const QByteArray& content, bool privateFile, QString* error) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    // Set on the temporary file before any byte of a key is written to it.
    if (privateFile && !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (error)
            *error = QStringLiteral("cannot make %1 private: %2").arg(path, f.errorString());
        return false;
    }
    f.write(content);
    if (!f.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QByteArray readFile(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return {};
    }
    return f.readAll();
}

QString tail(const QString& path, qint64 bytes) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (f.size() > bytes)
        f.seek(f.size() - bytes);
    return QString::fromLocal8Bit(f.readAll());
}

// `nginx -V` lists compiled-out modules; their *_temp_path directives do not exist there.
QString nginxBuildInfo(const QString& nginx) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(nginx, {QStringLiteral("-V")});
    if (!p.waitForFinished(10000))
        return {};
    return QString::fromLocal8Bit(p.readAll());
}

} // namespace

NginxFixture::NginxFixture()
    : NginxFixture(Options{}) {}

NginxFixture::NginxFixture(Options options)
    : m_options(std::move(options)) {}

NginxFixture::~NginxFixture() {
    stop();
}

void NginxFixture::stop() {
    m_process.reset();
}

bool NginxFixture::isRunning() const {
    return m_process && m_process->isRunning();
}

qint64 NginxFixture::pid() const {
    return isRunning() ? m_process->pid() : 0;
}

QString NginxFixture::log() const {
    return QStringLiteral("--- error.log ---\n%1\n--- stderr ---\n%2")
        .arg(tail(errorLogPath(), 6000), tail(m_dir.filePath(QStringLiteral("logs/stderr.log")), 2000));
}

bool NginxFixture::issueCertificate(const QStringList& dnsNames, QByteArray* certPem, QByteArray* keyPem,
                                    QString* error) {
    if (dnsNames.isEmpty()) {
        if (error)
            *error = QStringLiteral("issueCertificate: no names given");
        return false;
    }
    QStringList sans;
    for (const QString& name : dnsNames) {
        if (!isHostName(name)) {
            if (error)
                *error = QStringLiteral("issueCertificate: '%1' is not a host name").arg(name);
            return false;
        }
        sans << QStringLiteral("DNS:") + name;
    }
    sans << QStringLiteral("IP:127.0.0.1") << QStringLiteral("IP:::1");

    const QString ca = m_dir.filePath(QStringLiteral("ca"));
    const QString work = m_dir.filePath(QStringLiteral("ca/issued-%1").arg(++m_issued));
    if (!QDir().mkpath(work)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(work);
        return false;
    }
    const QByteArray ext = "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                           "extendedKeyUsage=serverAuth\nsubjectAltName=" +
                           sans.join(QLatin1Char(',')).toLatin1() + '\n';
    if (!writeFile(work + QStringLiteral("/leaf.ext"), ext, false, error))
        return false;
    // The CN is informational only (clients match SANs); a wildcard there is fine too.
    const bool ok =
        runTool(m_openssl,
                {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                 QStringLiteral("-keyout"), work + QStringLiteral("/key.pem"), QStringLiteral("-out"),
                 work + QStringLiteral("/leaf.csr"), QStringLiteral("-subj"),
                 QStringLiteral("/CN=") + dnsNames.first()},
                error) &&
        runTool(m_openssl,
                {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                 work + QStringLiteral("/leaf.csr"), QStringLiteral("-CA"), ca + QStringLiteral("/ca.pem"),
                 QStringLiteral("-CAkey"), ca + QStringLiteral("/ca.key"), QStringLiteral("-CAcreateserial"),
                 QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-sha256"), QStringLiteral("-extfile"),
                 work + QStringLiteral("/leaf.ext"), QStringLiteral("-out"), work + QStringLiteral("/cert.pem")},
                error);
    if (!ok)
        return false;
    QFile::setPermissions(work + QStringLiteral("/key.pem"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    *certPem = readFile(work + QStringLiteral("/cert.pem"), error);
    *keyPem = readFile(work + QStringLiteral("/key.pem"), error);
    return !certPem->isEmpty() && !keyPem->isEmpty();
}

bool NginxFixture::makeCertificates(QString* error) {
    const QString ca = m_dir.filePath(QStringLiteral("ca"));
    if (!QDir().mkpath(ca) || !QDir().mkpath(m_dir.filePath(QStringLiteral("tls")))) {
        if (error)
            *error = QStringLiteral("cannot create the certificate directories in %1").arg(prefix());
        return false;
    }
    if (!runTool(m_openssl,
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
                  QStringLiteral("/CN=Certdeck test nginx CA"),
                  QStringLiteral("-addext"),
                  QStringLiteral("basicConstraints=critical,CA:TRUE"),
                  QStringLiteral("-addext"),
                  QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
                 error))
        return false;
    QFile::setPermissions(ca + QStringLiteral("/ca.key"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QByteArray cert;
    QByteArray key;
    return issueCertificate(m_options.serverNames, &cert, &key, error) &&
           writeFile(tlsCertPath(), cert, false, error) && writeFile(tlsKeyPath(), key, true, error);
}

bool NginxFixture::writeConfig(QString* error) {
    const QString p = prefix();
    // `root` and friends expand variables: a '$' in the temporary path would change their meaning.
    if (p.contains(QLatin1Char('$')) || p.contains(QLatin1Char('\n'))) {
        if (error)
            *error = QStringLiteral("the temporary directory %1 holds characters nginx cannot take in a path").arg(p);
        return false;
    }
    for (const QString& sub : {QStringLiteral("conf"), QStringLiteral("logs"), QStringLiteral("temp"),
                               QStringLiteral("www/.well-known/acme-challenge"), QStringLiteral("sites")}) {
        if (!QDir().mkpath(m_dir.filePath(sub))) {
            if (error)
                *error = QStringLiteral("cannot create %1").arg(m_dir.filePath(sub));
            return false;
        }
    }

    const QString build = nginxBuildInfo(m_nginx);
    QString tempPaths;
    for (const char* module : {"proxy", "fastcgi", "uwsgi", "scgi"}) {
        const QString name = QLatin1String(module);
        if (build.contains(QStringLiteral("--without-http_%1_module").arg(name)))
            continue;
        tempPaths +=
            QStringLiteral("    %1_temp_path %2;\n").arg(name, quoted(m_dir.filePath(QStringLiteral("temp/") + name)));
    }

    const QString names = m_options.serverNames.join(QLatin1Char(' '));
    const QString root = quoted(webroot());
    const QString serveFiles = QStringLiteral("try_files $uri =404;");
    // RFC 8555 §8.3: the CA fetches http://<name>/.well-known/acme-challenge/<token> on port 80 and
    // follows redirects; a typical port-80 server answers that path itself and redirects the rest.
    const QString httpLocations =
        m_options.redirectToHttps ? QStringLiteral("        location /.well-known/acme-challenge/ { %1 }\n"
                                                   "        location / { return 301 https://$host:%2$request_uri; }\n")
                                        .arg(serveFiles)
                                        .arg(m_httpsPort)
                                  : QStringLiteral("        location / { %1 }\n").arg(serveFiles);

    QString conf;
    conf += QStringLiteral("# Generated by tests/support/NginxFixture for one test run.\n"
                           "daemon off;\n");
    conf += m_options.masterProcess ? QStringLiteral("master_process on;\nworker_processes 1;\n")
                                    : QStringLiteral("master_process off;\n");
    // Without a `user` line nginx running as root would create its temp paths for "nobody".
    if (::geteuid() == 0)
        conf += QStringLiteral("user root;\n");
    conf += QStringLiteral("pid %1;\n").arg(quoted(m_dir.filePath(QStringLiteral("logs/nginx.pid"))));
    conf += QStringLiteral("lock_file %1;\n").arg(quoted(m_dir.filePath(QStringLiteral("logs/nginx.lock"))));
    conf += QStringLiteral("error_log %1 info;\n").arg(quoted(errorLogPath()));
    conf += QStringLiteral("events { worker_connections 256; }\n"
                           "http {\n"
                           "    server_tokens off;\n"
                           "    types { text/html html; text/plain txt; application/x-pem-file pem; }\n"
                           "    default_type application/octet-stream;\n");
    conf += QStringLiteral("    access_log %1;\n").arg(quoted(accessLogPath()));
    conf += QStringLiteral("    client_body_temp_path %1;\n").arg(quoted(m_dir.filePath(QStringLiteral("temp/body"))));
    conf += tempPaths;
    if (m_options.sitesInclude)
        conf += QStringLiteral("    include %1;\n").arg(quoted(sitesDir() + QStringLiteral("/*.conf")));
    conf += QStringLiteral("    server {\n"
                           "        listen 127.0.0.1:%1 default_server;\n"
                           "        server_name %2;\n"
                           "        root %3;\n")
                .arg(m_httpPort)
                .arg(names, root);
    conf += httpLocations;
    conf += QStringLiteral("    }\n"
                           "    server {\n"
                           "        listen 127.0.0.1:%1 ssl default_server;\n"
                           "        server_name %2;\n"
                           "        ssl_certificate %3;\n"
                           "        ssl_certificate_key %4;\n"
                           "        ssl_protocols TLSv1.2 TLSv1.3;\n"
                           "        root %5;\n"
                           "        location / { %6 }\n"
                           "    }\n"
                           "}\n")
                .arg(m_httpsPort)
                .arg(names, quoted(tlsCertPath()), quoted(tlsKeyPath()), root, serveFiles);
    return writeFile(confPath(), conf.toUtf8(), false, error);
}

QStringList NginxFixture::nginxArgs() const {
    // -e: the error log before the configuration is read; Debian's default would be stderr or /var/log.
    return {QStringLiteral("-p"), prefix() + QLatin1Char('/'), QStringLiteral("-c"),
            confPath(),           QStringLiteral("-e"),        errorLogPath()};
}

QStringList NginxFixture::nginxCommand(const QStringList& args) const {
    return QStringList{m_nginx} + args + nginxArgs();
}

bool NginxFixture::launch(QString* error) {
    m_process =
        std::make_unique<ServerProcess>(QStringLiteral("nginx"), m_dir.filePath(QStringLiteral("logs/stderr.log")));
    if (!m_process->start(m_nginx, nginxArgs(), QProcessEnvironment::systemEnvironment(), error, prefix()))
        return false;
    for (quint16 port : {m_httpPort, m_httpsPort}) {
        if (!m_process->waitForTcp(port, std::chrono::seconds(15), error)) {
            if (error)
                *error += QLatin1Char('\n') + log();
            return false;
        }
    }
    return true;
}

bool NginxFixture::start(QString* error) {
    if (m_process) {
        if (error)
            *error = QStringLiteral("NginxFixture::start called twice");
        return false;
    }
    m_nginx = findBinary(QStringLiteral("/usr/sbin/nginx"), QStringLiteral("nginx-light (or nginx)"), error);
    if (m_nginx.isEmpty())
        m_nginx = findBinary(QStringLiteral("nginx"), QStringLiteral("nginx-light (or nginx)"), error);
    if (m_nginx.isEmpty())
        return false;
    m_openssl = findBinary(QStringLiteral("openssl"), QStringLiteral("openssl"), error);
    if (m_openssl.isEmpty())
        return false;
    if (!m_dir.isValid()) {
        if (error)
            *error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    if (m_options.serverNames.isEmpty()) {
        if (error)
            *error = QStringLiteral("NginxFixture needs at least one server name");
        return false;
    }
    for (const QString& name : m_options.serverNames) {
        if (!isHostName(name)) {
            if (error)
                *error = QStringLiteral("NginxFixture: server name '%1' is not a host name").arg(name);
            return false;
        }
    }
    m_httpPort = freePort();
    m_httpsPort = freePort();
    if (!makeCertificates(error) || !writeConfig(error))
        return false;
    // Fails here with nginx's own words rather than as "did not listen in time".
    if (!testConfig(error))
        return false;
    return launch(error);
}

bool NginxFixture::testConfig(QString* error) const {
    if (m_nginx.isEmpty()) {
        if (error)
            *error = QStringLiteral("NginxFixture::testConfig before start()");
        return false;
    }
    return runTool(m_nginx, QStringList{QStringLiteral("-t"), QStringLiteral("-q")} + nginxArgs(), error, prefix());
}

bool NginxFixture::reload(QString* error) {
    if (!m_process) {
        if (error)
            *error = QStringLiteral("NginxFixture::reload before start()");
        return false;
    }
    // Like `nginx -s reload`, a configuration that does not load leaves the running server alone.
    if (!testConfig(error))
        return false;
    // Same ports: nginx binds with SO_REUSEADDR, so connections left in TIME_WAIT do not block it.
    m_process.reset();
    return launch(error);
}

bool NginxFixture::replaceCertificate(const QByteArray& certPem, const QByteArray& keyPem, QString* error) {
    if (!m_process) {
        if (error)
            *error = QStringLiteral("NginxFixture::replaceCertificate before start()");
        return false;
    }
    const QByteArray oldCert = readFile(tlsCertPath(), error);
    const QByteArray oldKey = readFile(tlsKeyPath(), error);
    if (oldCert.isEmpty() || oldKey.isEmpty())
        return false;
    if (!writeFile(tlsCertPath(), certPem, false, error) || !writeFile(tlsKeyPath(), keyPem, true, error))
        return false;
    QString why;
    if (!testConfig(&why)) {
        QString ignored;
        writeFile(tlsCertPath(), oldCert, false, &ignored);
        writeFile(tlsKeyPath(), oldKey, true, &ignored);
        if (error)
            *error = QStringLiteral("nginx refused the new certificate; the old one was put back: %1").arg(why);
        return false;
    }
    return reload(error);
}

bool NginxFixture::writeWebrootFile(const QString& relativePath, const QByteArray& content, QString* error) const {
    const QString clean = QDir::cleanPath(relativePath);
    if (clean.isEmpty() || QDir::isAbsolutePath(clean) || clean == QLatin1String("..") ||
        clean.startsWith(QLatin1String("../"))) {
        if (error)
            *error = QStringLiteral("'%1' is not a path inside the webroot").arg(relativePath);
        return false;
    }
    const QString path = webroot() + QLatin1Char('/') + clean;
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create the directory of %1").arg(path);
        return false;
    }
    return writeFile(path, content, false, error);
}

} // namespace certdeck::test
