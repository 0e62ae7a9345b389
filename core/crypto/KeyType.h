// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace certdeck::crypto {

/// The key algorithms Certdeck generates and accepts: ECDSA on P-256 (the default) or P-384, RSA of
/// 2048, 3072 or 4096 bits.
enum class KeyType { P256, P384, Rsa2048, Rsa3072, Rsa4096 };

/// Stable lower-case name stored in settings and shown by the CLI: "p256", "p384", "rsa2048", "rsa3072", "rsa4096".
QString keyTypeName(KeyType type);

/// Parses keyTypeName() output case-insensitively, also "ec256", "ec384", "ecdsa" (= p256),
/// "p-256", "p-384", "secp384r1", "prime256v1". Anything else: std::nullopt.
std::optional<KeyType> parseKeyType(const QString& name);

/// True for P256 and P384.
bool isEcKeyType(KeyType type);

} // namespace certdeck::crypto
