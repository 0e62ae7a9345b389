// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test-only helpers: a tiny CA that mints certificates with OpenSSL directly, independent of the
// code under test (keys cross over as PEM, certificates as DER).

#include "core/crypto/Certificate.h"
#include "core/crypto/OpenSslPtr.h"
#include "core/crypto/PrivateKey.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

namespace certdeck::crypto::test {

/// The OpenSSL key behind a PrivateKey, re-read from its PEM (null on failure).
inline EvpPkeyPtr toEvp(const PrivateKey& key) {
    auto pem = key.toPem();
    if (!pem)
        return {};
    BioPtr bio(BIO_new_mem_buf(pem->bytes().constData(), static_cast<int>(pem->size())));
    return EvpPkeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

/// A PrivateKey from an OpenSSL key, through PEM (PKCS#8, or the traditional format if asked).
inline Result<PrivateKey> fromEvp(EVP_PKEY* pkey, bool traditional = false) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    const int ok = traditional
                       ? PEM_write_bio_PrivateKey_traditional(bio.get(), pkey, nullptr, nullptr, 0, nullptr, nullptr)
                       : PEM_write_bio_PrivateKey(bio.get(), pkey, nullptr, nullptr, 0, nullptr, nullptr);
    if (ok != 1)
        return Error(ErrorCode::Crypto, QStringLiteral("test: PEM write failed"));
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return PrivateKey::fromPem(QByteArray(data, static_cast<qsizetype>(len)));
}

struct CertSpec {
    QString commonName;                            ///< empty: empty subject
    QString organization;                          ///< optional O=
    QStringList dnsNames;                          ///< SAN DNS entries
    QStringList ipAddresses;                       ///< SAN IP entries (text)
    QByteArray serial = QByteArray("\x01\x02", 2); ///< big-endian magnitude
    QDateTime notBefore = QDateTime(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc());
    QDateTime notAfter = QDateTime(QDate(2035, 1, 1), QTime(0, 0), QTimeZone::utc());
    bool isCa = false;
};

inline bool addExt(X509* cert, X509V3_CTX* ctx, int nid, const QByteArray& value) {
    X509ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

inline bool setTime(ASN1_TIME* t, const QDateTime& when) {
    return ASN1_TIME_set(t, static_cast<time_t>(when.toSecsSinceEpoch())) != nullptr;
}

/// Mints a certificate for `subjectKey`, signed by `issuerKey` under `issuer` (self-signed when
/// `issuer` is null). Null Certificate on any failure (the test then fails on isNull()).
inline Certificate mint(const CertSpec& spec, const PrivateKey& subjectKey, const PrivateKey& issuerKey,
                        const Certificate* issuer = nullptr) {
    EvpPkeyPtr subjectPkey = toEvp(subjectKey);
    EvpPkeyPtr issuerPkey = toEvp(issuerKey);
    X509Ptr issuerX;
    if (issuer) {
        const QByteArray der = issuer->toDer();
        const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
        issuerX.reset(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    }
    X509Ptr x(X509_new());
    if (!subjectPkey || !issuerPkey || !x || (issuer && !issuerX))
        return {};
    X509_set_version(x.get(), X509_VERSION_3);
    BignumPtr serialBn(BN_bin2bn(reinterpret_cast<const unsigned char*>(spec.serial.constData()),
                                 static_cast<int>(spec.serial.size()), nullptr));
    Asn1IntegerPtr serial(BN_to_ASN1_INTEGER(serialBn.get(), nullptr));
    X509_set_serialNumber(x.get(), serial.get());
    X509NamePtr name(X509_NAME_new());
    if (!spec.organization.isEmpty())
        X509_NAME_add_entry_by_txt(name.get(), "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(spec.organization.toUtf8().constData()), -1,
                                   -1, 0);
    if (!spec.commonName.isEmpty())
        X509_NAME_add_entry_by_txt(name.get(), "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(spec.commonName.toUtf8().constData()), -1, -1,
                                   0);
    X509_set_subject_name(x.get(), name.get());
    X509_set_issuer_name(x.get(), issuerX ? X509_get_subject_name(issuerX.get()) : name.get());
    if (!setTime(X509_getm_notBefore(x.get()), spec.notBefore) || !setTime(X509_getm_notAfter(x.get()), spec.notAfter))
        return {};
    X509_set_pubkey(x.get(), subjectPkey.get());

    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuerX ? issuerX.get() : x.get(), x.get(), nullptr, nullptr, 0);
    bool ok = addExt(x.get(), &ctx, NID_basic_constraints, spec.isCa ? "critical,CA:TRUE" : "CA:FALSE") &&
              addExt(x.get(), &ctx, NID_subject_key_identifier, "hash") &&
              addExt(x.get(), &ctx, NID_authority_key_identifier, "keyid:always");
    QStringList san;
    for (const QString& d : spec.dnsNames)
        san << QStringLiteral("DNS:") + d;
    for (const QString& ip : spec.ipAddresses)
        san << QStringLiteral("IP:") + ip;
    if (ok && !san.isEmpty())
        ok = addExt(x.get(), &ctx, NID_subject_alt_name, san.join(QLatin1Char(',')).toLatin1());
    if (!ok || X509_sign(x.get(), issuerPkey.get(), EVP_sha256()) <= 0) {
        ERR_clear_error();
        return {};
    }
    unsigned char* der = nullptr;
    const int len = i2d_X509(x.get(), &der);
    OpenSslBufferPtr owner(der);
    auto cert = Certificate::fromDer(QByteArray(reinterpret_cast<const char*>(der), len));
    return cert ? *cert : Certificate();
}

} // namespace certdeck::crypto::test
