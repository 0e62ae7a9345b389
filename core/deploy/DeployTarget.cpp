// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deploy/DeployTarget.h"

#include <QObject>
#include <QRegularExpression>
#include <QSet>

namespace certdeck::deploy {

namespace {

DeployFile file(FileContent content, const QString& directory, const QString& name) {
    QString dir = directory;
    while (dir.size() > 1 && dir.endsWith(QLatin1Char('/')))
        dir.chop(1);
    const bool secret = content == FileContent::PrivateKey || content == FileContent::Combined;
    return DeployFile{content, dir + QLatin1Char('/') + name, secret ? 0600 : 0644};
}

QStringList argv(std::initializer_list<const char*> parts) {
    QStringList out;
    for (const char* p : parts)
        out << QString::fromUtf8(p);
    return out;
}

} // namespace

DeployTarget DeployTarget::fromPreset(DeployPreset preset, const ssh::SshTarget& server, const QString& directory) {
    DeployTarget t;
    t.server = server;
    const QList<DeployFile> pair{file(FileContent::FullChain, directory, QStringLiteral("fullchain.pem")),
                                 file(FileContent::PrivateKey, directory, QStringLiteral("privkey.pem"))};
    switch (preset) {
    case DeployPreset::Nginx:
        t.files = pair;
        t.configTest = argv({"nginx", "-t"});
        t.reload = argv({"systemctl", "reload", "nginx"});
        break;
    case DeployPreset::Apache:
        // Apache 2.4.8+ reads the chain from SSLCertificateFile.
        t.files = pair;
        t.configTest = argv({"apachectl", "configtest"});
        t.reload = argv({"systemctl", "reload", "apache2"});
        break;
    case DeployPreset::HaProxy:
        // HAProxy's `crt` takes certificate, chain and key in one file.
        t.files = {file(FileContent::Combined, directory, QStringLiteral("certificate.pem"))};
        t.configTest = argv({"haproxy", "-c", "-f", "/etc/haproxy/haproxy.cfg"});
        t.reload = argv({"systemctl", "reload", "haproxy"});
        break;
    case DeployPreset::Postfix:
        t.files = pair;
        t.configTest = argv({"postfix", "check"});
        t.reload = argv({"postfix", "reload"});
        // Port 25 is open on every Postfix (submission on 587 only when enabled in master.cf); SMTP
        // STARTTLS (RFC 3207) by the port. 465 (submissions) speaks TLS at once.
        t.verifyPort = 25;
        break;
    case DeployPreset::Dovecot:
        t.files = pair;
        t.configTest = argv({"doveconf", "-n"});
        t.reload = argv({"doveadm", "reload"});
        t.verifyPort = 143; // IMAP STARTTLS (RFC 3501 §6.2.1) by the port; 993 (imaps) speaks TLS at once
        break;
    case DeployPreset::Generic:
        t.files = {file(FileContent::Certificate, directory, QStringLiteral("cert.pem")),
                   file(FileContent::Chain, directory, QStringLiteral("chain.pem")),
                   file(FileContent::FullChain, directory, QStringLiteral("fullchain.pem")),
                   file(FileContent::PrivateKey, directory, QStringLiteral("privkey.pem"))};
        t.verify = false; // no known service port: set verifyPort and turn it on
        break;
    }
    return t;
}

Result<DeployPreset> DeployTarget::presetFromName(const QString& name) {
    const QString n = name.trimmed().toLower();
    for (DeployPreset p : {DeployPreset::Nginx, DeployPreset::Apache, DeployPreset::HaProxy, DeployPreset::Postfix,
                           DeployPreset::Dovecot, DeployPreset::Generic}) {
        if (presetName(p) == n)
            return p;
    }
    return Error(ErrorCode::InvalidInput,
                 QObject::tr("Unknown server type \"%1\": use nginx, apache, haproxy, postfix, dovecot or generic.")
                     .arg(name.left(40)));
}

QString DeployTarget::presetName(DeployPreset preset) {
    switch (preset) {
    case DeployPreset::Nginx:
        return QStringLiteral("nginx");
    case DeployPreset::Apache:
        return QStringLiteral("apache");
    case DeployPreset::HaProxy:
        return QStringLiteral("haproxy");
    case DeployPreset::Postfix:
        return QStringLiteral("postfix");
    case DeployPreset::Dovecot:
        return QStringLiteral("dovecot");
    case DeployPreset::Generic:
        return QStringLiteral("generic");
    }
    return {};
}

monitor::StartTls DeployTarget::effectiveStartTls() const {
    return verifyStartTls ? *verifyStartTls : monitor::TlsProbe::startTlsForPort(verifyPort);
}

QString DeployTarget::displayName() const {
    return name.isEmpty() ? server.displayName() : name;
}

Status DeployTarget::validate() const {
    const QString who = displayName();
    if (server.host.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("The deploy target %1 names no server.").arg(who));
    if (files.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("The deploy target %1 names no files to install.").arg(who));
    QSet<QString> seen;
    for (const DeployFile& f : files) {
        if (!f.path.startsWith(QLatin1Char('/')) || f.path.endsWith(QLatin1Char('/')))
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("\"%1\" is not an absolute file path on %2.").arg(f.path.left(200), who));
        if (f.path.contains(QChar(0)) || f.path.contains(QLatin1Char('\n')) || f.path.contains(QLatin1Char('\r')) ||
            f.path.split(QLatin1Char('/')).contains(QStringLiteral("..")))
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("The file path \"%1\" for %2 holds characters or \"..\" that are not allowed.")
                             .arg(f.path.left(200).toHtmlEscaped(), who));
        if (seen.contains(f.path))
            return Error(ErrorCode::InvalidInput, QObject::tr("%1 is listed twice for %2.").arg(f.path, who));
        seen.insert(f.path);
        if (f.mode < 0 || f.mode > 07777)
            return Error(ErrorCode::InvalidInput, QObject::tr("Invalid file mode for %1.").arg(f.path));
        const bool secret = f.content == FileContent::PrivateKey || f.content == FileContent::Combined;
        if (secret && (f.mode & 0007) != 0)
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("%1 holds the private key but would be readable by every account on %2 (mode "
                                     "%3): use 0600 or 0640.")
                             .arg(f.path, who)
                             .arg(f.mode, 4, 8, QLatin1Char('0')));
    }
    static const QRegularExpression account(QStringLiteral("^[a-z_][a-z0-9_.-]{0,31}\\$?$"));
    for (const QString& id : {owner, group}) {
        if (!id.isEmpty() && !account.match(id).hasMatch())
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("\"%1\" is not an account or group name.").arg(id.left(40)));
    }
    for (const QStringList* cmd : {&configTest, &reload}) {
        for (const QString& arg : *cmd) {
            if (arg.isEmpty() || arg.contains(QChar(0)))
                return Error(ErrorCode::InvalidInput, QObject::tr("The command \"%1\" for %2 has an empty argument.")
                                                          .arg(cmd->join(QLatin1Char(' ')).left(200), who));
        }
    }
    if (verify && verifyPort == 0)
        return Error(ErrorCode::InvalidInput, QObject::tr("No port to verify %1 on.").arg(who));
    return {};
}

monitor::TlsProbe::Options DeployTarget::verifyProbe(const QStringList& certificateNames) const {
    monitor::TlsProbe::Options probe;
    probe.host = verifyHost.isEmpty() ? server.host : verifyHost;
    probe.port = verifyPort;
    probe.serverName = verifyServerName;
    if (probe.serverName.isEmpty()) {
        probe.serverName = certificateNames.isEmpty() ? probe.host : certificateNames.first();
        if (probe.serverName.startsWith(QLatin1String("*.")))
            probe.serverName = QStringLiteral("certdeck-check") + probe.serverName.mid(1);
    }
    probe.timeout = std::chrono::milliseconds(5000);
    probe.startTls = effectiveStartTls();
    return probe;
}

} // namespace certdeck::deploy
