// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/CertificateAuthority.h"

#include "core/crypto/CryptoError.h"
#include "core/crypto/OpenSslPtr.h"
#include "core/crypto/internal/Access.h"

#include <QObject>

#include <arpa/inet.h>
#include <openssl/rand.h>

namespace certdeck::crypto {

namespace {

using internal::Access;

Status addExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1)
        return opensslError(QObject::tr("Cannot add a certificate extension."));
    return {};
}

Result<X509Ptr> makeCertificate(const PrivateKey& subjectKey, const QString& commonName, int days) {
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1)
        return opensslError(QObject::tr("Cannot create a certificate."));
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return opensslError(QObject::tr("No randomness for a serial number."));
    serial[0] &= 0x7f; // positive
    BignumPtr bn(BN_bin2bn(serial, sizeof serial, nullptr));
    if (!bn || !BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get())))
        return opensslError(QObject::tr("Cannot set the serial number."));
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) ||
        !X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(days) * 86400))
        return opensslError(QObject::tr("Cannot set the validity."));
    X509_NAME* name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.left(64).toUtf8();
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()),
                                   static_cast<int>(cn.size()), -1, 0) != 1)
        return opensslError(QObject::tr("Cannot set the certificate's name."));
    if (X509_set_pubkey(cert.get(), Access::pkey(subjectKey)) != 1)
        return opensslError(QObject::tr("Cannot set the certificate's key."));
    return cert;
}

Result<QByteArray> subjectAltNames(const QStringList& identifiers) {
    QStringList parts;
    for (const auto& id : identifiers) {
        const QByteArray a = id.toLatin1();
        unsigned char buf[16];
        if (inet_pton(AF_INET, a.constData(), buf) == 1 || inet_pton(AF_INET6, a.constData(), buf) == 1)
            parts << QStringLiteral("IP:") + id;
        else if (!id.isEmpty() && !id.contains(QLatin1Char(',')) && !id.contains(QLatin1Char(':')))
            parts << QStringLiteral("DNS:") + id;
        else
            return Error(ErrorCode::InvalidInput, QObject::tr("%1 cannot go into a certificate.").arg(id));
    }
    if (parts.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("A certificate needs at least one name."));
    return parts.join(QLatin1Char(',')).toLatin1();
}

Result<Certificate> sign(X509Ptr cert, const PrivateKey& signer) {
    if (X509_sign(cert.get(), Access::pkey(signer), EVP_sha256()) <= 0)
        return opensslError(QObject::tr("Cannot sign the certificate."));
    return Access::wrap(std::move(cert));
}

Result<Certificate> leaf(const PrivateKey& signerKey, X509* issuer, const PrivateKey& subjectKey,
                         const QStringList& identifiers, int days) {
    if (signerKey.isNull() || subjectKey.isNull())
        return Error(ErrorCode::InvalidInput, QObject::tr("A key is missing."));
    auto san = subjectAltNames(identifiers);
    if (!san)
        return san.error();
    auto cert = makeCertificate(subjectKey, identifiers.first(), days);
    if (!cert)
        return cert.error();
    X509* c = cert->get();
    if (!X509_set_issuer_name(c, X509_get_subject_name(issuer ? issuer : c)))
        return opensslError(QObject::tr("Cannot set the issuer."));
    X509* effectiveIssuer = issuer ? issuer : c;
    for (auto s : {addExtension(c, effectiveIssuer, NID_basic_constraints, "critical,CA:FALSE"),
                   addExtension(c, effectiveIssuer, NID_key_usage, "critical,digitalSignature"),
                   addExtension(c, effectiveIssuer, NID_ext_key_usage, "serverAuth"),
                   addExtension(c, effectiveIssuer, NID_subject_key_identifier, "hash"),
                   addExtension(c, effectiveIssuer, NID_subject_alt_name, san->constData())}) {
        if (!s)
            return s.error();
    }
    if (issuer) {
        if (auto s = addExtension(c, issuer, NID_authority_key_identifier, "keyid:always"); !s)
            return s.error();
    }
    return sign(std::move(*cert), signerKey);
}

} // namespace

Result<std::pair<PrivateKey, Certificate>> CertificateAuthority::createRoot(const QString& commonName, int days) {
    auto key = PrivateKey::generate(KeyType::P256);
    if (!key)
        return key.error();
    auto cert = makeCertificate(*key, commonName, days);
    if (!cert)
        return cert.error();
    X509* c = cert->get();
    if (!X509_set_issuer_name(c, X509_get_subject_name(c)))
        return opensslError(QObject::tr("Cannot set the issuer."));
    for (auto s : {addExtension(c, c, NID_basic_constraints, "critical,CA:TRUE"),
                   addExtension(c, c, NID_key_usage, "critical,keyCertSign,cRLSign"),
                   addExtension(c, c, NID_subject_key_identifier, "hash")}) {
        if (!s)
            return s.error();
    }
    auto signedCert = sign(std::move(*cert), *key);
    if (!signedCert)
        return signedCert.error();
    return std::make_pair(*key, *signedCert);
}

Result<Certificate> CertificateAuthority::issue(const PrivateKey& caKey, const Certificate& caCert,
                                                const PrivateKey& subjectKey, const QStringList& identifiers,
                                                int days) {
    if (caCert.isNull() || !caCert.matchesKey(caKey))
        return Error(ErrorCode::InvalidInput, QObject::tr("The CA key does not belong to the CA certificate."));
    return leaf(caKey, Access::x509(caCert), subjectKey, identifiers, days);
}

Result<Certificate> CertificateAuthority::selfSigned(const PrivateKey& key, const QStringList& identifiers, int days) {
    return leaf(key, nullptr, key, identifiers, days);
}

} // namespace certdeck::crypto
