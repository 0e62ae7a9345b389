// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"
#include "core/dns/providers/DnsProvider.h"
#include "core/net/HttpClient.h"

#include <QUrl>

#include <memory>

namespace certdeck::dns {

struct PowerDnsOptions {
    /// The API's base URL ("https://pdns.example.com:8081"). https, except for a loopback host
    /// (a local PowerDNS, or a test), where http is accepted too.
    QUrl baseUrl;
    QString serverId = QStringLiteral("localhost");
    /// The zone to change ("example.com."). Empty: the closest enclosing zone the API knows.
    QString zone;
    /// The API key (X-API-Key), from the secrets store.
    SecureBytes apiKey;
};

/// dns-01 through the PowerDNS Authoritative HTTP API (`/api/v1/servers/{id}/zones/{zone}`).
///
/// PATCH with changetype REPLACE replaces the whole RRset, so adding a value reads the zone's TXT
/// values at the name first and writes them back with the new one; removing writes back all but
/// that value (DELETE when none is left). Changes through one provider are serialised so two
/// challenges for the same name (example.com and *.example.com) do not overwrite each other.
/// The HttpClient is not owned and must outlive the provider.
class PowerDnsProvider final : public DnsProvider {
public:
    PowerDnsProvider(net::HttpClient& http, PowerDnsOptions options);

    [[nodiscard]] QString type() const override { return QStringLiteral("powerdns"); }
    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> addTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;
    QCoro::Task<Status> removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;

    /// Checks the options (URL scheme, key present); the error says what to fix.
    [[nodiscard]] Status validate() const;

private:
    QCoro::Task<Status> change(TxtRecord record, bool add, CancelToken cancel);
    QCoro::Task<Result<QString>> findZone(QString fqdn, CancelToken cancel);
    QCoro::Task<Result<net::HttpResponse>> api(QByteArray method, QString path, QByteArray body, CancelToken cancel);

    net::HttpClient& m_http;
    PowerDnsOptions m_options;
    std::shared_ptr<bool> m_busy = std::make_shared<bool>(false);
};

} // namespace certdeck::dns
