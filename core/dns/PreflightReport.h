// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace certdeck::dns {

/// How bad a preflight finding is.
enum class PreflightVerdict {
    Ok,      ///< nothing to do
    Warning, ///< issuance may work, but something deserves a look
    Blocker, ///< the CA will refuse or validation will fail: fix first
};

/// "ok", "warning", "blocker" (JSON and logs).
QString preflightVerdictName(PreflightVerdict verdict);

/// One thing checked about one name.
struct PreflightFinding {
    /// What was checked: "name", "address", "cname", "caa", "method".
    QString check;
    PreflightVerdict verdict = PreflightVerdict::Ok;
    /// What was found, one sentence.
    QString message;
    /// What to do, one sentence; for a blocker it names the exact record to add or remove.
    QString advice;
    /// For a blocker that a record fixes: that record in zone-file form ("example.com. CAA 0 issue \"…\"").
    QString record;

    [[nodiscard]] QJsonObject toJson() const;
};

/// Everything found about one name.
struct PreflightNameReport {
    QString name; ///< as given ("*.example.com", "192.0.2.1")
    bool isIpAddress = false;
    QStringList cnameChain; ///< aliases followed from the name (normalised)
    QStringList ipv4;
    QStringList ipv6;
    QString caaOwner; ///< where the relevant CAA RRset lives, empty when none
    QStringList caaRecords;
    QList<PreflightFinding> findings;

    /// The worst verdict of the findings.
    [[nodiscard]] PreflightVerdict verdict() const;
    [[nodiscard]] QJsonObject toJson() const;
};

/// The preflight of an order's names.
struct PreflightReport {
    QList<PreflightNameReport> names;

    [[nodiscard]] PreflightVerdict verdict() const;
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace certdeck::dns
