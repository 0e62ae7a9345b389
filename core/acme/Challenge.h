// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/Problem.h"
#include "core/common/Result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace certdeck::acme {

/// A challenge object (RFC 8555 §8). The token is validated on parsing (§8.1: base64url, at least
/// 128 bits of entropy, i.e. 22+ characters; we cap the length) so it can safely name a file.
struct Challenge {
    enum class Status { Pending, Processing, Valid, Invalid };
    QString type; ///< "http-01", "dns-01", "tls-alpn-01" ...
    QUrl url;
    Status status = Status::Pending;
    QString token;
    std::optional<Problem> error;

    static Result<Challenge> fromJson(const QJsonObject& o);
};

/// True when `token` is a base64url string of sane length: no '/', '.', '%', padding or anything a path
/// could trip over. Every token passes this before it touches a file path or a DNS name.
bool isValidToken(const QString& token);

Result<Challenge::Status> parseChallengeStatus(const QString& s);

} // namespace certdeck::acme
