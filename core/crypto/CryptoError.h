// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Error.h"

// Internal helper of core/crypto: turns OpenSSL's per-thread error queue into an Error.

namespace certdeck::crypto {

/// Drains the calling thread's OpenSSL error queue into `detail` (oldest first) and leaves it empty,
/// so a later failure never reports a stale error. Call right where an OpenSSL function failed.
Error opensslError(const QString& userMessage, ErrorCode code = ErrorCode::Crypto);

/// Empties the calling thread's OpenSSL error queue (after a failure that is an expected answer,
/// such as a signature that does not verify).
void clearOpensslErrors();

} // namespace certdeck::crypto
