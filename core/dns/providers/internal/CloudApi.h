// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"
#include "core/net/HttpClient.h"

#include <QByteArray>
#include <QCoroTask>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace certdeck::dns::internal {

/// One request to a DNS provider's JSON API.
struct ApiCall {
    QByteArray method;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body; ///< JSON; empty for none
};

/// What the hosted-DNS providers (Cloudflare, DigitalOcean, Hetzner, deSEC, acme-dns) share: URL rules,
/// bounded requests, strict JSON and the errors a person can act on. Pure helpers except send().
class CloudApi {
public:
    static bool isLoopbackHost(const QString& host);
    /// https, or plain http on a loopback host only (a local server or a test): a token must never
    /// travel in clear text over a network.
    static Status checkBaseUrl(const QUrl& url, const QString& provider);
    /// `base` with `path` appended to its path, and `query`.
    static QUrl endpoint(const QUrl& base, const QString& path, const QUrlQuery& query = {});
    /// Sends with a 30 s bound and at most 4 MiB of answer; plain http only as checkBaseUrl allows.
    static QCoro::Task<Result<net::HttpResponse>> send(net::HttpClient& http, ApiCall call, CancelToken cancel);

    /// The body as a JSON object, or a Protocol error naming the provider.
    static Result<QJsonObject> object(const net::HttpResponse& r, const QString& provider);
    /// The body as a JSON array, or a Protocol error naming the provider.
    static Result<QJsonArray> array(const net::HttpResponse& r, const QString& provider);

    /// 401/403: "the API token was refused: check it has DNS edit rights for ZONE".
    static Error tokenRefused(const QString& provider, const QString& zone, const net::HttpResponse& r);
    /// Any other unexpected answer, with the provider's own message in detail.
    static Error unexpected(const QString& provider, const QString& doing, const net::HttpResponse& r);
    /// The provider's error text from a JSON error body (several documented shapes), bounded.
    static QString apiMessage(const net::HttpResponse& r);

    /// "example.com." -> "example.com": the form the REST APIs use.
    static QString withoutDot(const QString& fqdn);
    /// The record's name relative to its zone: "_acme-challenge.www", or "@" at the apex.
    static QString relativeName(const QString& fqdn, const QString& zone);
    /// Zones that may hold `fqdn`, closest first: the name itself, then its parents down to two labels.
    static QStringList zoneCandidates(const QString& fqdn);
    /// The zones to try for `fqdn`: the configured one (which must contain `fqdn`, else InvalidInput with
    /// `notInZone`, a text with %1 = name and %2 = zone), or every candidate when none is configured.
    static Result<QStringList> zoneCandidates(const QString& fqdn, const QString& configuredZone,
                                              const QString& notInZone);
    /// A TXT value as the APIs return it, with one pair of surrounding quotes removed if present.
    static QString unquoted(const QString& content);
    /// TXT content in presentation form (quoted, '"' and '\' escaped): what RRset APIs want.
    static QString quoted(const QString& value);
};

/// Serialises read-modify-write changes through one provider: two challenges for one name
/// (example.com and *.example.com) must not overwrite each other. Hold the returned guard.
class ChangeLock {
public:
    struct Guard {
        std::shared_ptr<bool> busy;
        Guard(const Guard&) = delete;
        Guard& operator=(const Guard&) = delete;
        Guard(Guard&&) = default;
        Guard& operator=(Guard&&) = default;
        explicit Guard(std::shared_ptr<bool> b)
            : busy(std::move(b)) {}
        ~Guard() {
            if (busy)
                *busy = false;
        }
    };
    /// Waits (cancellably) until no other change runs; false when cancelled.
    QCoro::Task<bool> acquire(CancelToken cancel);
    Guard guard() { return Guard(m_busy); }

private:
    std::shared_ptr<bool> m_busy = std::make_shared<bool>(false);
};

} // namespace certdeck::dns::internal
