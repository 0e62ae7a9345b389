// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"
#include "core/dns/providers/DnsProvider.h"
#include "core/net/HttpClient.h"

#include <QUrl>

namespace certdeck::dns {

struct CloudflareOptions {
    /// The API (production: https://api.cloudflare.com/client/v4). Tests point it at a local fake:
    /// plain http is accepted for a loopback host only.
    QUrl baseUrl = QUrl(QStringLiteral("https://api.cloudflare.com/client/v4"));
    /// An API token with Zone:Read and DNS:Edit (Authorization: Bearer), from the secrets store.
    SecureBytes apiToken;
    /// The zone's name ("example.com"); empty: the closest enclosing zone the token can see.
    QString zone;
};

/// dns-01 through Cloudflare's API v4 (https://developers.cloudflare.com/api/resources/dns/subresources/records/):
/// GET /zones?name= finds the zone id, GET /zones/{id}/dns_records?type=TXT&name= lists the values
/// (paginated, result_info.total_pages; at most 5 pages are read), POST /zones/{id}/dns_records adds one
/// record per value and DELETE /zones/{id}/dns_records/{record_id} removes exactly the record whose
/// content is ours. Other TXT records at the name are never touched.
/// The HttpClient is not owned and must outlive the provider.
class CloudflareProvider final : public DnsProvider {
public:
    CloudflareProvider(net::HttpClient& http, CloudflareOptions options);

    [[nodiscard]] QString type() const override { return QStringLiteral("cloudflare"); }
    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> addTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;
    QCoro::Task<Status> removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;

    /// Checks the options (URL scheme, token present); the error says what to fix.
    [[nodiscard]] Status validate() const;

private:
    struct Zone {
        QString id;
        QString name; ///< normalised, with trailing dot
    };
    struct Txt {
        QString id;
        QString value; ///< unquoted
    };
    QCoro::Task<Status> change(TxtRecord record, bool add, CancelToken cancel);
    QCoro::Task<Result<Zone>> findZone(QString fqdn, CancelToken cancel);
    QCoro::Task<Result<QList<Txt>>> listTxt(Zone zone, QString fqdn, CancelToken cancel);
    QCoro::Task<Result<net::HttpResponse>> api(QByteArray method, QUrl url, QByteArray body, CancelToken cancel);
    /// The documented envelope {"success": true, "result": ...}; anything else is an error.
    Result<QJsonObject> envelope(const net::HttpResponse& r, const QString& zone, const QString& doing) const;

    net::HttpClient& m_http;
    CloudflareOptions m_options;
};

} // namespace certdeck::dns
