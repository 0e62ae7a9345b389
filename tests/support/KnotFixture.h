// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/ServerProcess.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace certdeck::test {

/// Knot DNS (Debian package `knot`) as an authoritative server on 127.0.0.1, one free port for
/// UDP and TCP, everything (config, zones, journal, rundir) in a temporary directory.
///
/// It serves `example.test.` — SOA, NS ns1.example.test. (A 127.0.0.1), www A 127.0.0.2 and
/// AAAA ::2, alias CNAME www — plus whatever the test adds through Options before start(): extra
/// lines for example.test.'s zone file (origin example.test., TTL 300, so `caa CAA 0 issue "x"`
/// works) and extra zones. Every zone accepts RFC 2136 updates signed with the fixture's TSIG key
/// (hmac-sha256, random secret; Knot 3.2 cannot restrict updates to `_acme-challenge.*`, so the
/// key may change the whole zone), and writes them back to its zone file right after (in the background).
class KnotFixture {
public:
    struct Zone {
        QString name;        ///< "other.test." (trailing dot optional)
        QStringList records; ///< zone-file lines with $ORIGIN at the zone; SOA and NS are added
    };
    struct Options {
        QStringList extraRecords; ///< more lines for example.test.
        QList<Zone> extraZones;
        QString tsigAlgorithm = QStringLiteral("hmac-sha256"); ///< hmac-sha256 / hmac-sha384 / hmac-sha512
    };

    KnotFixture();
    explicit KnotFixture(Options options);
    ~KnotFixture();
    KnotFixture(const KnotFixture&) = delete;
    KnotFixture& operator=(const KnotFixture&) = delete;

    /// Writes the config and zones, starts knotd and waits until every zone answers an SOA query
    /// (probed with kdig). False + error (naming the Debian package when a binary is missing).
    bool start(QString* error);
    void stop();

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString address() const { return QStringLiteral("127.0.0.1"); }
    [[nodiscard]] QString zone() const { return QStringLiteral("example.test."); }
    [[nodiscard]] QString tsigKeyName() const { return QStringLiteral("certdeck-test-key."); }
    [[nodiscard]] QString tsigAlgorithm() const { return m_options.tsigAlgorithm; }
    /// The key's secret, base64 as Knot's config holds it.
    [[nodiscard]] QByteArray tsigSecret() const { return m_secret; }
    /// The zone file of `zoneName` as Knot last wrote it (updates land there shortly after; poll).
    [[nodiscard]] QString zoneFileText(const QString& zoneName) const;
    [[nodiscard]] qint64 pid() const { return m_knot ? m_knot->pid() : 0; }
    [[nodiscard]] QString log() const { return m_knot ? m_knot->log() : QString(); }
    [[nodiscard]] QString workDir() const { return m_dir.path(); }

private:
    bool writeConfig(QString* error);
    bool waitForZone(const QString& kdig, const QString& zoneName, QString* error);

    Options m_options;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QByteArray m_secret;
    std::unique_ptr<ServerProcess> m_knot;
};

} // namespace certdeck::test
