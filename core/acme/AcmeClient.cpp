// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/AcmeClient.h"

#include "core/common/Async.h"
#include "core/common/Log.h"
#include "core/crypto/Base64Url.h"
#include "core/net/RetryAfter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>

namespace certdeck::acme {

namespace {
// GCC 12 destroys temporaries inside co_await expressions twice: every argument below is an lvalue.
const QUrl noKid; // an empty kid: the JWS carries the JWK instead (§6.2)

Result<QJsonObject> jsonBody(const AcmeResponse& r, const QString& what) {
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error(ErrorCode::Protocol, QObject::tr("The CA sent an unreadable %1.").arg(what), pe.errorString());
    return doc.object();
}
} // namespace

QByteArray CertificateChain::chainPem() const {
    QByteArray out;
    for (qsizetype i = 1; i < certificates.size(); ++i)
        out += certificates.at(i).toPem();
    return out;
}

AcmeClient::AcmeClient(net::HttpClient& http)
    : m_http(http) {}

AcmeClient::~AcmeClient() = default;

QCoro::Task<Status> AcmeClient::fetchDirectory(const QUrl& directoryUrl, const CancelToken& cancel) {
    net::HttpRequest req;
    req.url = directoryUrl;
    req.maxResponseBytes = 256 * 1024;
    ++m_directoryRequests;
    auto r = co_await m_http.send(req, cancel);
    if (!r)
        co_return r.error().withContext(QObject::tr("Contacting the CA"));
    if (r->status != 200)
        co_return Error(ErrorCode::Protocol,
                        QObject::tr("%1 is not an ACME directory (HTTP %2). Check the CA's directory URL.")
                            .arg(directoryUrl.toDisplayString())
                            .arg(r->status));
    auto dir = Directory::parse(r->body, directoryUrl);
    if (!dir)
        co_return dir.error();
    useDirectory(*dir);
    co_return Status{};
}

void AcmeClient::useDirectory(const Directory& directory) {
    m_poster = std::make_unique<JwsPoster>(m_http, directory);
}

const Directory& AcmeClient::directory() const {
    Q_ASSERT(m_poster);
    return m_poster->directory();
}

void AcmeClient::setAccount(const crypto::JwsSigner& signer, const QUrl& accountUrl) {
    m_signer = signer;
    m_accountUrl = accountUrl;
}

int AcmeClient::requestCount() const {
    return m_directoryRequests + (m_poster ? m_poster->requestCount() : 0);
}

int AcmeClient::badNonceRetries() const {
    return m_poster ? m_poster->badNonceRetries() : 0;
}

QByteArray AcmeClient::keyAuthorization(const QString& token) const {
    Q_ASSERT(m_signer);
    return token.toLatin1() + '.' + m_signer->thumbprint();
}

Status AcmeClient::requireAccount() const {
    if (!m_poster)
        return Error(ErrorCode::InvalidInput, QObject::tr("No CA directory loaded."));
    if (!m_signer || m_accountUrl.isEmpty())
        return Error(ErrorCode::AcmeAccountDoesNotExist, QObject::tr("No ACME account: register one first."));
    return {};
}

QCoro::Task<Result<AcmeResponse>> AcmeClient::postAsAccount(const QUrl& url, const std::optional<QJsonObject>& payload,
                                                            const CancelToken& cancel, qint64 maxBytes) {
    if (auto s = requireAccount(); !s)
        co_return s.error();
    co_return co_await m_poster->post(url, payload, *m_signer, m_accountUrl, cancel, maxBytes);
}

QCoro::Task<Result<Account>> AcmeClient::newAccount(const NewAccountOptions& options, const CancelToken& cancel) {
    if (!m_poster || !m_signer)
        co_return Error(ErrorCode::InvalidInput, QObject::tr("No CA directory or account key."));
    const Directory& dir = m_poster->directory();
    if (!dir.termsOfService.isEmpty() && !options.termsOfServiceAgreed)
        co_return Error(ErrorCode::InvalidInput,
                        QObject::tr("The CA's terms of service must be agreed to explicitly: %1")
                            .arg(dir.termsOfService.toDisplayString()));
    QJsonObject payload{{QStringLiteral("termsOfServiceAgreed"), options.termsOfServiceAgreed}};
    if (!options.contact.isEmpty())
        payload.insert(QStringLiteral("contact"), QJsonArray::fromStringList(options.contact));
    if (options.eab) {
        auto binding = options.eab->bind(m_signer->jwk(), dir.newAccount);
        if (!binding)
            co_return binding.error();
        payload.insert(QStringLiteral("externalAccountBinding"), *binding);
    } else if (dir.externalAccountRequired) {
        co_return Error(ErrorCode::AcmeExternalAccountRequired,
                        QObject::tr("This CA requires External Account Binding: enter the key ID and HMAC key from "
                                    "your account page at the CA."));
    }
    auto r = co_await m_poster->post(dir.newAccount, payload, *m_signer, noKid, cancel);
    if (!r)
        co_return r.error().withContext(QObject::tr("Registering the account"));
    if (r->location.isEmpty() || r->location.scheme() != QLatin1String("https"))
        co_return Error(ErrorCode::Protocol, QObject::tr("The CA did not say where the new account lives."));
    auto body = jsonBody(*r, QObject::tr("account"));
    if (!body)
        co_return body.error();
    m_accountUrl = r->location;
    co_return Account::fromJson(*body, r->location);
}

QCoro::Task<Result<Account>> AcmeClient::findAccount(const CancelToken& cancel) {
    if (!m_poster || !m_signer)
        co_return Error(ErrorCode::InvalidInput, QObject::tr("No CA directory or account key."));
    const QJsonObject payload{{QStringLiteral("onlyReturnExisting"), true}}; // §7.3.1
    auto r = co_await m_poster->post(m_poster->directory().newAccount, payload, *m_signer, noKid, cancel);
    if (!r)
        co_return r.error().withContext(QObject::tr("Looking up the account"));
    auto body = jsonBody(*r, QObject::tr("account"));
    if (!body)
        co_return body.error();
    if (r->location.isEmpty() || r->location.scheme() != QLatin1String("https"))
        co_return Error(ErrorCode::Protocol, QObject::tr("The CA did not say where the account lives."));
    m_accountUrl = r->location;
    co_return Account::fromJson(*body, r->location);
}

QCoro::Task<Result<Account>> AcmeClient::fetchAccount(const CancelToken& cancel) {
    // §7.3: POST-as-GET reads the account (an empty update is not the same thing to every CA).
    auto r = co_await postAsAccount(m_accountUrl, std::nullopt, cancel);
    if (!r)
        co_return r.error();
    auto body = jsonBody(*r, QObject::tr("account"));
    if (!body)
        co_return body.error();
    co_return Account::fromJson(*body, m_accountUrl);
}

QCoro::Task<Result<Account>> AcmeClient::updateContact(const QStringList& contact, const CancelToken& cancel) {
    const QJsonObject payload{{QStringLiteral("contact"), QJsonArray::fromStringList(contact)}};
    auto r = co_await postAsAccount(m_accountUrl, payload, cancel);
    if (!r)
        co_return r.error().withContext(QObject::tr("Updating the account contact"));
    auto body = jsonBody(*r, QObject::tr("account"));
    if (!body)
        co_return body.error();
    co_return Account::fromJson(*body, m_accountUrl);
}

QCoro::Task<Status> AcmeClient::rolloverKey(const crypto::JwsSigner& newKey, const CancelToken& cancel) {
    if (auto s = requireAccount(); !s)
        co_return s.error();
    const QUrl keyChange = m_poster->directory().keyChange;
    if (keyChange.isEmpty())
        co_return Error(ErrorCode::Acme, QObject::tr("This CA does not support changing the account key."));
    // §7.3.5: the inner JWS is signed by the new key and names the account and the old key.
    const QJsonObject innerPayload{{QStringLiteral("account"), m_accountUrl.toString(QUrl::FullyEncoded)},
                                   {QStringLiteral("oldKey"), m_signer->jwk()}};
    auto inner = JwsPoster::makeJws(QJsonObject{{QStringLiteral("jwk"), newKey.jwk()},
                                                {QStringLiteral("url"), keyChange.toString(QUrl::FullyEncoded)}},
                                    QJsonDocument(innerPayload).toJson(QJsonDocument::Compact), newKey);
    if (!inner)
        co_return inner.error();
    auto r = co_await postAsAccount(keyChange, *inner, cancel);
    if (!r)
        co_return r.error().withContext(QObject::tr("Changing the account key"));
    m_signer = newKey;
    co_return Status{};
}

QCoro::Task<Result<Account>> AcmeClient::deactivateAccount(const CancelToken& cancel) {
    const QJsonObject payload{{QStringLiteral("status"), QStringLiteral("deactivated")}};
    auto r = co_await postAsAccount(m_accountUrl, payload, cancel);
    if (!r)
        co_return r.error().withContext(QObject::tr("Deactivating the account"));
    auto body = jsonBody(*r, QObject::tr("account"));
    if (!body)
        co_return body.error();
    co_return Account::fromJson(*body, m_accountUrl);
}

QCoro::Task<Result<Order>> AcmeClient::newOrder(const QList<Identifier>& identifiers, const NewOrderOptions& options,
                                                const CancelToken& cancel) {
    if (auto s = requireAccount(); !s)
        co_return s.error();
    QJsonArray ids;
    for (const auto& id : identifiers)
        ids.append(id.toJson());
    QJsonObject payload{{QStringLiteral("identifiers"), ids}};
    if (!options.profile.isEmpty()) {
        const auto& profiles = m_poster->directory().profiles;
        if (!profiles.isEmpty() && !profiles.contains(options.profile))
            co_return Error(ErrorCode::InvalidInput,
                            QObject::tr("The CA has no profile \"%1\". It offers: %2.")
                                .arg(options.profile, QStringList(profiles.keys()).join(QStringLiteral(", "))));
        payload.insert(QStringLiteral("profile"), options.profile);
    }
    if (!options.replaces.isEmpty())
        payload.insert(QStringLiteral("replaces"), options.replaces);
    auto r = co_await postAsAccount(m_poster->directory().newOrder, payload, cancel);
    if (!r)
        co_return r.error().withContext(QObject::tr("Creating the order"));
    if (r->location.isEmpty() || r->location.scheme() != QLatin1String("https"))
        co_return Error(ErrorCode::Protocol, QObject::tr("The CA did not say where the new order lives."));
    auto body = jsonBody(*r, QObject::tr("order"));
    if (!body)
        co_return body.error();
    auto order = Order::fromJson(*body, r->location);
    if (order && order->authorizations.isEmpty() && order->status == Order::Status::Pending)
        co_return Error(ErrorCode::Protocol, QObject::tr("The CA's order lists no authorizations."));
    co_return order;
}

QCoro::Task<Result<Order>> AcmeClient::fetchOrder(const QUrl& url, const CancelToken& cancel) {
    auto r = co_await postAsAccount(url, std::nullopt, cancel);
    if (!r)
        co_return r.error();
    auto body = jsonBody(*r, QObject::tr("order"));
    if (!body)
        co_return body.error();
    co_return Order::fromJson(*body, url);
}

QCoro::Task<Result<Authorization>> AcmeClient::fetchAuthorization(const QUrl& url, const CancelToken& cancel) {
    auto r = co_await postAsAccount(url, std::nullopt, cancel);
    if (!r)
        co_return r.error();
    auto body = jsonBody(*r, QObject::tr("authorization"));
    if (!body)
        co_return body.error();
    co_return Authorization::fromJson(*body, url);
}

QCoro::Task<Result<Challenge>> AcmeClient::respondToChallenge(const QUrl& url, const CancelToken& cancel) {
    const QJsonObject empty; // §7.5.1: the payload is an empty object
    auto r = co_await postAsAccount(url, empty, cancel);
    if (!r)
        co_return r.error();
    auto body = jsonBody(*r, QObject::tr("challenge"));
    if (!body)
        co_return body.error();
    co_return Challenge::fromJson(*body);
}

QCoro::Task<Result<Authorization>> AcmeClient::deactivateAuthorization(const QUrl& url, const CancelToken& cancel) {
    const QJsonObject payload{{QStringLiteral("status"), QStringLiteral("deactivated")}};
    auto r = co_await postAsAccount(url, payload, cancel);
    if (!r)
        co_return r.error();
    auto body = jsonBody(*r, QObject::tr("authorization"));
    if (!body)
        co_return body.error();
    co_return Authorization::fromJson(*body, url);
}

QCoro::Task<Result<Authorization>> AcmeClient::waitForAuthorization(const QUrl& url, const CancelToken& cancel) {
    PollSchedule schedule;
    std::optional<QDateTime> retryAfter;
    for (;;) {
        if (schedule.exhausted())
            co_return Error(ErrorCode::Timeout, QObject::tr("The CA did not finish validating in time."));
        const auto delay = schedule.next(retryAfter, QDateTime::currentDateTimeUtc());
        if (!co_await sleepFor(delay, cancel))
            co_return cancelledError();
        auto r = co_await postAsAccount(url, std::nullopt, cancel);
        if (!r)
            co_return r.error();
        auto body = jsonBody(*r, QObject::tr("authorization"));
        if (!body)
            co_return body.error();
        auto authz = Authorization::fromJson(*body, url);
        if (!authz || authz->status != Authorization::Status::Pending)
            co_return authz;
        retryAfter = r->retryAfter;
    }
}

QCoro::Task<Result<Order>> AcmeClient::waitForOrder(const Order& order, const CancelToken& cancel) {
    PollSchedule schedule;
    std::optional<QDateTime> retryAfter;
    for (;;) {
        if (schedule.exhausted())
            co_return Error(ErrorCode::Timeout, QObject::tr("The CA did not finish the order in time."));
        const auto delay = schedule.next(retryAfter, QDateTime::currentDateTimeUtc());
        if (!co_await sleepFor(delay, cancel))
            co_return cancelledError();
        auto r = co_await postAsAccount(order.url, std::nullopt, cancel);
        if (!r)
            co_return r.error();
        auto body = jsonBody(*r, QObject::tr("order"));
        if (!body)
            co_return body.error();
        auto o = Order::fromJson(*body, order.url);
        if (!o || (o->status != Order::Status::Pending && o->status != Order::Status::Processing))
            co_return o;
        retryAfter = r->retryAfter;
    }
}

QCoro::Task<Result<Order>> AcmeClient::finalize(const Order& order, const QByteArray& csrDer,
                                                const CancelToken& cancel) {
    const QJsonObject payload{{QStringLiteral("csr"), QString::fromLatin1(crypto::base64url(csrDer))}};
    auto r = co_await postAsAccount(order.finalize, payload, cancel);
    if (!r)
        co_return r.error().withContext(QObject::tr("Finalizing the order"));
    auto body = jsonBody(*r, QObject::tr("order"));
    if (!body)
        co_return body.error();
    co_return Order::fromJson(*body, order.url);
}

QCoro::Task<Result<CertificateChain>> AcmeClient::downloadCertificate(const QUrl& url, const QString& preferredIssuer,
                                                                      const CancelToken& cancel) {
    auto fetch = [this, &cancel](const QUrl& u) -> QCoro::Task<Result<std::pair<CertificateChain, AcmeResponse>>> {
        auto r = co_await postAsAccount(u, std::nullopt, cancel, kMaxCertificateBytes);
        if (!r)
            co_return r.error().withContext(QObject::tr("Downloading the certificate"));
        auto certs = crypto::Certificate::chainFromPem(r->body);
        if (!certs)
            co_return Error(ErrorCode::Protocol, QObject::tr("The CA sent a certificate that cannot be read."),
                            certs.error().detail);
        CertificateChain chain{*certs, r->body};
        co_return std::make_pair(chain, *r);
    };
    auto first = co_await fetch(url);
    if (!first)
        co_return first.error();
    auto topIssuer = [](const CertificateChain& c) {
        return c.certificates.last().issuerCommonName();
    };
    if (preferredIssuer.isEmpty() || topIssuer(first->first) == preferredIssuer)
        co_return first->first;
    const auto alternates = first->second.linkUrls(QStringLiteral("alternate"), url);
    for (qsizetype i = 0; i < alternates.size() && i < 5; ++i) {
        auto alt = co_await fetch(alternates.at(i));
        if (alt && topIssuer(alt->first) == preferredIssuer)
            co_return alt->first;
    }
    qCInfo(lcAcme) << "preferred chain" << preferredIssuer << "not offered; using the default chain";
    co_return first->first;
}

QCoro::Task<Status> AcmeClient::revoke(const crypto::Certificate& certificate, int reason,
                                       const crypto::JwsSigner* certificateKey, const CancelToken& cancel) {
    if (!m_poster)
        co_return Error(ErrorCode::InvalidInput, QObject::tr("No CA directory loaded."));
    const QUrl url = m_poster->directory().revokeCert;
    if (url.isEmpty())
        co_return Error(ErrorCode::Acme, QObject::tr("This CA does not support revocation through ACME."));
    static const QList<int> reasons{0, 1, 3, 4, 5, 9}; // RFC 5280 §5.3.1 codes the CA/B Forum allows
    if (!reasons.contains(reason))
        co_return Error(ErrorCode::InvalidInput, QObject::tr("Revocation reason %1 is not allowed.").arg(reason));
    const QJsonObject payload{
        {QStringLiteral("certificate"), QString::fromLatin1(crypto::base64url(certificate.toDer()))},
        {QStringLiteral("reason"), reason}};
    Result<AcmeResponse> r;
    if (certificateKey) // §7.6: signed with the certificate's key, which travels as a JWK
        r = co_await m_poster->post(url, payload, *certificateKey, noKid, cancel);
    else
        r = co_await postAsAccount(url, payload, cancel);
    if (!r)
        co_return r.error().withContext(QObject::tr("Revoking the certificate"));
    co_return Status{};
}

QCoro::Task<Result<RenewalInfo>> AcmeClient::renewalInfo(const crypto::Certificate& certificate,
                                                         const CancelToken& cancel) {
    if (!m_poster || m_poster->directory().renewalInfo.isEmpty())
        co_return Error(ErrorCode::NotFound, QObject::tr("This CA does not offer renewal information (ARI)."));
    auto id = RenewalInfo::certificateId(certificate);
    if (!id)
        co_return id.error();
    QUrl base = m_poster->directory().renewalInfo;
    QString path = base.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    base.setPath(path + *id);
    net::HttpRequest req;
    req.url = base;
    req.maxResponseBytes = 64 * 1024;
    auto r = co_await m_http.send(req, cancel);
    if (!r)
        co_return r.error().withContext(QObject::tr("Fetching renewal information"));
    if (r->status != 200)
        co_return Error(ErrorCode::Acme, QObject::tr("The CA gave no renewal information (HTTP %1).").arg(r->status));
    auto info = RenewalInfo::parse(r->body);
    if (!info)
        co_return info.error();
    info->retryAfter = net::parseRetryAfter(r->header("Retry-After"), QDateTime::currentDateTimeUtc());
    co_return info;
}

} // namespace certdeck::acme
