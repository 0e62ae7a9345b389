// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Certificate.h"

#include "core/crypto/CryptoError.h"
#include "core/crypto/internal/Access.h"

#include <openssl/pem.h>

#include <arpa/inet.h>

#include <ctime>

namespace certdeck::crypto {

using internal::Access;

namespace {
// A certificate is a few KiB, a chain rarely above 10 KiB: bound what we parse (servers are untrusted).
constexpr qsizetype MaxPemBytes = 1024 * 1024;

const QByteArray PemBegin = QByteArrayLiteral("-----BEGIN CERTIFICATE-----");
const QByteArray PemEnd = QByteArrayLiteral("-----END CERTIFICATE-----");

// Certificates are never encrypted: refuse instead of letting OpenSSL prompt on the terminal.
int noPassphrase(char*, int, int, void*) {
    return -1;
}

QString nameToString(const X509_NAME* name) {
    if (!name)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    // RFC 2253 order and escaping, but UTF-8 kept as is instead of \XX escapes.
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0) {
        clearOpensslErrors();
        return {};
    }
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return len > 0 ? QString::fromUtf8(data, static_cast<qsizetype>(len)) : QString();
}

QString lastCommonName(const X509_NAME* name) {
    if (!name)
        return {};
    int idx = -1;
    int last = -1;
    while ((idx = X509_NAME_get_index_by_NID(name, NID_commonName, idx)) >= 0)
        last = idx;
    if (last < 0)
        return {};
    const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, last));
    unsigned char* utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, value);
    if (len < 0) {
        clearOpensslErrors();
        return {};
    }
    OpenSslBufferPtr owner(utf8);
    return QString::fromUtf8(reinterpret_cast<const char*>(utf8), len);
}

QDateTime toDateTime(const ASN1_TIME* t) {
    std::tm tm{};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1) {
        clearOpensslErrors();
        return {};
    }
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

GeneralNamesPtr subjectAltNames(X509* x) {
    GeneralNamesPtr names(static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr)));
    clearOpensslErrors();
    return names;
}

QByteArray asn1Bytes(const ASN1_STRING* s) {
    if (!s)
        return {};
    return QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s));
}

/// DNS SAN entries that are plain ASCII text (an embedded NUL or control byte is an attack, skipped).
QStringList dnsEntries(const GENERAL_NAMES* names) {
    QStringList out;
    if (!names)
        return out;
    for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME* gn = sk_GENERAL_NAME_value(names, i);
        if (gn->type != GEN_DNS)
            continue;
        const QByteArray bytes = asn1Bytes(gn->d.dNSName);
        bool clean = !bytes.isEmpty();
        for (char c : bytes) {
            if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e)
                clean = false;
        }
        if (clean)
            out.append(QString::fromLatin1(bytes));
    }
    return out;
}

QList<QByteArray> ipEntries(const GENERAL_NAMES* names) {
    QList<QByteArray> out;
    if (!names)
        return out;
    for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME* gn = sk_GENERAL_NAME_value(names, i);
        if (gn->type == GEN_IPADD)
            out.append(asn1Bytes(gn->d.iPAddress));
    }
    return out;
}

QByteArray parseIp(const QString& text) {
    const QByteArray latin = text.toLatin1();
    unsigned char buf[16];
    if (text.contains(QLatin1Char(':')))
        return inet_pton(AF_INET6, latin.constData(), buf) == 1 ? QByteArray(reinterpret_cast<const char*>(buf), 16)
                                                                : QByteArray();
    return inet_pton(AF_INET, latin.constData(), buf) == 1 ? QByteArray(reinterpret_cast<const char*>(buf), 4)
                                                           : QByteArray();
}

QString ipToText(const QByteArray& ip) {
    char buf[INET6_ADDRSTRLEN] = {};
    if (ip.size() == 4 && inet_ntop(AF_INET, ip.constData(), buf, sizeof buf))
        return QString::fromLatin1(buf);
    if (ip.size() == 16 && inet_ntop(AF_INET6, ip.constData(), buf, sizeof buf))
        return QString::fromLatin1(buf);
    return {};
}

