// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"
#include "core/crypto/KeyType.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace certdeck::ui {

/// The certificate authorities the wizard offers.
enum class CaChoice { LetsEncrypt, LetsEncryptStaging, ZeroSsl, GoogleTrustServices, Buypass, Custom, Sandbox };

/// How the CA's challenges are answered.
enum class ChallengeMethod {
    BuiltIn,      ///< http-01 with the built-in responder (the sandbox's, or port 80 on this machine)
    LocalWebroot, ///< http-01 through a folder a web server on this machine serves
    RemoteWebroot,
    Dns01,
};

/// Everything the add-domain wizard collected: what IssueJob needs to order a certificate.
/// The EAB HMAC key is a secret: kept in SecureBytes, never written anywhere by the UI.
struct IssuanceSettings {
    QStringList names; ///< as the user typed them (Unicode or A-labels)
    CaChoice ca = CaChoice::LetsEncrypt;
    QUrl customDirectory;
    QString eabKeyId;
    SecureBytes eabHmacKey; ///< the base64url text the CA shows
    QString contactEmail;
    bool termsAgreed = false;
    crypto::KeyType keyType = crypto::KeyType::P256;
    ChallengeMethod method = ChallengeMethod::BuiltIn;
    QString webroot; ///< LocalWebroot: a folder here; RemoteWebroot: the folder on the server
    /// RemoteWebroot: the stored server's name (Servers section).
    QString serverName;
    /// RemoteWebroot: that server's host (name or address), for the preflight's A/AAAA comparison.
    QString serverHost;
    /// RemoteWebroot: look at http://NAME/.well-known/… from here before asking the CA (off for
    /// names this computer cannot reach, e.g. intranet sites).
    bool selfCheck = true;
    /// Dns01: the stored DNS provider's name; empty: Manual (the user adds the record by hand).
    QString dnsProvider;
    /// The CA's certificate profile (directory meta.profiles); empty: the CA's default.
    QString profile;
    /// Order from the CA's staging twin (or the sandbox) first, and only then from the real CA.
    bool tryStagingFirst = false;

    // Environment, not chosen on a page: set by the app (and by tests).
    /// Also trust this CA certificate (PEM file) for the CA's HTTPS (a private ACME CA; tests' Pebble).
    QString caTrustFile;
    /// "ADDR:PORT" of an authoritative DNS server to ask instead of the system resolver and the
    /// zone's NS records (local zones, tests); empty for the normal way.
    QString dnsResolver;

    [[nodiscard]] bool isSandbox() const { return ca == CaChoice::Sandbox; }
    [[nodiscard]] bool isManualDns() const { return method == ChallengeMethod::Dns01 && dnsProvider.isEmpty(); }
    /// "http-01" or "dns-01".
    [[nodiscard]] QString challengeType() const;
    /// The CA's directory URL (empty for the sandbox, whose port is only known once it runs).
    [[nodiscard]] QUrl directoryUrl() const;

    static QString caName(CaChoice ca);
    /// One line on what this CA is for.
    static QString caDescription(CaChoice ca);
    /// True for the CAs that need External Account Binding credentials.
    static bool caNeedsEab(CaChoice ca);
    /// Where the EAB key ID last used with a CA directory is remembered (QSettings; not a secret).
    static QString eabKeyIdSetting(const QUrl& directory);
    /// The Secrets key of an EAB HMAC key: "eab/<host>/<key id>".
    static QString eabSecretKey(const QUrl& directory, const QString& keyId);
    static QString methodName(ChallengeMethod method);
    /// The CA's staging twin, if it has one (Let's Encrypt → Let's Encrypt staging).
    static std::optional<CaChoice> stagingTwin(CaChoice ca);
    /// The CAA issuer domains of the CAs Certdeck knows, for when a directory lists none in
    /// meta.caaIdentities (RFC 8555 §7.1.1); empty for the others.
    static QStringList knownCaaIdentities(CaChoice ca);
    /// "ECDSA P-256 (recommended)", "RSA 2048" …
    static QString keyTypeLabel(crypto::KeyType type);
};

} // namespace certdeck::ui
