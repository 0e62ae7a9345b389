// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace certdeck::crypto {

/// base64url without padding (RFC 4648 §5, as JWS uses it: RFC 7515 §2).
QByteArray base64url(const QByteArray& data);

/// Strict decoding: only [A-Za-z0-9_-], no padding, no whitespace, a length that can be produced by
/// encoding, and unused trailing bits zero (the canonical encoding only). Anything else is an
/// InvalidInput error. The empty text decodes to empty bytes.
Result<QByteArray> fromBase64url(QByteArrayView text);

/// Non-empty and only the strict base64url alphabet (no decoding, no length check).
bool isBase64url(QByteArrayView text);

} // namespace certdeck::crypto
