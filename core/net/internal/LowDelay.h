// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace certdeck::net::internal {

/// Sets TCP_NODELAY on this process's TCP sockets connected to remote `port` (Linux: /proc/self/fd).
/// Qt's HTTP stack never sets it, so the first request after a TLS 1.3 handshake sits behind the
/// client's Finished record until the server's delayed ACK (~40 ms per new connection). Setting the
/// option also flushes what Nagle is holding back. Returns how many sockets were changed.
int setLowDelayForPeerPort(quint16 port);

} // namespace certdeck::net::internal
