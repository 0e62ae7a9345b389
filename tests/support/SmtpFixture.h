// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/ServerProcess.h"

#include <QByteArrayList>
#include <QTemporaryDir>

#include <memory>

namespace certdeck::test {

/// A real SMTP server on loopback: Debian's python3-aiosmtpd (PLATFORM-NOTES), keeping what it
/// receives in a maildir. With `startTls`, it offers STARTTLS with a self-signed certificate for
/// 127.0.0.1 (certificateFile(), to trust) and requires it before accepting mail.
class SmtpFixture {
public:
    explicit SmtpFixture(bool startTls = true);
    ~SmtpFixture();

    /// Before start(): serve this certificate (chain, PEM) and key for STARTTLS instead of a fresh
    /// self-signed pair, so a test knows the fingerprint a client must see.
    void useCertificate(const QByteArray& certificatePem, const QByteArray& keyPem);

    bool start(QString* error);
    void stop();

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString certificateFile() const { return m_dir.filePath(QStringLiteral("smtp.crt")); }
    /// Every message delivered so far, raw (RFC 5322).
    [[nodiscard]] QByteArrayList messages() const;
    [[nodiscard]] QString log() const;

private:
    bool m_startTls;
    QByteArray m_certificatePem;
    QByteArray m_keyPem;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    std::unique_ptr<ServerProcess> m_server;
};

} // namespace certdeck::test
