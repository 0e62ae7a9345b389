// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/ChallengeSolver.h"
#include "core/dns/PropagationChecker.h"
#include "core/dns/Resolver.h"
#include "core/dns/providers/DnsProvider.h"

#include <QHash>

#include <chrono>

namespace certdeck::challenge {

struct Dns01Options {
    /// How `_acme-challenge` CNAME delegations are looked up (system resolver by default).
    dns::ResolverOptions resolver;
    /// How propagation is watched (every authoritative server of the zone the record lands in).
    dns::PropagationOptions propagation;
    /// Timeout for a ManualProvider, where a person adds the record (propagation.timeout otherwise).
    std::chrono::milliseconds manualTimeout = std::chrono::minutes(30);
    quint32 ttl = 60;
    /// Follow a CNAME at `_acme-challenge.<name>` (acme-dns style delegation) and write the record
    /// where it points (RFC 8555 §8.4 lets the CA follow it too).
    bool followCname = true;
};

/// dns-01 (RFC 8555 §8.4) through a dns::DnsProvider: present() publishes the TXT value (where a
/// CNAME delegation points, if any), then waits until every authoritative name server of that
/// zone serves it (PropagationChecker; per-server progress) — never a fixed sleep. cleanUp()
/// removes exactly the value it added and leaves others at the same name alone (an order for
/// example.com and *.example.com puts two values at one name). If present() fails or is cancelled
/// after the record was added, it removes the record itself before returning the error.
///
/// The provider is not owned and must outlive the solver. Runs on the caller's thread.
class Dns01Solver final : public acme::ChallengeSolver {
public:
    Dns01Solver(dns::DnsProvider& provider, Dns01Options options);

    [[nodiscard]] QString challengeType() const override { return QStringLiteral("dns-01"); }
    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> present(const acme::ChallengeTask& task, Progress& progress,
                                const CancelToken& cancel) override;
    QCoro::Task<Status> cleanUp(const acme::ChallengeTask& task) override;

    /// Where the record for `recordName` goes after following CNAMEs (normalised).
    QCoro::Task<Result<QString>> recordTarget(QString recordName, CancelToken cancel) const;

    /// Records presented and not yet cleaned up (for tests and diagnostics).
    [[nodiscard]] QList<dns::TxtRecord> outstanding() const { return m_added.values(); }

private:
    dns::DnsProvider& m_provider;
    Dns01Options m_options;
    QHash<QString, dns::TxtRecord> m_added; ///< key: identifier + token
};

} // namespace certdeck::challenge
