// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"
#include "core/crypto/KeyType.h"

#include <QString>
#include <QStringList>
#include <QUrl>

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
    QString webroot;

    [[nodiscard]] bool isSandbox() const { return ca == CaChoice::Sandbox; }
    /// The CA's directory URL (empty for the sandbox, whose port is only known once it runs).
    [[nodiscard]] QUrl directoryUrl() const;

    static QString caName(CaChoice ca);
    /// One line on what this CA is for.
    static QString caDescription(CaChoice ca);
    /// True for the CAs that need External Account Binding credentials.
    static bool caNeedsEab(CaChoice ca);
    static QString methodName(ChallengeMethod method);
    /// "ECDSA P-256 (recommended)", "RSA 2048" …
    static QString keyTypeLabel(crypto::KeyType type);
};

} // namespace certdeck::ui
