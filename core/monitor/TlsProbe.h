// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/monitor/TlsProbeResult.h"

#include <QCoroTask>
#include <QList>
#include <QString>

#include <chrono>

namespace certdeck::monitor {

/// One TLS handshake to see what a server serves: the chain, its fingerprint and expiry, the
/// protocol. Used to verify a deployment (is the new certificate the one served?) and to watch
/// endpoints. The probe never sends application data and accepts any certificate (it reports trust
/// problems in the result instead of failing), so it can look at broken and self-signed servers too.
///
/// Threading: probeBlocking() blocks the calling thread (bounded by Options::timeout) and may run on
/// any thread; probe() runs it on the global thread pool and resumes on the awaiting thread.
/// Failures (name not resolved, refused, timeout, no TLS) are errors with a message naming the
/// address; libssl's text is in the detail.
class TlsProbe {
public:
    struct Options {
        /// The server: a DNS name or an address.
        QString host;
        quint16 port = 443;
        /// Sent as SNI and used for the name check; empty: `host` (when it is a name).
        QString serverName;
        /// Connect here instead of resolving `host` (one web head behind a load balancer, tests).
        QString connectAddress;
        /// Connect plus handshake; servers are untrusted, so always bounded.
        std::chrono::milliseconds timeout{10000};
        /// PEM certificates trusted in addition to the system roots for the `trusted` verdict (a
        /// private CA). Kept as PEM so that callers need no QtNetwork type.
        QByteArray extraCaPem;
    };

    [[nodiscard]] static Result<TlsProbeResult> probeBlocking(const Options& options);
    [[nodiscard]] static QCoro::Task<Result<TlsProbeResult>> probe(Options options);

    /// The longest chain accepted from a server; longer ones are refused (servers are untrusted).
    static constexpr int maxChainLength = 10;
};

} // namespace certdeck::monitor
