// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/internal/Access.h"

#include "core/crypto/CryptoError.h"

#include <openssl/core_names.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/sha.h>

namespace certdeck::crypto::internal {

namespace {
/// NID of an EC key's named curve, NID_undef if not EC or explicit parameters.
int ecCurveNid(const EVP_PKEY* pkey) {
    if (!EVP_PKEY_is_a(pkey, "EC"))
        return NID_undef;
    char name[80] = {};
    size_t len = 0;
    if (EVP_PKEY_get_group_name(pkey, name, sizeof name, &len) != 1) {
        clearOpensslErrors();
        return NID_undef;
    }
    int nid = OBJ_txt2nid(name);
    if (nid == NID_undef)
        nid = EC_curve_nist2nid(name);
    clearOpensslErrors();
    return nid;
}
} // namespace

Result<PrivateKey> Access::wrap(EvpPkeyPtr pkey) {
    if (!pkey)
        return Error(ErrorCode::Crypto, QStringLiteral("No key."));
    KeyType type;
    if (EVP_PKEY_is_a(pkey.get(), "EC")) {
        const int nid = ecCurveNid(pkey.get());
        if (nid == NID_X9_62_prime256v1)
            type = KeyType::P256;
        else if (nid == NID_secp384r1)
            type = KeyType::P384;
        else
            return Error(ErrorCode::InvalidInput,
                         QStringLiteral("This elliptic-curve key uses a curve Certdeck does not support (%1). "
                                        "Use a P-256 or P-384 key.")
                             .arg(describeKey(pkey.get())));
    } else if (EVP_PKEY_is_a(pkey.get(), "RSA")) {
        switch (EVP_PKEY_get_bits(pkey.get())) {
        case 2048:
            type = KeyType::Rsa2048;
            break;
        case 3072:
            type = KeyType::Rsa3072;
            break;
        case 4096:
            type = KeyType::Rsa4096;
            break;
        default:
            return Error(ErrorCode::InvalidInput,
                         QStringLiteral("This RSA key has %1 bits; Certdeck supports RSA keys of 2048, 3072 or 4096 "
                                        "bits, or ECDSA P-256/P-384 keys.")
                             .arg(EVP_PKEY_get_bits(pkey.get())));
        }
    } else {
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("This key type (%1) is not supported. Use an ECDSA P-256/P-384 or an RSA key.")
                         .arg(describeKey(pkey.get())));
    }
    auto handle = std::make_shared<KeyHandle>();
    handle->pkey = std::move(pkey);
    handle->type = type;
    PrivateKey key;
    key.m_handle = std::move(handle);
    return key;
}

Certificate Access::wrap(X509Ptr x509) {
    Certificate cert;
    if (x509) {
        auto handle = std::make_shared<CertHandle>();
        handle->x509 = std::move(x509);
        cert.m_handle = std::move(handle);
    }
    return cert;
}

QString describeKey(const EVP_PKEY* pkey) {
    if (!pkey)
        return {};
    if (EVP_PKEY_is_a(pkey, "EC")) {
        switch (ecCurveNid(pkey)) {
        case NID_X9_62_prime256v1:
            return QStringLiteral("ECDSA P-256");
        case NID_secp384r1:
            return QStringLiteral("ECDSA P-384");
        case NID_secp521r1:
            return QStringLiteral("ECDSA P-521");
        default:
            return QStringLiteral("ECDSA (other curve)");
        }
    }
    if (EVP_PKEY_is_a(pkey, "RSA"))
        return QStringLiteral("RSA %1").arg(EVP_PKEY_get_bits(pkey));
    if (EVP_PKEY_is_a(pkey, "RSA-PSS"))
        return QStringLiteral("RSA-PSS %1").arg(EVP_PKEY_get_bits(pkey));
    if (EVP_PKEY_is_a(pkey, "ED25519"))
        return QStringLiteral("Ed25519");
    if (EVP_PKEY_is_a(pkey, "ED448"))
        return QStringLiteral("Ed448");
    if (EVP_PKEY_is_a(pkey, "DSA"))
        return QStringLiteral("DSA %1").arg(EVP_PKEY_get_bits(pkey));
    const char* name = EVP_PKEY_get0_type_name(pkey);
    return name ? QString::fromLatin1(name) : QStringLiteral("unknown key");
}

QByteArray spkiDer(const EVP_PKEY* pkey) {
    if (!pkey)
        return {};
    unsigned char* buf = nullptr;
    const int len = i2d_PUBKEY(pkey, &buf);
    if (len <= 0) {
        clearOpensslErrors();
        return {};
    }
    OpenSslBufferPtr owner(buf);
    return QByteArray(reinterpret_cast<const char*>(buf), len);
}

QByteArray sha256(const QByteArray& data) {
    QByteArray out(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    SHA256(reinterpret_cast<const unsigned char*>(data.constData()), static_cast<size_t>(data.size()),
           reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

int ecFieldBytes(const EVP_PKEY* pkey) {
    if (!pkey || !EVP_PKEY_is_a(pkey, "EC"))
        return 0;
    return (EVP_PKEY_get_bits(pkey) + 7) / 8;
}

} // namespace certdeck::crypto::internal
