// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deploy/NginxSite.h"

#include "core/common/Async.h"
#include "core/crypto/CertificateAuthority.h"
#include "core/crypto/PrivateKey.h"
#include "core/ssh/RemoteCommand.h"
#include "core/ssh/SshSession.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QObject>
#include <QRegularExpression>

namespace certdeck::deploy {

namespace {

bool isHostName(const QString& name, bool allowWildcard) {
    static const QRegularExpression re(
        QStringLiteral("^(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"));
    if (name.size() > 253 || !re.match(name).hasMatch())
        return false;
    return allowWildcard || !name.startsWith(QLatin1String("*."));
}

// Paths go into nginx directives that expand variables (ssl_certificate, root): no $, no syntax.
bool isSafePath(const QString& path) {
    static const QRegularExpression re(QStringLiteral("^/[A-Za-z0-9._/+@=,:-]*$"));
    return path.size() < 1024 && re.match(path).hasMatch() &&
           !path.split(QLatin1Char('/')).contains(QStringLiteral(".."));
}

bool isUpstream(const QString& upstream) {
    if (upstream.startsWith(QLatin1String("unix:/")))
        return isSafePath(upstream.mid(5));
    static const QRegularExpression hostPort(QStringLiteral("^([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):([0-9]{1,5})$"));
    const auto m = hostPort.match(upstream);
    if (!m.hasMatch())
        return false;
    const int port = m.captured(2).toInt();
    return port > 0 && port < 65536;
}

QString folderOf(const QString& path) {
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash <= 0 ? QStringLiteral("/") : path.left(slash);
}

QString listen(const NginxSite::Options& o, quint16 port, const QString& flags) {
    QString out;
    if (o.listenAddress.isEmpty()) {
        out += QStringLiteral("    listen %1%2;\n").arg(port).arg(flags);
        if (o.ipv6)
            out += QStringLiteral("    listen [::]:%1%2;\n").arg(port).arg(flags);
    } else {
        const QHostAddress a(o.listenAddress);
        const QString host = a.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QLatin1Char('[') + a.toString() + QLatin1Char(']')
                                 : a.toString();
        out += QStringLiteral("    listen %1:%2%3;\n").arg(host).arg(port).arg(flags);
    }
    return out;
}

QCoro::Task<Result<ssh::CommandResult>> runArgv(std::shared_ptr<ssh::SshSession> session, QStringList argv, bool sudo,
                                                CancelToken cancel) {
    ssh::RemoteCommand command(std::move(argv));
    if (sudo)
        command = command.withSudo();
    const std::chrono::seconds timeout(120);
    auto task = session->run(command, timeout, cancel);
    auto result = co_await task;
    co_return result;
}

// Puts the previous server block back (or removes ours when there was none); best effort.
QCoro::Task<> restoreConfig(ssh::SftpClient sftp, QString path, QByteArray previous, bool existed) {
    if (existed) {
        auto t = sftp.writeFileAtomic(path, previous, 0644);
        auto r = co_await t;
        Q_UNUSED(r);
    } else {
        auto t = sftp.remove(path);
        auto r = co_await t;
        Q_UNUSED(r);
    }
}

} // namespace

NginxSite::Options NginxSite::withDefaults(Options o) {
    o.serverName = o.serverName.trimmed().toLower();
    for (QString& a : o.aliases)
        a = a.trimmed().toLower();
    const QString base =
        o.serverName.startsWith(QLatin1String("*.")) ? QStringLiteral("wildcard") + o.serverName.mid(1) : o.serverName;
    if (o.webroot.isEmpty())
        o.webroot = QStringLiteral("/var/www/certdeck-acme");
    if (o.certificatePath.isEmpty())
        o.certificatePath = QStringLiteral("/etc/ssl/certdeck/%1/fullchain.pem").arg(base);
    if (o.keyPath.isEmpty())
        o.keyPath = QStringLiteral("/etc/ssl/certdeck/%1/privkey.pem").arg(base);
    if (o.configPath.isEmpty())
        o.configPath = QStringLiteral("/etc/nginx/conf.d/certdeck-%1.conf").arg(base);
    return o;
}

Status NginxSite::validate(const Options& o) {
    for (const QString& name : QStringList{o.serverName} + o.aliases) {
        if (!isHostName(name, true))
            return Error(
                ErrorCode::InvalidInput,
                QObject::tr("\"%1\" is not a host name (letters, digits, hyphens and dots only).").arg(name.left(80)));
    }
    if (!isUpstream(o.upstream))
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("\"%1\" is not an upstream address: use host:port (127.0.0.1:5000) or "
                                 "unix:/path.")
                         .arg(o.upstream.left(80)));
    for (const QString* p : {&o.webroot, &o.certificatePath, &o.keyPath, &o.configPath}) {
        if (!isSafePath(*p))
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("\"%1\" is not an absolute path nginx can take safely (letters, digits and "
                                     "._/+@=,:- only).")
                             .arg(p->left(200)));
    }
    if (!o.listenAddress.isEmpty() && QHostAddress(o.listenAddress).isNull())
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("\"%1\" is not an IP address to listen on.").arg(o.listenAddress.left(80)));
    if (o.httpPort == 0 || o.httpsPort == 0 || o.httpPort == o.httpsPort)
        return Error(ErrorCode::InvalidInput, QObject::tr("The HTTP and HTTPS ports must be set and differ."));
    return {};
}

