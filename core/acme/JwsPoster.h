// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/Directory.h"
#include "core/acme/NoncePool.h"
#include "core/common/CancelToken.h"
#include "core/common/Result.h"
#include "core/crypto/JwsSigner.h"
#include "core/net/HttpClient.h"

#include <QCoroTask>
#include <QJsonObject>
#include <QUrl>

#include <optional>

namespace certdeck::acme {

/// A response from the CA after transport-level handling (nonce taken, problems turned into errors).
struct AcmeResponse {
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QUrl location;
    QList<QByteArray> links; ///< raw Link header values
    std::optional<QDateTime> retryAfter;

    [[nodiscard]] QJsonObject json() const;
    /// URLs of `Link: <...>;rel="REL"` headers (RFC 8288), resolved against `base`.
    [[nodiscard]] QList<QUrl> linkUrls(const QString& rel, const QUrl& base) const;
};

/// The signing transport (RFC 8555 §6.2–6.5): builds flattened JWS (`alg`, `nonce`, `url`, and `kid`
/// or `jwk`), keeps nonces from every response, retries a `badNonce` rejection with the fresh nonce
/// the error carried (bounded), and waits out a 503 with a short Retry-After. It receives signatures
/// from a JwsSigner; it never holds a key. Single-threaded; lives as long as its AcmeClient.
class JwsPoster {
public:
    JwsPoster(net::HttpClient& http, Directory directory);

    /// POST a JWS to `url`. `payload` nullopt means POST-as-GET (§6.3, empty payload). `kid` empty means
    /// the signer's JWK goes in the header (newAccount, revocation by certificate key).
    QCoro::Task<Result<AcmeResponse>> post(const QUrl& url, const std::optional<QJsonObject>& payload,
                                           const crypto::JwsSigner& signer, const QUrl& kid, const CancelToken& cancel,
                                           qint64 maxResponseBytes = 1 << 20);

    /// Builds a flattened JWS object for `payload` bytes with the given protected header fields (used for
    /// the inner JWS of a key change, §7.3.5, and by post()).
    static Result<QJsonObject> makeJws(QJsonObject protectedHeader, const QByteArray& payload,
                                       const crypto::JwsSigner& signer);

    [[nodiscard]] const Directory& directory() const { return m_directory; }
    [[nodiscard]] int requestCount() const { return m_requests; }
    [[nodiscard]] int badNonceRetries() const { return m_badNonceRetries; }
    NoncePool& nonces() { return m_nonces; }

    /// How many times a badNonce rejection is retried before giving up. With a CA rejecting half of all
    /// nonces, 25 attempts fail with probability 2^-25 per request.
    static constexpr int kMaxBadNonceRetries = 25;

private:
    QCoro::Task<Result<QByteArray>> freshNonce(const CancelToken& cancel);
    void keepNonce(const net::HttpResponse& r);

    net::HttpClient& m_http;
    Directory m_directory;
    NoncePool m_nonces;
    int m_requests = 0;
    int m_badNonceRetries = 0;
};

} // namespace certdeck::acme
