// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace certdeck::crypto {
class Certificate;
}

namespace certdeck::ui {

/// How a certificate is doing, worst last. Colours and words for each come from ui/Formatting.
enum class CertificateState {
    Fine,          ///< valid, renewal not due yet
    RenewalDue,    ///< the planned renewal time (or the ARI window) has been reached
    ExpiringSoon,  ///< fewer than 7 days left
    RenewalFailed, ///< the last renewal attempt failed (lastError says why)
    Expired,
};

/// One certificate as the dashboard shows it: a plain value the store, the issuance workflow and the
/// endpoint scanner can all fill in, so no widget or model depends on where the facts came from.
/// Times are UTC; an invalid QDateTime means "not known" (no ARI window, nothing planned).
struct CertificateRow {
    QString id; ///< stable key (store id, or the SHA-256 fingerprint when there is no store row)
    QStringList names;
    QString issuer; ///< issuer's common name (or its whole DN when it has none)
    QDateTime notBefore;
    QDateTime notAfter;
    QDateTime plannedRenewal;
    QDateTime ariWindowStart; ///< RFC 9773 suggestedWindow, when the CA offers ARI
    QDateTime ariWindowEnd;
    QString lastError; ///< the last renewal failure in plain words; empty when the last attempt worked
    QString keyType;   ///< "ECDSA P-256", "RSA 2048" …
    QString fingerprint;
    QString serial;
    QString location;     ///< where the files are (a folder), or the endpoint it was found on
    bool sandbox = false; ///< issued by the local test CA: trusted nowhere
    QString lineage;      ///< the store lineage this is the current certificate of; empty for other rows
    int version = 0;      ///< the lineage's certificate version
    bool autoRenew = false;
    QString pausedReason; ///< non-empty: unattended renewal stopped until the user acts

    [[nodiscard]] CertificateState stateAt(const QDateTime& now) const;
    /// Seconds of validity left at `now` (negative once expired).
    [[nodiscard]] qint64 secondsLeft(const QDateTime& now) const { return now.secsTo(notAfter); }

    /// The facts a certificate carries itself; the planned renewal is the default plan (see below).
    static CertificateRow fromCertificate(const crypto::Certificate& certificate);
    /// The plan when the CA offers no ARI (DESIGN.md, RenewalPlanner): renew with a third of the
    /// lifetime left, or half of it for certificates shorter than 10 days.
    static QDateTime defaultRenewalTime(const QDateTime& notBefore, const QDateTime& notAfter);

    static constexpr qint64 kExpiringSoonSeconds = 7 * 24 * 3600;
};

} // namespace certdeck::ui

Q_DECLARE_METATYPE(certdeck::ui::CertificateState)
