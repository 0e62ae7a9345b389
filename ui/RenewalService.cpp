// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/RenewalService.h"

#include "core/common/CancelToken.h"
#include "core/common/Log.h"
#include "core/common/Progress.h"
#include "core/net/HttpClient.h"
#include "core/schedule/Notifier.h"
#include "core/schedule/RenewalScheduler.h"
#include "core/store/Store.h"
#include "core/workflow/DeployedCheck.h"
#include "core/workflow/RenewCertificate.h"
#include "core/workflow/StoredNotifiers.h"
#include "ui/TrayNotifier.h"

#include <QStringList>

#include <algorithm>

namespace certdeck::ui {

namespace {

/// The workflow's notices (renewed, failed, expiring, deploy failed) as desktop notifications.
class DesktopNotifier final : public schedule::Notifier {
public:
    explicit DesktopNotifier(QPointer<TrayNotifier> tray)
        : m_tray(std::move(tray)) {}
    [[nodiscard]] QString description() const override { return QStringLiteral("desktop"); }
    QCoro::Task<Status> send(schedule::Notification notification) override {
        if (m_tray)
            m_tray->notify(notification.title(), notification.body());
        co_return Status();
    }

private:
    QPointer<TrayNotifier> m_tray;
};

} // namespace

RenewalService::RenewalService(QString dataDir, TrayNotifier* tray, std::shared_ptr<Clock> clock, QObject* parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_tray(tray)
    , m_clock(clock ? std::move(clock) : Clock::system()) {
    m_scheduler = new schedule::RenewalScheduler(m_clock, this);
    connect(m_scheduler, &schedule::RenewalScheduler::tick, this, &RenewalService::checkNow);
}

RenewalService::~RenewalService() = default;

void RenewalService::setRows(const QList<CertificateRow>& rows) {
    m_planned.clear();
    for (const CertificateRow& r : rows) {
        // Only lineages renew; paused ones wait for the user, manual ones only get expiry notices
        // (from the timer's renew --all).
        if (r.lineage.isEmpty() || !r.autoRenew || !r.pausedReason.isEmpty() || !r.plannedRenewal.isValid())
            continue;
        m_planned.insert(r.lineage, r.plannedRenewal);
    }
    plan();
}

void RenewalService::start() {
    m_scheduler->start();
    plan();
}

void RenewalService::stop() {
    m_scheduler->stop();
}

bool RenewalService::isRunning() const {
    return m_scheduler->isRunning();
}

QDateTime RenewalService::nextDue() const {
    return m_scheduler->nextDue();
}

QDateTime RenewalService::dueTime(const QString& lineage) const {
    const QDateTime planned = m_planned.value(lineage);
    const QDateTime notBefore = m_notBefore.value(lineage);
    return notBefore.isValid() && notBefore > planned ? notBefore : planned;
}

void RenewalService::plan() {
    QDateTime earliest;
    for (auto it = m_planned.cbegin(); it != m_planned.cend(); ++it) {
        const QDateTime due = dueTime(it.key());
        if (!earliest.isValid() || due < earliest)
            earliest = due;
    }
    if (!m_busy)
        m_scheduler->setNextDue(earliest);
}

void RenewalService::checkNow() {
    auto task = run();
    Q_UNUSED(task); // runs on; every resumption checks that this service still exists
}

void RenewalService::renewNow(const QString& lineage) {
    if (!m_forced.contains(lineage) && m_current != lineage)
        m_forced << lineage;
    checkNow();
}

std::optional<Error> RenewalService::lastError(const QString& lineage) const {
    const auto it = m_errors.constFind(lineage);
    if (it == m_errors.cend())
        return std::nullopt;
    return *it;
}

QCoro::Task<void> RenewalService::run() {
    if (m_busy) {
        m_again = true;
        co_return;
    }
    const QDateTime now = m_clock->now();
    // Forced ones first (the user is waiting for them), then what the plan says is due.
    QList<std::pair<QString, bool>> work;
    for (const QString& name : std::as_const(m_forced))
        work.append({name, true});
    m_forced.clear();
    QStringList due;
    for (auto it = m_planned.cbegin(); it != m_planned.cend(); ++it)
        if (dueTime(it.key()) <= now)
            due << it.key();
    due.sort();
    for (const QString& name : std::as_const(due))
        if (!std::any_of(work.cbegin(), work.cend(), [&name](const auto& w) { return w.first == name; }))
            work.append({name, false});
    if (work.isEmpty()) {
        plan();
        co_return;
    }
    m_busy = true;
    Q_EMIT busyChanged(true);
    QPointer<RenewalService> self(this);

    // The workflow's own Store on this thread: a few small queries per renewal.
    auto opened = store::Store::open(m_dataDir);
    if (!opened) {
        for (const auto& item : std::as_const(work)) {
            m_errors.insert(item.first, opened.error());
            Q_EMIT lineageChecked(item.first, false, true, opened.error().userMessage);
        }
    } else {
        std::unique_ptr<store::Store> st = std::move(*opened);
        net::HttpClient http;
        // CAs with a private root the lineage was issued with (issue --ca-file): trusted for them.
        if (auto lineages = st->lineages().all()) {
            QStringList trusted;
            for (const store::Lineage& l : std::as_const(*lineages)) {
                const QString f = l.challenge.value(QStringLiteral("caFile")).toString();
                if (!f.isEmpty() && !trusted.contains(f) && http.addTrustedCertificatesFromFile(f))
                    trusted << f;
            }
        }
        // The targets the user stored (Settings → Notifications, `certdeck-cli notify add`), as the
        // timer's renew --all sends to them; one that cannot be built is logged and left out.
        auto loadingNotifiers = workflow::loadStoredNotifiers(*st, http);
        auto stored = co_await loadingNotifiers;
        if (!self)
            co_return;
        for (const QString& problem : std::as_const(stored.problems))
            qCWarning(lcSchedule) << "notification target not usable:" << problem;
        DesktopNotifier desktop(m_tray);
        workflow::RenewalEnvironment env;
        env.store = st.get();
        env.http = &http;
        env.clock = m_clock;
        env.notifiers.push_back(&desktop);
        for (schedule::Notifier* n : stored.pointers())
            env.notifiers.push_back(n);
        const CancelToken cancel;
        // Plain loop variables: no structured bindings living across a co_await (GCC 12 coroutines).
        for (const auto& item : std::as_const(work)) {
            const QString name = item.first;
            const bool forced = item.second;
            Progress progress;
            m_current = name;
            const QString lineageName = name;
            connect(&progress, &Progress::stepChanged, this,
                    [this, lineageName](const ProgressStep& step) { Q_EMIT progressed(lineageName, step.text); });
            workflow::RenewOptions options;
            options.force = forced;
            auto renewing = workflow::renewLineage(env, name, options, progress, cancel);
            auto outcome = co_await renewing;
            if (!self)
                co_return;
            m_current.clear();
            using State = workflow::RenewOutcome::State;
            const bool renewed = outcome.state == State::Renewed;
            const bool failed = outcome.state == State::Failed;
            if (renewed)
                m_notBefore.remove(name);
            else if (outcome.nextCheck.isValid())
                m_notBefore.insert(name, outcome.nextCheck);
            else // paused, busy elsewhere: look again in an hour
                m_notBefore.insert(name, m_clock->now().addSecs(3600));
            QString message = outcome.message;
            if (message.isEmpty() && outcome.error)
                message = outcome.error->userMessage;
            if (failed)
                m_errors.insert(name, outcome.error ? *outcome.error : Error(ErrorCode::Unknown, message));
            else
                m_errors.remove(name);
            qCInfo(lcSchedule) << "in-app renewal" << name << (forced ? "(forced)" : "")
                               << workflow::RenewOutcome::stateName(outcome.state) << message;
            Q_EMIT lineageChecked(name, renewed, failed, message);
        }
        // As `renew` does after its run: ask each stored deploy target of these lineages what it serves.
        // Another certificate there is recorded and notified by the check itself (the desktop notifier
        // above included), once a day per target and certificate, so twice-a-day passes do not repeat it.
        QStringList looked;
        for (const auto& item : std::as_const(work))
            looked << item.first;
        auto checking = workflow::checkDeployed(env, looked, cancel);
        const QList<workflow::DeployedState> states = co_await checking;
        if (!self)
            co_return;
        for (const workflow::DeployedState& state : states)
            if (!state.error && !state.matches())
                Q_EMIT deployedDiffers(state.lineage, state.target, state.address);
    }
    m_busy = false;
    Q_EMIT busyChanged(false);
    plan();
    if (m_again || !m_forced.isEmpty()) {
        m_again = false;
        checkNow();
    }
}

} // namespace certdeck::ui