Result<QString> NginxSite::render(const Options& input) {
    const Options o = withDefaults(input);
    if (auto valid = validate(o); !valid)
        return valid.error();
    const QString names = (QStringList{o.serverName} + o.aliases).join(QLatin1Char(' '));
    // One map variable per site: two sites defining the same variable would make `nginx -t` fail.
    const QString upgradeVar =
        QStringLiteral("$certdeck_upgrade_") +
        QString::fromLatin1(
            QCryptographicHash::hash(o.serverName.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
    const QString httpsRedirect = o.httpsPort == 443 ? QStringLiteral("https://$host$request_uri")
                                                     : QStringLiteral("https://$host:%1$request_uri").arg(o.httpsPort);
    QString c;
    c += QStringLiteral("# Generated by Certdeck for %1. Installing the site again replaces this file.\n")
             .arg(o.serverName);
    c += QStringLiteral("map $http_upgrade %1 {\n    default upgrade;\n    '' close;\n}\n\n").arg(upgradeVar);
    c += QStringLiteral("server {\n");
    c += listen(o, o.httpPort, QString());
    c += QStringLiteral("    server_name %1;\n\n").arg(names);
    c += QStringLiteral("    # RFC 8555 section 8.3: the CA fetches the http-01 token over plain HTTP on port 80.\n"
                        "    location ^~ /.well-known/acme-challenge/ {\n"
                        "        root %1;\n"
                        "        default_type text/plain;\n"
                        "        try_files $uri =404;\n"
                        "    }\n\n"
                        "    location / {\n"
                        "        return 301 %2;\n"
                        "    }\n"
                        "}\n\n")
             .arg(o.webroot, httpsRedirect);
    c += QStringLiteral("server {\n");
    c += listen(o, o.httpsPort, o.http2 ? QStringLiteral(" ssl http2") : QStringLiteral(" ssl"));
    c += QStringLiteral("    server_name %1;\n\n").arg(names);
    c += QStringLiteral("    ssl_certificate %1;\n"
                        "    ssl_certificate_key %2;\n"
                        "    ssl_protocols TLSv1.2 TLSv1.3;\n"
                        "    ssl_prefer_server_ciphers off;\n"
                        "    ssl_session_timeout 1d;\n"
                        "    ssl_session_tickets off;\n")
             .arg(o.certificatePath, o.keyPath);
    if (o.hsts)
        c += QStringLiteral("    add_header Strict-Transport-Security \"max-age=63072000\" always;\n");
    c += QStringLiteral("\n    location / {\n"
                        "        proxy_pass http://%1;\n"
                        "        proxy_http_version 1.1;\n"
                        "        proxy_set_header Host $host;\n"
                        "        proxy_set_header X-Real-IP $remote_addr;\n"
                        "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                        "        proxy_set_header X-Forwarded-Proto $scheme;\n"
                        "        # WebSocket (RFC 6455 section 4): pass the upgrade through.\n"
                        "        proxy_set_header Upgrade $http_upgrade;\n"
                        "        proxy_set_header Connection %2;\n"
                        "        proxy_read_timeout 300s;\n"
                        "    }\n"
                        "}\n")
             .arg(o.upstream, upgradeVar);
    return c;
}

DeployTarget NginxSite::deployTarget(const Options& input, const ssh::SshTarget& server) {
    const Options o = withDefaults(input);
    DeployTarget t;
    t.name = o.serverName;
    t.server = server;
    t.files = {DeployFile{FileContent::FullChain, o.certificatePath, 0644},
               DeployFile{FileContent::PrivateKey, o.keyPath, 0600}};
    t.configTest = o.configTest;
    t.reload = o.reload;
    t.useSudo = o.useSudo;
    t.verifyHost = o.listenAddress.isEmpty() ? server.host : o.listenAddress;
    t.verifyPort = o.httpsPort;
    t.verifyServerName = o.serverName.startsWith(QLatin1String("*.")) ? QString() : o.serverName;
    return t;
}

QCoro::Task<Result<NginxSite::Installed>> NginxSite::install(std::shared_ptr<ssh::SshSession> session, Options input,
                                                             Progress& progress, CancelToken cancel) {
    const Options o = withDefaults(input);
    auto rendered = render(o);
    if (!rendered)
        co_return rendered.error();
    if (!session || !session->isConnected())
        co_return Error(ErrorCode::Ssh, QObject::tr("Not connected to the server."));
    const QString id = QStringLiteral("site:") + o.serverName;
    ssh::SftpClient sftp = session->sftp();
    Installed installed;
    installed.configPath = o.configPath;
    installed.config = *rendered;

    for (const QString& dir : {o.webroot + QStringLiteral("/.well-known/acme-challenge"), folderOf(o.certificatePath),
                               folderOf(o.keyPath), folderOf(o.configPath)}) {
        auto task = sftp.mkdirs(dir, 0755);
        auto made = co_await task;
        if (!made)
            co_return made.error();
    }

    // Placeholder so that nginx starts before the first real certificate.
    const QString certPath = o.certificatePath;
    const QString keyPath = o.keyPath;
    auto certStatTask = sftp.stat(certPath);
    auto certStat = co_await certStatTask;
    if (!certStat)
        co_return certStat.error();
    auto keyStatTask = sftp.stat(keyPath);
    auto keyStat = co_await keyStatTask;
    if (!keyStat)
        co_return keyStat.error();
    if (!certStat->exists || !keyStat->exists) {
        progress.report(id + QStringLiteral(":placeholder"),
                        QObject::tr("Installing a self-signed placeholder for %1").arg(o.serverName));
        const QStringList names = QStringList{o.serverName} + o.aliases;
        auto keyJob = runBlocking([] { return crypto::PrivateKey::generate(crypto::KeyType::P256); });
        auto key = co_await keyJob;
        if (!key)
            co_return key.error();
        auto cert = crypto::CertificateAuthority::selfSigned(*key, names, 90);
        if (!cert)
            co_return cert.error();
        auto keyPem = key->toPem();
        if (!keyPem)
            co_return keyPem.error();
        const SecureBytes keyBytes = *keyPem;
        auto writeKey = sftp.writeFileAtomic(keyPath, keyBytes, 0600);
        auto keyWritten = co_await writeKey;
        if (!keyWritten)
            co_return keyWritten.error();
        const QByteArray certBytes = cert->toPem();
        auto writeCert = sftp.writeFileAtomic(certPath, certBytes, 0644);
        auto certWritten = co_await writeCert;
        if (!certWritten)
            co_return certWritten.error();
        installed.placeholder = true;
        progress.done(id + QStringLiteral(":placeholder"),
                      QObject::tr("Self-signed placeholder installed for %1").arg(o.serverName));
    }

    // The server block, keeping what was there to put it back.
    const QString confPath = o.configPath;
    auto confStatTask = sftp.stat(confPath);
    auto confStat = co_await confStatTask;
    if (!confStat)
        co_return confStat.error();
    QByteArray previous;
    if (confStat->exists) {
        auto readTask = sftp.readFile(confPath, 1 << 20);
        auto read = co_await readTask;
        if (!read)
            co_return read.error();
        previous = *read;
    }
    const QByteArray text = rendered->toUtf8();
    auto writeConf = sftp.writeFileAtomic(confPath, text, 0644);
    auto confWritten = co_await writeConf;
    if (!confWritten)
        co_return confWritten.error();

    const bool existed = confStat->exists;

    const QString server = session->target().displayName();
    for (const QStringList* step : {&o.configTest, &o.reload}) {
        if (step->isEmpty())
            continue;
        const QStringList argv = *step;
        progress.report(id, QObject::tr("Running %1 on %2").arg(ssh::RemoteCommand(argv).toString(), server));
        auto task = runArgv(session, argv, o.useSudo, cancel);
        auto ran = co_await task;
        if (!ran || !ran->succeeded()) {
            auto undo = restoreConfig(sftp, confPath, previous, existed);
            co_await undo;
            const Error e =
                ran ? Error(ErrorCode::Deploy,
                            QObject::tr("%1 failed on %2 (exit %3); the previous server block was put back.")
                                .arg(ssh::RemoteCommand(argv).toString(), server)
                                .arg(ran->exitCode),
                            QString::fromUtf8(ran->stdErr.left(2000) + ran->stdOut.left(1000)))
                    : ran.error();
            progress.failed(id, e.userMessage);
            co_return e;
        }
    }
    progress.done(id, QObject::tr("Site %1 installed in %2").arg(o.serverName, o.configPath));
    co_return installed;
}

} // namespace certdeck::deploy
