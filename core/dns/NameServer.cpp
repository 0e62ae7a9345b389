// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/NameServer.h"

#include <QHostAddress>
#include <QObject>

namespace certdeck::dns {

QString NameServer::toString() const {
    if (address.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(address).arg(port);
    return QStringLiteral("%1:%2").arg(address).arg(port);
}

Result<NameServer> NameServer::parse(const QString& text) {
    const QString t = text.trimmed();
    const auto invalid = [&text] {
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("“%1” is not a DNS server address: give an IP address, optionally with a port "
                                 "(192.0.2.1:53 or [2001:db8::1]:53).")
                         .arg(text));
    };
    QString host = t;
    QString portText;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QLatin1Char(']'));
        if (close < 0)
            return invalid();
        host = t.mid(1, close - 1);
        const QString rest = t.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return invalid();
            portText = rest.mid(1);
        }
    } else if (t.count(QLatin1Char(':')) == 1) {
        host = t.section(QLatin1Char(':'), 0, 0);
        portText = t.section(QLatin1Char(':'), 1, 1);
    }
    QHostAddress addr;
    if (host.isEmpty() || !addr.setAddress(host) || !addr.scopeId().isEmpty())
        return invalid();
    NameServer server;
    // QHostAddress gives the canonical spelling ("::1", not "0:0::1"), so equal servers compare equal.
    server.address = addr.toString();
    if (!portText.isNull()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return invalid();
        server.port = static_cast<quint16>(port);
    }
    return server;
}

} // namespace certdeck::dns
