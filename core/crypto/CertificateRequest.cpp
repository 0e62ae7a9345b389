// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/CertificateRequest.h"

#include "core/crypto/CryptoError.h"
#include "core/crypto/internal/Access.h"

#include <arpa/inet.h>

#include <QSet>

namespace certdeck::crypto {

namespace {
/// Binary address (4 or 16 bytes) of IP text, empty if the text is no address.
QByteArray parseIp(const QString& text) {
    const QByteArray latin = text.toLatin1();
    unsigned char buf[16];
    if (text.contains(QLatin1Char(':'))) {
        if (inet_pton(AF_INET6, latin.constData(), buf) == 1)
            return QByteArray(reinterpret_cast<const char*>(buf), 16);
        return {};
    }
    if (inet_pton(AF_INET, latin.constData(), buf) == 1)
        return QByteArray(reinterpret_cast<const char*>(buf), 4);
    return {};
}

bool isLdhLabel(QStringView label) {
    if (label.isEmpty() || label.size() > 63)
        return false;
    if (label.front() == QLatin1Char('-') || label.back() == QLatin1Char('-'))
        return false;
    for (QChar c : label) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

bool looksNumeric(const QString& text) {
    for (QChar c : text) {
        if (!c.isDigit() && c != QLatin1Char('.'))
            return false;
    }
    return true;
}

Error invalidIdentifier(const QString& identifier, const QString& why) {
    return Error(ErrorCode::InvalidInput,
                 QStringLiteral("\"%1\" is not a valid domain name or IP address: %2.").arg(identifier, why));
}
} // namespace

bool CertificateRequest::isIpAddress(const QString& identifier) {
    return !parseIp(identifier).isEmpty();
}

Status CertificateRequest::checkIdentifier(const QString& identifier) {
    if (identifier.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("A name is empty."));
    if (identifier.contains(QLatin1Char(':')) || looksNumeric(identifier)) {
        if (parseIp(identifier).isEmpty())
            return invalidIdentifier(identifier, QStringLiteral("it looks like an IP address but is not one"));
        return {};
    }
    if (identifier.size() > 253)
        return invalidIdentifier(identifier, QStringLiteral("it is longer than 253 characters"));
    if (identifier.endsWith(QLatin1Char('.')))
        return invalidIdentifier(identifier, QStringLiteral("remove the trailing dot"));
    QString name = identifier;
    if (name.startsWith(QLatin1String("*."))) {
        name = name.mid(2);
    }
    for (QChar c : name) {
        if (c.unicode() > 0x7f)
            return invalidIdentifier(identifier,
                                     QStringLiteral("international names must be written in their \"xn--\" form"));
    }
    if (name.contains(QLatin1Char('*')))
        return invalidIdentifier(identifier, QStringLiteral("a wildcard is only allowed as \"*.\" at the start"));
    const auto labels = QStringView(name).split(QLatin1Char('.'));
    for (QStringView label : labels) {
        if (label.isEmpty())
            return invalidIdentifier(identifier, QStringLiteral("it has an empty label"));
        if (!isLdhLabel(label))
            return invalidIdentifier(
                identifier,
                QStringLiteral("only letters, digits and inner hyphens are allowed in \"%1\"").arg(label.toString()));
    }
    return {};
}

Result<QByteArray> CertificateRequest::createDer(const PrivateKey& key, const QStringList& identifiers) {
    EVP_PKEY* pkey = internal::Access::pkey(key);
    if (!pkey)
        return Error(ErrorCode::InvalidInput, QStringLiteral("There is no key for the certificate request."));
    if (identifiers.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("A certificate needs at least one domain name."));

    GeneralNamesPtr names(GENERAL_NAMES_new());
    if (!names)
        return opensslError(QStringLiteral("Could not create the certificate request."));
    QSet<QString> seen;
    for (const QString& raw : identifiers) {
        const QString& id = raw;
        if (auto ok = checkIdentifier(id); !ok)
            return ok.error();
        GeneralNamePtr gn(GENERAL_NAME_new());
        if (!gn)
            return opensslError(QStringLiteral("Could not create the certificate request."));
        const QByteArray ip = parseIp(id);
        if (!ip.isEmpty()) {
            const QString seenKey = QStringLiteral("ip:") + QString::fromLatin1(ip.toHex());
            if (seen.contains(seenKey))
                continue;
            seen.insert(seenKey);
            Asn1OctetStringPtr octets(ASN1_OCTET_STRING_new());
            if (!octets || ASN1_OCTET_STRING_set(octets.get(), reinterpret_cast<const unsigned char*>(ip.constData()),
                                                 static_cast<int>(ip.size())) != 1)
                return opensslError(QStringLiteral("Could not create the certificate request."));
            GENERAL_NAME_set0_value(gn.get(), GEN_IPADD, octets.release());
        } else {
            // ACME servers compare names case-insensitively; one canonical form avoids surprises.
            const QString lower = id.toLower();
            const QString seenKey = QStringLiteral("dns:") + lower;
            if (seen.contains(seenKey))
                continue;
            seen.insert(seenKey);
            const QByteArray ascii = lower.toLatin1();
            ASN1_IA5STRING* ia5 = ASN1_IA5STRING_new();
            if (!ia5 || ASN1_STRING_set(ia5, ascii.constData(), static_cast<int>(ascii.size())) != 1) {
                ASN1_IA5STRING_free(ia5);
                return opensslError(QStringLiteral("Could not create the certificate request."));
            }
            GENERAL_NAME_set0_value(gn.get(), GEN_DNS, ia5);
        }
        if (sk_GENERAL_NAME_push(names.get(), gn.get()) <= 0)
            return opensslError(QStringLiteral("Could not create the certificate request."));
        (void)gn.release(); // now owned by the stack
    }

    X509ReqPtr req(X509_REQ_new());
    if (!req || X509_REQ_set_version(req.get(), X509_REQ_VERSION_1) != 1 || X509_REQ_set_pubkey(req.get(), pkey) != 1)
        return opensslError(QStringLiteral("Could not create the certificate request."));
    // The subject stays empty (RFC 8555 §7.4 takes the names from the SAN); then the SAN must be
    // critical (RFC 5280 §4.2.1.6).
    X509ExtensionStackPtr exts(sk_X509_EXTENSION_new_null());
    X509ExtensionPtr san(X509V3_EXT_i2d(NID_subject_alt_name, 1, names.get()));
    if (!exts || !san || sk_X509_EXTENSION_push(exts.get(), san.get()) <= 0)
        return opensslError(QStringLiteral("Could not create the certificate request."));
    (void)san.release();
    if (X509_REQ_add_extensions(req.get(), exts.get()) != 1)
        return opensslError(QStringLiteral("Could not create the certificate request."));
    const EVP_MD* md = key.type() == KeyType::P384 ? EVP_sha384() : EVP_sha256();
    if (X509_REQ_sign(req.get(), pkey, md) <= 0)
        return opensslError(QStringLiteral("Could not sign the certificate request."));
    unsigned char* der = nullptr;
    const int len = i2d_X509_REQ(req.get(), &der);
    if (len <= 0)
        return opensslError(QStringLiteral("Could not encode the certificate request."));
    OpenSslBufferPtr owner(der);
    return QByteArray(reinterpret_cast<const char*>(der), len);
}

} // namespace certdeck::crypto
