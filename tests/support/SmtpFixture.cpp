// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/SmtpFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace certdeck::test {

using namespace std::chrono_literals;

SmtpFixture::SmtpFixture(bool startTls)
    : m_startTls(startTls) {}

void SmtpFixture::useCertificate(const QByteArray& certificatePem, const QByteArray& keyPem) {
    m_certificatePem = certificatePem;
    m_keyPem = keyPem;
}

SmtpFixture::~SmtpFixture() {
    stop();
}

bool SmtpFixture::start(QString* error) {
    // The Debian interpreter: the one on PATH may be another without aiosmtpd.
    if (!QFileInfo::exists(QStringLiteral("/usr/bin/python3")) ||
        !runTool(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")},
                 error)) {
        *error = QStringLiteral("python3-aiosmtpd is not installed (Debian package python3-aiosmtpd): ") + *error;
        return false;
    }
    const QString maildir = m_dir.filePath(QStringLiteral("maildir"));
    QStringList args{QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n")};
    if (m_startTls && !m_certificatePem.isEmpty()) {
        QFile cert(certificateFile());
        QFile key(m_dir.filePath(QStringLiteral("smtp.key")));
        if (!cert.open(QIODevice::WriteOnly) || cert.write(m_certificatePem) != m_certificatePem.size() ||
            !key.open(QIODevice::WriteOnly) || key.write(m_keyPem) != m_keyPem.size()) {
            *error = QStringLiteral("cannot write the SMTP fixture's certificate");
            return false;
        }
        key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        args << QStringLiteral("--tlscert") << certificateFile() << QStringLiteral("--tlskey")
             << m_dir.filePath(QStringLiteral("smtp.key"));
    } else if (m_startTls) {
        if (!runTool(QStringLiteral("openssl"),
                     {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                      QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                      QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                      QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-days"), QStringLiteral("2"),
                      QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("smtp.key")), QStringLiteral("-out"),
                      certificateFile()},
                     error))
            return false;
        args << QStringLiteral("--tlscert") << certificateFile() << QStringLiteral("--tlskey")
             << m_dir.filePath(QStringLiteral("smtp.key"));
    }
    m_port = freePort();
    args << QStringLiteral("-l") << QStringLiteral("127.0.0.1:%1").arg(m_port) << QStringLiteral("-c")
         << QStringLiteral("aiosmtpd.handlers.Mailbox") << maildir;
    m_server = std::make_unique<ServerProcess>(QStringLiteral("aiosmtpd"), m_dir.filePath(QStringLiteral("smtp.log")));
    if (!m_server->start(QStringLiteral("/usr/bin/python3"), args, QProcessEnvironment::systemEnvironment(), error))
        return false;
    return m_server->waitForTcp(m_port, 20s, error);
}

void SmtpFixture::stop() {
    if (m_server)
        m_server->stop();
}

QByteArrayList SmtpFixture::messages() const {
    QByteArrayList out;
    const QDir dir(m_dir.filePath(QStringLiteral("maildir/new")));
    for (const QString& f : dir.entryList(QDir::Files, QDir::Time | QDir::Reversed)) {
        QFile file(dir.filePath(f));
        if (file.open(QIODevice::ReadOnly))
            out << file.readAll();
    }
    return out;
}

QString SmtpFixture::log() const {
    return m_server ? m_server->log() : QString();
}

} // namespace certdeck::test
