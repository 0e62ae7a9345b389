// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/PrivateKey.h"

#include <QStringList>

#include <utility>

namespace certdeck::crypto {

/// A minimal local CA for the sandbox listener and for self-signed placeholders (nginx bootstrap,
/// tests). Not a general-purpose CA: fixed profiles, SHA-256, random 128-bit serials, SKI/AKI set.
class CertificateAuthority {
public:
    /// A fresh P-256 root (CA:TRUE, keyCertSign) valid for `days` from an hour ago.
    static Result<std::pair<PrivateKey, Certificate>> createRoot(const QString& commonName, int days);
    /// A server certificate (CA:FALSE, digitalSignature, serverAuth) for `identifiers` (DNS names and IP
    /// addresses) signed by the root; the first identifier is also the subject CN.
    static Result<Certificate> issue(const PrivateKey& caKey, const Certificate& caCert, const PrivateKey& subjectKey,
                                     const QStringList& identifiers, int days);
    /// A self-signed server certificate for `identifiers` (a placeholder until a real one arrives).
    static Result<Certificate> selfSigned(const PrivateKey& key, const QStringList& identifiers, int days);
};

} // namespace certdeck::crypto
