// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/JwsPoster.h"

#include "core/acme/Problem.h"
#include "core/common/Async.h"
#include "core/common/Log.h"
#include "core/crypto/Base64Url.h"
#include "core/net/RetryAfter.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace certdeck::acme {

QJsonObject AcmeResponse::json() const {
    return QJsonDocument::fromJson(body).object();
}

QList<QUrl> AcmeResponse::linkUrls(const QString& rel, const QUrl& base) const {
    // Link: <https://example.com/acme/cert/1>;rel="alternate"  (RFC 8288 §3)
    static const QRegularExpression re(QStringLiteral("^<([^>]*)>\\s*(.*)$"));
    static const QRegularExpression relRe(QStringLiteral("(?:^|;)\\s*rel\\s*=\\s*\"?([^\";]+)\"?"));
    QList<QUrl> out;
    for (const auto& l : links) {
        const auto m = re.match(QString::fromLatin1(l));
        if (!m.hasMatch())
            continue;
        const auto rm = relRe.match(m.captured(2));
        if (!rm.hasMatch() || !rm.captured(1).split(QLatin1Char(' ')).contains(rel))
            continue;
        const QUrl u = base.resolved(QUrl(m.captured(1), QUrl::StrictMode));
        if (u.isValid() && u.scheme() == QLatin1String("https"))
            out.append(u);
    }
    return out;
}

JwsPoster::JwsPoster(net::HttpClient& http, Directory directory)
    : m_http(http)
    , m_directory(std::move(directory)) {}

void JwsPoster::keepNonce(const net::HttpResponse& r) {
    const QByteArray n = r.header("Replay-Nonce");
    if (!n.isEmpty())
        m_nonces.add(n);
}

QCoro::Task<Result<QByteArray>> JwsPoster::freshNonce(const CancelToken& cancel) {
    if (auto n = m_nonces.take())
        co_return *n;
    // §7.2: HEAD newNonce.
    net::HttpRequest req;
    req.method = "HEAD";
    req.url = m_directory.newNonce;
    ++m_requests;
    auto r = co_await m_http.send(req, cancel);
    if (!r)
        co_return r.error().withContext(QObject::tr("Getting a nonce from the CA"));
    keepNonce(*r);
    if (auto n = m_nonces.take())
        co_return *n;
    co_return Error(ErrorCode::Protocol, QObject::tr("The CA did not hand out a nonce."),
                    QStringLiteral("HTTP %1 from %2").arg(r->status).arg(m_directory.newNonce.toDisplayString()));
}

Result<QJsonObject> JwsPoster::makeJws(QJsonObject protectedHeader, const QByteArray& payload,
                                       const crypto::JwsSigner& signer) {
    protectedHeader.insert(QStringLiteral("alg"), signer.algorithm());
    const QByteArray prot = crypto::base64url(QJsonDocument(protectedHeader).toJson(QJsonDocument::Compact));
    const QByteArray pl = crypto::base64url(payload);
    auto sig = signer.sign(prot + '.' + pl);
    if (!sig)
        return sig.error();
    return QJsonObject{{QStringLiteral("protected"), QString::fromLatin1(prot)},
                       {QStringLiteral("payload"), QString::fromLatin1(pl)},
                       {QStringLiteral("signature"), QString::fromLatin1(crypto::base64url(*sig))}};
}

QCoro::Task<Result<AcmeResponse>> JwsPoster::post(const QUrl& url, const std::optional<QJsonObject>& payload,
                                                  const crypto::JwsSigner& signer, const QUrl& kid,
                                                  const CancelToken& cancel, qint64 maxResponseBytes) {
    const QByteArray payloadBytes =
        payload ? QJsonDocument(*payload).toJson(QJsonDocument::Compact) : QByteArray(); // §6.3 POST-as-GET
    int badNonces = 0;
    int unavailable = 0;
    for (;;) {
        if (cancel.isCancelled())
            co_return cancelledError();
        auto nonce = co_await freshNonce(cancel);
        if (!nonce)
            co_return nonce.error();
        QJsonObject header{{QStringLiteral("nonce"), QString::fromLatin1(*nonce)},
                           {QStringLiteral("url"), url.toString(QUrl::FullyEncoded)}};
        if (kid.isEmpty())
            header.insert(QStringLiteral("jwk"), signer.jwk());
        else
            header.insert(QStringLiteral("kid"), kid.toString(QUrl::FullyEncoded));
        auto jws = makeJws(header, payloadBytes, signer);
        if (!jws)
            co_return jws.error();

        net::HttpRequest req;
        req.method = "POST";
        req.url = url;
        req.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/jose+json")}};
        req.body = QJsonDocument(*jws).toJson(QJsonDocument::Compact);
        req.maxResponseBytes = maxResponseBytes;
        ++m_requests;
        auto r = co_await m_http.send(req, cancel);
        if (!r)
            co_return r.error();
        keepNonce(*r);

        AcmeResponse resp;
        resp.status = r->status;
        resp.body = r->body;
        resp.contentType = r->header("Content-Type");
        const QByteArray loc = r->header("Location");
        if (!loc.isEmpty())
            resp.location = url.resolved(QUrl(QString::fromLatin1(loc), QUrl::StrictMode));
        resp.links = r->headerValues("Link");
        resp.retryAfter = net::parseRetryAfter(r->header("Retry-After"), QDateTime::currentDateTimeUtc());

        if (resp.status >= 200 && resp.status < 300)
            co_return resp;

        const Problem problem = Problem::fromBody(resp.body, resp.status);
        if (problem.shortType() == QLatin1String("badNonce") && badNonces < kMaxBadNonceRetries) {
            // §6.5: the error response carries a fresh nonce; retry with it.
            ++badNonces;
            ++m_badNonceRetries;
            qCDebug(lcAcme) << "badNonce, retrying" << badNonces;
            continue;
        }
        if (resp.status == 503 && resp.retryAfter && unavailable < 3) {
            const qint64 waitMs = QDateTime::currentDateTimeUtc().msecsTo(*resp.retryAfter);
            if (waitMs <= 30000) {
                ++unavailable;
                const std::chrono::milliseconds delay(std::max<qint64>(waitMs, 0));
                if (!co_await sleepFor(delay, cancel))
                    co_return cancelledError();
                continue;
            }
        }
        Error e = problemToError(problem);
        e.retryAfter = resp.retryAfter;
        if (e.code == ErrorCode::AcmeRateLimited && resp.retryAfter)
            e.userMessage += QLatin1Char(' ') + QObject::tr("The CA says to retry after %1 UTC.")
                                                    .arg(resp.retryAfter->toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        co_return e;
    }
}

} // namespace certdeck::acme
