// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/PrivateKey.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace certdeck::crypto {

/// PKCS#12 (.p12/.pfx) export for servers and tools that want key and chain in one file. Stateless.
class Pkcs12 {
public:
    /// DER PKCS#12 holding `key`, `cert` (with `friendlyName`, UTF-8, and a localKeyID tying it to
    /// the key) and the `chain` certificates. Key and certificates are encrypted with PBES2
    /// (PBKDF2-HMAC-SHA256, AES-256-CBC); the MAC is HMAC-SHA-256. Refuses an empty password, a
    /// password containing a NUL byte, and a certificate that does not belong to the key (InvalidInput).
    static Result<QByteArray> create(const PrivateKey& key, const Certificate& cert, const QList<Certificate>& chain,
                                     const SecureBytes& password, const QString& friendlyName);
};

} // namespace certdeck::crypto
