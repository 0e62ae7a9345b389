// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Module-private: how core/crypto reaches the OpenSSL handles inside its value classes.
// Included only by core/crypto sources.

#include "core/crypto/Certificate.h"
#include "core/crypto/KeyType.h"
#include "core/crypto/OpenSslPtr.h"
#include "core/crypto/PrivateKey.h"

namespace certdeck::crypto::internal {

/// Immutable once built; shared by every copy of a PrivateKey.
struct KeyHandle {
    EvpPkeyPtr pkey;
    KeyType type = KeyType::P256;
};

/// Immutable once built; shared by every copy of a Certificate.
struct CertHandle {
    X509Ptr x509;
};

struct Access {
    /// Borrowed; null for a null key.
    static EVP_PKEY* pkey(const PrivateKey& key) { return key.m_handle ? key.m_handle->pkey.get() : nullptr; }
    /// Borrowed; null for a null certificate.
    static X509* x509(const Certificate& cert) { return cert.m_handle ? cert.m_handle->x509.get() : nullptr; }
    /// Takes ownership; fails (InvalidInput) for key algorithms or sizes Certdeck does not support.
    static Result<PrivateKey> wrap(EvpPkeyPtr pkey);
    static Certificate wrap(X509Ptr x509);
};

/// What a public or private key is, in OpenSSL terms: "ECDSA P-256", "RSA 2048" ... ("unknown key" otherwise).
QString describeKey(const EVP_PKEY* pkey);
/// DER SubjectPublicKeyInfo of a key (empty on failure, which only happens out of memory).
QByteArray spkiDer(const EVP_PKEY* pkey);
/// SHA-256 / SHA-384 digest helper over bytes.
QByteArray sha256(const QByteArray& data);
/// Size in bytes of the field of an EC key (32 for P-256, 48 for P-384), 0 if not EC.
int ecFieldBytes(const EVP_PKEY* pkey);

} // namespace certdeck::crypto::internal
