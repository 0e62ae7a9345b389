// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/Challenge.h"

#include <QObject>

namespace certdeck::acme {

bool isValidToken(const QString& token) {
    if (token.size() < 16 || token.size() > 256)
        return false;
    for (QChar c : token) {
        const ushort u = c.unicode();
        const bool ok =
            (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_';
        if (!ok)
            return false;
    }
    return true;
}

Result<Challenge::Status> parseChallengeStatus(const QString& s) {
    if (s == QLatin1String("pending"))
        return Challenge::Status::Pending;
    if (s == QLatin1String("processing"))
        return Challenge::Status::Processing;
    if (s == QLatin1String("valid"))
        return Challenge::Status::Valid;
    if (s == QLatin1String("invalid"))
        return Challenge::Status::Invalid;
    return Error(ErrorCode::Protocol, QObject::tr("The CA sent an unknown challenge status."), s.left(50));
}

Result<Challenge> Challenge::fromJson(const QJsonObject& o) {
    Challenge c;
    c.type = o.value(QStringLiteral("type")).toString().left(50);
    c.url = QUrl(o.value(QStringLiteral("url")).toString(), QUrl::StrictMode);
    if (c.type.isEmpty() || !c.url.isValid() || c.url.scheme() != QLatin1String("https"))
        return Error(ErrorCode::Protocol, QObject::tr("The CA sent an invalid challenge."));
    auto st = parseChallengeStatus(o.value(QStringLiteral("status")).toString());
    if (!st)
        return st.error();
    c.status = *st;
    if (o.contains(QStringLiteral("token"))) {
        c.token = o.value(QStringLiteral("token")).toString();
        if (!isValidToken(c.token))
            return Error(ErrorCode::Protocol,
                         QObject::tr("The CA sent a challenge token that is not safe to use; refusing it."),
                         c.token.left(80));
    }
    if (o.value(QStringLiteral("error")).isObject())
        c.error = Problem::fromJson(o.value(QStringLiteral("error")).toObject());
    return c;
}

} // namespace certdeck::acme
