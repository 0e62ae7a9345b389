// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/Challenge.h"
#include "core/acme/Identifier.h"

#include <QDateTime>
#include <QList>
#include <QUrl>

namespace certdeck::acme {

/// An authorization object (RFC 8555 §7.1.4).
struct Authorization {
    enum class Status { Pending, Valid, Invalid, Deactivated, Expired, Revoked };
    QUrl url;
    Identifier identifier;
    Status status = Status::Pending;
    QDateTime expires;
    QList<Challenge> challenges;
    bool wildcard = false;

    /// The challenge of this type, if the CA offers it.
    [[nodiscard]] const Challenge* challenge(const QString& type) const;
    /// The first problem any challenge carries (for an invalid authorization's reason).
    [[nodiscard]] std::optional<Problem> firstError() const;
    static Result<Authorization> fromJson(const QJsonObject& o, const QUrl& url);
};

} // namespace certdeck::acme
