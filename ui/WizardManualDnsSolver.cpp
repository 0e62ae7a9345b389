// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WizardManualDnsSolver.h"

#include "core/common/Async.h"
#include "core/dns/PropagationChecker.h"

#include <QCoreApplication>

namespace certdeck::ui {

WizardManualDnsSolver::WizardManualDnsSolver(challenge::Dns01Options options)
    : m_options(std::move(options))
    , m_cnameFollower(m_manual, m_options) {}

QString WizardManualDnsSolver::description() const {
    return QCoreApplication::translate("WizardManualDnsSolver", "DNS record added by hand");
}

QString WizardManualDnsSolver::stepId(const QString& fqdn, const QString& value) {
    return QStringLiteral("manual-dns:%1:%2").arg(fqdn, value);
}

void WizardManualDnsSolver::cancelWaits() {
    const QList<CancelToken> waits = m_waits;
    for (const CancelToken& t : waits)
        t.cancel();
}

void WizardManualDnsSolver::checkNow() {
    ++m_recheck;
    cancelWaits();
}

void WizardManualDnsSolver::continueAnyway() {
    m_continue = true;
    cancelWaits();
}

QCoro::Task<Status> WizardManualDnsSolver::present(const acme::ChallengeTask& task, Progress& progress,
                                                   const CancelToken& cancel) {
    const QString recordName = task.dnsRecordName();
    const QString value = task.dnsRecordValue();
    const QString domain = task.identifier.value;
    const CancelToken keep = cancel;
    auto targetTask = m_cnameFollower.recordTarget(recordName, keep);
    const Result<QString> target = co_await targetTask;
    if (!target)
        co_return target.error();
    const QString fqdn = *target;
    const QVariantMap data{{QStringLiteral("fqdn"), fqdn},
                           {QStringLiteral("value"), value},
                           {QStringLiteral("domain"), domain},
                           {QStringLiteral("record"), QStringLiteral("%1 60 IN TXT \"%2\"").arg(fqdn, value)}};
    progress.report(stepId(fqdn, value),
                    QCoreApplication::translate("WizardManualDnsSolver", "Add a TXT record for %1: %2 with value %3")
                        .arg(domain, fqdn, value),
                    ProgressStep::State::Waiting, data);
    auto waitTask = waitUntilSeen(fqdn, value, progress, keep);
    const Status seen = co_await waitTask;
    if (seen)
        progress.done(
            stepId(fqdn, value),
            QCoreApplication::translate("WizardManualDnsSolver", "TXT record for %1 is published").arg(domain));
    co_return seen;
}

QCoro::Task<Status> WizardManualDnsSolver::waitUntilSeen(QString fqdn, QString value, Progress& progress,
                                                         CancelToken cancel) {
    // Flat on purpose (GCC 12: no objects with destructors in nested scopes of a coroutine); a
    // "Check now" restarts by calling itself.
    const CancelToken wait;
    m_waits.append(wait);
    const CancelToken forward = wait;
    QObject::connect(cancel.notifier(), &detail::CancelState::cancelRequested, wait.notifier(),
                     [forward] { forward.cancel(); });
    const int recheck = m_recheck;
    dns::PropagationOptions options = m_options.propagation;
    options.timeout = m_options.manualTimeout; // a person needs longer than an API
    const dns::PropagationChecker checker(options);
    auto task = checker.waitForTxt(fqdn, value, progress, wait);
    const Result<QList<dns::NameServerState>> result = co_await task;
    m_waits.removeIf([&wait](const CancelToken& t) { return t.notifier() == wait.notifier(); });
    if (result)
        co_return Status();
    if (cancel.isCancelled())
        co_return cancelledError();
    if (m_continue) {
        progress.info(QStringLiteral("propagation:") + fqdn,
                      QCoreApplication::translate("WizardManualDnsSolver",
                                                  "Not every name server serves the record yet; asking the CA anyway"));
        co_return Status();
    }
    if (recheck == m_recheck)
        co_return result.error();
    auto again = waitUntilSeen(fqdn, value, progress, cancel);
    const Status seenLater = co_await again;
    co_return seenLater;
}

QCoro::Task<Status> WizardManualDnsSolver::cleanUp(const acme::ChallengeTask& task) {
    Q_UNUSED(task);
    co_return Status();
}

} // namespace certdeck::ui
