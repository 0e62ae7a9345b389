// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace certdeck::net {

/// Parses an HTTP Retry-After value (RFC 9110 §10.2.3): delay-seconds or an HTTP-date
/// (IMF-fixdate, and the obsolete RFC 850 and asctime forms). Returns the absolute time, relative
/// to `now`; nothing for a malformed value. Absurd values are capped at `maxSeconds` (a day by default)
/// so a hostile server cannot park us for a year.
std::optional<QDateTime> parseRetryAfter(const QByteArray& value, const QDateTime& now, qint64 maxSeconds = 86400);

} // namespace certdeck::net
