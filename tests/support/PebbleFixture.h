// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/ServerProcess.h"

#include <QMap>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace certdeck::test {

/// Debian's Pebble (ACME test CA) with pebble-challtestsrv as its DNS, on free loopback ports.
/// Pebble's listener gets a certificate from a CA generated here (Debian ships none); tests trust
/// `listenerCaFile()`. Validation never sleeps (PEBBLE_VA_NOSLEEP=1), no authorization reuse, and no
/// nonce rejection unless asked for.
class PebbleFixture {
public:
    struct Options {
        int nonceRejectPercent = 0;
        /// Port Pebble connects to for http-01 validation; 0 picks a free one (see httpPort()).
        quint16 httpPort = 0;
        /// "host:port" of the DNS server Pebble resolves with; empty: its own challtestsrv.
        QString dnsServer;
        /// External Account Binding: kid -> base64url HMAC key. Non-empty makes EAB required.
        QMap<QString, QString> eabKeys;
        /// Extra root CAs Pebble offers alternate chains from (PEBBLE_ALTERNATE_ROOTS).
        int alternateRoots = 0;
    };

    PebbleFixture();
    explicit PebbleFixture(Options options);
    ~PebbleFixture();

    /// Starts challtestsrv and Pebble and waits until the directory answers. False + error on failure.
    bool start(QString* error);
    void stop();

    [[nodiscard]] QUrl directoryUrl() const;
    [[nodiscard]] QString listenerCaFile() const { return m_dir.filePath(QStringLiteral("ca/ca.pem")); }
    [[nodiscard]] quint16 httpPort() const { return m_options.httpPort; }
    [[nodiscard]] quint16 dnsPort() const { return m_dnsPort; }
    [[nodiscard]] quint16 challtestsrvManagementPort() const { return m_challMgmtPort; }
    [[nodiscard]] quint16 managementPort() const { return m_mgmtPort; }
    /// Pebble's issuing root, fetched from its management interface (PEM), to verify issued chains.
    [[nodiscard]] QByteArray rootCertificatePem(QString* error, int index = 0) const;
    /// Sets a TXT answer in challtestsrv's DNS (for dns-01 through Pebble's own resolver).
    bool setTxt(const QString& fqdn, const QString& value, QString* error) const;
    bool clearTxt(const QString& fqdn, QString* error) const;
    /// How many requests Pebble logged so far (ACME requests per issuance).
    [[nodiscard]] int requestCount() const;
    [[nodiscard]] QString log() const;
    [[nodiscard]] QList<qint64> pids() const;
    [[nodiscard]] QString workDir() const { return m_dir.path(); }

private:
    bool makeListenerCertificate(QString* error);
    bool postManagement(quint16 port, const QString& path, const QByteArray& json, QString* error) const;

    Options m_options;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    quint16 m_mgmtPort = 0;
    quint16 m_dnsPort = 0;
    quint16 m_challMgmtPort = 0;
    std::unique_ptr<ServerProcess> m_chall;
    std::unique_ptr<ServerProcess> m_pebble;
};

} // namespace certdeck::test
