// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/CaaLookup.h"

#include "core/dns/DnsName.h"

#include <QObject>

namespace certdeck::dns {

namespace {

constexpr int maxAliases = 8;

// The last name of the CNAME chain in `answers` starting at `name`.
QString chainEnd(const QList<DnsRecord>& answers, QString name, QStringList* chain) {
    for (int hops = 0; hops <= maxAliases; ++hops) {
        bool moved = false;
        for (const DnsRecord& r : answers) {
            if (r.type == RecordType::CNAME && r.name == name) {
                if (chain)
                    chain->append(r.value);
                name = r.value;
                moved = true;
                break;
            }
        }
        if (!moved)
            break;
    }
    return name;
}

} // namespace

QCoro::Task<Result<DnsAnswer>> CaaLookup::queryFollowingCnames(Resolver resolver, QString name, RecordType type,
                                                               CancelToken cancel) {
    auto normalised = DnsName::normalise(name);
    if (!normalised)
        co_return normalised.error();
    QString current = *normalised;
    DnsAnswer combined;
    QStringList visited{current};
    for (int hop = 0; hop <= maxAliases; ++hop) {
        auto task = resolver.query(current, type, cancel);
        auto answer = co_await task;
        if (!answer)
            co_return answer.error();
        combined.rcode = answer->rcode;
        combined.authoritative = answer->authoritative;
        combined.server = answer->server;
        combined.overTcp = answer->overTcp;
        combined.authority = answer->authority;
        combined.answers += answer->answers;
        QStringList chain;
        const QString end = chainEnd(answer->answers, current, &chain);
        if (end == current || type == RecordType::CNAME)
            co_return combined;
        bool haveTarget = false;
        for (const DnsRecord& r : std::as_const(answer->answers))
            haveTarget = haveTarget || (r.name == end && r.type == type);
        // The server followed the chain itself, or said the target does not exist.
        if (haveTarget || answer->rcode != Rcode::NoError || chain.isEmpty())
            co_return combined;
        if (visited.contains(end))
            co_return Error(ErrorCode::Dns,
                            QObject::tr("The CNAME records of %1 form a loop.").arg(DnsName::display(*normalised)));
        visited << end;
        current = end;
    }
    co_return Error(ErrorCode::Dns, QObject::tr("%1 is an alias of an alias … more than %2 times deep.")
                                        .arg(DnsName::display(*normalised))
                                        .arg(maxAliases));
}

QCoro::Task<Result<CaaRecordSet>> CaaLookup::find(Resolver resolver, QString name, CancelToken cancel) {
    QString base = name.trimmed();
    if (base.startsWith(QLatin1String("*.")))
        base = base.mid(2);
    auto normalised = DnsName::normalise(base);
    if (!normalised)
        co_return normalised.error();
    const bool authoritativeOnly = !resolver.options().recursionDesired;
    QString current = *normalised;
    // RFC 8659 §3: climb to the parent until a non-empty RRset is found; the root is not asked.
    while (DnsName::labelCount(current) >= 1) {
        auto task = queryFollowingCnames(resolver, current, RecordType::CAA, cancel);
        auto answer = co_await task;
        if (!answer)
            co_return answer.error();
        const Rcode rc = answer->rcode;
        const bool outsideZones = authoritativeOnly && (rc == Rcode::Refused || rc == Rcode::NotAuth);
        if (rc != Rcode::NoError && rc != Rcode::NxDomain && !outsideZones)
            co_return Error(ErrorCode::Dns,
                            QObject::tr("The CAA records of %1 could not be looked up (%2 answered %3); a CA whose "
                                        "lookup fails like this refuses to issue.")
                                .arg(DnsName::display(current), answer->server, rcodeName(rc)));
        CaaRecordSet set;
        set.queriedName = current;
        set.owner = chainEnd(answer->answers, current, &set.aliasChain);
        for (const DnsRecord& r : std::as_const(answer->answers)) {
            if (r.type == RecordType::CAA && r.name == set.owner)
                set.records << r;
        }
        if (!set.records.isEmpty())
            co_return set;
        current = DnsName::parent(current);
    }
    co_return CaaRecordSet{};
}

} // namespace certdeck::dns
