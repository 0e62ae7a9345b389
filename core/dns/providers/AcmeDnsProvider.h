// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"
#include "core/dns/providers/DnsProvider.h"
#include "core/net/HttpClient.h"

#include <QUrl>

namespace certdeck::dns {

struct AcmeDnsOptions {
    /// The acme-dns server ("https://auth.acme-dns.io"); plain http only for a loopback host.
    QUrl baseUrl;
    /// From the /register answer: username (X-Api-User), subdomain, fulldomain. The password (X-Api-Key)
    /// is the secret, from the secrets store.
    QString username;
    QString subdomain;
    /// Where `_acme-challenge.<domain>` must be a CNAME to ("<subdomain>.auth.acme-dns.io"). When set, a
    /// record for any other name is refused with the CNAME to add.
    QString fulldomain;
    SecureBytes apiKey;
};

/// dns-01 through an acme-dns server (https://github.com/joohoi/acme-dns#update-endpoint):
/// POST /update {"subdomain", "txt"} with X-Api-User / X-Api-Key.
///
/// acme-dns has no delete: it keeps the last two TXT values of a subdomain and an update rotates out
/// the oldest. So removeTxt() sends nothing (the value expires by rotation) and a third concurrent
/// value would push out the first: one order may hold two values at once (example.com and
/// *.example.com), not more. The HttpClient is not owned and must outlive the provider.
class AcmeDnsProvider final : public DnsProvider {
public:
    AcmeDnsProvider(net::HttpClient& http, AcmeDnsOptions options);

    [[nodiscard]] QString type() const override { return QStringLiteral("acme-dns"); }
    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> addTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;
    QCoro::Task<Status> removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;

    [[nodiscard]] Status validate() const;

private:
    net::HttpClient& m_http;
    AcmeDnsOptions m_options;
};

} // namespace certdeck::dns
