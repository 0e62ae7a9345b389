// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "ui/CertificateRow.h"

#include <QCoroTask>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace certdeck::schedule {
class RenewalScheduler;
}

namespace certdeck::ui {

class TrayNotifier;

/// Renewal while the app is open: core/schedule's RenewalScheduler wakes when the earliest lineage on
/// the dashboard is due (and twice a day regardless), then each due lineage is renewed as
/// `certdeck-cli renew` does it (workflow::renewLineage: ARI, the planner's decision, the lineage lock
/// shared with the systemd timer, KeyVault + history, deploy to stored targets, events), then what their
/// deploy targets serve is checked (workflow::checkDeployed). It runs as
/// coroutines on the GUI thread's event loop — the network parts are asynchronous — with a Store of
/// its own opened on this thread for the workflow's few small queries; the dashboard's bulk reads stay
/// on the StoreExecutor. Renewal notices (renewed, failed, expiring) go to the desktop through the
/// TrayNotifier, and to the notification targets the user stored (Settings → Notifications, the same
/// ones the timer's `renew --all` uses). One renewal at a time.
class RenewalService : public QObject {
    Q_OBJECT
public:
    RenewalService(QString dataDir, TrayNotifier* tray, std::shared_ptr<Clock> clock, QObject* parent = nullptr);
    ~RenewalService() override;

    /// The dashboard's rows: which lineages exist and when each is planned.
    void setRows(const QList<CertificateRow>& rows);
    void start();
    void stop();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] bool isBusy() const { return m_busy; }
    /// When the scheduler wakes next for a due lineage (invalid: none planned).
    [[nodiscard]] QDateTime nextDue() const;
    /// Renews every due lineage now (what a tick does).
    void checkNow();
    /// Renews one lineage now whatever the plan says (the toolbar's Renew: forced, also when paused or
    /// when auto-renewal is off). Queued behind a run in progress.
    void renewNow(const QString& lineage);
    /// The error of the lineage's last attempt in this session (userMessage + detail for "Details…");
    /// nullopt when it worked or was not tried.
    [[nodiscard]] std::optional<Error> lastError(const QString& lineage) const;
    /// The lineage being renewed right now (empty when idle).
    [[nodiscard]] QString currentLineage() const { return m_current; }

Q_SIGNALS:
    /// A lineage was looked at: `renewed` when it has a new certificate; `message` says what happened.
    void lineageChecked(const QString& lineage, bool renewed, bool failed, const QString& message);
    /// A renewal run started / ended.
    void busyChanged(bool busy);
    /// After a pass, a deploy target of a lineage it looked at serves another certificate than the stored
    /// one (workflow::checkDeployed; the tray notice and stored notifications come from the check, once a day).
    void deployedDiffers(const QString& lineage, const QString& target, const QString& address);
    /// A step of the renewal of `lineage` in words ("Validating renew-me.example").
    void progressed(const QString& lineage, const QString& text);

private:
    QCoro::Task<void> run();
    void plan();
    [[nodiscard]] QDateTime dueTime(const QString& lineage) const;

    QString m_dataDir;
    QPointer<TrayNotifier> m_tray;
    std::shared_ptr<Clock> m_clock;
    schedule::RenewalScheduler* m_scheduler = nullptr;
    QHash<QString, QDateTime> m_planned;   ///< lineage → the planner's time, from the dashboard row
    QHash<QString, QDateTime> m_notBefore; ///< lineage → the last outcome's "look again at" (backoff, not due)
    QStringList m_forced;                  ///< renewNow() requests not started yet
    QHash<QString, Error> m_errors;
    QString m_current;
    bool m_busy = false;
    bool m_again = false;
};

} // namespace certdeck::ui
