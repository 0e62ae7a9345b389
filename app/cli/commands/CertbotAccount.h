// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/crypto/PrivateKey.h"
#include "core/store/Store.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace certdeck::cli {

/// An ACME account as certbot keeps it: `<config>/accounts/<host[:port]><directory path>/<id>/` with
/// `private_key.json` (the account key as a private JWK, RFC 7517), `regr.json` ("uri": the account URL)
/// and `meta.json`.
struct CertbotAccount {
    QString id;
    QUrl directoryUrl;
    QUrl accountUrl;
    crypto::PrivateKey key;

    /// The account `id` of certbot's configuration folder `configDir` for the CA `directoryUrl`; an
    /// empty id takes the only account there is for that CA. Files are bounded in size and parsed strictly.
    static Result<CertbotAccount> read(const QString& configDir, const QUrl& directoryUrl, const QString& id);

    /// A private key from a private JWK: RSA (n, e, d, p, q, dp, dq, qi) or EC P-256/P-384 (x, y, d).
    /// The result's public JWK must match the input's (RFC 7638 thumbprint).
    static Result<crypto::PrivateKey> keyFromJwk(const QJsonObject& jwk);

    /// Makes this the store's account for its CA (key in the KeyVault, 0600; row with the account URL),
    /// unless the store has an account for that CA already. True when imported, false when the store's
    /// own account was kept.
    Result<bool> importInto(store::Store& store) const;
};

} // namespace certdeck::cli
