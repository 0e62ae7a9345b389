// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/Preflight.h"

#include "core/dns/CaaLookup.h"
#include "core/dns/CaaPolicy.h"
#include "core/dns/DnsName.h"

#include <QHostAddress>
#include <QObject>

#include <algorithm>
#include <memory>
#include <vector>

namespace certdeck::dns {

namespace {

const QString dns01 = QStringLiteral("dns-01");
const QString http01 = QStringLiteral("http-01");

PreflightFinding finding(const QString& check, PreflightVerdict verdict, const QString& message, const QString& advice,
                         const QString& record = {}) {
    return PreflightFinding{check, verdict, message, advice, record};
}

// The end of the CNAME chain starting at `name` in `answers`, with the aliases passed on the way.
QString followChain(const QList<DnsRecord>& answers, QString name, QStringList* chain) {
    for (int hops = 0; hops < 16; ++hops) {
        auto it = std::find_if(answers.begin(), answers.end(),
                               [&name](const DnsRecord& r) { return r.type == RecordType::CNAME && r.name == name; });
        if (it == answers.end())
            break;
        name = it->value;
        if (chain->contains(name))
            break;
        chain->append(name);
    }
    return name;
}

QStringList addressesAt(const Result<DnsAnswer>& answer, const QString& owner, RecordType type) {
    QStringList out;
    if (!answer)
        return out;
    for (const DnsRecord& r : answer->answers) {
        if (r.type == type && r.name == owner)
            out << r.value;
    }
    return out;
}

bool sameAddress(const QString& a, const QString& b) {
    return QHostAddress(a).isEqual(QHostAddress(b), QHostAddress::StrictConversion);
}

bool containsAddress(const QStringList& list, const QString& address) {
    return std::any_of(list.begin(), list.end(), [&address](const QString& s) { return sameAddress(s, address); });
}

struct RunState {
    QStringList names;
    int next = 0;
    std::vector<PreflightNameReport> reports;
};

QCoro::Task<void> worker(Preflight preflight, std::shared_ptr<RunState> state, CancelToken cancel) {
    while (state->next < state->names.size() && !cancel.isCancelled()) {
        const int index = state->next++;
        const QString name = state->names.at(index);
        auto task = preflight.checkName(name, cancel);
        PreflightNameReport report = co_await task;
        state->reports[static_cast<size_t>(index)] = std::move(report);
    }
}

} // namespace

Preflight::Preflight(PreflightOptions options)
    : m_options(std::move(options)) {}

QCoro::Task<PreflightReport> Preflight::run(QStringList names, CancelToken cancel) const {
    const Preflight self = *this;
    auto state = std::make_shared<RunState>();
    state->names = names;
    state->reports.resize(static_cast<size_t>(names.size()));
    const int workers = std::clamp(m_options.concurrency, 1, std::max(1, static_cast<int>(names.size())));
    // QCoro tasks start eagerly: all workers run before the first is awaited.
    std::vector<QCoro::Task<void>> tasks;
    tasks.reserve(static_cast<size_t>(workers));
    for (int i = 0; i < workers; ++i)
        tasks.push_back(worker(self, state, cancel));
    for (auto& t : tasks)
        co_await t;
    PreflightReport report;
    for (qsizetype i = 0; i < names.size(); ++i) {
        PreflightNameReport r = state->reports[static_cast<size_t>(i)];
        if (r.name.isEmpty()) { // not reached: cancelled
            r.name = names.at(i);
            r.findings << finding(QStringLiteral("name"), PreflightVerdict::Warning,
                                  QObject::tr("The check of %1 was cancelled.").arg(names.at(i)),
                                  QObject::tr("Run the check again."));
        }
        report.names << r;
    }
    co_return report;
}

QCoro::Task<PreflightNameReport> Preflight::checkName(QString name, CancelToken cancel) const {
    const PreflightOptions o = m_options; // copied before the first suspension: `this` may go away
    const Resolver resolver(o.resolver);
    PreflightNameReport rep;
    rep.name = name.trimmed();
    const bool viaDns = o.method == dns01;
    // Address problems block http-01 (and an unchosen method); with dns-01 they only deserve a look.
    const PreflightVerdict addressSeverity = viaDns ? PreflightVerdict::Warning : PreflightVerdict::Blocker;
    QStringList server4, server6;
    for (const QString& a : o.serverAddresses) {
        const QHostAddress h(a);
        if (h.protocol() == QAbstractSocket::IPv4Protocol)
            server4 << h.toString();
        else if (h.protocol() == QAbstractSocket::IPv6Protocol)
            server6 << h.toString();
    }

    const QHostAddress ip(rep.name);
    if (!ip.isNull()) {
        rep.isIpAddress = true;
        if (viaDns)
            rep.findings << finding(QStringLiteral("method"), PreflightVerdict::Blocker,
                                    QObject::tr("%1 is an IP address: a CA cannot validate an IP address through DNS "
                                                "(dns-01).")
                                        .arg(rep.name),
                                    QObject::tr("Use http-01 for %1, or order a DNS name instead.").arg(rep.name));
        else
            rep.findings << finding(
                QStringLiteral("method"), PreflightVerdict::Ok,
                QObject::tr("%1 is an IP address: the CA validates it by connecting to it.").arg(rep.name),
                QObject::tr("Validate it with http-01 on the server that has this address."));
        if (!viaDns && !o.serverAddresses.isEmpty() && !containsAddress(o.serverAddresses, rep.name))
            rep.findings << finding(QStringLiteral("address"), PreflightVerdict::Warning,
                                    QObject::tr("%1 is not one of your server's addresses (%2).")
                                        .arg(rep.name, o.serverAddresses.join(QLatin1String(", "))),
                                    QObject::tr("Validate on the machine that has %1.").arg(rep.name));
        co_return rep;
    }

    const bool wildcard = rep.name.startsWith(QLatin1String("*."));
    auto normalised = DnsName::normalise(wildcard ? rep.name.mid(2) : rep.name);
    if (!normalised || (wildcard && normalised->contains(QLatin1Char('*')))) {
        rep.findings << finding(QStringLiteral("name"), PreflightVerdict::Blocker,
                                normalised
                                    ? QObject::tr("%1: only one wildcard label, leftmost, is allowed.").arg(rep.name)
                                    : normalised.error().userMessage,
                                QObject::tr("Give a DNS name such as www.example.com or *.example.com."));
        co_return rep;
    }
    const QString base = *normalised;
    const QString shown = DnsName::display(base);

    if (wildcard) {
        if (o.method == http01)
            rep.findings << finding(
                QStringLiteral("method"), PreflightVerdict::Blocker,
                QObject::tr("%1 is a wildcard name: CAs validate wildcards only through DNS (dns-01).").arg(rep.name),
                QObject::tr("Choose dns-01 with a DNS provider for %1.").arg(rep.name));
        else
            rep.findings << finding(QStringLiteral("method"), PreflightVerdict::Ok,
                                    QObject::tr("%1 is a wildcard name, validated through DNS (dns-01).").arg(rep.name),
                                    QObject::tr("Make sure a DNS provider is set up for %1.").arg(shown));
    }

    // The three lookups run at once (QCoro tasks start eagerly).
    auto aTask = CaaLookup::queryFollowingCnames(resolver, base, RecordType::A, cancel);
    auto aaaaTask = CaaLookup::queryFollowingCnames(resolver, base, RecordType::AAAA, cancel);
    auto caaTask = CaaLookup::find(resolver, rep.name, cancel);
    const Result<DnsAnswer> a = co_await aTask;
    const Result<DnsAnswer> aaaa = co_await aaaaTask;
    const Result<CaaRecordSet> caa = co_await caaTask;

    // Addresses and the CNAME chain. A wildcard covers names that need not exist yet: the base
    // name's addresses say nothing about them (validation is through DNS anyway).
    if (wildcard) {
        Q_UNUSED(addressSeverity);
    } else if (!a && !aaaa) {
        rep.findings << finding(
            QStringLiteral("address"), PreflightVerdict::Warning,
            QObject::tr("The addresses of %1 could not be looked up: %2").arg(shown, a.error().userMessage),
            QObject::tr("Check that the DNS servers of %1 answer.").arg(shown));
    } else {
        const DnsAnswer& any = a ? *a : *aaaa;
        const QString end = followChain(any.answers, base, &rep.cnameChain);
        rep.ipv4 = addressesAt(a, end, RecordType::A);
        rep.ipv6 = addressesAt(aaaa, end, RecordType::AAAA);
        const QString endShown = DnsName::display(end);
        if (!rep.cnameChain.isEmpty()) {
            QStringList hops{shown};
            for (const QString& c : std::as_const(rep.cnameChain))
                hops << DnsName::display(c);
            rep.findings << finding(QStringLiteral("cname"), PreflightVerdict::Ok,
                                    QObject::tr("%1 is an alias: %2.").arg(shown, hops.join(QStringLiteral(" → "))),
                                    QObject::tr("The CA follows the alias and uses the addresses and CAA records of "
                                                "%1.")
                                        .arg(endShown));
        }
        const QString want4 = server4.isEmpty() ? QObject::tr("<your server's IPv4 address>") : server4.first();
        if (rep.ipv4.isEmpty() && rep.ipv6.isEmpty()) {
            const bool nx = any.rcode == Rcode::NxDomain;
            const QString record = QStringLiteral("%1 A %2").arg(end, want4);
            QString message;
            if (!rep.cnameChain.isEmpty() && nx)
                message =
                    QObject::tr("%1 is an alias of %2, which does not exist (a dangling CNAME).").arg(shown, endShown);
            else if (nx)
                message = QObject::tr("%1 does not exist in DNS (NXDOMAIN).").arg(shown);
            else
                message = QObject::tr("%1 has no A or AAAA record.").arg(endShown);
            if (viaDns)
                rep.findings << finding(QStringLiteral("address"), PreflightVerdict::Warning, message,
                                        QObject::tr("dns-01 can still validate it, but nobody can reach %1 until "
                                                    "you add `%2`.")
                                            .arg(shown, record));
            else
                rep.findings << finding(QStringLiteral("address"), PreflightVerdict::Blocker, message,
                                        QObject::tr("Add `%1` so the CA reaches your server.").arg(record), record);
        } else if (o.serverAddresses.isEmpty()) {
            rep.findings << finding(
                QStringLiteral("address"), PreflightVerdict::Ok,
                QObject::tr("%1 points to %2.").arg(shown, (rep.ipv4 + rep.ipv6).join(QLatin1String(", "))),
                QObject::tr("Give the server's address to have it compared."));
        } else {
            bool problem = false;
            QStringList wrong4, wrong6;
            for (const QString& v4 : std::as_const(rep.ipv4)) {
                if (!containsAddress(o.serverAddresses, v4))
                    wrong4 << v4;
            }
            for (const QString& v6 : std::as_const(rep.ipv6)) {
                if (!containsAddress(o.serverAddresses, v6))
                    wrong6 << v6;
            }
            // CAs (Let's Encrypt first) try IPv6 before IPv4: a stray AAAA sends validation elsewhere.
            if (!wrong6.isEmpty()) {
                problem = true;
                const QString record =
                    server6.isEmpty() ? QString() : QStringLiteral("%1 AAAA %2").arg(end, server6.first());
                rep.findings << finding(
                    QStringLiteral("address"), addressSeverity,
                    QObject::tr("%1 has the IPv6 address %2, which is not your server's; CAs try IPv6 first, so "
                                "validation would reach another machine.")
                        .arg(endShown, wrong6.join(QLatin1String(", "))),
                    record.isEmpty() ? QObject::tr("Remove `%1 AAAA %2`, or point it at your server's IPv6 address.")
                                           .arg(end, wrong6.first())
                                     : QObject::tr("Replace `%1 AAAA %2` with `%3`.").arg(end, wrong6.first(), record),
                    record);
            }
            if (!wrong4.isEmpty()) {
                problem = true;
                const QString record =
                    server4.isEmpty() ? QString() : QStringLiteral("%1 A %2").arg(end, server4.first());
                rep.findings << finding(
                    QStringLiteral("address"), addressSeverity,
                    QObject::tr("%1 has the IPv4 address %2, which is not your server's (%3).")
                        .arg(endShown, wrong4.join(QLatin1String(", ")), o.serverAddresses.join(QLatin1String(", "))),
                    record.isEmpty() ? QObject::tr("Remove `%1 A %2`, or point it at your server's IPv4 address.")
                                           .arg(end, wrong4.first())
                                     : QObject::tr("Replace `%1 A %2` with `%3`.").arg(end, wrong4.first(), record),
                    record);
            }
            if (!problem)
                rep.findings << finding(QStringLiteral("address"), PreflightVerdict::Ok,
                                        QObject::tr("%1 points to your server (%2).")
                                            .arg(shown, (rep.ipv4 + rep.ipv6).join(QLatin1String(", "))),
                                        QObject::tr("Nothing to do."));
        }
    }

    // CAA (RFC 8659 §3, §4; RFC 8657).
    if (!caa) {
        rep.findings << finding(QStringLiteral("caa"), PreflightVerdict::Warning, caa.error().userMessage,
                                QObject::tr("Make sure the DNS servers of %1 answer CAA queries.").arg(shown));
    } else {
        rep.caaOwner = caa->owner;
        for (const DnsRecord& r : caa->records)
            rep.caaRecords << r.value;
        const CaaQuestion question{rep.name, o.caIdentities, o.accountUri, o.method};
        const CaaVerdict v = CaaPolicy::evaluate(question, caa->owner, caa->records);
        switch (v.outcome) {
        case CaaVerdict::Outcome::NoPolicy:
            rep.findings << finding(
                QStringLiteral("caa"), PreflightVerdict::Ok, v.reason,
                QObject::tr("Any CA may issue; a CAA record naming your CA is optional hardening."));
            break;
        case CaaVerdict::Outcome::Allowed:
            rep.findings << finding(QStringLiteral("caa"), PreflightVerdict::Ok, v.reason,
                                    QObject::tr("Nothing to do."));
            break;
        case CaaVerdict::Outcome::Unknown:
            rep.findings << finding(QStringLiteral("caa"), PreflightVerdict::Warning, v.reason,
                                    v.recordToAdd.isEmpty()
                                        ? QObject::tr("Check again once the CA, account and method are chosen.")
                                        : QObject::tr("If the CA refuses, add `%1`.").arg(v.recordToAdd));
            break;
        case CaaVerdict::Outcome::Forbidden:
            rep.findings << finding(
                QStringLiteral("caa"), PreflightVerdict::Blocker, v.reason,
                v.recordToAdd.isEmpty()
                    ? QObject::tr("Change the CAA records at %1 as described.").arg(DnsName::display(caa->owner))
                    : QObject::tr("Add `%1`.").arg(v.recordToAdd),
                v.recordToAdd);
            break;
        }
    }
    co_return rep;
}

} // namespace certdeck::dns
