// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"
#include "core/dns/DnsRecord.h"
#include "core/dns/Resolver.h"

#include <QCoroTask>
#include <QList>
#include <QString>
#include <QStringList>

namespace certdeck::dns {

/// The relevant CAA RRset of a name (RFC 8659 §3).
struct CaaRecordSet {
    /// The name whose lookup found the records (the name itself or a parent); empty when none.
    QString queriedName;
    /// Where the records live: `queriedName`, or the end of its CNAME chain. Records to add go here.
    QString owner;
    /// CNAMEs followed from `queriedName` ("alias.example.com." -> "target.example.net.").
    QStringList aliasChain;
    QList<DnsRecord> records;
};

/// Finds the relevant CAA RRset: asks for CAA at the name (wildcard label removed), following
/// CNAMEs (at most 8), then at each parent up to and including the top-level domain, and stops at
/// the first non-empty set (RFC 8659 §3). NXDOMAIN and NODATA mean "nothing here, climb".
///
/// When the resolver asks an authoritative server directly (recursionDesired false), REFUSED and
/// NOTAUTH for a name outside its zones also mean "nothing here". Otherwise SERVFAIL, REFUSED or no
/// answer is an error: a CA whose lookup fails refuses to issue, so the caller must say so.
class CaaLookup {
public:
    static QCoro::Task<Result<CaaRecordSet>> find(Resolver resolver, QString name, CancelToken cancel);

    /// Asks `name`/`type` and follows CNAMEs the server did not follow itself (an authoritative
    /// server only answers for its own zones). The returned answer's `answers` hold the whole chain.
    /// At most 8 aliases; a loop is an error.
    static QCoro::Task<Result<DnsAnswer>> queryFollowingCnames(Resolver resolver, QString name, RecordType type,
                                                               CancelToken cancel);
};

} // namespace certdeck::dns
