// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/KnotFixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

namespace certdeck::test {

namespace {

QString absoluteName(QString name) {
    name = name.trimmed().toLower();
    if (!name.endsWith(QLatin1Char('.')))
        name += QLatin1Char('.');
    return name;
}

QString zoneFileName(const QString& zone) {
    return zone.left(zone.size() - 1) + QStringLiteral(".zone");
}

bool writeFile(const QString& path, const QByteArray& content, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || f.write(content) != content.size()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QByteArray zoneText(const QString& zone, const QStringList& records) {
    QStringList lines{QStringLiteral("$ORIGIN %1").arg(zone), QStringLiteral("$TTL 300"),
                      QStringLiteral("@ SOA ns1.%1 hostmaster.%1 1 3600 900 604800 60").arg(zone),
                      QStringLiteral("@ NS ns1"), QStringLiteral("ns1 A 127.0.0.1")};
    lines += records;
    return (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
}

} // namespace

KnotFixture::KnotFixture()
    : KnotFixture(Options{}) {}

KnotFixture::KnotFixture(Options options)
    : m_options(std::move(options)) {}

KnotFixture::~KnotFixture() {
    stop();
}

void KnotFixture::stop() {
    m_knot.reset();
}

bool KnotFixture::writeConfig(QString* error) {
    QDir dir(m_dir.path());
    for (const char* sub : {"run", "db", "zones"}) {
        if (!dir.mkpath(QLatin1String(sub))) {
            if (error)
                *error = QStringLiteral("cannot create %1 in %2").arg(QLatin1String(sub), m_dir.path());
            return false;
        }
    }
    // A random secret as long as the hash (RFC 8945 §6: at least that long).
    const int secretBytes = m_options.tsigAlgorithm == QLatin1String("hmac-sha512")   ? 64
                            : m_options.tsigAlgorithm == QLatin1String("hmac-sha384") ? 48
                                                                                      : 32;
    QByteArray raw(secretBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    m_secret = raw.toBase64();

    QList<Zone> zones{{zone(), {}}};
    zones.first().records = QStringList{QStringLiteral("www A 127.0.0.2"), QStringLiteral("www AAAA ::2"),
                                        QStringLiteral("alias CNAME www")} +
                            m_options.extraRecords;
    for (const Zone& z : m_options.extraZones)
        zones.append({absoluteName(z.name), z.records});

    const QString zonesDir = m_dir.filePath(QStringLiteral("zones"));
    QByteArray zoneSection;
    for (const Zone& z : zones) {
        if (!writeFile(zonesDir + QLatin1Char('/') + zoneFileName(z.name), zoneText(z.name, z.records), error))
            return false;
        zoneSection += QStringLiteral("  - domain: %1\n    file: \"%2\"\n    acl: tsig_update\n")
                           .arg(z.name, zoneFileName(z.name))
                           .toUtf8();
    }

    const QByteArray config = QStringLiteral("server:\n"
                                             "    rundir: \"%1\"\n"
                                             "    listen: 127.0.0.1@%2\n"
                                             "    udp-workers: 1\n"
                                             "    tcp-workers: 1\n"
                                             "    background-workers: 1\n"
                                             "database:\n"
                                             "    storage: \"%3\"\n"
                                             "log:\n"
                                             "  - target: stderr\n"
                                             "    any: info\n"
                                             "key:\n"
                                             "  - id: %4\n"
                                             "    algorithm: %5\n"
                                             "    secret: %6\n"
                                             "acl:\n"
                                             "  - id: tsig_update\n"
                                             "    key: %4\n"
                                             "    action: update\n"
                                             "template:\n"
                                             "  - id: default\n"
                                             "    storage: \"%7\"\n"
                                             // Write each update back to the zone file at once.
                                             "    zonefile-sync: 0\n"
                                             "zone:\n")
                                  .arg(m_dir.filePath(QStringLiteral("run")))
                                  .arg(m_port)
                                  .arg(m_dir.filePath(QStringLiteral("db")), tsigKeyName(), m_options.tsigAlgorithm,
                                       QString::fromLatin1(m_secret), zonesDir)
                                  .toUtf8() +
                              zoneSection;
    return writeFile(m_dir.filePath(QStringLiteral("knot.conf")), config, error);
}

bool KnotFixture::waitForZone(const QString& kdig, const QString& zoneName, QString* error) {
    QDeadlineTimer deadline(std::chrono::seconds(20));
    QString last;
    while (!deadline.hasExpired()) {
        if (!m_knot->isRunning()) {
            if (error)
                *error = QStringLiteral("knotd exited early. Its log:\n%1").arg(m_knot->log());
            return false;
        }
        QProcess probe;
        probe.setProcessChannelMode(QProcess::MergedChannels);
        probe.start(kdig, {QStringLiteral("@127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
                           QStringLiteral("+retry=0"), QStringLiteral("+timeout=1"), QStringLiteral("+norec"), zoneName,
                           QStringLiteral("SOA")});
        if (probe.waitForFinished(5000)) {
            last = QString::fromLocal8Bit(probe.readAll());
            if (last.contains(QLatin1String("status: NOERROR")) && last.contains(QLatin1String("ANSWER: 1")))
                return true;
        }
        QThread::msleep(50);
    }
    if (error)
        *error = QStringLiteral("knotd did not serve %1 in time. Last probe:\n%2\nIts log:\n%3")
                     .arg(zoneName, last, m_knot->log());
    return false;
}

bool KnotFixture::start(QString* error) {
    const QString knotd = findBinary(QStringLiteral("knotd"), QStringLiteral("knot"), error);
    if (knotd.isEmpty())
        return false;
    const QString kdig = findBinary(QStringLiteral("kdig"), QStringLiteral("knot-dnsutils"), error);
    if (kdig.isEmpty())
        return false;
    if (!m_dir.isValid()) {
        if (error)
            *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    m_port = freePort(true);
    if (!writeConfig(error))
        return false;
    m_knot = std::make_unique<ServerProcess>(QStringLiteral("knotd"), m_dir.filePath(QStringLiteral("knotd.log")));
    if (!m_knot->start(knotd, {QStringLiteral("-c"), m_dir.filePath(QStringLiteral("knot.conf"))},
                       QProcessEnvironment::systemEnvironment(), error, m_dir.path()))
        return false;
    if (!waitForZone(kdig, zone(), error))
        return false;
    for (const Zone& z : std::as_const(m_options.extraZones)) {
        if (!waitForZone(kdig, absoluteName(z.name), error))
            return false;
    }
    return true;
}

QString KnotFixture::zoneFileText(const QString& zoneName) const {
    QFile f(m_dir.filePath(QStringLiteral("zones/") + zoneFileName(absoluteName(zoneName))));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace certdeck::test
