// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"
#include "core/schedule/Notifier.h"

#include <QList>
#include <QSslCertificate>
#include <QStringList>

#include <chrono>

namespace certdeck::schedule {

/// Notifications by e-mail over SMTP (RFC 5321) with STARTTLS (RFC 3207) or implicit TLS (RFC 8314).
/// STARTTLS is required by default: a server that does not offer it is refused, never silently used in
/// plain text. Credentials (AUTH PLAIN, RFC 4954) go only over TLS. The conversation runs on a worker
/// thread (blocking QSslSocket), every step bounded by `timeout`; replies are bounded in size.
class SmtpNotifier final : public Notifier {
public:
    enum class Security {
        StartTls,    ///< port 587/25: plain connect, STARTTLS required
        ImplicitTls, ///< port 465: TLS from the first byte
        None,        ///< only to a loopback address (a local relay); refused otherwise
    };
    struct Options {
        QString host;
        quint16 port = 587;
        Security security = Security::StartTls;
        QString from;
        QStringList to;
        QString userName; ///< empty: no AUTH
        SecureBytes password;
        /// Trusted in addition to the system's roots (a private relay's CA).
        QList<QSslCertificate> extraCaCertificates;
        std::chrono::milliseconds timeout{30000};
    };

    explicit SmtpNotifier(Options options);

    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> send(Notification notification) override;

    /// The RFC 5322 message (headers + base64 UTF-8 body), exposed for tests.
    [[nodiscard]] QByteArray message(const Notification& n, const QDateTime& date, const QString& messageId) const;

private:
    Options m_options;
};

} // namespace certdeck::schedule
