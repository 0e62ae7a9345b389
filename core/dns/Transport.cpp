// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/Transport.h"

namespace certdeck::dns {

QString transportName(Transport transport) {
    return transport == Transport::Tcp ? QStringLiteral("TCP") : QStringLiteral("UDP");
}

} // namespace certdeck::dns
