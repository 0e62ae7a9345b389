// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/KeyType.h"

namespace certdeck::crypto {

QString keyTypeName(KeyType type) {
    switch (type) {
    case KeyType::P256:
        return QStringLiteral("p256");
    case KeyType::P384:
        return QStringLiteral("p384");
    case KeyType::Rsa2048:
        return QStringLiteral("rsa2048");
    case KeyType::Rsa3072:
        return QStringLiteral("rsa3072");
    case KeyType::Rsa4096:
        return QStringLiteral("rsa4096");
    }
    return QStringLiteral("p256");
}

std::optional<KeyType> parseKeyType(const QString& name) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("p256") || n == QLatin1String("ec256") || n == QLatin1String("ecdsa") ||
        n == QLatin1String("p-256") || n == QLatin1String("prime256v1"))
        return KeyType::P256;
    if (n == QLatin1String("p384") || n == QLatin1String("ec384") || n == QLatin1String("p-384") ||
        n == QLatin1String("secp384r1"))
        return KeyType::P384;
    if (n == QLatin1String("rsa2048"))
        return KeyType::Rsa2048;
    if (n == QLatin1String("rsa3072"))
        return KeyType::Rsa3072;
    if (n == QLatin1String("rsa4096"))
        return KeyType::Rsa4096;
    return std::nullopt;
}

bool isEcKeyType(KeyType type) {
    return type == KeyType::P256 || type == KeyType::P384;
}

} // namespace certdeck::crypto
