// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace certdeck::acme {

/// An account object (RFC 8555 §7.1.2) and its URL (the "kid").
struct Account {
    enum class Status { Valid, Deactivated, Revoked };
    QUrl url;
    Status status = Status::Valid;
    QStringList contact;
    QUrl orders;
    bool termsOfServiceAgreed = false;

    static Result<Account> fromJson(const QJsonObject& o, const QUrl& url);
};

QString accountStatusName(Account::Status s);

} // namespace certdeck::acme
