// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/ExternalAccountBinding.h"

#include "core/crypto/Base64Url.h"
#include "core/crypto/JwsSigner.h"

#include <QJsonDocument>
#include <QObject>

namespace certdeck::acme {

Result<ExternalAccountBinding> ExternalAccountBinding::fromStrings(const QString& keyId,
                                                                   const QByteArray& hmacKeyText) {
    if (keyId.trimmed().isEmpty() || keyId.size() > 500)
        return Error(ErrorCode::InvalidInput, QObject::tr("The EAB key ID is empty."));
    QByteArray text = hmacKeyText.trimmed();
    while (text.endsWith('='))
        text.chop(1);
    text.replace('+', '-').replace('/', '_');
    auto key = crypto::fromBase64url(text);
    SecureBytes::wipe(text);
    if (!key || key->isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("The EAB HMAC key is not valid base64url. Copy it exactly as the CA shows it."));
    ExternalAccountBinding eab;
    eab.keyId = keyId.trimmed();
    eab.hmacKey = SecureBytes(*key);
    SecureBytes::wipe(*key);
    return eab;
}

Result<QJsonObject> ExternalAccountBinding::bind(const QJsonObject& accountJwk, const QUrl& newAccountUrl) const {
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("kid"), keyId},
                             {QStringLiteral("url"), newAccountUrl.toString(QUrl::FullyEncoded)}};
    const QByteArray prot = crypto::base64url(QJsonDocument(header).toJson(QJsonDocument::Compact));
    const QByteArray payload = crypto::base64url(QJsonDocument(accountJwk).toJson(QJsonDocument::Compact));
    auto mac = crypto::JwsSigner::hmacSha256(hmacKey, prot + '.' + payload);
    if (!mac)
        return mac.error();
    return QJsonObject{{QStringLiteral("protected"), QString::fromLatin1(prot)},
                       {QStringLiteral("payload"), QString::fromLatin1(payload)},
                       {QStringLiteral("signature"), QString::fromLatin1(crypto::base64url(*mac))}};
}

} // namespace certdeck::acme
