// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/TsigKey.h"

#include "core/dns/DnsName.h"

#include <QObject>

namespace certdeck::dns {

QString TsigKey::algorithmName(TsigAlgorithm algorithm) {
    switch (algorithm) {
    case TsigAlgorithm::HmacSha256:
        return QStringLiteral("hmac-sha256.");
    case TsigAlgorithm::HmacSha384:
        return QStringLiteral("hmac-sha384.");
    case TsigAlgorithm::HmacSha512:
        return QStringLiteral("hmac-sha512.");
    }
    return {};
}

Result<TsigAlgorithm> TsigKey::algorithmFromName(const QString& name) {
    QString n = name.trimmed().toLower();
    if (n.endsWith(QLatin1Char('.')))
        n.chop(1);
    if (n == QLatin1String("hmac-sha256"))
        return TsigAlgorithm::HmacSha256;
    if (n == QLatin1String("hmac-sha384"))
        return TsigAlgorithm::HmacSha384;
    if (n == QLatin1String("hmac-sha512"))
        return TsigAlgorithm::HmacSha512;
    return Error(ErrorCode::InvalidInput,
                 QObject::tr("The TSIG algorithm “%1” is not supported: use hmac-sha256, hmac-sha384 or hmac-sha512.")
                     .arg(name));
}

Status TsigKey::validate() const {
    auto normalised = DnsName::normalise(name);
    if (!normalised)
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("The TSIG key name is not valid: %1").arg(normalised.error().userMessage));
    if (secretBase64.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("The TSIG secret is empty: paste the key's secret (base64)."));
    QByteArray text = secretBase64.bytes().trimmed();
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    const bool ok = decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok && !decoded.decoded.isEmpty();
    SecureBytes::wipe(decoded.decoded);
    SecureBytes::wipe(text);
    if (!ok)
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("The TSIG secret is not valid base64: copy the “secret” value of the key exactly."));
    return {};
}

} // namespace certdeck::dns
