// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/dns/providers/DnsProvider.h"

#include <QStringList>
#include <QVariantMap>

#include <memory>

namespace certdeck::net {
class HttpClient;
}

namespace certdeck::dns {

/// Builds a DnsProvider from its stored, non-secret settings plus the secret the caller fetched
/// from the secrets store (never from the settings). Settings per type:
///   manual   — none
///   rfc2136  — server "ADDR[:PORT]", keyName, algorithm ("hmac-sha256"…), zone (optional); secret = TSIG base64
///   hook     — program, arguments (string list), timeoutSeconds (optional); no secret
///   powerdns — url, serverId (optional), zone (optional); secret = API key; needs `http`
///   cloudflare   — zone (optional), url (optional: not the production API); secret = API token; needs `http`
///   digitalocean — domain (optional), url (optional); secret = personal access token; needs `http`
///   hetzner      — zone (optional), url (optional); secret = DNS API token; needs `http`
///   desec        — domain (optional), url (optional); secret = token; needs `http`
///   acme-dns     — url, username, subdomain, fulldomain (optional, checked against the record name);
///                  secret = the registration's password; needs `http`
/// A "url" must be https, or plain http on a loopback host.
/// Errors are InvalidInput and name the missing or bad setting.
class DnsProviderFactory {
public:
    static QStringList types();
    static Result<std::unique_ptr<DnsProvider>> create(const QString& type, const QVariantMap& settings,
                                                       const SecureBytes& secret, net::HttpClient* http);
};

} // namespace certdeck::dns
