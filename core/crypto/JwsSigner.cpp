// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/JwsSigner.h"

#include "core/crypto/Base64Url.h"
#include "core/crypto/CryptoError.h"
#include "core/crypto/Jwk.h"
#include "core/crypto/internal/Access.h"

#include <openssl/core_names.h>
#include <openssl/ecdsa.h>

namespace certdeck::crypto {

namespace {
QString algorithmFor(const PrivateKey& key) {
    if (key.isNull())
        return {};
    switch (key.type()) {
    case KeyType::P256:
        return QStringLiteral("ES256");
    case KeyType::P384:
        return QStringLiteral("ES384");
    case KeyType::Rsa2048:
    case KeyType::Rsa3072:
    case KeyType::Rsa4096:
        return QStringLiteral("RS256");
    }
    return {};
}

/// DER ECDSA-Sig-Value -> fixed-width r||s (RFC 7518 §3.4).
std::optional<QByteArray> derToRaw(const QByteArray& der, int width) {
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
    if (!sig)
        return std::nullopt;
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    QByteArray out(2 * width, Qt::Uninitialized);
    auto* buf = reinterpret_cast<unsigned char*>(out.data());
    if (BN_bn2binpad(r, buf, width) != width || BN_bn2binpad(s, buf + width, width) != width)
        return std::nullopt;
    return out;
}

/// Fixed-width r||s -> DER, for OpenSSL's verifier.
std::optional<QByteArray> rawToDer(const QByteArray& raw, int width) {
    if (raw.size() != 2 * width)
        return std::nullopt;
    const auto* buf = reinterpret_cast<const unsigned char*>(raw.constData());
    BignumPtr r(BN_bin2bn(buf, width, nullptr));
    BignumPtr s(BN_bin2bn(buf + width, width, nullptr));
    EcdsaSigPtr sig(ECDSA_SIG_new());
    if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return std::nullopt;
    // ECDSA_SIG_set0 took ownership.
    (void)r.release();
    (void)s.release();
    unsigned char* der = nullptr;
    const int len = i2d_ECDSA_SIG(sig.get(), &der);
    if (len <= 0)
        return std::nullopt;
    OpenSslBufferPtr owner(der);
    return QByteArray(reinterpret_cast<const char*>(der), len);
}

std::optional<QByteArray> jwkBytes(const QJsonObject& jwk, const char* member) {
    const QJsonValue v = jwk.value(QLatin1String(member));
    if (!v.isString())
        return std::nullopt;
    auto bytes = fromBase64url(v.toString().toLatin1());
    if (!bytes || bytes->isEmpty())
        return std::nullopt;
    return *bytes;
}

/// A public EVP_PKEY from a JWK (EC P-256/P-384 or RSA); null when malformed.
EvpPkeyPtr publicKeyFromJwk(const QJsonObject& jwk) {
    const QString kty = jwk.value(QLatin1String("kty")).toString();
    OsslParamBldPtr bld(OSSL_PARAM_BLD_new());
    if (!bld)
        return {};
    const char* keyType = nullptr;
    BignumPtr n;
    BignumPtr e;
    QByteArray point;
    QByteArray group;
    if (kty == QLatin1String("EC")) {
        const QString crv = jwk.value(QLatin1String("crv")).toString();
        int width = 0;
        if (crv == QLatin1String("P-256"))
            width = 32;
        else if (crv == QLatin1String("P-384"))
            width = 48;
        else
            return {};
        const auto x = jwkBytes(jwk, "x");
        const auto y = jwkBytes(jwk, "y");
        if (!x || !y || x->size() != width || y->size() != width)
            return {};
        // Uncompressed point (SEC 1 §2.3.3).
        point = QByteArray(1, '\x04') + *x + *y;
        group = crv.toLatin1();
        keyType = "EC";
        if (OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group.constData(), 0) != 1 ||
            OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                             static_cast<size_t>(point.size())) != 1)
            return {};
    } else if (kty == QLatin1String("RSA")) {
        const auto nb = jwkBytes(jwk, "n");
        const auto eb = jwkBytes(jwk, "e");
        if (!nb || !eb || nb->size() > 2048 || eb->size() > 16)
            return {};
        n.reset(
            BN_bin2bn(reinterpret_cast<const unsigned char*>(nb->constData()), static_cast<int>(nb->size()), nullptr));
        e.reset(
            BN_bin2bn(reinterpret_cast<const unsigned char*>(eb->constData()), static_cast<int>(eb->size()), nullptr));
        keyType = "RSA";
        if (!n || !e || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
            OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1)
            return {};
    } else {
        return {};
    }
    OsslParamPtr params(OSSL_PARAM_BLD_to_param(bld.get()));
    EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, keyType, nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1)
        return {};
    EVP_PKEY* raw = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return {};
    return EvpPkeyPtr(raw);
}
} // namespace

