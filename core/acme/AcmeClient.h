// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/Account.h"
#include "core/acme/Authorization.h"
#include "core/acme/Directory.h"
#include "core/acme/ExternalAccountBinding.h"
#include "core/acme/JwsPoster.h"
#include "core/acme/Order.h"
#include "core/acme/PollSchedule.h"
#include "core/acme/RenewalInfo.h"
#include "core/common/CancelToken.h"
#include "core/common/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/JwsSigner.h"
#include "core/net/HttpClient.h"

#include <QCoroTask>

#include <memory>
#include <optional>

namespace certdeck::acme {

struct NewAccountOptions {
    QStringList contact;               ///< "mailto:..." URLs
    bool termsOfServiceAgreed = false; ///< must be set explicitly by the user when the CA has terms
    std::optional<ExternalAccountBinding> eab;
};

struct NewOrderOptions {
    QString profile;  ///< draft-ietf-acme-profiles; empty: the CA's default
    QString replaces; ///< RFC 9773 §5: ARI certificate id of the certificate this order replaces
};

/// A downloaded certificate with its chain, as the CA sent it (leaf first).
struct CertificateChain {
    QList<crypto::Certificate> certificates;
    QByteArray pem;
    [[nodiscard]] const crypto::Certificate& leaf() const { return certificates.first(); }
    /// The CA certificates after the leaf, as PEM.
    [[nodiscard]] QByteArray chainPem() const;
};

/// An RFC 8555 client for one CA directory and (after setAccount) one account. Every request goes
/// through one HttpClient (one kept-alive connection) and one JwsPoster (nonces, badNonce retry).
/// Lives in and is used from one thread. All methods return errors as values whose message says
/// what to do.
class AcmeClient {
public:
    explicit AcmeClient(net::HttpClient& http);
    ~AcmeClient();

    /// Fetches the directory (§7.1.1).
    QCoro::Task<Status> fetchDirectory(const QUrl& directoryUrl, const CancelToken& cancel = {});
    /// Uses a directory fetched earlier (saves a request on repeated runs).
    void useDirectory(const Directory& directory);
    [[nodiscard]] const Directory& directory() const;
    [[nodiscard]] bool hasDirectory() const { return m_poster != nullptr; }

    /// The account key and, once known, the account URL ("kid").
    void setAccount(const crypto::JwsSigner& signer, const QUrl& accountUrl = {});
    [[nodiscard]] QUrl accountUrl() const { return m_accountUrl; }
    [[nodiscard]] const crypto::JwsSigner* signer() const { return m_signer ? &*m_signer : nullptr; }

    // Accounts (§7.3)
    QCoro::Task<Result<Account>> newAccount(const NewAccountOptions& options, const CancelToken& cancel = {});
    QCoro::Task<Result<Account>> findAccount(const CancelToken& cancel = {});
    QCoro::Task<Result<Account>> fetchAccount(const CancelToken& cancel = {});
    QCoro::Task<Result<Account>> updateContact(const QStringList& contact, const CancelToken& cancel = {});
    /// §7.3.5: on success the client signs with `newKey` from then on.
    QCoro::Task<Status> rolloverKey(const crypto::JwsSigner& newKey, const CancelToken& cancel = {});
    QCoro::Task<Result<Account>> deactivateAccount(const CancelToken& cancel = {});

    // Orders (§7.4)
    QCoro::Task<Result<Order>> newOrder(const QList<Identifier>& identifiers, const NewOrderOptions& options,
                                        const CancelToken& cancel = {});
    QCoro::Task<Result<Order>> fetchOrder(const QUrl& url, const CancelToken& cancel = {});
    QCoro::Task<Result<Authorization>> fetchAuthorization(const QUrl& url, const CancelToken& cancel = {});
    /// Tells the CA to validate (§7.5.1). The returned challenge is the first check of its status.
    QCoro::Task<Result<Challenge>> respondToChallenge(const QUrl& url, const CancelToken& cancel = {});
    QCoro::Task<Result<Authorization>> deactivateAuthorization(const QUrl& url, const CancelToken& cancel = {});
    /// Polls until the authorization is no longer pending.
    QCoro::Task<Result<Authorization>> waitForAuthorization(const QUrl& url, const CancelToken& cancel = {});
    /// Polls until the order leaves `pending` (after challenges) or `processing` (after finalize).
    QCoro::Task<Result<Order>> waitForOrder(const Order& order, const CancelToken& cancel = {});
    QCoro::Task<Result<Order>> finalize(const Order& order, const QByteArray& csrDer, const CancelToken& cancel = {});
    /// Downloads the certificate (§7.4.2); with `preferredIssuer` set, also looks at the alternate
    /// chains (Link rel="alternate") and picks the one whose top certificate is issued by that name.
    QCoro::Task<Result<CertificateChain>> downloadCertificate(const QUrl& url, const QString& preferredIssuer = {},
                                                              const CancelToken& cancel = {});

    /// §7.6. `certificateKey` set: sign with the certificate's key (jwk) instead of the account.
    QCoro::Task<Status> revoke(const crypto::Certificate& certificate, int reason,
                               const crypto::JwsSigner* certificateKey = nullptr, const CancelToken& cancel = {});

    /// RFC 9773 §4: GET renewalInfo/<id> (unauthenticated). Fails if the CA offers no ARI.
    QCoro::Task<Result<RenewalInfo>> renewalInfo(const crypto::Certificate& certificate,
                                                 const CancelToken& cancel = {});

    /// token "." base64url(JWK thumbprint) (§8.1).
    [[nodiscard]] QByteArray keyAuthorization(const QString& token) const;

    [[nodiscard]] int requestCount() const;
    [[nodiscard]] int badNonceRetries() const;

    static constexpr qint64 kMaxCertificateBytes = 256 * 1024;

private:
    QCoro::Task<Result<AcmeResponse>> postAsAccount(const QUrl& url, const std::optional<QJsonObject>& payload,
                                                    const CancelToken& cancel, qint64 maxBytes = 1 << 20);
    Status requireAccount() const;

    net::HttpClient& m_http;
    std::unique_ptr<JwsPoster> m_poster;
    std::optional<crypto::JwsSigner> m_signer;
    QUrl m_accountUrl;
    int m_directoryRequests = 0;
};

} // namespace certdeck::acme
