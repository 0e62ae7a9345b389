// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QString>

namespace certdeck::dns {

/// One DNS server to talk to: an IP address literal (IPv4 or IPv6, no brackets) and a port.
/// `name` is the server's host name when it was found through NS records (authoritativeServers()),
/// empty when the user gave an address.
struct NameServer {
    QString address;
    quint16 port = 53;
    QString name;

    /// "192.0.2.1:53", "[2001:db8::1]:53" — how messages name the server.
    [[nodiscard]] QString toString() const;

    /// Reads "192.0.2.1", "192.0.2.1:5353", "2001:db8::1", "[2001:db8::1]:5353". Host names are
    /// refused (a server is given by address, else finding it would itself need DNS).
    static Result<NameServer> parse(const QString& text);

    friend bool operator==(const NameServer& a, const NameServer& b) {
        return a.address == b.address && a.port == b.port;
    }
};

} // namespace certdeck::dns
