// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QJsonObject>
#include <QUrl>

namespace certdeck::acme {

/// External Account Binding credentials (RFC 8555 §7.3.4), as given by CAs like ZeroSSL or Google.
struct ExternalAccountBinding {
    QString keyId;
    SecureBytes hmacKey; ///< raw key bytes (decoded from the base64url the CA shows)

    /// Decodes the CA-provided base64url key (padding and standard base64 tolerated, as CAs vary).
    static Result<ExternalAccountBinding> fromStrings(const QString& keyId, const QByteArray& hmacKeyText);
    /// The inner JWS binding `accountJwk` to this key id, for the newAccount payload's
    /// "externalAccountBinding" member: protected {alg: HS256, kid, url: newAccount}, payload = JWK.
    [[nodiscard]] Result<QJsonObject> bind(const QJsonObject& accountJwk, const QUrl& newAccountUrl) const;
};

} // namespace certdeck::acme
