// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace certdeck::schedule {

/// What the planner knows about one lineage. Plain values: the caller reads them from the store.
struct RenewalState {
    QDateTime notBefore; ///< of the current certificate; invalid when none was issued yet
    QDateTime notAfter;
    /// The CA's suggested window (RFC 9773 ARI), when it offers one.
    QDateTime ariWindowStart;
    QDateTime ariWindowEnd;
    QDateTime ariCheckedAt;    ///< when the window was last fetched
    QDateTime ariRetryAfter;   ///< the CA's Retry-After on its renewalInfo answer
    int failureCount = 0;      ///< consecutive failed attempts
    int authzFailureCount = 0; ///< consecutive failures where the CA refused an authorization
    QDateTime lastFailureAt;
    QDateTime retryAfter; ///< a Retry-After the CA gave with the last failure (rate limit)
    bool paused = false;  ///< the user must act before unattended renewal resumes
    /// Any stable number for this certificate (e.g. a hash of its serial): picks the random point in the
    /// window and the jitter, so the plan is the same on every run and different for every certificate.
    quint64 seed = 0;
};

/// The decision for one lineage at one moment.
struct RenewalDecision {
    enum class Action {
        Wait,     ///< nothing to do before `at`
        RenewNow, ///< due (or overdue): renew now
        Paused,   ///< stopped after repeated authorization failures; ask the user
    };
    Action action = Action::Wait;
    QDateTime at; ///< Wait: when to look again; RenewNow: the planned time (≤ now)
    QString reason;
};

/// Pure renewal policy (DESIGN.md core/schedule), no clock, no I/O:
/// - inside the ARI window when the CA offers one, at a random (seeded) point of it;
/// - else when a third of the lifetime is left (half, for lifetimes under 10 days), minus a seeded
///   jitter of up to `maxJitterSeconds` (at most 2 % of the lifetime) so many certificates issued
///   together do not all renew in the same minute;
/// - after a failure, back off 1 min, 10 min, 100 min, then daily (later if the CA said Retry-After);
/// - after `maxAuthzFailures` consecutive authorization failures, stop and ask (Let's Encrypt pauses
///   accounts that keep failing validation).
class RenewalPlanner {
public:
    struct Policy {
        qint64 maxJitterSeconds = 4 * 3600;
        int maxAuthzFailures = 5;
        /// ARI is checked about twice a day (RFC 9773 §4.3 suggests honouring Retry-After).
        qint64 ariCheckIntervalSeconds = 12 * 3600;
    };

    RenewalPlanner();
    explicit RenewalPlanner(Policy policy);

    [[nodiscard]] RenewalDecision decide(const RenewalState& state, const QDateTime& now) const;
    /// When the current certificate should be renewed, ignoring failures.
    [[nodiscard]] QDateTime plannedRenewal(const RenewalState& state) const;
    /// Whether the ARI window should be fetched again now.
    [[nodiscard]] bool shouldCheckAri(const RenewalState& state, const QDateTime& now) const;
    /// The wait after the `failureCount`-th consecutive failure: 60 s, 600 s, 6000 s, then 86400 s.
    [[nodiscard]] static qint64 backoffSeconds(int failureCount);
    /// The first expiry notice by default, and the largest a user may choose (Settings, `notify settings --warn-days`).
    static constexpr int kDefaultFirstNoticeDays = 14;
    static constexpr int kMaxFirstNoticeDays = 60;
    /// The "expires in N days" notice due now, given the last one sent for this certificate (0: none
    /// yet); 0 when none is due. Notices come at `firstNoticeDays` (clamped to 1–60; the user's "warn me
    /// N days before expiry") and then at each of 14, 7, 3 and 1 below it — 30 gives 30, 14, 7, 3, 1;
    /// 10 gives 10, 7, 3, 1 — each once, a smaller one superseding a larger one not yet sent. With
    /// `renewalMarginSeconds` > 0 (the time left at the planned renewal of an automatically renewed
    /// certificate), thresholds at or above it are skipped: a 6-day certificate renewed with 3 days
    /// left is no news at 7 days.
    [[nodiscard]] static int expiryNoticeDue(const QDateTime& notAfter, const QDateTime& now, int lastNoticeDays,
                                             qint64 renewalMarginSeconds = 0,
                                             int firstNoticeDays = kDefaultFirstNoticeDays);

    [[nodiscard]] const Policy& policy() const { return m_policy; }

private:
    Policy m_policy;
};

} // namespace certdeck::schedule
