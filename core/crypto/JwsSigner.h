// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/crypto/PrivateKey.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace certdeck::crypto {

/// Holds an ACME account key and produces JWS signatures (RFC 7515) with it; the transport gets
/// signatures, never the key (STYLE.md). The JWK and its thumbprint are computed once.
/// Immutable after construction: sign() may be called from several threads at once.
class JwsSigner {
public:
    explicit JwsSigner(PrivateKey key);

    /// "ES256" (P-256), "ES384" (P-384), "RS256" (RSA) — RFC 7518 §3.1; empty for a null key.
    [[nodiscard]] QString algorithm() const { return m_algorithm; }
    /// The public JWK (see Jwk::publicJwk()).
    [[nodiscard]] QJsonObject jwk() const { return m_jwk; }
    /// RFC 7638 thumbprint of jwk(), base64url (used in key authorizations, RFC 8555 §8.1).
    [[nodiscard]] QByteArray thumbprint() const { return m_thumbprint; }
    [[nodiscard]] const PrivateKey& key() const { return m_key; }

    /// Raw JWS signature over `signingInput` (ASCII(BASE64URL(header) '.' BASE64URL(payload))):
    /// ECDSA as fixed-size r||s (RFC 7518 §3.4: 64 bytes for ES256, 96 for ES384), RSA as
    /// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3). Fails only for a null key or an OpenSSL failure.
    [[nodiscard]] Result<QByteArray> sign(const QByteArray& signingInput) const;

    /// HMAC-SHA-256 (HS256, RFC 7518 §3.2) for External Account Binding (RFC 8555 §7.3.4).
    /// An empty key is refused (InvalidInput).
    static Result<QByteArray> hmacSha256(const SecureBytes& key, const QByteArray& data);

    /// Verifies a raw JWS signature against a public JWK ("ES256", "ES384", "RS256"; the JWK's key
    /// type must fit the algorithm). False for anything malformed. Meant for tests and self-checks.
    static bool verify(const QJsonObject& publicJwk, const QString& alg, const QByteArray& signingInput,
                       const QByteArray& signature);

private:
    PrivateKey m_key;
    QString m_algorithm;
    QJsonObject m_jwk;
    QByteArray m_thumbprint;
};

} // namespace certdeck::crypto
