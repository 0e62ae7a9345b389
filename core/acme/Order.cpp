// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/Order.h"

#include <QJsonArray>
#include <QObject>

namespace certdeck::acme {

QString orderStatusName(Order::Status s) {
    switch (s) {
    case Order::Status::Pending:
        return QStringLiteral("pending");
    case Order::Status::Ready:
        return QStringLiteral("ready");
    case Order::Status::Processing:
        return QStringLiteral("processing");
    case Order::Status::Valid:
        return QStringLiteral("valid");
    case Order::Status::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

Result<Order> Order::fromJson(const QJsonObject& o, const QUrl& url) {
    Order order;
    order.url = url;
    const QString s = o.value(QStringLiteral("status")).toString();
    bool known = false;
    for (auto st : {Status::Pending, Status::Ready, Status::Processing, Status::Valid, Status::Invalid}) {
        if (orderStatusName(st) == s) {
            order.status = st;
            known = true;
        }
    }
    if (!known)
        return Error(ErrorCode::Protocol, QObject::tr("The CA sent an unknown order status."), s.left(50));
    order.expires = QDateTime::fromString(o.value(QStringLiteral("expires")).toString(), Qt::ISODateWithMs);
    const QJsonArray ids = o.value(QStringLiteral("identifiers")).toArray();
    for (qsizetype i = 0; i < ids.size() && i < 1000; ++i) {
        auto id = Identifier::fromJson(ids.at(i).toObject());
        if (!id)
            return id.error();
        order.identifiers.append(*id);
    }
    auto httpsUrl = [](const QJsonValue& v) {
        QUrl u(v.toString(), QUrl::StrictMode);
        return (u.isValid() && u.scheme() == QLatin1String("https") && !u.host().isEmpty()) ? u : QUrl();
    };
    const QJsonArray authzs = o.value(QStringLiteral("authorizations")).toArray();
    for (qsizetype i = 0; i < authzs.size() && i < 1000; ++i) {
        QUrl u = httpsUrl(authzs.at(i));
        if (u.isEmpty())
            return Error(ErrorCode::Protocol, QObject::tr("The CA sent an invalid authorization address."));
        order.authorizations.append(u);
    }
    order.finalize = httpsUrl(o.value(QStringLiteral("finalize")));
    if (order.finalize.isEmpty())
        return Error(ErrorCode::Protocol, QObject::tr("The CA's order has no valid finalize address."));
    if (o.contains(QStringLiteral("certificate"))) {
        order.certificate = httpsUrl(o.value(QStringLiteral("certificate")));
        if (order.certificate.isEmpty())
            return Error(ErrorCode::Protocol, QObject::tr("The CA's order has an invalid certificate address."));
    }
    order.profile = o.value(QStringLiteral("profile")).toString().left(100);
    order.replaces = o.value(QStringLiteral("replaces")).toString().left(300);
    if (o.value(QStringLiteral("error")).isObject())
        order.error = Problem::fromJson(o.value(QStringLiteral("error")).toObject());
    return order;
}

} // namespace certdeck::acme
