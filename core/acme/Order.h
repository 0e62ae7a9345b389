// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/Identifier.h"
#include "core/acme/Problem.h"

#include <QDateTime>
#include <QList>
#include <QUrl>

#include <optional>

namespace certdeck::acme {

/// An order object (RFC 8555 §7.1.3), with `profile` (draft-ietf-acme-profiles) and `replaces` (RFC 9773 §5).
struct Order {
    enum class Status { Pending, Ready, Processing, Valid, Invalid };
    QUrl url;
    Status status = Status::Pending;
    QDateTime expires;
    QList<Identifier> identifiers;
    QList<QUrl> authorizations;
    QUrl finalize;
    QUrl certificate;
    QString profile;
    QString replaces;
    std::optional<Problem> error;

    static Result<Order> fromJson(const QJsonObject& o, const QUrl& url);
};

QString orderStatusName(Order::Status s);

} // namespace certdeck::acme
