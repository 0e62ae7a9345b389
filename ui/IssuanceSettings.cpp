// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/IssuanceSettings.h"

#include <QCoreApplication>

namespace certdeck::ui {

QUrl IssuanceSettings::directoryUrl() const {
    switch (ca) {
    case CaChoice::LetsEncrypt:
        return QUrl(QStringLiteral("https://acme-v02.api.letsencrypt.org/directory"));
    case CaChoice::LetsEncryptStaging:
        return QUrl(QStringLiteral("https://acme-staging-v02.api.letsencrypt.org/directory"));
    case CaChoice::ZeroSsl:
        return QUrl(QStringLiteral("https://acme.zerossl.com/v2/DV90"));
    case CaChoice::GoogleTrustServices:
        return QUrl(QStringLiteral("https://dv.acme-v02.api.pki.goog/directory"));
    case CaChoice::Buypass:
        return QUrl(QStringLiteral("https://api.buypass.com/acme/directory"));
    case CaChoice::Custom:
        return customDirectory;
    case CaChoice::Sandbox:
        return {};
    }
    return {};
}

QString IssuanceSettings::caName(CaChoice ca) {
    switch (ca) {
    case CaChoice::LetsEncrypt:
        return QCoreApplication::translate("IssuanceSettings", "Let's Encrypt");
    case CaChoice::LetsEncryptStaging:
        return QCoreApplication::translate("IssuanceSettings", "Let's Encrypt (staging, for trying out)");
    case CaChoice::ZeroSsl:
        return QCoreApplication::translate("IssuanceSettings", "ZeroSSL");
    case CaChoice::GoogleTrustServices:
        return QCoreApplication::translate("IssuanceSettings", "Google Trust Services");
    case CaChoice::Buypass:
        return QCoreApplication::translate("IssuanceSettings", "Buypass Go SSL");
    case CaChoice::Custom:
        return QCoreApplication::translate("IssuanceSettings", "Another CA (directory URL)");
    case CaChoice::Sandbox:
        return QCoreApplication::translate("IssuanceSettings", "Local test CA (sandbox)");
    }
    return {};
}

QString IssuanceSettings::caDescription(CaChoice ca) {
    switch (ca) {
    case CaChoice::LetsEncrypt:
        return QCoreApplication::translate("IssuanceSettings",
                                           "Free, trusted everywhere, 90-day certificates. No sign-up needed.");
    case CaChoice::LetsEncryptStaging:
        return QCoreApplication::translate(
            "IssuanceSettings", "Same as Let's Encrypt but untrusted: a dry run that does not count against limits.");
    case CaChoice::ZeroSsl:
        return QCoreApplication::translate(
            "IssuanceSettings", "Free, trusted. Needs the EAB credentials from your ZeroSSL dashboard (Developer).");
    case CaChoice::GoogleTrustServices:
        return QCoreApplication::translate("IssuanceSettings",
                                           "Free, trusted. Needs EAB credentials from Google Cloud (gcloud publicca).");
    case CaChoice::Buypass:
        return QCoreApplication::translate("IssuanceSettings", "Free, trusted, 180-day certificates from Norway.");
    case CaChoice::Custom:
        return QCoreApplication::translate("IssuanceSettings", "Any ACME CA: paste its https:// directory URL.");
    case CaChoice::Sandbox:
        return QCoreApplication::translate(
            "IssuanceSettings", "A private CA on this computer to try everything offline. Its certificates are "
                                "trusted nowhere.");
    }
    return {};
}

QString IssuanceSettings::challengeType() const {
    return method == ChallengeMethod::Dns01 ? QStringLiteral("dns-01") : QStringLiteral("http-01");
}

std::optional<CaChoice> IssuanceSettings::stagingTwin(CaChoice ca) {
    if (ca == CaChoice::LetsEncrypt)
        return CaChoice::LetsEncryptStaging;
    return std::nullopt;
}

QStringList IssuanceSettings::knownCaaIdentities(CaChoice ca) {
    // What each CA publishes as its CAA issuer domain (RFC 8659 §4.2).
    switch (ca) {
    case CaChoice::LetsEncrypt:
    case CaChoice::LetsEncryptStaging:
        return {QStringLiteral("letsencrypt.org")};
    case CaChoice::ZeroSsl:
        return {QStringLiteral("sectigo.com"), QStringLiteral("zerossl.com")};
    case CaChoice::GoogleTrustServices:
        return {QStringLiteral("pki.goog")};
    case CaChoice::Buypass:
        return {QStringLiteral("buypass.com"), QStringLiteral("buypass.no")};
    case CaChoice::Custom:
    case CaChoice::Sandbox:
        return {};
    }
    return {};
}

QString IssuanceSettings::eabKeyIdSetting(const QUrl& directory) {
    // One QSettings key per directory URL (base64url: no '/' to make groups of).
    return QStringLiteral("eabKeyId/") + QString::fromLatin1(directory.toEncoded().toBase64(
                                             QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString IssuanceSettings::eabSecretKey(const QUrl& directory, const QString& keyId) {
    return QStringLiteral("eab/%1/%2").arg(directory.host(), keyId);
}

bool IssuanceSettings::caNeedsEab(CaChoice ca) {
    return ca == CaChoice::ZeroSsl || ca == CaChoice::GoogleTrustServices;
}

QString IssuanceSettings::methodName(ChallengeMethod method) {
    switch (method) {
    case ChallengeMethod::BuiltIn:
        return QCoreApplication::translate("IssuanceSettings", "Built-in responder (http-01)");
    case ChallengeMethod::LocalWebroot:
        return QCoreApplication::translate("IssuanceSettings", "Web server folder on this computer (http-01)");
    case ChallengeMethod::RemoteWebroot:
        return QCoreApplication::translate("IssuanceSettings", "Web server folder on an SSH server (http-01)");
    case ChallengeMethod::Dns01:
        return QCoreApplication::translate("IssuanceSettings", "DNS record (dns-01)");
    }
    return {};
}

QString IssuanceSettings::keyTypeLabel(crypto::KeyType type) {
    switch (type) {
    case crypto::KeyType::P256:
        return QCoreApplication::translate("IssuanceSettings", "ECDSA P-256 (recommended)");
    case crypto::KeyType::P384:
        return QCoreApplication::translate("IssuanceSettings", "ECDSA P-384");
    case crypto::KeyType::Rsa2048:
        return QCoreApplication::translate("IssuanceSettings", "RSA 2048 (for old clients)");
    case crypto::KeyType::Rsa3072:
        return QCoreApplication::translate("IssuanceSettings", "RSA 3072");
    case crypto::KeyType::Rsa4096:
        return QCoreApplication::translate("IssuanceSettings", "RSA 4096 (slow)");
    }
    return {};
}

} // namespace certdeck::ui
