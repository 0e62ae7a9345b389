// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/ServerProcess.h"

#include <QByteArray>
#include <QTemporaryDir>

#include <memory>

namespace certdeck::test {

/// Debian's Dovecot (dovecot-imapd) as a real IMAP server on a free loopback port, with a minimal
/// configuration in a temporary directory (its own base_dir, state_dir and log; no system
/// configuration read): `dovecot -F -c CONFIG`, stopped by its PID. With `tls`, port imapPort()
/// offers STARTTLS (RFC 3501 §6.2.1) with the certificate and key the test gives (or a self-signed
/// one for 127.0.0.1); without, `ssl = no` and no STARTTLS at all.
class DovecotFixture {
public:
    struct Options {
        bool tls = true;
        /// PEM certificate (chain) and key to serve; empty: a fresh self-signed pair.
        QByteArray certificatePem;
        QByteArray keyPem;
    };

    DovecotFixture();
    explicit DovecotFixture(Options options);
    ~DovecotFixture();
    DovecotFixture(const DovecotFixture&) = delete;
    DovecotFixture& operator=(const DovecotFixture&) = delete;

    bool start(QString* error);
    void stop();

    [[nodiscard]] quint16 imapPort() const { return m_port; }
    [[nodiscard]] QString certificateFile() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    [[nodiscard]] QString keyFile() const { return m_dir.filePath(QStringLiteral("key.pem")); }
    [[nodiscard]] QString configFile() const { return m_dir.filePath(QStringLiteral("dovecot.conf")); }
    /// The master process: SIGHUP makes it reload its configuration and certificate.
    [[nodiscard]] qint64 pid() const { return m_server ? m_server->pid() : 0; }
    [[nodiscard]] QString log() const;

private:
    Options m_options;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    std::unique_ptr<ServerProcess> m_server;
};

} // namespace certdeck::test
