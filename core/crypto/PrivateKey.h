// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/crypto/KeyType.h"

#include <QByteArray>

#include <memory>

namespace certdeck::crypto {

namespace internal {
struct KeyHandle;
struct Access;
} // namespace internal

/// A private key (ECDSA P-256/P-384 or RSA 2048/3072/4096) as a value. Copies share the same
/// immutable OpenSSL key (reference-counted), so copying is cheap and a key may be used read-only
/// from several threads at once. Key material is never logged and never leaves except through
/// toPem(). A default-constructed key is null: every operation on it fails or returns empty.
class PrivateKey {
public:
    PrivateKey();
    ~PrivateKey();
    PrivateKey(const PrivateKey&);
    PrivateKey(PrivateKey&&) noexcept;
    PrivateKey& operator=(const PrivateKey&);
    PrivateKey& operator=(PrivateKey&&) noexcept;

    [[nodiscard]] bool isNull() const;

    /// Generates a fresh key. Blocking (RSA 4096 can take seconds): call through runBlocking().
    static Result<PrivateKey> generate(KeyType type);

    /// Reads the first private key of a PEM text: PKCS#8 ("PRIVATE KEY"), encrypted PKCS#8
    /// ("ENCRYPTED PRIVATE KEY"), or traditional "EC PRIVATE KEY" / "RSA PRIVATE KEY" (also encrypted).
    /// Never prompts: an encrypted key without a passphrase, a wrong passphrase, garbage, or an
    /// unsupported key type (Ed25519, P-521, RSA 1024 ...) each give an InvalidInput error saying which.
    static Result<PrivateKey> fromPem(const QByteArray& pem, const SecureBytes& passphrase = {});

    /// PKCS#8 PEM. With a non-empty passphrase the key is encrypted (PBES2: PBKDF2-HMAC-SHA256,
    /// AES-256-CBC). The result is a secret: it wipes itself.
    [[nodiscard]] Result<SecureBytes> toPem(const SecureBytes& passphrase = {}) const;

    /// The key's algorithm; P256 for a null key.
    [[nodiscard]] KeyType type() const;
    /// DER SubjectPublicKeyInfo of the public half; empty for a null key.
    [[nodiscard]] QByteArray publicKeyDer() const;
    /// SHA-256 of publicKeyDer() (compare with Certificate::publicKeySha256()); empty for a null key.
    [[nodiscard]] QByteArray publicKeySha256() const;
    /// "ECDSA P-256", "RSA 2048" ...; empty for a null key.
    [[nodiscard]] QString description() const;

    /// Same public key (so the same key pair).
    [[nodiscard]] bool sameKeyAs(const PrivateKey& other) const;

private:
    friend struct internal::Access;
    std::shared_ptr<const internal::KeyHandle> m_handle;
};

} // namespace certdeck::crypto
