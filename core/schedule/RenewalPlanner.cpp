// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/RenewalPlanner.h"

#include <QList>
#include <QObject>

#include <algorithm>
#include <utility>

namespace certdeck::schedule {

namespace {
/// A fraction in [0, 1) from the seed (splitmix64 finaliser: well spread even for close seeds).
double fraction(quint64 seed, quint64 salt) {
    quint64 z = seed + salt * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) / static_cast<double>(1ULL << 53);
}
} // namespace

RenewalPlanner::RenewalPlanner()
    : RenewalPlanner(Policy{}) {}

RenewalPlanner::RenewalPlanner(Policy policy)
    : m_policy(policy) {}

qint64 RenewalPlanner::backoffSeconds(int failureCount) {
    switch (failureCount) {
    case 0:
        return 0;
    case 1:
        return 60;
    case 2:
        return 600;
    case 3:
        return 6000;
    default:
        return 86400;
    }
}

QDateTime RenewalPlanner::plannedRenewal(const RenewalState& s) const {
    if (!s.notAfter.isValid())
        return {};
    const bool windowValid =
        s.ariWindowStart.isValid() && s.ariWindowEnd.isValid() && s.ariWindowStart < s.ariWindowEnd;
    if (windowValid) {
        // RFC 9773 §4.2: pick a uniformly random time in the window.
        const qint64 span = s.ariWindowStart.secsTo(s.ariWindowEnd);
        return s.ariWindowStart.addSecs(static_cast<qint64>(fraction(s.seed, 1) * static_cast<double>(span)));
    }
    const qint64 lifetime = s.notBefore.isValid() ? std::max<qint64>(s.notBefore.secsTo(s.notAfter), 0) : 90 * 86400;
    const qint64 remaining = lifetime < 10 * 86400 ? lifetime / 2 : lifetime / 3;
    const qint64 jitterMax = std::min<qint64>(m_policy.maxJitterSeconds, lifetime / 50);
    const qint64 jitter = static_cast<qint64>(fraction(s.seed, 2) * static_cast<double>(jitterMax));
    // Jitter only ever moves renewal earlier: never closer to expiry than the rule says.
    return s.notAfter.addSecs(-remaining - jitter);
}

bool RenewalPlanner::shouldCheckAri(const RenewalState& s, const QDateTime& now) const {
    if (s.ariRetryAfter.isValid() && now < s.ariRetryAfter)
        return false;
    if (!s.ariCheckedAt.isValid())
        return true;
    return s.ariCheckedAt.secsTo(now) >= m_policy.ariCheckIntervalSeconds;
}

RenewalDecision RenewalPlanner::decide(const RenewalState& s, const QDateTime& now) const {
    if (s.paused || s.authzFailureCount >= m_policy.maxAuthzFailures) {
        return {RenewalDecision::Action::Paused,
                {},
                QObject::tr("Renewal stopped after %n failed validation(s): fix the cause, then renew by hand.",
                            nullptr, s.authzFailureCount)};
    }
    if (!s.notAfter.isValid())
        return {RenewalDecision::Action::RenewNow, now, QObject::tr("No certificate yet.")};
    QDateTime due = plannedRenewal(s);
    QString reason = s.ariWindowStart.isValid() ? QObject::tr("Inside the CA's renewal window.")
                                                : QObject::tr("Less than a third of the lifetime left.");
    if (s.failureCount > 0 && s.lastFailureAt.isValid()) {
        QDateTime retry = s.lastFailureAt.addSecs(backoffSeconds(s.failureCount));
        if (s.retryAfter.isValid() && s.retryAfter > retry)
            retry = s.retryAfter;
        if (retry > due) {
            due = retry;
            reason = QObject::tr("Retrying after %n failure(s).", nullptr, s.failureCount);
        }
    }
    if (due <= now)
        return {RenewalDecision::Action::RenewNow, due, reason};
    return {RenewalDecision::Action::Wait, due, reason};
}

int RenewalPlanner::expiryNoticeDue(const QDateTime& notAfter, const QDateTime& now, int lastNoticeDays,
                                    qint64 renewalMarginSeconds, int firstNoticeDays) {
    if (!notAfter.isValid())
        return 0;
    firstNoticeDays = std::clamp(firstNoticeDays, 1, kMaxFirstNoticeDays);
    // The user's first warning, then the usual steps below it, most urgent first.
    QList<int> thresholds;
    for (const int days : {1, 3, 7, 14}) {
        if (days < firstNoticeDays)
            thresholds << days;
    }
    thresholds << firstNoticeDays;
    const qint64 left = now.secsTo(notAfter);
    for (const int days : std::as_const(thresholds)) {
        if (renewalMarginSeconds > 0 && qint64(days) * 86400 >= renewalMarginSeconds)
            break;
        if (left <= qint64(days) * 86400) {
            // Each threshold once per certificate; a smaller one supersedes the larger.
            if (lastNoticeDays == 0 || days < lastNoticeDays)
                return days;
            return 0;
        }
    }
    return 0;
}

} // namespace certdeck::schedule
