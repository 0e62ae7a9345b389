// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/crypto/Certificate.h"

#include <QDateTime>
#include <QUrl>

#include <optional>

namespace certdeck::acme {

/// ACME Renewal Information (RFC 9773).
struct RenewalInfo {
    QDateTime windowStart;
    QDateTime windowEnd;
    QUrl explanationUrl;
    /// When to ask again (the response's Retry-After, RFC 9773 §4.3).
    std::optional<QDateTime> retryAfter;

    /// RFC 9773 §4.1: base64url(AKI keyIdentifier) "." base64url(serial number DER content bytes).
    static Result<QString> certificateId(const crypto::Certificate& cert);
    static Result<QString> certificateId(const QByteArray& authorityKeyId, const QByteArray& serial);
    /// Parses a renewalInfo response (§4.2); the window must have start < end.
    static Result<RenewalInfo> parse(const QByteArray& json);
};

} // namespace certdeck::acme
