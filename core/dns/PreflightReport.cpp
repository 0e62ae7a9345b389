// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/PreflightReport.h"

#include <QJsonArray>

#include <algorithm>

namespace certdeck::dns {

QString preflightVerdictName(PreflightVerdict verdict) {
    switch (verdict) {
    case PreflightVerdict::Ok:
        return QStringLiteral("ok");
    case PreflightVerdict::Warning:
        return QStringLiteral("warning");
    case PreflightVerdict::Blocker:
        return QStringLiteral("blocker");
    }
    return QStringLiteral("ok");
}

QJsonObject PreflightFinding::toJson() const {
    QJsonObject o{{QStringLiteral("check"), check},
                  {QStringLiteral("verdict"), preflightVerdictName(verdict)},
                  {QStringLiteral("message"), message},
                  {QStringLiteral("advice"), advice}};
    if (!record.isEmpty())
        o.insert(QStringLiteral("record"), record);
    return o;
}

PreflightVerdict PreflightNameReport::verdict() const {
    PreflightVerdict worst = PreflightVerdict::Ok;
    for (const PreflightFinding& f : findings)
        worst = std::max(worst, f.verdict);
    return worst;
}

QJsonObject PreflightNameReport::toJson() const {
    QJsonArray list;
    for (const PreflightFinding& f : findings)
        list.append(f.toJson());
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("verdict"), preflightVerdictName(verdict())},
                       {QStringLiteral("ipAddress"), isIpAddress},
                       {QStringLiteral("cnameChain"), QJsonArray::fromStringList(cnameChain)},
                       {QStringLiteral("ipv4"), QJsonArray::fromStringList(ipv4)},
                       {QStringLiteral("ipv6"), QJsonArray::fromStringList(ipv6)},
                       {QStringLiteral("caaOwner"), caaOwner},
                       {QStringLiteral("caaRecords"), QJsonArray::fromStringList(caaRecords)},
                       {QStringLiteral("findings"), list}};
}

PreflightVerdict PreflightReport::verdict() const {
    PreflightVerdict worst = PreflightVerdict::Ok;
    for (const PreflightNameReport& n : names)
        worst = std::max(worst, n.verdict());
    return worst;
}

QJsonObject PreflightReport::toJson() const {
    QJsonArray list;
    for (const PreflightNameReport& n : names)
        list.append(n.toJson());
    return QJsonObject{{QStringLiteral("verdict"), preflightVerdictName(verdict())}, {QStringLiteral("names"), list}};
}

} // namespace certdeck::dns
