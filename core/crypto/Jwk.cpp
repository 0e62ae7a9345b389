// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Jwk.h"

#include "core/crypto/Base64Url.h"
#include "core/crypto/CryptoError.h"
#include "core/crypto/internal/Access.h"

#include <openssl/core_names.h>

#include <QJsonDocument>

namespace certdeck::crypto {

namespace {
/// Big-endian bytes of a BIGNUM parameter; padded to `width` bytes when width > 0, minimal otherwise.
QByteArray bnParam(EVP_PKEY* pkey, const char* name, int width) {
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, name, &raw) != 1) {
        clearOpensslErrors();
        return {};
    }
    BignumPtr bn(raw);
    const int size = width > 0 ? width : BN_num_bytes(bn.get());
    QByteArray out(size, Qt::Uninitialized);
    const int written = BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char*>(out.data()), size);
    if (written != size) {
        clearOpensslErrors();
        return {};
    }
    return out;
}

QString curveName(KeyType type) {
    return type == KeyType::P384 ? QStringLiteral("P-384") : QStringLiteral("P-256");
}
} // namespace

QJsonObject Jwk::publicJwk(const PrivateKey& key) {
    EVP_PKEY* pkey = internal::Access::pkey(key);
    if (!pkey)
        return {};
    QJsonObject jwk;
    if (isEcKeyType(key.type())) {
        // RFC 7518 §6.2.1.2: x and y MUST be the full field size, leading zeros kept.
        const int width = internal::ecFieldBytes(pkey);
        const QByteArray x = bnParam(pkey, OSSL_PKEY_PARAM_EC_PUB_X, width);
        const QByteArray y = bnParam(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, width);
        if (x.isEmpty() || y.isEmpty())
            return {};
        jwk.insert(QStringLiteral("kty"), QStringLiteral("EC"));
        jwk.insert(QStringLiteral("crv"), curveName(key.type()));
        jwk.insert(QStringLiteral("x"), QString::fromLatin1(base64url(x)));
        jwk.insert(QStringLiteral("y"), QString::fromLatin1(base64url(y)));
    } else {
        // RFC 7518 §6.3.1: minimal big-endian octets (BN_bn2bin never emits a leading zero).
        const QByteArray n = bnParam(pkey, OSSL_PKEY_PARAM_RSA_N, 0);
        const QByteArray e = bnParam(pkey, OSSL_PKEY_PARAM_RSA_E, 0);
        if (n.isEmpty() || e.isEmpty())
            return {};
        jwk.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
        jwk.insert(QStringLiteral("n"), QString::fromLatin1(base64url(n)));
        jwk.insert(QStringLiteral("e"), QString::fromLatin1(base64url(e)));
    }
    return jwk;
}

QByteArray Jwk::thumbprintInput(const QJsonObject& jwk) {
    // RFC 7638 §3.2: only the required members of the key type.
    const QString kty = jwk.value(QLatin1String("kty")).toString();
    QStringList members;
    if (kty == QLatin1String("EC"))
        members = {QStringLiteral("crv"), QStringLiteral("kty"), QStringLiteral("x"), QStringLiteral("y")};
    else if (kty == QLatin1String("RSA"))
        members = {QStringLiteral("e"), QStringLiteral("kty"), QStringLiteral("n")};
    else if (kty == QLatin1String("oct"))
        members = {QStringLiteral("k"), QStringLiteral("kty")};
    else
        return {};
    QJsonObject required;
    for (const QString& m : members) {
        const QJsonValue v = jwk.value(m);
        if (!v.isString())
            return {};
        required.insert(m, v);
    }
    // QJsonObject keeps its keys sorted and Compact writes no whitespace: exactly RFC 7638 §3.3's
    // form for these ASCII member names and base64url values.
    return QJsonDocument(required).toJson(QJsonDocument::Compact);
}

QByteArray Jwk::thumbprint(const QJsonObject& jwk) {
    const QByteArray input = thumbprintInput(jwk);
    if (input.isEmpty())
        return {};
    return base64url(internal::sha256(input));
}

} // namespace certdeck::crypto
