// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Pkcs12.h"

#include "core/crypto/CryptoError.h"
#include "core/crypto/internal/Access.h"

#include <openssl/obj_mac.h>

namespace certdeck::crypto {

namespace {
// PBKDF2 iterations for the bags and the MAC. OpenSSL's default (PKCS12_DEFAULT_ITER, 2048) is what
// Windows and macOS import without complaint; the password is the real protection.
constexpr int Iterations = PKCS12_DEFAULT_ITER;

Error failed() {
    return opensslError(QStringLiteral("Could not create the PKCS#12 file."));
}
} // namespace

Result<QByteArray> Pkcs12::create(const PrivateKey& key, const Certificate& cert, const QList<Certificate>& chain,
                                  const SecureBytes& password, const QString& friendlyName) {
    EVP_PKEY* pkey = internal::Access::pkey(key);
    X509* x = internal::Access::x509(cert);
    if (!pkey || !x)
        return Error(ErrorCode::InvalidInput, QStringLiteral("A PKCS#12 file needs a key and its certificate."));
    if (password.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("Choose a password to protect the PKCS#12 file."));
    if (password.bytes().contains('\0'))
        return Error(ErrorCode::InvalidInput, QStringLiteral("The password must not contain a NUL character."));
    if (!cert.matchesKey(key))
        return Error(ErrorCode::InvalidInput, QStringLiteral("The certificate does not belong to this private key."));
    clearOpensslErrors();
    // QByteArray data is NUL-terminated, as OpenSSL expects of a password here.
    const char* pass = password.bytes().constData();
    const QByteArray name = friendlyName.toUtf8();

    // localKeyID = SHA-1 of the certificate, as PKCS12_create() does, so importers pair key and cert.
    unsigned char keyId[EVP_MAX_MD_SIZE];
    unsigned int keyIdLen = 0;
    if (X509_digest(x, EVP_sha1(), keyId, &keyIdLen) != 1)
        return failed();

    // Built bag by bag instead of PKCS12_create(): that one writes the friendly name as Latin-1,
    // and names are UTF-8 here.
    STACK_OF(PKCS12_SAFEBAG)* rawBags = nullptr;
    PKCS12_SAFEBAG* bag = PKCS12_add_cert(&rawBags, x);
    Pkcs12SafeBagStackPtr certBags(rawBags);
    if (!bag || (!name.isEmpty() && PKCS12_add_friendlyname_utf8(bag, name.constData(), -1) != 1) ||
        PKCS12_add_localkeyid(bag, keyId, static_cast<int>(keyIdLen)) != 1)
        return failed();
    for (const Certificate& c : chain) {
        X509* cx = internal::Access::x509(c);
        if (!cx)
            continue;
        if (!PKCS12_add_cert(&rawBags, cx))
            return failed();
    }

    STACK_OF(PKCS7)* rawSafes = nullptr;
    if (!PKCS12_add_safe(&rawSafes, certBags.get(), NID_aes_256_cbc, Iterations, pass)) {
        Pkcs7StackPtr cleanup(rawSafes);
        return failed();
    }
    Pkcs7StackPtr safes(rawSafes);

    rawBags = nullptr;
    bag = PKCS12_add_key(&rawBags, pkey, 0, Iterations, NID_aes_256_cbc, pass);
    Pkcs12SafeBagStackPtr keyBags(rawBags);
    if (!bag || (!name.isEmpty() && PKCS12_add_friendlyname_utf8(bag, name.constData(), -1) != 1) ||
        PKCS12_add_localkeyid(bag, keyId, static_cast<int>(keyIdLen)) != 1)
        return failed();
    // The key bag is a shrouded (encrypted) bag already; its safe needs no second encryption.
    if (!PKCS12_add_safe(&rawSafes, keyBags.get(), -1, 0, nullptr))
        return failed();

    Pkcs12Ptr p12(PKCS12_add_safes(safes.get(), 0));
    if (!p12 || PKCS12_set_mac(p12.get(), pass, -1, nullptr, 0, Iterations, EVP_sha256()) != 1)
        return failed();

    unsigned char* der = nullptr;
    const int len = i2d_PKCS12(p12.get(), &der);
    if (len <= 0)
        return failed();
    OpenSslBufferPtr owner(der);
    return QByteArray(reinterpret_cast<const char*>(der), len);
}

} // namespace certdeck::crypto
