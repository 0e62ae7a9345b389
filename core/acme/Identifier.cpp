// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/Identifier.h"

#include <QHostAddress>
#include <QObject>
#include <QRegularExpression>
#include <QUrl>

namespace certdeck::acme {

QJsonObject Identifier::toJson() const {
    return {{QStringLiteral("type"), type == Type::Ip ? QStringLiteral("ip") : QStringLiteral("dns")},
            {QStringLiteral("value"), value}};
}

Result<Identifier> Identifier::fromJson(const QJsonObject& o) {
    const QString type = o.value(QStringLiteral("type")).toString();
    const QString value = o.value(QStringLiteral("value")).toString();
    if (type == QLatin1String("dns") || type == QLatin1String("ip")) {
        auto id = parse(value);
        if (id && (id->type == Type::Ip) == (type == QLatin1String("ip")))
            return id;
    }
    return Error(ErrorCode::Protocol, QObject::tr("The CA sent an invalid identifier."),
                 type + QLatin1Char(' ') + value);
}

Result<Identifier> Identifier::parse(const QString& text) {
    const QString t = text.trimmed();
    if (t.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("A domain name is empty."));
    QHostAddress addr;
    if (addr.setAddress(t)) {
        if (addr.protocol() == QAbstractSocket::IPv6Protocol && !addr.scopeId().isEmpty())
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("%1: an IP address with a scope cannot be certified.").arg(t));
        return Identifier{Type::Ip, addr.toString()};
    }
    QString name = t.endsWith(QLatin1Char('.')) ? t.chopped(1) : t;
    bool wildcard = false;
    if (name.startsWith(QLatin1String("*."))) {
        wildcard = true;
        name = name.mid(2);
    }
    const QByteArray ace = QUrl::toAce(name);
    if (ace.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("%1 is not a valid domain name.").arg(t));
    const QString a = QString::fromLatin1(ace).toLower();
    static const QRegularExpression label(QStringLiteral("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"));
    const QStringList labels = a.split(QLatin1Char('.'));
    if (a.size() > 253 || labels.size() < 2)
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("%1 is not a fully qualified domain name (it needs at least one dot).").arg(t));
    for (const auto& l : labels) {
        if (!label.match(l).hasMatch())
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("%1 is not a valid domain name (label \"%2\").").arg(t, l));
    }
    return Identifier{Type::Dns, wildcard ? QStringLiteral("*.") + a : a};
}

Result<QList<Identifier>> parseIdentifiers(const QStringList& texts) {
    QList<Identifier> out;
    for (const auto& t : texts) {
        auto id = Identifier::parse(t);
        if (!id)
            return id.error();
        if (out.contains(*id))
            return Error(ErrorCode::InvalidInput, QObject::tr("%1 is listed twice.").arg(id->value));
        out.append(*id);
    }
    if (out.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("Give at least one domain name."));
    if (out.size() > 100)
        return Error(ErrorCode::InvalidInput, QObject::tr("A certificate can hold at most 100 names."));
    return out;
}

} // namespace certdeck::acme
