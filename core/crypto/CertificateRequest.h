// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/crypto/PrivateKey.h"

#include <QByteArray>
#include <QStringList>

namespace certdeck::crypto {

/// PKCS#10 certificate signing requests for ACME finalization (RFC 8555 §7.4). Stateless.
class CertificateRequest {
public:
    /// A DER CSR signed by `key` (SHA-256; SHA-384 for a P-384 key) with an empty subject and a
    /// critical subjectAltName (RFC 5280 §4.2.1.6) holding every identifier: DNS names (including
    /// "*.example.com"; IDNs must already be A-labels, "xn--..."), lower-cased and de-duplicated in
    /// order, and IP addresses (IPv4 or IPv6 text). No other extensions (no Must-Staple, no EKU).
    /// An empty list, a null key or an invalid identifier gives an InvalidInput error naming it.
    static Result<QByteArray> createDer(const PrivateKey& key, const QStringList& identifiers);

    /// Checks one identifier the way createDer() does: an IPv4/IPv6 address, or a DNS name of LDH
    /// labels (1-63 characters, no leading/trailing hyphen, at most 253 characters, ASCII only,
    /// optionally "*." in front, no trailing dot).
    static Status checkIdentifier(const QString& identifier);

    /// True if the identifier is IPv4 or IPv6 address text (as ACME "ip" identifiers, RFC 8738).
    static bool isIpAddress(const QString& identifier);
};

} // namespace certdeck::crypto
