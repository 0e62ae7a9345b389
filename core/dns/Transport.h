// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace certdeck::dns {

/// How a DNS message travels (RFC 1035 §4.2): UDP datagram, or TCP with a two-octet length prefix.
enum class Transport {
    Udp,
    Tcp,
};

/// "UDP" / "TCP", for messages.
QString transportName(Transport transport);

} // namespace certdeck::dns
