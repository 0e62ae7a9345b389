// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/dns/PreflightReport.h"
#include "core/dns/Resolver.h"

#include <QCoroTask>
#include <QString>
#include <QStringList>

namespace certdeck::dns {

struct PreflightOptions {
    /// How to ask DNS (system resolver by default; a chosen server for local zones and tests).
    ResolverOptions resolver;
    /// The server's public addresses the names should point to (IPv4 and/or IPv6). Empty: the
    /// addresses are shown but not compared.
    QStringList serverAddresses;
    /// The CA's CAA identities (directory meta.caaIdentities). Empty: CAA is shown, not judged.
    QStringList caIdentities;
    /// The ACME account URL the order will use (RFC 8657 accounturi). Empty: not known yet.
    QString accountUri;
    /// "http-01" or "dns-01"; empty when not chosen yet.
    QString method;
    /// Names checked at the same time (each name asks a handful of questions).
    int concurrency = 8;
};

/// Checks an order's names before ordering, the way a CA will see them: A and AAAA against the
/// server (CAs prefer IPv6, so a stray AAAA is the classic silent failure), the CNAME chain, CAA per
/// RFC 8659/8657 (CaaLookup + CaaPolicy), wildcards needing dns-01 (RFC 8555 §7.1.3) and IP
/// identifiers never using dns-01 (RFC 8738 §7). Every finding carries a verdict and one sentence
/// of advice; blockers name the exact record to add.
///
/// Never fails as a whole: a name whose lookups fail gets a warning finding saying so. Names are
/// checked concurrently (bounded by `concurrency`); the report keeps the given order.
/// Threading: like Resolver (coroutine on the caller's thread, sockets on the pool).
class Preflight {
public:
    explicit Preflight(PreflightOptions options);

    [[nodiscard]] const PreflightOptions& options() const { return m_options; }

    QCoro::Task<PreflightReport> run(QStringList names, CancelToken cancel) const;
    /// One name (what run() does for each).
    QCoro::Task<PreflightNameReport> checkName(QString name, CancelToken cancel) const;

private:
    PreflightOptions m_options;
};

} // namespace certdeck::dns
