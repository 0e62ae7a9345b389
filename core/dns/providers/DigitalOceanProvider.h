// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"
#include "core/dns/providers/DnsProvider.h"
#include "core/net/HttpClient.h"

#include <QUrl>

namespace certdeck::dns {

struct DigitalOceanOptions {
    /// The API (production: https://api.digitalocean.com/v2); plain http only for a loopback host (tests).
    QUrl baseUrl = QUrl(QStringLiteral("https://api.digitalocean.com/v2"));
    /// A personal access token with write scope (Authorization: Bearer), from the secrets store.
    SecureBytes apiToken;
    /// The domain as DigitalOcean knows it ("example.com"); empty: the closest enclosing one.
    QString domain;
};

/// dns-01 through DigitalOcean's API v2
/// (https://docs.digitalocean.com/reference/api/api-reference/#tag/Domain-Records): GET /domains/{domain} finds the
/// domain, GET /domains/{domain}/records?type=TXT&name= lists the values (paginated by page/per_page and
/// links.pages.next; at most 5 pages), POST /domains/{domain}/records adds one record (name relative to the domain, "@"
/// at the apex) and DELETE /domains/{domain}/records/{id} removes exactly ours. The HttpClient is not owned and must
/// outlive the provider.
class DigitalOceanProvider final : public DnsProvider {
public:
    DigitalOceanProvider(net::HttpClient& http, DigitalOceanOptions options);

    [[nodiscard]] QString type() const override { return QStringLiteral("digitalocean"); }
    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> addTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;
    QCoro::Task<Status> removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;

    [[nodiscard]] Status validate() const;

private:
    struct Txt {
        qint64 id = 0;
        QString value;
    };
    QCoro::Task<Status> change(TxtRecord record, bool add, CancelToken cancel);
    QCoro::Task<Result<QString>> findDomain(QString fqdn, CancelToken cancel);
    QCoro::Task<Result<QList<Txt>>> listTxt(QString domain, QString fqdn, CancelToken cancel);
    QCoro::Task<Result<net::HttpResponse>> api(QByteArray method, QUrl url, QByteArray body, CancelToken cancel);

    net::HttpClient& m_http;
    DigitalOceanOptions m_options;
};

} // namespace certdeck::dns
