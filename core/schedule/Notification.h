// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace certdeck::schedule {

/// Something a person should hear about, whichever backend carries it.
struct Notification {
    enum class Kind {
        Renewed,
        RenewalFailed, ///< with the reason
        Expiring,      ///< in `daysLeft` days: the user's first warning (default 14), then 14, 7, 3, 1 below it
        DeployFailed,
        DeployedDiffers, ///< a server serves another certificate than the stored one
    };
    Kind kind = Kind::Renewed;
    QString subject; ///< the lineage (certificate) name
    QStringList names;
    QString reason; ///< for failures: what went wrong and what to do
    int daysLeft = 0;
    QDateTime notAfter;
    QDateTime at;

    /// Stable name: renewed, renewal-failed, expiring, deploy-failed, deployed-differs.
    [[nodiscard]] static QString kindName(Kind kind);
    [[nodiscard]] bool isProblem() const { return kind != Kind::Renewed; }
    /// One line: "Certificate example.com renewed".
    [[nodiscard]] QString title() const;
    /// A few lines for people: names, validity, reason.
    [[nodiscard]] QString body() const;
    /// Every field, for the generic JSON webhook.
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace certdeck::schedule
