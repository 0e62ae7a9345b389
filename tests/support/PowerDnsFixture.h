// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/ServerProcess.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace certdeck::test {

/// PowerDNS Authoritative (Debian packages `pdns-server` + `pdns-backend-sqlite3`) with a fresh
/// SQLite database, its DNS on one free port (UDP and TCP) and its HTTP API on another, both on
/// 127.0.0.1, protected by a random API key. Everything lives in a temporary directory; caches are
/// off so a change made through the API is answered at once; security polling is off (no traffic
/// leaves loopback). Zones are created with createZone() or through the API by the test.
class PowerDnsFixture {
public:
    PowerDnsFixture();
    ~PowerDnsFixture();
    PowerDnsFixture(const PowerDnsFixture&) = delete;
    PowerDnsFixture& operator=(const PowerDnsFixture&) = delete;

    /// Creates the database, starts pdns_server and waits until the API answers with the key and
    /// the DNS port accepts connections. False + error (naming the Debian package when missing).
    bool start(QString* error);
    void stop();

    [[nodiscard]] quint16 dnsPort() const { return m_dnsPort; }
    [[nodiscard]] quint16 apiPort() const { return m_apiPort; }
    /// "http://127.0.0.1:PORT" (plain HTTP: callers using HttpClient set allowPlainHttp).
    [[nodiscard]] QUrl apiUrl() const;
    [[nodiscard]] QString apiKey() const { return m_apiKey; }

    /// Creates a Native zone through the API (POST /api/v1/servers/localhost/zones) with NS
    /// `ns1.<zone>` (PowerDNS adds the SOA). `zone` with or without the trailing dot.
    bool createZone(const QString& zone, QString* error) const;

    [[nodiscard]] qint64 pid() const { return m_pdns ? m_pdns->pid() : 0; }
    [[nodiscard]] QString log() const { return m_pdns ? m_pdns->log() : QString(); }
    [[nodiscard]] QString workDir() const { return m_dir.path(); }

private:
    /// Synchronous API request for fixture plumbing; returns the HTTP status (0 when none).
    int apiRequest(const QByteArray& method, const QString& path, const QByteArray& body, QByteArray* response,
                   QString* error) const;

    QTemporaryDir m_dir;
    quint16 m_dnsPort = 0;
    quint16 m_apiPort = 0;
    QString m_apiKey;
    std::unique_ptr<ServerProcess> m_pdns;
};

} // namespace certdeck::test
