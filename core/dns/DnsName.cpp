// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/DnsName.h"

#include <QObject>
#include <QStringList>

namespace certdeck::dns {

namespace {
Error invalidName(const QString& name, const QString& why) {
    return Error(ErrorCode::InvalidInput, QObject::tr("“%1” is not a valid DNS name: %2").arg(name, why));
}

bool isLabelChar(QChar c) {
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
}
} // namespace

Result<QString> DnsName::normalise(const QString& name) {
    if (name.isEmpty())
        return invalidName(name, QObject::tr("the name is empty."));
    if (name == QLatin1String("."))
        return QStringLiteral(".");
    for (QChar c : name) {
        if (c.unicode() > 0x7f)
            return invalidName(name, QObject::tr("it contains non-ASCII characters; give its ASCII form (xn--…) "
                                                 "instead."));
    }
    QString lower = name.toLower();
    if (lower.endsWith(QLatin1Char('.')))
        lower.chop(1);
    const QStringList labels = lower.split(QLatin1Char('.'));
    // Wire form: one length octet per label plus the label, plus the root's zero octet (RFC 1035 §3.1).
    qsizetype wireLength = 1;
    for (const QString& label : labels) {
        if (label.isEmpty())
            return invalidName(name, QObject::tr("it has an empty label (two dots in a row, or a leading dot)."));
        if (label.size() > 63)
            return invalidName(name, QObject::tr("the label “%1” is longer than 63 characters.").arg(label));
        if (label != QLatin1String("*")) {
            for (QChar c : label) {
                if (!isLabelChar(c))
                    return invalidName(name, QObject::tr("the character “%1” is not allowed in a host name.").arg(c));
            }
        }
        wireLength += label.size() + 1;
    }
    if (wireLength > 255)
        return invalidName(name, QObject::tr("it is longer than 253 characters."));
    return lower + QLatin1Char('.');
}

QString DnsName::parent(const QString& normalised) {
    if (normalised.isEmpty() || normalised == QLatin1String("."))
        return {};
    const qsizetype dot = normalised.indexOf(QLatin1Char('.'));
    if (dot < 0 || dot + 1 >= normalised.size())
        return QStringLiteral(".");
    return normalised.mid(dot + 1);
}

bool DnsName::isSameOrBelow(const QString& name, const QString& zone) {
    if (zone == QLatin1String("."))
        return !name.isEmpty();
    if (name == zone)
        return true;
    return name.endsWith(zone) && name.size() > zone.size() &&
           name.at(name.size() - zone.size() - 1) == QLatin1Char('.');
}

int DnsName::labelCount(const QString& normalised) {
    if (normalised.isEmpty() || normalised == QLatin1String("."))
        return 0;
    return static_cast<int>(normalised.count(QLatin1Char('.')));
}

QString DnsName::display(const QString& normalised) {
    if (normalised.size() > 1 && normalised.endsWith(QLatin1Char('.')))
        return normalised.left(normalised.size() - 1);
    return normalised;
}

} // namespace certdeck::dns
