// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/Account.h"

#include <QJsonArray>
#include <QObject>

namespace certdeck::acme {

QString accountStatusName(Account::Status s) {
    switch (s) {
    case Account::Status::Valid:
        return QStringLiteral("valid");
    case Account::Status::Deactivated:
        return QStringLiteral("deactivated");
    case Account::Status::Revoked:
        return QStringLiteral("revoked");
    }
    return {};
}

Result<Account> Account::fromJson(const QJsonObject& o, const QUrl& url) {
    Account a;
    a.url = url;
    const QString s = o.value(QStringLiteral("status")).toString();
    if (s == QLatin1String("valid"))
        a.status = Account::Status::Valid;
    else if (s == QLatin1String("deactivated"))
        a.status = Account::Status::Deactivated;
    else if (s == QLatin1String("revoked"))
        a.status = Account::Status::Revoked;
    else
        return Error(ErrorCode::Protocol, QObject::tr("The CA sent an unknown account status."), s.left(50));
    for (const auto& c : o.value(QStringLiteral("contact")).toArray())
        a.contact.append(c.toString().left(300));
    a.orders = QUrl(o.value(QStringLiteral("orders")).toString());
    a.termsOfServiceAgreed = o.value(QStringLiteral("termsOfServiceAgreed")).toBool(false);
    return a;
}

} // namespace certdeck::acme
