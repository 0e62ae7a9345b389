// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/RenewalInfo.h"

#include "core/crypto/Base64Url.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace certdeck::acme {

Result<QString> RenewalInfo::certificateId(const QByteArray& authorityKeyId, const QByteArray& serial) {
    if (authorityKeyId.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("The certificate has no Authority Key Identifier, so the CA cannot give renewal "
                                 "information for it."));
    if (serial.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("The certificate has no serial number."));
    return QString::fromLatin1(crypto::base64url(authorityKeyId) + '.' + crypto::base64url(serial));
}

Result<QString> RenewalInfo::certificateId(const crypto::Certificate& cert) {
    return certificateId(cert.authorityKeyIdentifier(), cert.serialNumber());
}

Result<RenewalInfo> RenewalInfo::parse(const QByteArray& json) {
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    const QJsonObject window = doc.object().value(QStringLiteral("suggestedWindow")).toObject();
    RenewalInfo info;
    info.windowStart = QDateTime::fromString(window.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs);
    info.windowEnd = QDateTime::fromString(window.value(QStringLiteral("end")).toString(), Qt::ISODateWithMs);
    if (pe.error != QJsonParseError::NoError || !info.windowStart.isValid() || !info.windowEnd.isValid() ||
        info.windowEnd <= info.windowStart)
        return Error(ErrorCode::Protocol, QObject::tr("The CA sent invalid renewal information."),
                     QString::fromUtf8(json.left(300)));
    info.windowStart = info.windowStart.toUTC();
    info.windowEnd = info.windowEnd.toUTC();
    const QUrl expl(doc.object().value(QStringLiteral("explanationURL")).toString());
    if (expl.isValid() && expl.scheme() == QLatin1String("https"))
        info.explanationUrl = expl;
    return info;
}

} // namespace certdeck::acme
