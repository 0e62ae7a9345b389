// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"
#include "core/dns/providers/DnsProvider.h"
#include "core/net/HttpClient.h"

#include <QUrl>

namespace certdeck::dns {

struct HetznerOptions {
    /// The DNS API (production: https://dns.hetzner.com/api/v1); plain http only for a loopback host (tests).
    QUrl baseUrl = QUrl(QStringLiteral("https://dns.hetzner.com/api/v1"));
    /// A DNS Console API token (header Auth-API-Token), from the secrets store.
    SecureBytes apiToken;
    /// The zone's name ("example.com"); empty: the closest enclosing zone of the account.
    QString zone;
};

/// dns-01 through the Hetzner DNS API (https://dns.hetzner.com/api-docs): GET /zones?name= finds the
/// zone id, GET /records?zone_id= lists its records (paginated, meta.pagination.last_page; at most 5
/// pages), POST /records adds one record (name relative to the zone) and DELETE /records/{id} removes
/// exactly ours. The HttpClient is not owned and must outlive the provider.
class HetznerProvider final : public DnsProvider {
public:
    HetznerProvider(net::HttpClient& http, HetznerOptions options);

    [[nodiscard]] QString type() const override { return QStringLiteral("hetzner"); }
    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> addTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;
    QCoro::Task<Status> removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;

    [[nodiscard]] Status validate() const;

private:
    struct Zone {
        QString id;
        QString name; ///< normalised
    };
    struct Txt {
        QString id;
        QString value;
    };
    QCoro::Task<Status> change(TxtRecord record, bool add, CancelToken cancel);
    QCoro::Task<Result<Zone>> findZone(QString fqdn, CancelToken cancel);
    QCoro::Task<Result<QList<Txt>>> listTxt(Zone zone, QString fqdn, CancelToken cancel);
    QCoro::Task<Result<net::HttpResponse>> api(QByteArray method, QUrl url, QByteArray body, CancelToken cancel);

    net::HttpClient& m_http;
    HetznerOptions m_options;
};

} // namespace certdeck::dns
