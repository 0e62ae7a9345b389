// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/DovecotFixture.h"

#include <QDir>
#include <QFile>

namespace certdeck::test {

using namespace std::chrono_literals;

namespace {

bool writeFile(const QString& path, const QByteArray& content, QFileDevice::Permissions permissions, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.close();
    f.setPermissions(permissions);
    return true;
}

} // namespace

DovecotFixture::DovecotFixture()
    : DovecotFixture(Options{}) {}

DovecotFixture::DovecotFixture(Options options)
    : m_options(std::move(options)) {}

DovecotFixture::~DovecotFixture() {
    stop();
}

QString DovecotFixture::log() const {
    QFile f(m_dir.filePath(QStringLiteral("dovecot.log")));
    return f.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(f.readAll()) : QString();
}

bool DovecotFixture::start(QString* error) {
    const QString dovecot = findBinary(QStringLiteral("/usr/sbin/dovecot"), QStringLiteral("dovecot-imapd"), error);
    if (dovecot.isEmpty())
        return false;
    if (!QFile::exists(QStringLiteral("/usr/lib/dovecot/imap"))) {
        if (error)
            *error = QStringLiteral("Dovecot's IMAP server is not installed (Debian package dovecot-imapd)");
        return false;
    }
    if (!m_dir.isValid()) {
        if (error)
            *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    // Dovecot's login processes run as dovenull and read nothing here; the folder is root's.
    for (const char* sub : {"run", "state", "mail", "home"})
        QDir(m_dir.path()).mkpath(QString::fromLatin1(sub));
    const auto secret = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (m_options.tls) {
        if (m_options.certificatePem.isEmpty()) {
            if (!runTool(QStringLiteral("openssl"),
                         {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                          QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                          QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                          QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                          QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-keyout"),
                          m_dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"), certificateFile()},
                         error))
                return false;
        } else if (!writeFile(certificateFile(), m_options.certificatePem, secret | QFileDevice::ReadOther, error) ||
                   !writeFile(m_dir.filePath(QStringLiteral("key.pem")), m_options.keyPem, secret, error)) {
            return false;
        }
    }
    m_port = freePort();
    const QString d = m_dir.path();
    QString conf = QStringLiteral("base_dir = %1/run\n"
                                  "state_dir = %1/state\n"
                                  "log_path = %1/dovecot.log\n"
                                  "protocols = imap\n"
                                  "listen = 127.0.0.1\n"
                                  "mail_location = maildir:%1/mail\n"
                                  "passdb {\n  driver = static\n  args = nopassword\n}\n"
                                  "userdb {\n  driver = static\n  args = uid=nobody gid=nogroup home=%1/home\n}\n"
                                  "service imap-login {\n"
                                  "  inet_listener imap {\n    address = 127.0.0.1\n    port = %2\n  }\n"
                                  "  inet_listener imaps {\n    port = 0\n  }\n"
                                  "}\n"
                                  "service anvil {\n  chroot =\n}\n")
                       .arg(d)
                       .arg(m_port);
    if (m_options.tls)
        conf += QStringLiteral("ssl = yes\nssl_cert = <%1/cert.pem\nssl_key = <%1/key.pem\n").arg(d);
    else
        conf += QStringLiteral("ssl = no\n");
    if (!writeFile(m_dir.filePath(QStringLiteral("dovecot.conf")), conf.toUtf8(),
                   secret | QFileDevice::ReadGroup | QFileDevice::ReadOther, error))
        return false;
    m_server =
        std::make_unique<ServerProcess>(QStringLiteral("dovecot"), m_dir.filePath(QStringLiteral("dovecot.log")));
    if (!m_server->start(dovecot,
                         {QStringLiteral("-F"), QStringLiteral("-c"), m_dir.filePath(QStringLiteral("dovecot.conf"))},
                         QProcessEnvironment::systemEnvironment(), error))
        return false;
    return m_server->waitForTcp(m_port, 20s, error);
}

void DovecotFixture::stop() {
    if (m_server)
        m_server->stop();
}

} // namespace certdeck::test
