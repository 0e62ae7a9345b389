// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <QUrl>

namespace certdeck::acme {

/// An ACME directory (RFC 8555 §7.1.1) with its `meta` (§9.7.6), ARI's renewalInfo (RFC 9773 §3) and
/// profiles (draft-ietf-acme-profiles). Every URL is checked to be https (or the directory's own
/// scheme for a loopback test CA) — a server cannot point us at plain HTTP.
struct Directory {
    QUrl url;
    QUrl newNonce;
    QUrl newAccount;
    QUrl newOrder;
    QUrl newAuthz;
    QUrl revokeCert;
    QUrl keyChange;
    QUrl renewalInfo;
    // meta
    QUrl termsOfService;
    QUrl website;
    QStringList caaIdentities;
    bool externalAccountRequired = false;
    QMap<QString, QString> profiles; ///< name -> description
    QJsonObject raw;

    static Result<Directory> parse(const QByteArray& json, const QUrl& directoryUrl);
};

} // namespace certdeck::acme
