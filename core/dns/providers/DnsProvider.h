// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Progress.h"
#include "core/common/Result.h"

#include <QCoroTask>
#include <QString>

namespace certdeck::dns {

/// One TXT record a DNS provider adds or removes.
struct TxtRecord {
    /// Where the record goes: normalised ("_acme-challenge.example.com."), after any CNAME delegation.
    QString fqdn;
    /// The exact value (for dns-01: 43 base64url characters).
    QString value;
    /// The name the record proves control of ("example.com", "*.example.com"): for hooks and messages.
    QString domain;
    /// The challenge token, when there is one (for hooks that want it).
    QString token;
    quint32 ttl = 60;
};

/// A DNS backend that can publish and withdraw one TXT value (lego's providers, RFC 8555 §8.4).
///
/// Contract: addTxt() adds `value` next to any other TXT values at the name (two names of one order
/// — example.com and *.example.com — share `_acme-challenge.example.com`); removeTxt() removes
/// exactly that value and leaves the others. Both may be called for a value that is (not) there
/// already and then succeed. Credentials are handed in by the caller (from the secrets store), never
/// read from configuration by the provider. Errors say what to fix (wrong token, zone not found…).
/// Providers run on the caller's thread; they are not shared between threads.
class DnsProvider {
public:
    virtual ~DnsProvider() = default;
    /// Stable type name ("rfc2136", "cloudflare").
    [[nodiscard]] virtual QString type() const = 0;
    /// For progress lines ("RFC 2136 at 192.0.2.53:53").
    [[nodiscard]] virtual QString description() const = 0;
    /// A person publishes the record (ManualProvider): callers allow more time for propagation.
    [[nodiscard]] virtual bool isManual() const { return false; }
    virtual QCoro::Task<Status> addTxt(TxtRecord record, Progress& progress, CancelToken cancel) = 0;
    virtual QCoro::Task<Status> removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) = 0;
};

} // namespace certdeck::dns