JwsSigner::JwsSigner(PrivateKey key)
    : m_key(std::move(key))
    , m_algorithm(algorithmFor(m_key))
    , m_jwk(Jwk::publicJwk(m_key))
    , m_thumbprint(Jwk::thumbprint(m_jwk)) {}

Result<QByteArray> JwsSigner::sign(const QByteArray& signingInput) const {
    EVP_PKEY* pkey = internal::Access::pkey(m_key);
    if (!pkey)
        return Error(ErrorCode::Crypto, QStringLiteral("There is no account key to sign with."));
    const EVP_MD* md = m_key.type() == KeyType::P384 ? EVP_sha384() : EVP_sha256();
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, pkey) != 1)
        return opensslError(QStringLiteral("Could not sign the request."));
    // RSA keys use the default padding, RSASSA-PKCS1-v1_5, as RS256 requires.
    const auto* in = reinterpret_cast<const unsigned char*>(signingInput.constData());
    size_t len = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &len, in, static_cast<size_t>(signingInput.size())) != 1)
        return opensslError(QStringLiteral("Could not sign the request."));
    QByteArray sig(static_cast<qsizetype>(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, in,
                       static_cast<size_t>(signingInput.size())) != 1)
        return opensslError(QStringLiteral("Could not sign the request."));
    sig.resize(static_cast<qsizetype>(len));
    if (!isEcKeyType(m_key.type()))
        return sig;
    auto raw = derToRaw(sig, internal::ecFieldBytes(pkey));
    if (!raw)
        return opensslError(QStringLiteral("Could not sign the request."));
    return std::move(*raw);
}

Result<QByteArray> JwsSigner::hmacSha256(const SecureBytes& key, const QByteArray& data) {
    if (key.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("The external account key (HMAC key) is empty."));
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t outLen = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key.bytes().constData(),
                   static_cast<size_t>(key.size()), reinterpret_cast<const unsigned char*>(data.constData()),
                   static_cast<size_t>(data.size()), out, sizeof out, &outLen))
        return opensslError(QStringLiteral("Could not compute the external account binding MAC."));
    return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(outLen));
}

bool JwsSigner::verify(const QJsonObject& publicJwk, const QString& alg, const QByteArray& signingInput,
                       const QByteArray& signature) {
    const QString kty = publicJwk.value(QLatin1String("kty")).toString();
    const QString crv = publicJwk.value(QLatin1String("crv")).toString();
    const EVP_MD* md = nullptr;
    int ecWidth = 0;
    if (alg == QLatin1String("ES256") && kty == QLatin1String("EC") && crv == QLatin1String("P-256")) {
        md = EVP_sha256();
        ecWidth = 32;
    } else if (alg == QLatin1String("ES384") && kty == QLatin1String("EC") && crv == QLatin1String("P-384")) {
        md = EVP_sha384();
        ecWidth = 48;
    } else if (alg == QLatin1String("RS256") && kty == QLatin1String("RSA")) {
        md = EVP_sha256();
    } else {
        return false;
    }
    EvpPkeyPtr pkey = publicKeyFromJwk(publicJwk);
    if (!pkey) {
        clearOpensslErrors();
        return false;
    }
    QByteArray sig = signature;
    if (ecWidth > 0) {
        auto der = rawToDer(signature, ecWidth);
        if (!der) {
            clearOpensslErrors();
            return false;
        }
        sig = *der;
    }
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    const bool ok = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, pkey.get()) == 1 &&
                    EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.constData()),
                                     static_cast<size_t>(sig.size()),
                                     reinterpret_cast<const unsigned char*>(signingInput.constData()),
                                     static_cast<size_t>(signingInput.size())) == 1;
    clearOpensslErrors();
    return ok;
}

} // namespace certdeck::crypto