QString withoutTrailingDot(QString s) {
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s.toLower();
}

/// RFC 6125 §6.4.3, restricted as CA/B and browsers do: the wildcard is the whole leftmost label,
/// matches exactly one non-empty label, and its base has at least two labels.
bool dnsMatches(const QString& pattern, const QString& name) {
    if (pattern == name)
        return true;
    if (!pattern.startsWith(QLatin1String("*.")) || name.startsWith(QLatin1String("*.")))
        return false;
    const QString base = pattern.mid(1); // ".example.com"
    if (!base.mid(1).contains(QLatin1Char('.')) || base.contains(QLatin1Char('*')))
        return false;
    if (!name.endsWith(base))
        return false;
    const QString label = name.left(name.size() - base.size());
    return !label.isEmpty() && !label.contains(QLatin1Char('.'));
}

QString describeForChain(const Certificate& c, int index) {
    const QString cn = c.commonName();
    return QStringLiteral("certificate %1 (%2)").arg(index + 1).arg(cn.isEmpty() ? c.subject() : cn);
}
} // namespace

Certificate::Certificate() = default;
Certificate::~Certificate() = default;
Certificate::Certificate(const Certificate&) = default;
Certificate::Certificate(Certificate&&) noexcept = default;
Certificate& Certificate::operator=(const Certificate&) = default;
Certificate& Certificate::operator=(Certificate&&) noexcept = default;

bool Certificate::isNull() const {
    return !m_handle;
}

Result<Certificate> Certificate::fromPem(const QByteArray& pem) {
    if (pem.size() > MaxPemBytes)
        return Error(ErrorCode::InvalidInput, QStringLiteral("This file is too large to be a certificate."));
    clearOpensslErrors();
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    X509Ptr x(bio ? PEM_read_bio_X509(bio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    if (!x)
        return opensslError(QStringLiteral("This is not a certificate in PEM format (expected a \"-----BEGIN "
                                           "CERTIFICATE-----\" block)."),
                            ErrorCode::InvalidInput);
    return Access::wrap(std::move(x));
}

Result<Certificate> Certificate::fromDer(const QByteArray& der) {
    if (der.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("The certificate is empty."));
    if (der.size() > MaxPemBytes)
        return Error(ErrorCode::InvalidInput, QStringLiteral("This data is too large to be a certificate."));
    clearOpensslErrors();
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    const auto* end = p + der.size();
    X509Ptr x(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!x)
        return opensslError(QStringLiteral("This is not a valid certificate."), ErrorCode::InvalidInput);
    if (p != end)
        return Error(ErrorCode::InvalidInput, QStringLiteral("This is not a valid certificate."),
                     QStringLiteral("%1 bytes after the certificate").arg(end - p));
    return Access::wrap(std::move(x));
}

Result<QList<Certificate>> Certificate::chainFromPem(const QByteArray& pem, int maxCertificates) {
    const auto invalid = [](const QString& detail) {
        return Error(ErrorCode::InvalidInput, QStringLiteral("The certificate chain is not valid PEM."), detail);
    };
    if (pem.size() > MaxPemBytes)
        return invalid(QStringLiteral("%1 bytes is too large for a certificate chain").arg(pem.size()));
    const auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    };
    QList<Certificate> chain;
    qsizetype pos = 0;
    const qsizetype size = pem.size();
    while (true) {
        while (pos < size && isSpace(pem[pos]))
            ++pos;
        if (pos == size)
            break;
        if (QByteArrayView(pem).sliced(pos).startsWith(PemBegin) == false)
            return invalid(QStringLiteral("unexpected text at byte %1").arg(pos));
        pos += PemBegin.size();
        const qsizetype end = pem.indexOf(PemEnd, pos);
        if (end < 0)
            return invalid(QStringLiteral("certificate %1 has no END line").arg(chain.size() + 1));
        // RFC 7468 §2: base64 lines with standard alphabet and '=' padding, nothing else.
        QByteArray body;
        body.reserve(end - pos);
        for (qsizetype i = pos; i < end; ++i) {
            const char c = pem[i];
            if (isSpace(c))
                continue;
            const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                            c == '/' || c == '=';
            if (!ok)
                return invalid(QStringLiteral("unexpected character in certificate %1").arg(chain.size() + 1));
            body.append(c);
        }
        auto der = QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
        if (!der || der.decoded.isEmpty())
            return invalid(QStringLiteral("certificate %1 is not valid base64").arg(chain.size() + 1));
        auto cert = fromDer(der.decoded);
        if (!cert)
            return Error(ErrorCode::InvalidInput,
                         QStringLiteral("Certificate %1 of the chain is damaged.").arg(chain.size() + 1),
                         cert.error().detail);
        chain.append(std::move(*cert));
        if (chain.size() > maxCertificates)
            return Error(ErrorCode::InvalidInput,
                         QStringLiteral("The certificate chain has more than %1 certificates.").arg(maxCertificates));
        pos = end + PemEnd.size();
    }
    if (chain.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("There is no certificate in this text."));
    return chain;
}

QByteArray Certificate::chainToPem(const QList<Certificate>& chain) {
    QByteArray out;
    for (const Certificate& c : chain)
        out += c.toPem();
    return out;
}

QByteArray Certificate::toPem() const {
    X509* x = Access::x509(*this);
    if (!x)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), x) != 1) {
        clearOpensslErrors();
        return {};
    }
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return len > 0 ? QByteArray(data, static_cast<qsizetype>(len)) : QByteArray();
}

