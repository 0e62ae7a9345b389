// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/Resolver.h"

#include "core/common/Async.h"
#include "core/common/Log.h"
#include "core/dns/DnsName.h"
#include "core/dns/internal/DnsMessage.h"
#include "core/dns/internal/DnsTransport.h"
#include "core/dns/internal/LdnsPtr.h"

#include <QObject>
#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace certdeck::dns {

using internal::DnsMessage;
using internal::DnsTransport;

namespace {

constexpr int maxNameServersFollowed = 16;

quint16 randomId() {
    // RFC 5452 §9.2: unpredictable IDs make blind spoofing harder.
    return static_cast<quint16>(QRandomGenerator::system()->generate() & 0xffff);
}

bool isServerFailure(Rcode rcode) {
    return rcode == Rcode::ServFail || rcode == Rcode::Refused || rcode == Rcode::NotImp;
}

// One question to one server: UDP first, TCP when the answer was truncated (RFC 7766 §5), and once
// more without EDNS when the server answers FORMERR to it (RFC 6891 §7).
Result<DnsAnswer> askServer(const QString& name, RecordType type, const NameServer& server,
                            const ResolverOptions& options, const CancelToken& cancel) {
    bool edns = true;
    for (;;) {
        auto query = DnsMessage::buildQuery(name, type, randomId(), options.recursionDesired, edns);
        if (!query)
            return query.error();
        auto wire = DnsTransport::exchange(server, Transport::Udp, *query, options.timeout, cancel);
        if (!wire)
            return wire.error();
        bool overTcp = false;
        if (DnsMessage::isTruncated(*wire)) {
            qCDebug(lcDns) << "truncated UDP answer from" << server.toString() << "for" << name
                           << "- retrying over TCP";
            wire = DnsTransport::exchange(server, Transport::Tcp, *query, options.timeout, cancel);
            if (!wire)
                return wire.error();
            overTcp = true;
        }
        auto answer = DnsMessage::parseResponse(*wire, name, type, server.toString());
        if (!answer)
            return answer.error();
        if (edns && answer->rcode == Rcode::FormErr) {
            edns = false;
            continue;
        }
        answer->overTcp = overTcp;
        return answer;
    }
}

Error combinedError(const QList<std::pair<NameServer, Error>>& failures, std::chrono::milliseconds timeout) {
    if (failures.size() == 1)
        return failures.first().second;
    QStringList names;
    QStringList details;
    bool allTimeouts = true;
    for (const auto& [server, error] : failures) {
        names.append(server.toString());
        details.append(QStringLiteral("%1: %2").arg(server.toString(), error.userMessage));
        allTimeouts = allTimeouts && error.code == ErrorCode::Timeout;
    }
    if (allTimeouts)
        return Error(ErrorCode::Timeout,
                     QObject::tr("None of the DNS servers %1 answered within %2 s.")
                         .arg(names.join(QLatin1String(", ")), DnsTransport::seconds(timeout)),
                     details.join(QLatin1Char('\n')));
    return Error(ErrorCode::Network,
                 QObject::tr("No DNS server gave an answer: %1").arg(details.join(QLatin1String("; "))),
                 details.join(QLatin1Char('\n')));
}

Result<DnsAnswer> resolveBlocking(const QString& name, RecordType type, const ResolverOptions& options,
                                  const CancelToken& cancel) {
    QList<NameServer> servers = options.servers;
    if (servers.isEmpty()) {
        auto system = Resolver::systemServers();
        if (!system)
            return system.error();
        servers = *system;
    }
    std::optional<DnsAnswer> poorAnswer;
    QList<std::pair<NameServer, Error>> failures;
    QList<NameServer> toAsk = servers;
    const int rounds = 1 + std::max(0, options.retries);
    for (int round = 0; round < rounds && !toAsk.isEmpty(); ++round) {
        QList<NameServer> silent;
        for (const NameServer& server : std::as_const(toAsk)) {
            auto answer = askServer(name, type, server, options, cancel);
            if (answer) {
                qCDebug(lcDns) << name << recordTypeName(type) << "from" << server.toString() << "->"
                               << rcodeName(answer->rcode) << answer->answers.size() << "records";
                // Another server may do better than a failing one; keep this answer in case none does.
                if (isServerFailure(answer->rcode) && servers.size() > 1) {
                    if (!poorAnswer)
                        poorAnswer = std::move(answer).value();
                    continue;
                }
                return answer;
            }
            if (answer.error().code == ErrorCode::Cancelled)
                return answer.error();
            qCDebug(lcDns) << name << recordTypeName(type) << "from" << server.toString()
                           << "failed:" << answer.error().userMessage;
            failures.erase(std::remove_if(failures.begin(), failures.end(),
                                          [&server](const auto& f) { return f.first == server; }),
                           failures.end());
            failures.append({server, answer.error()});
            // Only silence is worth another try; a refusal or a malformed answer will not change.
            if (answer.error().code == ErrorCode::Timeout)
                silent.append(server);
        }
        if (poorAnswer)
            return *poorAnswer;
        toAsk = silent;
    }
    return combinedError(failures, options.timeout);
}

} // namespace

Resolver::Resolver(ResolverOptions options)
    : m_options(std::move(options)) {}

