// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"

#include <QByteArray>
#include <QCoroTask>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;

namespace certdeck::net {

struct HttpRequest {
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// Whole request, connect to last byte. Servers are untrusted: always bounded.
    std::chrono::milliseconds timeout{30000};
    /// Larger answers are cut off and reported as a protocol error.
    qint64 maxResponseBytes = 1 << 20;
    /// Plain http:// is refused unless the caller says it is the point (http-01 self-check).
    bool allowPlainHttp = false;
    /// 0: redirects are returned as they are. >0: followed (never from https to http).
    int maxRedirects = 0;
    /// The URL itself is a credential (Slack/Discord webhooks, ntfy topics): logs and error details name
    /// only scheme://host[:port]/….
    bool secretUrl = false;
};

struct HttpResponse {
    int status = 0;
    QUrl url; ///< final URL after redirects
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    /// First value of a header (case-insensitive name), or empty.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    /// Every value of a header that may repeat (Link).
    [[nodiscard]] QList<QByteArray> headerValues(QByteArrayView name) const;
};

/// The one owner of a QNetworkAccessManager. Keeps connections alive between requests (one TLS
/// handshake per host, not one per request), bounds every request in time and size, and never
/// silently downgrades to plain HTTP. Lives in and must be used from the thread that created it.
/// Failures are values: network, TLS and timeout errors carry a message a person can act on.
class HttpClient : public QObject {
    Q_OBJECT
public:
    explicit HttpClient(QObject* parent = nullptr);
    ~HttpClient() override;

    /// Certificates trusted in addition to the system's (a private CA such as the sandbox's Pebble).
    void addTrustedCertificates(const QList<QSslCertificate>& certs);
    /// Loads PEM certificates from a file and trusts them; fails on a missing or empty file.
    Status addTrustedCertificatesFromFile(const QString& path);
    void setUserAgent(const QByteArray& ua) { m_userAgent = ua; }

    QCoro::Task<Result<HttpResponse>> send(HttpRequest request, CancelToken cancel = {});
    QCoro::Task<Result<HttpResponse>> get(const QUrl& url, CancelToken cancel = {});

    /// What logs and error details may show of a URL: never user info, query or fragment; for a secret
    /// URL not the path either ("https://hooks.example.com/…").
    [[nodiscard]] static QString loggableUrl(const QUrl& url, bool secret);

    /// How many TLS/TCP connections this client has opened (for tests and benchmarks).
    [[nodiscard]] int connectionsOpened() const { return m_connectionsOpened; }

private:
    QNetworkAccessManager* m_nam;
    QList<QSslCertificate> m_extraCas;
    /// Built once (and on trust changes), not per request: the same configuration also lets pooled
    /// connections be reused.
    QSslConfiguration m_ssl;
    QByteArray m_userAgent;
    int m_connectionsOpened = 0;
};

} // namespace certdeck::net
