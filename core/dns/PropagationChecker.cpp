// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/PropagationChecker.h"

#include "core/common/Async.h"
#include "core/common/Log.h"
#include "core/dns/DnsName.h"

#include <QElapsedTimer>
#include <QObject>
#include <QVariantMap>

#include <algorithm>
#include <vector>

namespace certdeck::dns {

namespace {

QString stepId(const QString& name, const NameServer& server) {
    return QStringLiteral("propagation:%1:%2").arg(name, server.toString());
}

void reportServer(Progress& progress, const QString& name, const QString& value, const NameServerState& s) {
    const QVariantMap data{{QStringLiteral("name"), name},
                           {QStringLiteral("value"), value},
                           {QStringLiteral("server"), s.server.toString()},
                           {QStringLiteral("serverName"), s.server.name},
                           {QStringLiteral("seen"), s.seen},
                           {QStringLiteral("lastAnswer"), s.lastAnswer},
                           {QStringLiteral("queries"), s.queries}};
    const QString who = s.server.name.isEmpty()
                            ? s.server.toString()
                            : QStringLiteral("%1 (%2)").arg(DnsName::display(s.server.name), s.server.toString());
    progress.report(stepId(name, s.server),
                    s.seen ? QObject::tr("%1 serves the record").arg(who)
                           : QObject::tr("Waiting for %1 (last answer: %2)").arg(who, s.lastAnswer),
                    s.seen ? ProgressStep::State::Done : ProgressStep::State::Waiting, data);
}

} // namespace

PropagationChecker::PropagationChecker(PropagationOptions options)
    : m_options(std::move(options)) {}

QCoro::Task<NameServerState> PropagationChecker::checkOnce(NameServerState state, QString name, QString value,
                                                           std::chrono::milliseconds timeout, CancelToken cancel) {
    ResolverOptions ro;
    ro.servers = {state.server};
    ro.timeout = timeout;
    ro.retries = 0;
    // Ask the authoritative server about its own zone: no recursion, no cache in between.
    ro.recursionDesired = false;
    const Resolver resolver(ro);
    ++state.queries;
    auto task = resolver.query(name, RecordType::TXT, cancel);
    auto answer = co_await task;
    if (!answer) {
        state.seen = false;
        state.lastAnswer =
            answer.error().code == ErrorCode::Timeout ? QObject::tr("no answer") : answer.error().userMessage;
        co_return state;
    }
    QStringList values;
    for (const DnsRecord& r : std::as_const(answer->answers)) {
        if (r.type == RecordType::TXT && r.name == name)
            values << r.value;
    }
    state.seen = values.contains(value);
    if (values.isEmpty())
        state.lastAnswer = rcodeName(answer->rcode) + QObject::tr(", no TXT record");
    else
        state.lastAnswer = rcodeName(answer->rcode) + QStringLiteral(": \"") +
                           values.join(QStringLiteral("\", \"")).left(300) + QLatin1Char('"');
    co_return state;
}

QCoro::Task<Result<QList<NameServerState>>>
PropagationChecker::waitForTxt(QString name, QString value, Progress& progress, CancelToken cancel) const {
    const PropagationOptions o = m_options; // copied before the first suspension: `this` may go away
    auto normalised = DnsName::normalise(name);
    if (!normalised)
        co_return normalised.error();
    const QString fqdn = *normalised;
    const QString overall = QStringLiteral("propagation:") + fqdn;
    QElapsedTimer clock;
    clock.start();

    QList<NameServer> servers = o.servers;
    if (servers.isEmpty()) {
        progress.report(overall,
                        QObject::tr("Finding the authoritative name servers of %1").arg(DnsName::display(fqdn)));
        const Resolver resolver(o.resolver);
        auto task = resolver.authoritativeServers(fqdn, cancel);
        auto found = co_await task;
        if (!found) {
            progress.failed(overall, found.error().userMessage);
            co_return found.error();
        }
        servers = *found;
    }
    QList<NameServerState> states;
    for (const NameServer& s : std::as_const(servers))
        states.append(NameServerState{s, false, QObject::tr("not asked yet"), 0});

    std::chrono::milliseconds wait = o.firstInterval;
    for (;;) {
        // One round: every server that does not serve the value yet, all at once.
        std::vector<QCoro::Task<NameServerState>> round;
        std::vector<qsizetype> indexes;
        for (qsizetype i = 0; i < states.size(); ++i) {
            if (states.at(i).seen)
                continue;
            round.push_back(checkOnce(states.at(i), fqdn, value, o.queryTimeout, cancel));
            indexes.push_back(i);
        }
        for (size_t k = 0; k < round.size(); ++k) {
            NameServerState s = co_await round[k];
            states[indexes[k]] = s;
        }
        if (cancel.isCancelled())
            co_return cancelledError();
        int seen = 0;
        for (const NameServerState& s : std::as_const(states)) {
            reportServer(progress, fqdn, value, s);
            seen += s.seen ? 1 : 0;
        }
        const QVariantMap data{{QStringLiteral("name"), fqdn},
                               {QStringLiteral("seen"), seen},
                               {QStringLiteral("total"), static_cast<int>(states.size())}};
        if (seen == states.size()) {
            progress.report(overall,
                            QObject::tr("All %1 name servers serve the TXT record of %2")
                                .arg(states.size())
                                .arg(DnsName::display(fqdn)),
                            ProgressStep::State::Done, data);
            qCDebug(lcDns) << "propagated" << fqdn << "after" << clock.elapsed() << "ms";
            co_return states;
        }
        const auto elapsed = std::chrono::milliseconds(clock.elapsed());
        if (elapsed >= o.timeout) {
            QStringList missing;
            for (const NameServerState& s : std::as_const(states)) {
                if (!s.seen)
                    missing << QStringLiteral("%1 (%2)").arg(s.server.toString(), s.lastAnswer);
            }
            const Error e(ErrorCode::Timeout,
                          QObject::tr("The TXT record %1 did not reach every name server within %2 s: %3 still do "
                                      "not serve it. Check the DNS provider, or allow more time.")
                              .arg(DnsName::display(fqdn))
                              .arg(std::chrono::duration_cast<std::chrono::seconds>(o.timeout).count())
                              .arg(missing.join(QLatin1String(", "))),
                          missing.join(QLatin1Char('\n')));
            progress.failed(overall, e.userMessage);
            co_return e;
        }
        progress.report(overall,
                        QObject::tr("%1 of %2 name servers serve the TXT record of %3")
                            .arg(seen)
                            .arg(states.size())
                            .arg(DnsName::display(fqdn)),
                        ProgressStep::State::Waiting, data);
        const auto left = o.timeout - elapsed;
        const std::chrono::milliseconds pause = std::min(wait, left);
        auto sleeping = sleepFor(pause, cancel);
        const bool slept = co_await sleeping;
        if (!slept)
            co_return cancelledError();
        wait = std::min(wait * 2, o.interval);
    }
}

} // namespace certdeck::dns
