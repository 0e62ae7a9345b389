// SPDX-License-Identifier: GPL-3.0-or-later
// Plausible certificates in every state, for GUI tests, screenshots and benchmarks. Deterministic:
// the same count and `now` always give the same rows.
#pragma once

#include "ui/CertificateRow.h"

#include <QList>
#include <QRandomGenerator>
#include <QUrl>

#include <iterator>

namespace certdeck::test {

inline QList<ui::CertificateRow> sampleCertificates(int count, const QDateTime& now, quint32 seed = 7) {
    QRandomGenerator rng(seed);
    static const char* const words[] = {"shop",    "blog",  "mail",   "api",    "status", "git",    "wiki",
                                        "cloud",   "files", "photos", "vpn",    "chat",   "docs",   "cdn",
                                        "grafana", "auth",  "admin",  "matrix", "forum",  "bücher", "café"};
    static const char* const zones[] = {"example.com", "example.org", "example.net",
                                        "beispiel.de", "exemple.fr",  "test-lab.io"};
    static const char* const issuers[] = {"R11", "R10", "E6", "E5", "WR1", "ZeroSSL ECC Domain Secure Site CA"};
    QList<ui::CertificateRow> rows;
    rows.reserve(count);
    for (int i = 0; i < count; ++i) {
        ui::CertificateRow r;
        const QString zone = QString::fromUtf8(zones[rng.bounded(int(std::size(zones)))]);
        const QString word = QString::fromUtf8(words[rng.bounded(int(std::size(words)))]);
        const QString host = count > 200 || i >= int(std::size(words))
                                 ? QStringLiteral("%1%2.%3").arg(word).arg(i).arg(zone)
                                 : QStringLiteral("%1.%2").arg(word, zone);
        r.names << QString::fromLatin1(QUrl::toAce(host));
        const int extra = rng.bounded(4) == 0 ? rng.bounded(1, 4) : 0;
        for (int e = 0; e < extra; ++e)
            r.names << QStringLiteral("www%1.%2").arg(e ? QString::number(e) : QString(), zone);
        r.id = QStringLiteral("sample-%1").arg(i);
        // Mostly 90-day certificates at every age; some 6-day ones (short-lived profile) and a year-long one.
        const int kind = rng.bounded(20);
        const qint64 lifetimeDays = kind == 0 ? 6 : kind == 1 ? 365 : 90;
        const qint64 age = qint64(rng.bounded(int(lifetimeDays * 24 * 1.15))) * 3600 - 24 * 3600;
        r.notBefore = now.addSecs(-age);
        r.notAfter = r.notBefore.addDays(lifetimeDays);
        r.plannedRenewal = ui::CertificateRow::defaultRenewalTime(r.notBefore, r.notAfter);
        if (rng.bounded(3) == 0) { // this CA offers ARI: a one-day window around the plan
            r.ariWindowStart = r.plannedRenewal.addSecs(-12 * 3600);
            r.ariWindowEnd = r.plannedRenewal.addSecs(36 * 3600);
        }
        if (rng.bounded(25) == 0 && r.notAfter > now)
            r.lastError = QStringLiteral("The CA could not reach http://%1/.well-known/acme-challenge/ "
                                         "(connection refused).")
                              .arg(r.names.first());
        r.issuer = QString::fromUtf8(issuers[rng.bounded(int(std::size(issuers)))]);
        r.keyType = rng.bounded(5) == 0 ? QStringLiteral("RSA 2048") : QStringLiteral("ECDSA P-256");
        r.fingerprint = QStringLiteral("%1").arg(rng.generate64(), 16, 16, QLatin1Char('0')).toUpper();
        r.serial = QStringLiteral("%1").arg(rng.generate64(), 16, 16, QLatin1Char('0')).toUpper();
        r.location = QStringLiteral("/var/lib/certdeck/live/%1").arg(r.names.first());
        rows << r;
    }
    return rows;
}

} // namespace certdeck::test
