// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QCoroTask>
#include <QString>
#include <QVariantMap>

namespace certdeck::dns {

/// What to check: a DNS provider as DnsProviderFactory builds it (the settings the store keeps, the
/// secret from the keychain) and the zone to write the check record in.
struct ProviderCheckRequest {
    QString type;
    QVariantMap settings;
    SecureBytes secret;
    /// The zone for the check record ("example.com"). Empty: providerZone(type, settings).
    QString zone;
};

/// What a check did.
struct ProviderCheckResult {
    enum class Outcome {
        WroteAndRemoved, ///< the TXT record was added and removed again
        WroteOnly,       ///< acme-dns: updated; it has no delete, the value rotates out by itself
        NothingToCheck,  ///< manual: a person publishes records, there is nothing to call
    };
    Outcome outcome = Outcome::WroteAndRemoved;
    QString zone;        ///< display form, no trailing dot ("example.com"); empty for NothingToCheck
    QString fqdn;        ///< the record written, normalised ("_certdeck-check.example.com.")
    QString description; ///< the provider's own description ("PowerDNS at http://127.0.0.1:8081")
};

/// The zone a provider's settings name, for the check: "zone" (rfc2136, powerdns, cloudflare,
/// hetzner) or "domain" (digitalocean, desec), "fulldomain" for acme-dns. Empty when none is set.
QString providerZone(const QString& type, const QVariantMap& settings);

/// True for the types whose credential is required (all but manual and hook), as the CLI decides.
bool providerNeedsSecret(const QString& type);

/// Whether DnsProviderFactory accepts these settings and secret (URL scheme, TSIG key, required
/// settings), without contacting anything; the error names what to fix. For callers that may not
/// see an HTTP client (the GUI): one is made and dropped here.
Status validateProviderSettings(const QString& type, const QVariantMap& settings, const SecureBytes& secret);

/// Proves a DNS provider works the way dns-01 will use it, without touching anything that matters:
/// builds it with DnsProviderFactory (its own HTTP client, created and destroyed inside) and adds a
/// TXT record `_certdeck-check.<zone>` with a random value, then removes exactly that value again.
/// When the add succeeded the removal is always attempted (also after a cancel); a failed removal is
/// an error naming the record to delete by hand. acme-dns only updates (it has no delete and keeps
/// the last two values); a manual provider has nothing to call.
///
/// Errors: InvalidInput for bad settings or no zone to test in (userMessage says which setting);
/// the provider's own errors (wrong key, zone not found, server unreachable) otherwise.
/// Threading: runs on the caller's thread (network waits are asynchronous); the request is copied.
QCoro::Task<Result<ProviderCheckResult>> checkProvider(ProviderCheckRequest request, CancelToken cancel);

} // namespace certdeck::dns
