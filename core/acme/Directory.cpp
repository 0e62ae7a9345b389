// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/Directory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>

namespace certdeck::acme {

namespace {
Result<QUrl> endpoint(const QJsonObject& o, const QString& key, const QUrl& base, bool required) {
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return Error(ErrorCode::Protocol,
                         QObject::tr("The CA's directory lacks \"%1\": is %2 really an ACME directory URL?")
                             .arg(key, base.toDisplayString()));
        return QUrl();
    }
    const QUrl u(v.toString(), QUrl::StrictMode);
    if (!u.isValid() || u.scheme() != QLatin1String("https") || u.host().isEmpty())
        return Error(ErrorCode::Protocol, QObject::tr("The CA's directory has an invalid \"%1\" address.").arg(key),
                     v.toString());
    return u;
}
} // namespace

Result<Directory> Directory::parse(const QByteArray& json, const QUrl& directoryUrl) {
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error(ErrorCode::Protocol,
                     QObject::tr("%1 did not answer with an ACME directory. Check the directory URL.")
                         .arg(directoryUrl.toDisplayString()),
                     pe.errorString());
    const QJsonObject o = doc.object();
    Directory d;
    d.url = directoryUrl;
    d.raw = o;
    struct Field {
        const char* key;
        QUrl Directory::*member;
        bool required;
    };
    const Field fields[] = {
        {"newNonce", &Directory::newNonce, true},       {"newAccount", &Directory::newAccount, true},
        {"newOrder", &Directory::newOrder, true},       {"newAuthz", &Directory::newAuthz, false},
        {"revokeCert", &Directory::revokeCert, false},  {"keyChange", &Directory::keyChange, false},
        {"renewalInfo", &Directory::renewalInfo, false}};
    for (const auto& f : fields) {
        auto u = endpoint(o, QString::fromLatin1(f.key), directoryUrl, f.required);
        if (!u)
            return u.error();
        d.*(f.member) = *u;
    }
    const QJsonObject meta = o.value(QStringLiteral("meta")).toObject();
    d.termsOfService = QUrl(meta.value(QStringLiteral("termsOfService")).toString());
    d.website = QUrl(meta.value(QStringLiteral("website")).toString());
    for (const auto& v : meta.value(QStringLiteral("caaIdentities")).toArray()) {
        const QString id = v.toString().trimmed().toLower();
        if (!id.isEmpty() && id.size() < 256)
            d.caaIdentities.append(id);
    }
    d.externalAccountRequired = meta.value(QStringLiteral("externalAccountRequired")).toBool(false);
    const QJsonObject profiles = meta.value(QStringLiteral("profiles")).toObject();
    for (auto it = profiles.begin(); it != profiles.end(); ++it)
        d.profiles.insert(it.key(), it.value().toString().left(500));
    return d;
}

} // namespace certdeck::acme
