// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/CertbotAccount.h"

#include "core/common/SecureBytes.h"
#include "core/crypto/Jwk.h"
#include "core/workflow/StoreAccount.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QObject>

namespace certdeck::cli {

namespace {

constexpr qint64 kMaxFile = 64 * 1024;

Result<QJsonObject> readJsonObject(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, QObject::tr("Cannot read %1.").arg(path), f.errorString());
    if (f.size() > kMaxFile)
        return Error(ErrorCode::InvalidInput, QObject::tr("%1 is too large for certbot's account file.").arg(path));
    QByteArray bytes = f.read(kMaxFile);
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    SecureBytes::wipe(bytes); // private_key.json holds the account key
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error(ErrorCode::InvalidInput, QObject::tr("%1 is not certbot's JSON.").arg(path),
                     parseError.errorString());
    return doc.object();
}

/// base64url without padding (RFC 7518 §6: JWK members), as unsigned big-endian bytes.
bool decodeMember(const QJsonObject& jwk, const char* name, QByteArray* out) {
    const QJsonValue v = jwk.value(QLatin1String(name));
    if (!v.isString() || v.toString().isEmpty())
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(
        v.toString().toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return false;
    *out = decoded.decoded;
    return true;
}

// DER (X.690) for the two private key structures OpenSSL reads as PEM.
QByteArray derLength(qsizetype n) {
    if (n < 0x80)
        return QByteArray(1, static_cast<char>(n));
    QByteArray bytes;
    while (n > 0) {
        bytes.prepend(static_cast<char>(n & 0xff));
        n >>= 8;
    }
    return QByteArray(1, static_cast<char>(0x80 | bytes.size())) + bytes;
}

QByteArray derTagged(char tag, const QByteArray& content) {
    return QByteArray(1, tag) + derLength(content.size()) + content;
}

/// An unsigned big-endian integer as a DER INTEGER (minimal, positive).
QByteArray derInteger(QByteArray value) {
    qsizetype skip = 0;
    while (skip < value.size() - 1 && value.at(skip) == 0)
        ++skip;
    value = value.mid(skip);
    if (value.isEmpty())
        value = QByteArray(1, '\0');
    if (static_cast<unsigned char>(value.at(0)) & 0x80)
        value.prepend('\0');
    return derTagged(0x02, value);
}

QByteArray pem(const char* label, const QByteArray& der) {
    QByteArray out = QByteArray("-----BEGIN ") + label + "-----\n";
    const QByteArray b64 = der.toBase64();
    for (qsizetype i = 0; i < b64.size(); i += 64)
        out += b64.mid(i, 64) + '\n';
    out += QByteArray("-----END ") + label + "-----\n";
    return out;
}

} // namespace

Result<crypto::PrivateKey> CertbotAccount::keyFromJwk(const QJsonObject& jwk) {
    const QString kty = jwk.value(QLatin1String("kty")).toString();
    QByteArray der;
    const char* label = nullptr;
    if (kty == QLatin1String("RSA")) {
        // RFC 8017 A.1.2 RSAPrivateKey (two primes).
        QByteArray body = derInteger(QByteArray(1, '\0'));
        for (const char* member : {"n", "e", "d", "p", "q", "dp", "dq", "qi"}) {
            QByteArray value;
            if (!decodeMember(jwk, member, &value))
                return Error(
                    ErrorCode::InvalidInput,
                    QObject::tr("certbot's account key lacks the RSA member '%1'.").arg(QLatin1String(member)));
            body += derInteger(value);
            SecureBytes::wipe(value);
        }
        der = derTagged(0x30, body);
        SecureBytes::wipe(body);
        label = "RSA PRIVATE KEY";
    } else if (kty == QLatin1String("EC")) {
        // RFC 5915 ECPrivateKey with the named curve (RFC 5480 OIDs).
        const QString crv = jwk.value(QLatin1String("crv")).toString();
        QByteArray oid;
        qsizetype size = 0;
        if (crv == QLatin1String("P-256")) {
            oid = QByteArray::fromHex("2a8648ce3d030107");
            size = 32;
        } else if (crv == QLatin1String("P-384")) {
            oid = QByteArray::fromHex("2b81040022");
            size = 48;
        } else {
            return Error(ErrorCode::InvalidInput, QObject::tr("certbot's account key uses the curve '%1'.").arg(crv));
        }
        QByteArray x;
        QByteArray y;
        QByteArray d;
        if (!decodeMember(jwk, "x", &x) || !decodeMember(jwk, "y", &y) || !decodeMember(jwk, "d", &d) ||
            x.size() != size || y.size() != size || d.size() > size)
            return Error(ErrorCode::InvalidInput, QObject::tr("certbot's EC account key is malformed."));
        d.prepend(QByteArray(size - d.size(), '\0'));
        QByteArray body = derInteger(QByteArray(1, '\1')) + derTagged(0x04, d) +
                          derTagged(static_cast<char>(0xa0), derTagged(0x06, oid)) +
                          derTagged(static_cast<char>(0xa1), derTagged(0x03, QByteArray(1, '\0') + '\x04' + x + y));
        SecureBytes::wipe(d);
        der = derTagged(0x30, body);
        SecureBytes::wipe(body);
        label = "EC PRIVATE KEY";
    } else {
        return Error(ErrorCode::InvalidInput, QObject::tr("certbot's account key has the unknown type '%1'.").arg(kty));
    }
    QByteArray text = pem(label, der);
    SecureBytes::wipe(der);
    const SecureBytes secret(text);
    SecureBytes::wipe(text);
    auto key = crypto::PrivateKey::fromPem(secret.bytes());
    if (!key)
        return key.error();
    // The key rebuilt must be the key certbot registered: same public JWK.
    if (crypto::Jwk::thumbprint(crypto::Jwk::publicJwk(*key)) != crypto::Jwk::thumbprint(jwk))
        return Error(ErrorCode::InvalidInput, QObject::tr("certbot's account key is inconsistent."));
    return key;
}

Result<CertbotAccount> CertbotAccount::read(const QString& configDir, const QUrl& directoryUrl, const QString& id) {
    // certbot's server_path: netloc + path of the directory URL, e.g. acme-v02.api.letsencrypt.org/directory.
    QString serverPath = directoryUrl.host();
    if (directoryUrl.port() > 0)
        serverPath += QLatin1Char(':') + QString::number(directoryUrl.port());
    serverPath += directoryUrl.path();
    if (serverPath.contains(QLatin1String("..")))
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("%1 is not a CA directory URL.").arg(directoryUrl.toString()));
    const QDir serverDir(configDir + QStringLiteral("/accounts/") + serverPath);
    QString accountId = id;
    if (accountId.isEmpty()) {
        const QStringList ids = serverDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        if (ids.size() != 1)
            return Error(
                ErrorCode::NotFound,
                QObject::tr("certbot has %n account(s) for %1.", nullptr, ids.size()).arg(directoryUrl.toString()));
        accountId = ids.first();
    }
    if (accountId.contains(QLatin1Char('/')) || accountId.startsWith(QLatin1Char('.')))
        return Error(ErrorCode::InvalidInput, QObject::tr("'%1' is not a certbot account id.").arg(accountId));
    const QString dir = serverDir.filePath(accountId);
    auto regr = readJsonObject(dir + QStringLiteral("/regr.json"));
    if (!regr)
        return regr.error();
    const QUrl accountUrl(regr->value(QLatin1String("uri")).toString(), QUrl::StrictMode);
    if (!accountUrl.isValid() || accountUrl.scheme() != QLatin1String("https") ||
        accountUrl.host() != directoryUrl.host())
        return Error(
            ErrorCode::InvalidInput,
            QObject::tr("certbot's account %1 names no account URL at %2.").arg(accountId, directoryUrl.host()));
    auto jwk = readJsonObject(dir + QStringLiteral("/private_key.json"));
    if (!jwk)
        return jwk.error();
    auto key = keyFromJwk(*jwk);
    if (!key)
        return key.error().withContext(QObject::tr("certbot account %1").arg(accountId));
    CertbotAccount account;
    account.id = accountId;
    account.directoryUrl = directoryUrl;
    account.accountUrl = accountUrl;
    account.key = *key;
    return account;
}

Result<bool> CertbotAccount::importInto(store::Store& store) const {
    auto existing = store.accounts().find(directoryUrl);
    if (existing)
        return false; // renewals already use that account; never replaced silently
    if (existing.error().code != ErrorCode::NotFound)
        return existing.error();
    // The key first (0600), then the row naming the account: a crash in between leaves a key that the
    // next use finds (onlyReturnExisting), never a row without its key.
    if (auto s = store.vault().saveAccountKey(workflow::accountIdFor(directoryUrl), key); !s)
        return s.error();
    store::AccountRecord record;
    record.directoryUrl = directoryUrl;
    record.accountUrl = accountUrl;
    if (auto saved = store.accounts().save(record); !saved)
        return saved.error();
    return true;
}

} // namespace certdeck::cli
