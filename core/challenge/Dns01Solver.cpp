// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/challenge/Dns01Solver.h"

#include "core/common/Async.h"
#include "core/common/Log.h"
#include "core/dns/CaaLookup.h"
#include "core/dns/DnsName.h"

#include <QObject>

namespace certdeck::challenge {

namespace {

QString keyOf(const acme::ChallengeTask& task) {
    return task.identifier.value + QLatin1Char('|') + task.token;
}

} // namespace

Dns01Solver::Dns01Solver(dns::DnsProvider& provider, Dns01Options options)
    : m_provider(provider)
    , m_options(std::move(options)) {}

QString Dns01Solver::description() const {
    return QObject::tr("DNS TXT record through %1").arg(m_provider.description());
}

QCoro::Task<Result<QString>> Dns01Solver::recordTarget(QString recordName, CancelToken cancel) const {
    auto normalised = dns::DnsName::normalise(recordName);
    if (!normalised)
        co_return normalised.error();
    if (!m_options.followCname)
        co_return *normalised;
    const dns::Resolver resolver(m_options.resolver);
    const QString start = *normalised;
    auto task = dns::CaaLookup::queryFollowingCnames(resolver, start, dns::RecordType::TXT, cancel);
    auto answer = co_await task;
    if (!answer)
        co_return answer.error();
    QString target = start;
    for (int hops = 0; hops < 8; ++hops) {
        bool moved = false;
        for (const dns::DnsRecord& r : std::as_const(answer->answers)) {
            if (r.type == dns::RecordType::CNAME && r.name == target) {
                target = r.value;
                moved = true;
                break;
            }
        }
        if (!moved)
            break;
    }
    co_return target;
}

QCoro::Task<Status> Dns01Solver::present(const acme::ChallengeTask& task, Progress& progress,
                                         const CancelToken& cancel) {
    if (task.type != QLatin1String("dns-01"))
        co_return Error(ErrorCode::InvalidInput, QObject::tr("The DNS solver answers dns-01 challenges only."));
    if (task.identifier.type != acme::Identifier::Type::Dns)
        co_return Error(ErrorCode::InvalidInput,
                        QObject::tr("%1 is an IP address: IP addresses cannot be validated through DNS (RFC 8738).")
                            .arg(task.identifier.value));
    const QString id = QStringLiteral("dns01:") + task.identifier.value;
    const QString recordName = task.dnsRecordName();
    const CancelToken token = cancel;
    auto targetTask = recordTarget(recordName, token);
    auto target = co_await targetTask;
    if (!target)
        co_return target.error().withContext(QObject::tr("Looking up %1").arg(recordName));
    if (dns::DnsName::normalise(recordName).value_or(QString()) != *target)
        progress.info(
            id, QObject::tr("%1 is delegated: the record goes to %2").arg(recordName, dns::DnsName::display(*target)));

    dns::TxtRecord record{*target, task.dnsRecordValue(), task.identifier.value, task.token, m_options.ttl};
    progress.report(id, QObject::tr("Adding the TXT record %1 through %2")
                            .arg(dns::DnsName::display(record.fqdn), m_provider.description()));
    auto adding = m_provider.addTxt(record, progress, token);
    const Status added = co_await adding;
    if (!added) {
        progress.failed(id, added.error().userMessage);
        co_return added.error();
    }
    m_added.insert(keyOf(task), record);

    dns::PropagationOptions popts = m_options.propagation;
    if (m_provider.isManual())
        popts.timeout = m_options.manualTimeout;
    const dns::PropagationChecker checker(popts);
    progress.report(id,
                    QObject::tr("Waiting until every name server serves the TXT record of %1")
                        .arg(dns::DnsName::display(record.fqdn)),
                    ProgressStep::State::Waiting);
    const QString fqdn = record.fqdn;
    const QString value = record.value;
    auto waiting = checker.waitForTxt(fqdn, value, progress, token);
    const auto propagated = co_await waiting;
    if (!propagated) {
        // present() failed: the client will not call cleanUp, so withdraw the record here.
        const Error failure = propagated.error();
        progress.failed(id, failure.userMessage);
        const CancelToken fresh;
        auto removing = m_provider.removeTxt(record, progress, fresh);
        const Status removed = co_await removing;
        if (!removed)
            qCWarning(lcDns) << "could not remove" << record.fqdn << ":" << removed.error().toString();
        m_added.remove(keyOf(task));
        co_return failure;
    }
    progress.done(id, QObject::tr("The TXT record of %1 is served by all %2 name servers")
                          .arg(dns::DnsName::display(record.fqdn))
                          .arg(propagated->size()));
    co_return Status{};
}

QCoro::Task<Status> Dns01Solver::cleanUp(const acme::ChallengeTask& task) {
    const QString key = keyOf(task);
    if (!m_added.contains(key))
        co_return Status{};
    const dns::TxtRecord record = m_added.take(key);
    const CancelToken fresh; // clean-up runs also after a cancel: never with the cancelled token
    auto removing = m_provider.removeTxt(record, Progress::null(), fresh);
    const Status removed = co_await removing;
    co_return removed;
}

} // namespace certdeck::challenge
