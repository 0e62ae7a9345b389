// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"
#include "core/dns/providers/DnsProvider.h"
#include "core/dns/providers/internal/CloudApi.h"
#include "core/net/HttpClient.h"

#include <QUrl>

namespace certdeck::dns {

struct DeSecOptions {
    /// The API (production: https://desec.io/api/v1); plain http only for a loopback host (tests).
    QUrl baseUrl = QUrl(QStringLiteral("https://desec.io/api/v1"));
    /// A deSEC token (Authorization: Token …), from the secrets store.
    SecureBytes apiToken;
    /// The domain as deSEC knows it ("example.dedyn.io"); empty: the one that owns the name (owns_qname).
    QString domain;
};

/// dns-01 through the deSEC API (https://desec.readthedocs.io/en/latest/dns/rrsets.html).
///
/// deSEC works on whole RRsets: GET /domains/{d}/rrsets/{subname}/TXT/ reads every value (quoted),
/// adding PATCHes the set back with ours appended (or POSTs /domains/{d}/rrsets/ when there is none),
/// removing PATCHes it back without ours (an empty list deletes the set). Read-modify-write changes are
/// serialised per provider so example.com and *.example.com do not overwrite each other. The TTL is
/// raised to the domain's minimum_ttl, which deSEC enforces. A 429 (deSEC throttles writes) is waited
/// out once when Retry-After asks for 10 s or less. The HttpClient must outlive the provider.
class DeSecProvider final : public DnsProvider {
public:
    DeSecProvider(net::HttpClient& http, DeSecOptions options);

    [[nodiscard]] QString type() const override { return QStringLiteral("desec"); }
    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> addTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;
    QCoro::Task<Status> removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;

    [[nodiscard]] Status validate() const;

private:
    struct Domain {
        QString name; ///< normalised
        quint32 minimumTtl = 3600;
    };
    QCoro::Task<Status> change(TxtRecord record, bool add, CancelToken cancel);
    QCoro::Task<Result<Domain>> findDomain(QString fqdn, CancelToken cancel);
    QCoro::Task<Result<net::HttpResponse>> api(QByteArray method, QUrl url, QByteArray body, CancelToken cancel);

    net::HttpClient& m_http;
    DeSecOptions m_options;
    internal::ChangeLock m_lock;
};

} // namespace certdeck::dns