Result<QList<NameServer>> Resolver::systemServers() {
    ldns_resolver* raw = nullptr;
    const ldns_status status = ldns_resolver_new_frm_file(&raw, nullptr);
    internal::LdnsResolver resolver(raw);
    if (status != LDNS_STATUS_OK || !resolver)
        return Error(ErrorCode::Network,
                     QObject::tr("The system's DNS servers could not be read from /etc/resolv.conf."),
                     QString::fromLatin1(ldns_get_errorstr_by_id(status)));
    QList<NameServer> out;
    ldns_rdf** servers = ldns_resolver_nameservers(resolver.get());
    for (size_t i = 0; i < ldns_resolver_nameserver_count(resolver.get()); ++i) {
        internal::LdnsString text(ldns_rdf2str(servers[i]));
        if (!text)
            continue;
        NameServer server;
        server.address = QString::fromLatin1(text.get());
        server.port = ldns_resolver_port(resolver.get());
        out.append(server);
    }
    if (out.isEmpty())
        return Error(ErrorCode::Network,
                     QObject::tr("No DNS server is configured in /etc/resolv.conf: configure one, or choose a DNS "
                                 "server in the settings."));
    return out;
}

QCoro::Task<Result<DnsAnswer>> Resolver::query(QString name, RecordType type, CancelToken cancel) const {
    auto normalised = DnsName::normalise(name);
    if (!normalised)
        co_return normalised.error();
    const QString qname = *normalised;
    const ResolverOptions options = m_options; // copied before the first suspension: `this` may go away
    // Named, not a temporary inside the co_await: GCC 12 destroys a closure temporary there twice.
    auto job = [qname, type, options, cancel]() {
        return resolveBlocking(qname, type, options, cancel);
    };
    auto pending1 = runWaiting(std::move(job));
    auto result = co_await pending1;
    if (cancel.isCancelled())
        co_return cancelledError();
    co_return result;
}

QCoro::Task<Result<QString>> Resolver::findZoneApex(QString name, CancelToken cancel) const {
    const Resolver self = *this;
    auto normalised = DnsName::normalise(name);
    if (!normalised)
        co_return normalised.error();
    QString current = *normalised;
    while (!current.isEmpty()) {
        auto answer = co_await self.query(current, RecordType::SOA, cancel);
        if (!answer)
            co_return answer.error();
        if (answer->rcode != Rcode::NoError && answer->rcode != Rcode::NxDomain)
            co_return Error(ErrorCode::Dns,
                            QObject::tr("The DNS server %1 answered %2 when asked for the zone of %3.")
                                .arg(answer->server, rcodeName(answer->rcode), DnsName::display(*normalised)),
                            QStringLiteral("SOA query for %1").arg(current));
        for (const DnsRecord& r : std::as_const(answer->answers)) {
            if (r.type == RecordType::SOA && r.name == current)
                co_return current;
        }
        // A negative answer carries the SOA of the zone it comes from (RFC 2308 §3).
        for (const DnsRecord& r : std::as_const(answer->authority)) {
            if (r.type == RecordType::SOA && DnsName::isSameOrBelow(current, r.name))
                co_return r.name;
        }
        // A referral from a parent zone's server: the NS owner is the zone cut (RFC 1034 §4.3.2).
        if (!answer->authoritative) {
            for (const DnsRecord& r : std::as_const(answer->authority)) {
                if (r.type == RecordType::NS && DnsName::isSameOrBelow(current, r.name))
                    co_return r.name;
            }
        }
        current = DnsName::parent(current);
    }
    co_return Error(ErrorCode::Dns,
                    QObject::tr("No DNS zone was found for %1: no server gave an SOA record for it or any parent.")
                        .arg(DnsName::display(*normalised)));
}

QCoro::Task<Result<QList<NameServer>>> Resolver::authoritativeServers(QString zoneOrName, CancelToken cancel) const {
    const Resolver self = *this;
    auto apex = co_await self.findZoneApex(zoneOrName, cancel);
    if (!apex)
        co_return apex.error();
    auto ns = co_await self.query(*apex, RecordType::NS, cancel);
    if (!ns)
        co_return ns.error();
    QStringList names;
    for (const DnsRecord& r : std::as_const(ns->answers)) {
        if (r.type == RecordType::NS && r.name == *apex && !names.contains(r.value))
            names.append(r.value);
    }
    if (names.isEmpty())
        co_return Error(ErrorCode::Dns, QObject::tr("The zone %1 has no NS records (%2 answered %3).")
                                            .arg(DnsName::display(*apex), ns->server, rcodeName(ns->rcode)));
    names.sort();
    if (names.size() > maxNameServersFollowed)
        names.resize(maxNameServersFollowed);

    static constexpr std::array<RecordType, 2> addressTypes{RecordType::A, RecordType::AAAA};
    QList<NameServer> out;
    QStringList problems;
    for (const QString& nsName : std::as_const(names)) {
        for (RecordType type : addressTypes) {
            auto addresses = co_await self.query(nsName, type, cancel);
            if (!addresses) {
                if (addresses.error().code == ErrorCode::Cancelled)
                    co_return addresses.error();
                problems.append(
                    QStringLiteral("%1 %2: %3").arg(nsName, recordTypeName(type), addresses.error().userMessage));
                continue;
            }
            for (const DnsRecord& r : std::as_const(addresses->answers)) {
                if (r.type != type)
                    continue;
                NameServer server;
                server.address = r.value;
                server.port = self.m_options.authoritativePort;
                server.name = nsName;
                if (!out.contains(server))
                    out.append(server);
            }
        }
    }
    if (out.isEmpty())
        co_return Error(ErrorCode::Dns,
                        QObject::tr("None of the name servers of %1 (%2) has an address.")
                            .arg(DnsName::display(*apex), names.join(QLatin1String(", "))),
                        problems.join(QLatin1Char('\n')));
    co_return out;
}

} // namespace certdeck::dns
