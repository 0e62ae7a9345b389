// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"
#include "core/dns/DnsAnswer.h"
#include "core/dns/NameServer.h"
#include "core/dns/RecordType.h"

#include <QCoroTask>
#include <QList>
#include <QString>

#include <chrono>

namespace certdeck::dns {

struct ResolverOptions {
    /// Servers to ask, in order. Empty: the system's, from /etc/resolv.conf (read at each query).
    QList<NameServer> servers;
    /// How long to wait for one answer from one server (UDP, and again for a TCP retry).
    std::chrono::milliseconds timeout{3000};
    /// Further rounds over all servers after the first one timed out (so 1 = two tries in all).
    int retries = 1;
    /// The RD bit: ask a recursive resolver to resolve for us. Clear it to ask an authoritative
    /// server about its own zones only.
    bool recursionDesired = true;
    /// Port given to the servers authoritativeServers() finds through NS records. 53 in the world;
    /// tests point it at a fixture's port.
    quint16 authoritativePort = 53;
};

/// Asks DNS questions (A, AAAA, CNAME, CAA, TXT, NS, SOA — or any other type by number) over UDP,
/// retrying over TCP when the answer is truncated (RFC 7766 §5), with EDNS(0) (RFC 6891) and a
/// fallback to plain DNS when a server answers FORMERR to it.
///
/// Names: pass names with or without the trailing dot, in A-label form for IDNs; names in
/// answers are normalised (lower-case, trailing dot) — see DnsName.
///
/// Answers are values even when negative: NXDOMAIN and NODATA come back as a DnsAnswer with its
/// rcode. An Error means no usable answer: Timeout ("The DNS server 127.0.0.1:5353 did not answer
/// within 3 s."), Network (refused, unreachable), Protocol (malformed or mismatched answer),
/// InvalidInput (bad name), Cancelled. Every wait is bounded by `timeout`; a message is at most
/// 64 KiB (the protocol's limit).
///
/// Threading: the blocking socket work runs on the waiting pool (certdeck::runWaiting) and
/// the coroutine resumes on the caller's thread. The tasks copy what they need: the Resolver may
/// be destroyed while they run. Cancellation is noticed within 100 ms.
class Resolver {
public:
    explicit Resolver(ResolverOptions options = {});

    [[nodiscard]] const ResolverOptions& options() const { return m_options; }

    /// One question. When several servers are configured, the next one is asked when a server
    /// does not answer, or answers SERVFAIL / REFUSED (that answer is returned if none does better).
    QCoro::Task<Result<DnsAnswer>> query(QString name, RecordType type, CancelToken cancel = {}) const;

    /// The apex of the zone `name` lies in (RFC 1034 §4.3.2), found by asking for SOA records and
    /// climbing one label at a time: an SOA answer at the name, or the SOA in the authority section
    /// of a negative answer, names the zone; a referral (NS in authority, not authoritative) names
    /// the zone cut. Returns a normalised name.
    QCoro::Task<Result<QString>> findZoneApex(QString name, CancelToken cancel = {}) const;

    /// The authoritative servers of the zone holding `zoneOrName`: its apex (findZoneApex), its
    /// NS names, each resolved to its A and AAAA addresses (all through this resolver's servers).
    /// Each NameServer carries the NS host name and `authoritativePort`. At most 16 NS names are
    /// followed. An error when the zone has no NS records or none of them has an address.
    QCoro::Task<Result<QList<NameServer>>> authoritativeServers(QString zoneOrName, CancelToken cancel = {}) const;

    /// The servers /etc/resolv.conf names (through ldns). Blocking but quick (reads one file).
    static Result<QList<NameServer>> systemServers();

private:
    ResolverOptions m_options;
};

} // namespace certdeck::dns