QByteArray Certificate::toDer() const {
    X509* x = Access::x509(*this);
    if (!x)
        return {};
    unsigned char* der = nullptr;
    const int len = i2d_X509(x, &der);
    if (len <= 0) {
        clearOpensslErrors();
        return {};
    }
    OpenSslBufferPtr owner(der);
    return QByteArray(reinterpret_cast<const char*>(der), len);
}

QString Certificate::subject() const {
    X509* x = Access::x509(*this);
    return x ? nameToString(X509_get_subject_name(x)) : QString();
}

QString Certificate::issuer() const {
    X509* x = Access::x509(*this);
    return x ? nameToString(X509_get_issuer_name(x)) : QString();
}

QString Certificate::commonName() const {
    X509* x = Access::x509(*this);
    return x ? lastCommonName(X509_get_subject_name(x)) : QString();
}

QString Certificate::issuerCommonName() const {
    X509* x = Access::x509(*this);
    return x ? lastCommonName(X509_get_issuer_name(x)) : QString();
}

QStringList Certificate::dnsNames() const {
    X509* x = Access::x509(*this);
    if (!x)
        return {};
    return dnsEntries(subjectAltNames(x).get());
}

QStringList Certificate::ipAddresses() const {
    X509* x = Access::x509(*this);
    if (!x)
        return {};
    QStringList out;
    for (const QByteArray& ip : ipEntries(subjectAltNames(x).get())) {
        const QString text = ipToText(ip);
        if (!text.isEmpty())
            out.append(text);
    }
    return out;
}

QByteArray Certificate::serialNumber() const {
    X509* x = Access::x509(*this);
    if (!x)
        return {};
    unsigned char* der = nullptr;
    const int len = i2d_ASN1_INTEGER(X509_get0_serialNumber(x), &der);
    if (len < 3) {
        clearOpensslErrors();
        return {};
    }
    OpenSslBufferPtr owner(der);
    // Skip tag (0x02) and length (short form, or 0x8N followed by N length octets: X.690 §8.1.3).
    qsizetype offset = 2;
    if (der[1] & 0x80)
        offset += der[1] & 0x7f;
    if (offset >= len)
        return {};
    return QByteArray(reinterpret_cast<const char*>(der) + offset, len - offset);
}

QString Certificate::serialNumberHex() const {
    return QString::fromLatin1(serialNumber().toHex().toUpper());
}

QDateTime Certificate::notBefore() const {
    X509* x = Access::x509(*this);
    return x ? toDateTime(X509_get0_notBefore(x)) : QDateTime();
}

QDateTime Certificate::notAfter() const {
    X509* x = Access::x509(*this);
    return x ? toDateTime(X509_get0_notAfter(x)) : QDateTime();
}

