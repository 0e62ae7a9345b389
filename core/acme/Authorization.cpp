// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/Authorization.h"

#include <QJsonArray>
#include <QObject>

namespace certdeck::acme {

const Challenge* Authorization::challenge(const QString& type) const {
    for (const auto& c : challenges) {
        if (c.type == type)
            return &c;
    }
    return nullptr;
}

std::optional<Problem> Authorization::firstError() const {
    for (const auto& c : challenges) {
        if (c.error)
            return c.error;
    }
    return std::nullopt;
}

Result<Authorization> Authorization::fromJson(const QJsonObject& o, const QUrl& url) {
    Authorization a;
    a.url = url;
    auto id = Identifier::fromJson(o.value(QStringLiteral("identifier")).toObject());
    if (!id)
        return id.error();
    a.identifier = *id;
    a.wildcard = o.value(QStringLiteral("wildcard")).toBool(false);
    if (a.wildcard && !a.identifier.isWildcard())
        a.identifier.value = QStringLiteral("*.") + a.identifier.value;
    const QString s = o.value(QStringLiteral("status")).toString();
    static const QList<QPair<QString, Status>> map{
        {QStringLiteral("pending"), Status::Pending}, {QStringLiteral("valid"), Status::Valid},
        {QStringLiteral("invalid"), Status::Invalid}, {QStringLiteral("deactivated"), Status::Deactivated},
        {QStringLiteral("expired"), Status::Expired}, {QStringLiteral("revoked"), Status::Revoked}};
    bool known = false;
    for (const auto& [name, st] : map) {
        if (name == s) {
            a.status = st;
            known = true;
        }
    }
    if (!known)
        return Error(ErrorCode::Protocol, QObject::tr("The CA sent an unknown authorization status."), s.left(50));
    a.expires = QDateTime::fromString(o.value(QStringLiteral("expires")).toString(), Qt::ISODateWithMs);
    const QJsonArray chs = o.value(QStringLiteral("challenges")).toArray();
    for (qsizetype i = 0; i < chs.size() && i < 20; ++i) {
        auto c = Challenge::fromJson(chs.at(i).toObject());
        if (!c)
            return c.error();
        a.challenges.append(*c);
    }
    return a;
}

} // namespace certdeck::acme
