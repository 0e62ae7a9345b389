// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/PrivateKey.h"

#include "core/crypto/CryptoError.h"
#include "core/crypto/internal/Access.h"

#include <openssl/pem.h>

#include <cstring>

namespace certdeck::crypto {

using internal::Access;

namespace {
// A PEM private key is a few KiB at most (RSA 4096 encrypted: ~3.4 KiB); bound what we parse.
constexpr qsizetype MaxPemBytes = 256 * 1024;
// OpenSSL hands the callback a PEM_BUFSIZE (1024) buffer; a longer passphrase could be written but not read back.
constexpr qsizetype MaxPassphraseBytes = 1023;

struct PassphraseRequest {
    const SecureBytes* passphrase = nullptr;
    bool asked = false;
};

// Never lets OpenSSL fall back to prompting on the terminal: no passphrase means failure.
int passphraseCallback(char* buf, int size, int /*rwflag*/, void* userdata) {
    auto* request = static_cast<PassphraseRequest*>(userdata);
    request->asked = true;
    const QByteArray& pass = request->passphrase->bytes();
    if (pass.isEmpty() || pass.size() > size)
        return -1;
    std::memcpy(buf, pass.constData(), static_cast<size_t>(pass.size()));
    return static_cast<int>(pass.size());
}
} // namespace

PrivateKey::PrivateKey() = default;
PrivateKey::~PrivateKey() = default;
PrivateKey::PrivateKey(const PrivateKey&) = default;
PrivateKey::PrivateKey(PrivateKey&&) noexcept = default;
PrivateKey& PrivateKey::operator=(const PrivateKey&) = default;
PrivateKey& PrivateKey::operator=(PrivateKey&&) noexcept = default;

bool PrivateKey::isNull() const {
    return !m_handle;
}

Result<PrivateKey> PrivateKey::generate(KeyType type) {
    EvpPkeyPtr pkey;
    switch (type) {
    case KeyType::P256:
        pkey.reset(EVP_EC_gen("P-256"));
        break;
    case KeyType::P384:
        pkey.reset(EVP_EC_gen("P-384"));
        break;
    case KeyType::Rsa2048:
        pkey.reset(EVP_RSA_gen(2048));
        break;
    case KeyType::Rsa3072:
        pkey.reset(EVP_RSA_gen(3072));
        break;
    case KeyType::Rsa4096:
        pkey.reset(EVP_RSA_gen(4096));
        break;
    }
    if (!pkey)
        return opensslError(QStringLiteral("Could not generate a %1 key.").arg(keyTypeName(type)));
    return Access::wrap(std::move(pkey));
}

Result<PrivateKey> PrivateKey::fromPem(const QByteArray& pem, const SecureBytes& passphrase) {
    if (pem.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("The key file is empty."));
    if (pem.size() > MaxPemBytes)
        return Error(ErrorCode::InvalidInput, QStringLiteral("This file is too large to be a private key."),
                     QStringLiteral("%1 bytes").arg(pem.size()));
    clearOpensslErrors();
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    if (!bio)
        return opensslError(QStringLiteral("Could not read the private key."));
    PassphraseRequest request{&passphrase, false};
    EvpPkeyPtr pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, passphraseCallback, &request));
    if (!pkey) {
        if (request.asked && passphrase.isEmpty())
            return opensslError(QStringLiteral("This private key is protected by a passphrase. Enter its passphrase."),
                                ErrorCode::InvalidInput);
        if (request.asked)
            return opensslError(QStringLiteral("The passphrase for this private key is wrong (or the key file is "
                                               "damaged)."),
                                ErrorCode::InvalidInput);
        return opensslError(QStringLiteral("This is not a private key in PEM format (expected a \"-----BEGIN PRIVATE "
                                           "KEY-----\" block)."),
                            ErrorCode::InvalidInput);
    }
    clearOpensslErrors();
    return Access::wrap(std::move(pkey));
}

Result<SecureBytes> PrivateKey::toPem(const SecureBytes& passphrase) const {
    if (isNull())
        return Error(ErrorCode::InvalidInput, QStringLiteral("There is no key to save."));
    if (passphrase.size() > MaxPassphraseBytes)
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("The passphrase is too long (at most %1 bytes).").arg(MaxPassphraseBytes));
    // Secure-heap memory BIO: its buffer is wiped when freed, the PEM is key material.
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio)
        return opensslError(QStringLiteral("Could not write the private key."));
    const bool encrypt = !passphrase.isEmpty();
    const int ok = PEM_write_bio_PKCS8PrivateKey(bio.get(), m_handle->pkey.get(), encrypt ? EVP_aes_256_cbc() : nullptr,
                                                 encrypt ? passphrase.bytes().constData() : nullptr,
                                                 encrypt ? static_cast<int>(passphrase.size()) : 0, nullptr, nullptr);
    if (ok != 1)
        return opensslError(QStringLiteral("Could not write the private key."));
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    if (len <= 0 || !data)
        return opensslError(QStringLiteral("Could not write the private key."));
    return SecureBytes(QByteArray(data, static_cast<qsizetype>(len)));
}

KeyType PrivateKey::type() const {
    return m_handle ? m_handle->type : KeyType::P256;
}

QByteArray PrivateKey::publicKeyDer() const {
    return m_handle ? internal::spkiDer(m_handle->pkey.get()) : QByteArray();
}

QByteArray PrivateKey::publicKeySha256() const {
    return m_handle ? internal::sha256(publicKeyDer()) : QByteArray();
}

QString PrivateKey::description() const {
    return m_handle ? internal::describeKey(m_handle->pkey.get()) : QString();
}

bool PrivateKey::sameKeyAs(const PrivateKey& other) const {
    if (!m_handle || !other.m_handle)
        return false;
    const bool same = EVP_PKEY_eq(m_handle->pkey.get(), other.m_handle->pkey.get()) == 1;
    clearOpensslErrors();
    return same;
}

} // namespace certdeck::crypto
