// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crypto/PrivateKey.h"

#include <QByteArray>
#include <QJsonObject>

namespace certdeck::crypto {

/// JSON Web Keys (RFC 7517/7518) for the public half of an account key, and their thumbprints.
/// Stateless and thread-safe.
class Jwk {
public:
    /// The public JWK (RFC 7518 §6.2.1, §6.3.1): EC {"crv","kty","x","y"} with coordinates padded to
    /// the field size (32 bytes for P-256, 48 for P-384); RSA {"e","kty","n"} without leading zero
    /// bytes. Values are base64url. Empty object for a null key. Never contains private members.
    static QJsonObject publicJwk(const PrivateKey& key);

    /// RFC 7638 thumbprint: base64url(SHA-256(UTF-8 JSON of the required members only, in
    /// lexicographic order, no whitespace)). Other members ("kid", "alg", "d" ...) are ignored.
    /// Empty when a required member is missing or not a string, or the "kty" is unknown.
    static QByteArray thumbprint(const QJsonObject& jwk);

    /// The exact bytes that thumbprint() hashes (exposed for tests and key-authorization debugging).
    static QByteArray thumbprintInput(const QJsonObject& jwk);
};

} // namespace certdeck::crypto
