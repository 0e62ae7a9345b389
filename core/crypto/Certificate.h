// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/crypto/PrivateKey.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace certdeck::crypto {

namespace internal {
struct CertHandle;
struct Access;
} // namespace internal

/// An X.509 certificate as a value. Copies share the same immutable OpenSSL object
/// (reference-counted); safe to read from several threads. A default-constructed certificate is
/// null: accessors return empty values and predicates false.
class Certificate {
public:
    Certificate();
    ~Certificate();
    Certificate(const Certificate&);
    Certificate(Certificate&&) noexcept;
    Certificate& operator=(const Certificate&);
    Certificate& operator=(Certificate&&) noexcept;

    [[nodiscard]] bool isNull() const;

    /// The first certificate of a PEM text (explanatory text around it is tolerated here).
    static Result<Certificate> fromPem(const QByteArray& pem);
    /// Exactly one DER certificate; trailing bytes are an error.
    static Result<Certificate> fromDer(const QByteArray& der);
    /// Every "CERTIFICATE" block of a PEM chain, in order (RFC 8555 §9.1
    /// application/pem-certificate-chain). Strict: only whitespace may sit between blocks, each block
    /// must be valid base64 of one DER certificate. Error if there is none, anything else, or more
    /// than `maxCertificates`.
    static Result<QList<Certificate>> chainFromPem(const QByteArray& pem, int maxCertificates = 10);
    /// Concatenated PEM of a list (leaf first when it is a chain).
    static QByteArray chainToPem(const QList<Certificate>& chain);

    [[nodiscard]] QByteArray toPem() const;
    [[nodiscard]] QByteArray toDer() const;

    /// One-line distinguished names, RFC 2253 style ("CN=R3,O=Let's Encrypt,C=US"); UTF-8 kept.
    [[nodiscard]] QString subject() const;
    [[nodiscard]] QString issuer() const;
    /// The (last) commonName of the subject / issuer, empty if none.
    [[nodiscard]] QString commonName() const;
    [[nodiscard]] QString issuerCommonName() const;

    /// subjectAltName entries: DNS names as written, IP addresses as text ("192.0.2.1", "2001:db8::1").
    [[nodiscard]] QStringList dnsNames() const;
    [[nodiscard]] QStringList ipAddresses() const;

    /// Serial number as the content octets of its DER INTEGER (big-endian, with the leading 0x00
    /// the encoding carries when the top bit is set) — the form RFC 9773 §4.1 (ARI) needs.
    [[nodiscard]] QByteArray serialNumber() const;
    /// Upper-case hex of serialNumber() without separators.
    [[nodiscard]] QString serialNumberHex() const;

    /// Validity bounds, in UTC. Invalid QDateTime for a null certificate.
    [[nodiscard]] QDateTime notBefore() const;
    [[nodiscard]] QDateTime notAfter() const;

    /// keyIdentifier of the Authority Key Identifier extension; empty if absent.
    [[nodiscard]] QByteArray authorityKeyIdentifier() const;
    /// Subject Key Identifier; empty if absent.
    [[nodiscard]] QByteArray subjectKeyIdentifier() const;

    /// SHA-256 of the DER certificate: 32 raw bytes, or "AB:CD:..." (upper-case, colon-separated).
    [[nodiscard]] QByteArray sha256Fingerprint() const;
    [[nodiscard]] QString sha256FingerprintHex() const;
    /// SHA-256 of the SubjectPublicKeyInfo DER as it appears in the certificate.
    [[nodiscard]] QByteArray publicKeySha256() const;

    /// True if the certificate's public key is the public half of `key`.
    [[nodiscard]] bool matchesKey(const PrivateKey& key) const;
    /// True if this certificate names `issuer`'s subject as its issuer AND its signature verifies
    /// with `issuer`'s public key.
    [[nodiscard]] bool isIssuedBy(const Certificate& issuer) const;
    [[nodiscard]] bool isSelfSigned() const;

    /// Whether a TLS client would accept this certificate for `name` (RFC 6125 §6.4): DNS names
    /// case-insensitively, "*.example.com" covering exactly one extra leftmost label ("a.example.com",
    /// not "a.b.example.com" nor "example.com"); IP addresses only against IP entries, exactly.
    /// Only the subjectAltName is consulted, never the CN. A wildcard `name` matches only the same
    /// wildcard entry.
    [[nodiscard]] bool coversName(const QString& name) const;

    /// "ECDSA P-256", "RSA 2048", "Ed25519" ...
    [[nodiscard]] QString keyDescription() const;

    /// Same DER bytes.
    bool operator==(const Certificate& other) const;

private:
    friend struct internal::Access;
    std::shared_ptr<const internal::CertHandle> m_handle;
};

/// Checks that chain[i] is issued by chain[i + 1] for every link (leaf first, as ACME and TLS
/// servers send it). A single certificate is fine; an empty list is an error. The error says which
/// link breaks, naming both certificates.
Status checkChainOrder(const QList<Certificate>& chain);

} // namespace certdeck::crypto
