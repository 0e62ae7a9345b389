// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"
#include "core/dns/NameServer.h"
#include "core/dns/Transport.h"

#include <QByteArray>

#include <chrono>

namespace certdeck::dns::internal {

/// One DNS message exchange over our own sockets, so that every wait is bounded and cancellable
/// and the error says which server failed and how. Blocking: call through certdeck::runWaiting.
/// Thread-safe (no shared state).
class DnsTransport {
public:
    /// Largest DNS message on either transport (RFC 1035 §4.2.2: two-octet length; UDP payload limit).
    static constexpr qsizetype maxMessageSize = 65535;

    /// Sends `message` to `server` and returns the first response carrying the same ID with QR set.
    /// UDP uses a connected socket, so datagrams from other addresses never reach us, and responses
    /// with another ID are dropped (RFC 5452 §9.1). TCP frames with the two-octet length (RFC 1035
    /// §4.2.2, RFC 7766 §8). Waits at most `timeout` in all and looks at `cancel` every 100 ms.
    /// Errors: Timeout (server named, "did not answer within 3 s"), Network (refused / unreachable),
    /// Protocol (connection closed mid-answer, wrong ID over TCP), Cancelled.
    static Result<QByteArray> exchange(const NameServer& server, Transport transport, const QByteArray& message,
                                       std::chrono::milliseconds timeout, const CancelToken& cancel);

    /// "3", "2.5" — a timeout in seconds as messages show it.
    static QString seconds(std::chrono::milliseconds timeout);
};

} // namespace certdeck::dns::internal
