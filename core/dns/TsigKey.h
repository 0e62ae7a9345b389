// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QString>

namespace certdeck::dns {

/// TSIG MAC algorithms (RFC 8945 §6). HMAC-MD5 and HMAC-SHA1 are deliberately absent.
enum class TsigAlgorithm {
    HmacSha256,
    HmacSha384,
    HmacSha512,
};

/// A shared TSIG key, as `tsig-keygen` / `keymgr -t` print it: a key name, an algorithm and the
/// secret in base64. The secret stays in SecureBytes and is never logged.
struct TsigKey {
    /// Key name as configured on the server ("certdeck." or "certdeck"; compared as a DNS name).
    QString name;
    TsigAlgorithm algorithm = TsigAlgorithm::HmacSha256;
    /// The secret as base64 text (not the decoded bytes).
    SecureBytes secretBase64;

    /// The algorithm's name on the wire, with trailing dot ("hmac-sha256.").
    [[nodiscard]] static QString algorithmName(TsigAlgorithm algorithm);
    /// Reads "hmac-sha256", "HMAC-SHA384.", ...; an InvalidInput error names the supported ones.
    static Result<TsigAlgorithm> algorithmFromName(const QString& name);
    /// Checks the name and that the secret is non-empty, valid base64; the error says what to fix.
    [[nodiscard]] Status validate() const;
};

} // namespace certdeck::dns
