// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/HttpClient.h"

#include "core/common/Async.h"
#include "core/common/Log.h"
#include "core/net/internal/LowDelay.h"

#include <QCoroNetworkReply>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

#include <memory>

namespace certdeck::net {

QByteArray HttpResponse::header(QByteArrayView name) const {
    for (const auto& [k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QList<QByteArray> HttpResponse::headerValues(QByteArrayView name) const {
    QList<QByteArray> out;
    for (const auto& [k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        // Qt joins repeated headers with ", " (and "\n" for Set-Cookie); Link values may themselves hold
        // commas only inside <...> or quoted strings, so split carefully.
        QByteArray cur;
        int angle = 0;
        bool quoted = false;
        for (char c : v) {
            if (c == '<' && !quoted)
                ++angle;
            else if (c == '>' && !quoted && angle > 0)
                --angle;
            else if (c == '"')
                quoted = !quoted;
            if ((c == ',' || c == '\n') && angle == 0 && !quoted) {
                if (!cur.trimmed().isEmpty())
                    out.append(cur.trimmed());
                cur.clear();
                continue;
            }
            cur.append(c);
        }
        if (!cur.trimmed().isEmpty())
            out.append(cur.trimmed());
    }
    return out;
}

HttpClient::HttpClient(QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_userAgent(QByteArrayLiteral("Certdeck/") + CERTDECK_VERSION) {
    m_nam->setAutoDeleteReplies(false);
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setProtocol(QSsl::TlsV1_2OrLater);
    // Proxies from the environment are honoured by Qt; loopback never goes through one.
}

HttpClient::~HttpClient() = default;

void HttpClient::addTrustedCertificates(const QList<QSslCertificate>& certs) {
    m_extraCas.append(certs);
    m_ssl.addCaCertificates(certs);
    // Pooled connections keep the TLS configuration they were opened with.
    m_nam->clearConnectionCache();
}

Status HttpClient::addTrustedCertificatesFromFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, tr("Cannot read the CA certificate file %1.").arg(path), f.errorString());
    const auto certs = QSslCertificate::fromData(f.read(4 << 20), QSsl::Pem);
    if (certs.isEmpty())
        return Error(ErrorCode::InvalidInput, tr("%1 holds no PEM certificate.").arg(path));
    addTrustedCertificates(certs);
    return {};
}

QCoro::Task<Result<HttpResponse>> HttpClient::get(const QUrl& url, CancelToken cancel) {
    HttpRequest r;
    r.url = url;
    auto task = send(std::move(r), std::move(cancel));
    co_return co_await task;
}

QString HttpClient::loggableUrl(const QUrl& url, bool secret) {
    QString out = url.scheme() + QStringLiteral("://") + url.host(QUrl::FullyEncoded);
    if (url.port() > 0)
        out += QLatin1Char(':') + QString::number(url.port());
    const QString path = url.path(QUrl::FullyEncoded);
    if (!secret)
        return out + path + (url.hasQuery() ? QStringLiteral("?…") : QString());
    return out + ((path.isEmpty() || path == QLatin1String("/")) && !url.hasQuery() ? path : QStringLiteral("/…"));
}

namespace {
/// Qt's error strings quote the whole URL ("Error transferring https://… - server replied: …").
QString redactedDetail(QString detail, const QUrl& url, bool secret) {
    const QString safe = HttpClient::loggableUrl(url, secret);
    for (const QString& form : {url.toString(), url.toDisplayString(), QString::fromLatin1(url.toEncoded()),
                                url.toString(QUrl::FullyDecoded)})
        if (!form.isEmpty())
            detail.replace(form, safe);
    return detail;
}

Error networkError(QNetworkReply* reply, const QUrl& url, const QStringList& sslErrors, bool secret) {
    const QString host = url.host();
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    const QString detail = redactedDetail(reply->errorString(), url, secret);
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
        return Error(ErrorCode::Network,
                     QObject::tr("The name %1 could not be resolved. Check the spelling and your DNS.").arg(host),
                     detail);
    case QNetworkReply::ConnectionRefusedError:
        return Error(ErrorCode::Network,
                     QObject::tr("%1 refused the connection on port %2. Is the server running?").arg(host).arg(port),
                     detail);
    case QNetworkReply::RemoteHostClosedError:
        return Error(ErrorCode::Network, QObject::tr("%1 closed the connection unexpectedly.").arg(host), detail);
    case QNetworkReply::SslHandshakeFailedError:
        return Error(ErrorCode::Tls,
                     QObject::tr("The secure connection to %1 failed: its certificate is not trusted or not valid "
                                 "for this name. If it is a private CA, give its certificate with --ca-file.")
                         .arg(host),
                     sslErrors.isEmpty() ? detail : sslErrors.join(QStringLiteral("; ")));
    case QNetworkReply::TooManyRedirectsError:
        return Error(ErrorCode::Protocol, QObject::tr("%1 redirected too many times.").arg(host), detail);
    case QNetworkReply::InsecureRedirectError:
        return Error(ErrorCode::Protocol, QObject::tr("%1 redirected from HTTPS to plain HTTP; refused.").arg(host),
                     detail);
    case QNetworkReply::TimeoutError:
        return Error(ErrorCode::Timeout, QObject::tr("%1 did not answer in time.").arg(host), detail);
    default:
        return Error(ErrorCode::Network, QObject::tr("The request to %1 failed.").arg(host), detail);
    }
}
} // namespace

QCoro::Task<Result<HttpResponse>> HttpClient::send(HttpRequest request, CancelToken cancel) {
    const QUrl url = request.url;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        co_return Error(ErrorCode::InvalidInput, tr("%1 is not a valid web address.").arg(url.toDisplayString()));
    if (scheme == QLatin1String("http") && !request.allowPlainHttp)
        co_return Error(
            ErrorCode::Protocol,
            tr("Refusing to use plain HTTP for %1: only https:// is allowed here.").arg(url.toDisplayString()));
    if (cancel.isCancelled())
        co_return cancelledError();

    QNetworkRequest nr(url);
    nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute, request.maxRedirects > 0
                                                                  ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                                  : QNetworkRequest::ManualRedirectPolicy);
    if (request.maxRedirects > 0)
        nr.setMaximumRedirectsAllowed(request.maxRedirects);
    nr.setTransferTimeout(static_cast<int>(request.timeout.count()));
    // HTTP/1.1 with keep-alive. Qt 6.4's HTTP/2 adds ~40 ms to every POST against Go servers (Pebble,
    // Boulder): the body frame waits on a delayed ACK. Measured: 45 ms per POST over h2, 1 ms over 1.1.
    nr.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    nr.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    for (const auto& [k, v] : request.headers)
        nr.setRawHeader(k, v);
    // Set for plain http too: a redirect to https must keep the extra trust anchors.
    nr.setSslConfiguration(m_ssl);

    std::unique_ptr<QNetworkReply, void (*)(QNetworkReply*)> reply(
        // HEAD and GET through their own calls: a custom HEAD makes HTTP/1.1 wait for a body that never comes.
        request.method == "HEAD"  ? m_nam->head(nr)
        : request.method == "GET" ? m_nam->get(nr)
                                  : m_nam->sendCustomRequest(nr, request.method, request.body),
        [](QNetworkReply* r) { r->deleteLater(); });
    QNetworkReply* r = reply.get();

    bool tooLarge = false;
    bool timedOut = false;
    QStringList sslErrors;
    QObject::connect(r, &QNetworkReply::downloadProgress, r, [&, r](qint64 received, qint64 total) {
        if (received > request.maxResponseBytes || total > request.maxResponseBytes) {
            tooLarge = true;
            r->abort();
        }
    });
    const auto peerPort = static_cast<quint16>(url.port(scheme == QLatin1String("https") ? 443 : 80));
    QObject::connect(r, &QNetworkReply::encrypted, this, [this, peerPort] {
        ++m_connectionsOpened;
        internal::setLowDelayForPeerPort(peerPort); // see LowDelay.h: saves a delayed-ACK stall per connection
    });
    QObject::connect(r, &QNetworkReply::sslErrors, r, [&sslErrors](const QList<QSslError>& errors) {
        for (const auto& e : errors)
            sslErrors.append(e.errorString());
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, r, [&timedOut, r] {
        timedOut = true;
        r->abort();
    });
    deadline.start(request.timeout);
    QObject::connect(
        cancel.notifier(), &detail::CancelState::cancelRequested, r, [r] { r->abort(); }, Qt::QueuedConnection);

    if (!r->isFinished())
        co_await qCoro(r).waitForFinished(std::chrono::milliseconds(-1));
    deadline.stop();

    if (cancel.isCancelled())
        co_return cancelledError();
    if (tooLarge)
        co_return Error(
            ErrorCode::Protocol,
            tr("%1 sent a larger answer than allowed (%2 bytes).").arg(url.host()).arg(request.maxResponseBytes));
    if (timedOut || r->error() == QNetworkReply::OperationCanceledError)
        co_return Error(
            ErrorCode::Timeout,
            tr("%1 did not answer within %2 seconds.").arg(url.host()).arg(request.timeout.count() / 1000.0));

    const QVariant statusAttr = r->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    // Errors below 100 are transport failures (connection, TLS, redirect loop); HTTP statuses are ours to judge.
    if (!statusAttr.isValid() || (r->error() != QNetworkReply::NoError && r->error() < 100))
        co_return networkError(r, r->url().isValid() ? r->url() : url, sslErrors, request.secretUrl);

    HttpResponse resp;
    resp.status = statusAttr.toInt();
    resp.url = r->url();
    resp.headers = r->rawHeaderPairs();
    resp.body = r->read(request.maxResponseBytes + 1);
    if (resp.body.size() > request.maxResponseBytes)
        co_return Error(
            ErrorCode::Protocol,
            tr("%1 sent a larger answer than allowed (%2 bytes).").arg(url.host()).arg(request.maxResponseBytes));
    if (resp.url.scheme() == QLatin1String("http") && scheme == QLatin1String("https"))
        co_return Error(ErrorCode::Protocol, tr("%1 redirected from HTTPS to plain HTTP; refused.").arg(url.host()));
    qCDebug(lcNet) << request.method << loggableUrl(url, request.secretUrl) << "->" << resp.status << resp.body.size()
                   << "bytes";
    co_return resp;
}

} // namespace certdeck::net
