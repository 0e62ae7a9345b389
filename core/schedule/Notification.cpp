// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/Notification.h"

#include <QJsonArray>
#include <QObject>

namespace certdeck::schedule {

QString Notification::kindName(Kind kind) {
    switch (kind) {
    case Kind::Renewed:
        return QStringLiteral("renewed");
    case Kind::RenewalFailed:
        return QStringLiteral("renewal-failed");
    case Kind::Expiring:
        return QStringLiteral("expiring");
    case Kind::DeployFailed:
        return QStringLiteral("deploy-failed");
    case Kind::DeployedDiffers:
        return QStringLiteral("deployed-differs");
    }
    return QStringLiteral("unknown");
}

QString Notification::title() const {
    switch (kind) {
    case Kind::Renewed:
        return QObject::tr("Certificate %1 renewed").arg(subject);
    case Kind::RenewalFailed:
        return QObject::tr("Renewing %1 failed").arg(subject);
    case Kind::Expiring:
        return QObject::tr("Certificate %1 expires in %n day(s)", nullptr, daysLeft).arg(subject);
    case Kind::DeployFailed:
        return QObject::tr("Deploying %1 failed").arg(subject);
    case Kind::DeployedDiffers:
        return QObject::tr("A server serves another certificate than %1").arg(subject);
    }
    return subject;
}

QString Notification::body() const {
    QStringList lines;
    if (!names.isEmpty())
        lines << QObject::tr("Names: %1").arg(names.join(QStringLiteral(", ")));
    if (notAfter.isValid())
        lines << QObject::tr("Valid until: %1").arg(notAfter.toUTC().toString(Qt::ISODate));
    if (!reason.isEmpty())
        lines << QObject::tr("Reason: %1").arg(reason);
    return lines.join(QLatin1Char('\n'));
}

QJsonObject Notification::toJson() const {
    QJsonObject o{{QStringLiteral("event"), kindName(kind)},
                  {QStringLiteral("certificate"), subject},
                  {QStringLiteral("names"), QJsonArray::fromStringList(names)},
                  {QStringLiteral("title"), title()},
                  {QStringLiteral("message"), body()},
                  {QStringLiteral("at"), (at.isValid() ? at : QDateTime::currentDateTimeUtc()).toString(Qt::ISODate)}};
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"), reason);
    if (notAfter.isValid())
        o.insert(QStringLiteral("notAfter"), notAfter.toUTC().toString(Qt::ISODate));
    if (kind == Kind::Expiring)
        o.insert(QStringLiteral("daysLeft"), daysLeft);
    return o;
}

} // namespace certdeck::schedule
