// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace certdeck::monitor {

/// What a TLS server served in one handshake. A plain value; certificates are DER so that callers
/// can hand them to core/crypto without this module depending on it.
struct TlsProbeResult {
    QString host;        ///< as asked
    QString serverName;  ///< the SNI name sent and checked against the certificate
    QString peerAddress; ///< the address actually connected to
    quint16 port = 0;
    /// The chain as the server sent it, leaf first, DER.
    QList<QByteArray> chainDer;
    /// SHA-256 of the leaf's DER: 32 raw bytes, and "AB:CD:..." (as crypto::Certificate prints it).
    QByteArray leafSha256;
    QString leafSha256Hex;
    QString subject;
    QString issuer;
    QStringList dnsNames;
    QDateTime notBefore;
    QDateTime notAfter;
    /// The plain-text upgrade used before the handshake: "smtp", "imap", "pop3"; empty: none.
    QString startTls;
    /// Negotiated protocol ("TLSv1.2", "TLSv1.3") and cipher suite.
    QString protocol;
    QString cipher;
    /// Whether a client trusting the system roots (plus the probe's extra CAs) accepts the chain for
    /// serverName; when not, why (Qt's words, one per problem).
    bool trusted = false;
    QStringList verificationErrors;
    /// Connect + handshake, in milliseconds.
    qint64 handshakeMs = 0;

    /// Whole days until notAfter from `now` (negative when expired).
    [[nodiscard]] qint64 daysLeft(const QDateTime& now) const { return now.secsTo(notAfter) / 86400; }
};

} // namespace certdeck::monitor