QByteArray Certificate::authorityKeyIdentifier() const {
    X509* x = Access::x509(*this);
    return x ? asn1Bytes(X509_get0_authority_key_id(x)) : QByteArray();
}

QByteArray Certificate::subjectKeyIdentifier() const {
    X509* x = Access::x509(*this);
    return x ? asn1Bytes(X509_get0_subject_key_id(x)) : QByteArray();
}

QByteArray Certificate::sha256Fingerprint() const {
    X509* x = Access::x509(*this);
    if (!x)
        return {};
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (X509_digest(x, EVP_sha256(), md, &len) != 1) {
        clearOpensslErrors();
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(md), static_cast<qsizetype>(len));
}

QString Certificate::sha256FingerprintHex() const {
    return QString::fromLatin1(sha256Fingerprint().toHex(':').toUpper());
}

QByteArray Certificate::publicKeySha256() const {
    X509* x = Access::x509(*this);
    if (!x)
        return {};
    unsigned char* der = nullptr;
    const int len = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x), &der);
    if (len <= 0) {
        clearOpensslErrors();
        return {};
    }
    OpenSslBufferPtr owner(der);
    return internal::sha256(QByteArray(reinterpret_cast<const char*>(der), len));
}

bool Certificate::matchesKey(const PrivateKey& key) const {
    X509* x = Access::x509(*this);
    EVP_PKEY* pkey = Access::pkey(key);
    if (!x || !pkey)
        return false;
    const EVP_PKEY* pub = X509_get0_pubkey(x);
    const bool same = pub && EVP_PKEY_eq(pub, pkey) == 1;
    clearOpensslErrors();
    return same;
}

bool Certificate::isIssuedBy(const Certificate& issuerCert) const {
    X509* x = Access::x509(*this);
    X509* issuerX = Access::x509(issuerCert);
    if (!x || !issuerX)
        return false;
    if (X509_NAME_cmp(X509_get_issuer_name(x), X509_get_subject_name(issuerX)) != 0)
        return false;
    EVP_PKEY* issuerKey = X509_get0_pubkey(issuerX);
    const bool ok = issuerKey && X509_verify(x, issuerKey) == 1;
    clearOpensslErrors();
    return ok;
}

bool Certificate::isSelfSigned() const {
    return isIssuedBy(*this);
}

bool Certificate::coversName(const QString& name) const {
    X509* x = Access::x509(*this);
    if (!x || name.isEmpty())
        return false;
    const GeneralNamesPtr names = subjectAltNames(x);
    const QByteArray ip = parseIp(name);
    if (!ip.isEmpty())
        return ipEntries(names.get()).contains(ip);
    const QString wanted = withoutTrailingDot(name);
    if (wanted.isEmpty())
        return false;
    for (const QString& entry : dnsEntries(names.get())) {
        if (dnsMatches(withoutTrailingDot(entry), wanted))
            return true;
    }
    return false;
}

QString Certificate::keyDescription() const {
    X509* x = Access::x509(*this);
    if (!x)
        return {};
    const QString d = internal::describeKey(X509_get0_pubkey(x));
    clearOpensslErrors();
    return d;
}

bool Certificate::operator==(const Certificate& other) const {
    if (isNull() || other.isNull())
        return isNull() == other.isNull();
    return toDer() == other.toDer();
}

Status checkChainOrder(const QList<Certificate>& chain) {
    if (chain.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("The certificate chain is empty."));
    for (qsizetype i = 0; i + 1 < chain.size(); ++i) {
        if (!chain[i].isIssuedBy(chain[i + 1]))
            return Error(
                ErrorCode::InvalidInput,
                QStringLiteral("The certificate chain is out of order or incomplete: %1 was not issued by %2.")
                    .arg(describeForChain(chain[i], static_cast<int>(i)),
                         describeForChain(chain[i + 1], static_cast<int>(i + 1))),
                QStringLiteral("issuer of %1: %2; subject of %3: %4")
                    .arg(QString::number(i + 1), chain[i].issuer(), QString::number(i + 2), chain[i + 1].subject()));
    }
    return {};
}

} // namespace certdeck::crypto
