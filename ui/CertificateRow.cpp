// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CertificateRow.h"

#include "core/crypto/Certificate.h"

namespace certdeck::ui {

CertificateState CertificateRow::stateAt(const QDateTime& now) const {
    if (!notAfter.isValid() || now >= notAfter)
        return CertificateState::Expired;
    if (!lastError.isEmpty())
        return CertificateState::RenewalFailed;
    if (now.secsTo(notAfter) < kExpiringSoonSeconds)
        return CertificateState::ExpiringSoon;
    // ARI (RFC 9773 §4.2) says "renew within this window": reaching its start makes renewal due.
    if ((plannedRenewal.isValid() && now >= plannedRenewal) || (ariWindowStart.isValid() && now >= ariWindowStart))
        return CertificateState::RenewalDue;
    return CertificateState::Fine;
}

QDateTime CertificateRow::defaultRenewalTime(const QDateTime& notBefore, const QDateTime& notAfter) {
    if (!notBefore.isValid() || !notAfter.isValid() || notAfter <= notBefore)
        return {};
    const qint64 lifetime = notBefore.secsTo(notAfter);
    const qint64 leftWhenRenewing = lifetime < 10 * 24 * 3600 ? lifetime / 2 : lifetime / 3;
    return notAfter.addSecs(-leftWhenRenewing);
}

CertificateRow CertificateRow::fromCertificate(const crypto::Certificate& certificate) {
    CertificateRow row;
    if (certificate.isNull())
        return row;
    row.fingerprint = certificate.sha256FingerprintHex();
    row.id = row.fingerprint;
    row.names = certificate.dnsNames() + certificate.ipAddresses();
    if (row.names.isEmpty() && !certificate.commonName().isEmpty())
        row.names << certificate.commonName();
    row.issuer = certificate.issuerCommonName().isEmpty() ? certificate.issuer() : certificate.issuerCommonName();
    row.notBefore = certificate.notBefore();
    row.notAfter = certificate.notAfter();
    row.plannedRenewal = defaultRenewalTime(row.notBefore, row.notAfter);
    row.keyType = certificate.keyDescription();
    row.serial = certificate.serialNumberHex();
    return row;
}

} // namespace certdeck::ui
