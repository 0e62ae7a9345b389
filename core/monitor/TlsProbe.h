// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/monitor/TlsProbeResult.h"

#include <QCoroTask>
#include <QList>
#include <QString>

#include <chrono>

namespace certdeck::monitor {

/// How a TLS session starts on a port: at once (implicit TLS: 443, 465, 993, 995), or after the
/// application protocol's own upgrade command on a plain connection.
enum class StartTls {
    None, ///< TLS from the first byte
    Smtp, ///< RFC 3207: EHLO, STARTTLS, 220 (ports 25 and 587)
    Imap, ///< RFC 3501 §6.2.1: a1 STARTTLS, a1 OK (port 143)
    Pop3, ///< RFC 2595 §4: STLS, +OK (port 110)
};

/// One TLS handshake to see what a server serves: the chain, its fingerprint and expiry, the
/// protocol. Used to verify a deployment (is the new certificate the one served?) and to watch
/// endpoints. The probe never sends application data and accepts any certificate (it reports trust
/// problems in the result instead of failing), so it can look at broken and self-signed servers too.
///
/// Threading: probeBlocking() blocks the calling thread (bounded by Options::timeout) and may run on
/// any thread; probe() runs it on the waiting pool (certdeck::runWaiting) and resumes on the
/// awaiting thread.
/// Failures (name not resolved, refused, timeout, no TLS) are errors with a message naming the
/// address; libssl's text is in the detail.
///
/// With Options::startTls the probe first speaks that protocol in plain text: lines are bounded
/// (maxLineBytes) and so is everything read before the handshake (maxPlainBytes), all within the
/// same timeout; a server that does not offer STARTTLS is an error (ErrorCode::Tls) saying so, never
/// a success without TLS. Bytes the server sends after its go-ahead but before the handshake are
/// refused (the STARTTLS injection of CVE-2011-0411).
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
        /// Upgrade a plain connection first (SMTP, IMAP, POP3); None: TLS at once.
        StartTls startTls = StartTls::None;
    };

    [[nodiscard]] static Result<TlsProbeResult> probeBlocking(const Options& options);
    [[nodiscard]] static QCoro::Task<Result<TlsProbeResult>> probe(Options options);

    /// "none", "smtp", "imap", "pop3" (also accepts "starttls-" prefixes off).
    static Result<StartTls> startTlsFromName(const QString& name);
    static QString startTlsName(StartTls startTls);
    /// The usual upgrade for a well-known port: 25 and 587 SMTP, 143 IMAP, 110 POP3, else None.
    static StartTls startTlsForPort(quint16 port);

    /// The longest chain accepted from a server; longer ones are refused (servers are untrusted).
    static constexpr int maxChainLength = 10;
    /// Before the TLS handshake of a STARTTLS probe: the longest line, and all bytes read.
    static constexpr qsizetype maxLineBytes = 4096;
    static constexpr qsizetype maxPlainBytes = 64 * 1024;
};

} // namespace certdeck::monitor
