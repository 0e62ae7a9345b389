// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/providers/DigitalOceanProvider.h"

#include "core/dns/DnsName.h"
#include "core/dns/providers/internal/CloudApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace certdeck::dns {

using internal::CloudApi;

namespace {

const QString kName = QStringLiteral("DigitalOcean");
constexpr int kMaxPages = 5;
constexpr int kPerPage = 200;   // the documented maximum
constexpr quint32 kMinTtl = 30; // the documented minimum

} // namespace

DigitalOceanProvider::DigitalOceanProvider(net::HttpClient& http, DigitalOceanOptions options)
    : m_http(http)
    , m_options(std::move(options)) {}

QString DigitalOceanProvider::description() const {
    return m_options.domain.isEmpty() ? QObject::tr("DigitalOcean")
                                      : QObject::tr("DigitalOcean (%1)").arg(m_options.domain);
}

Status DigitalOceanProvider::validate() const {
    if (auto ok = CloudApi::checkBaseUrl(m_options.baseUrl, kName); !ok)
        return ok;
    if (m_options.apiToken.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("Give a DigitalOcean personal access token with write scope."));
    return {};
}

QCoro::Task<Result<net::HttpResponse>> DigitalOceanProvider::api(QByteArray method, QUrl url, QByteArray body,
                                                                 CancelToken cancel) {
    const internal::ApiCall call{
        method,
        url,
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_options.apiToken.bytes()}},
        body};
    auto task = CloudApi::send(m_http, call, cancel);
    auto r = co_await task;
    co_return r;
}

QCoro::Task<Result<QString>> DigitalOceanProvider::findDomain(QString fqdn, CancelToken cancel) {
    const QString notInZone = QObject::tr("%1 is not in the domain %2 configured for DigitalOcean.");
    auto candidateZones = CloudApi::zoneCandidates(fqdn, m_options.domain, notInZone);
    if (!candidateZones)
        co_return candidateZones.error();
    const QStringList candidates = *candidateZones;
    // Before the zone is known, a refusal names what the token must cover: the configured zone, else the name.
    const QString lookupScope = candidates.size() == 1 ? DnsName::display(candidates.first()) : DnsName::display(fqdn);
    for (const QString& candidate : std::as_const(candidates)) {
        const QUrl url =
            CloudApi::endpoint(m_options.baseUrl, QStringLiteral("/domains/%1").arg(CloudApi::withoutDot(candidate)));
        const QByteArray get = QByteArrayLiteral("GET");
        const QByteArray none;
        auto task = api(get, url, none, cancel);
        auto r = co_await task;
        if (!r)
            co_return r.error();
        if (r->status == 401 || r->status == 403)
            co_return CloudApi::tokenRefused(kName, lookupScope, *r);
        if (r->status == 404)
            continue;
        if (r->status != 200)
            co_return CloudApi::unexpected(
                kName, QObject::tr("looking up the domain %1").arg(DnsName::display(candidate)), *r);
        auto o = CloudApi::object(*r, kName);
        if (!o)
            co_return o.error();
        const QString name = o->value(QStringLiteral("domain")).toObject().value(QStringLiteral("name")).toString();
        if (name.toLower() != CloudApi::withoutDot(candidate))
            co_return Error(ErrorCode::Protocol,
                            QObject::tr("DigitalOcean answered a lookup of %1 with another domain (\"%2\").")
                                .arg(DnsName::display(candidate), name.left(100)));
        co_return candidate;
    }
    const QString zoneName =
        m_options.domain.isEmpty() ? DnsName::display(DnsName::parent(fqdn)) : CloudApi::withoutDot(m_options.domain);
    co_return Error(ErrorCode::NotFound, QObject::tr("DigitalOcean has no domain %1 in this account: add it under "
                                                     "Networking → Domains, or check the account the token belongs to.")
                                             .arg(zoneName));
}

QCoro::Task<Result<QList<DigitalOceanProvider::Txt>>> DigitalOceanProvider::listTxt(QString domain, QString fqdn,
                                                                                    CancelToken cancel) {
    QList<Txt> out;
    const QString relative = CloudApi::relativeName(fqdn, domain);
    for (int page = 1; page <= kMaxPages; ++page) {
        // The name filter wants the fully qualified name; records come back with names relative to the domain.
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("type"), QStringLiteral("TXT"));
        q.addQueryItem(QStringLiteral("name"), CloudApi::withoutDot(fqdn));
        q.addQueryItem(QStringLiteral("page"), QString::number(page));
        q.addQueryItem(QStringLiteral("per_page"), QString::number(kPerPage));
        const QUrl url = CloudApi::endpoint(m_options.baseUrl,
                                            QStringLiteral("/domains/%1/records").arg(CloudApi::withoutDot(domain)), q);
        const QByteArray get = QByteArrayLiteral("GET");
        const QByteArray none;
        auto task = api(get, url, none, cancel);
        auto r = co_await task;
        if (!r)
            co_return r.error();
        if (r->status == 401 || r->status == 403)
            co_return CloudApi::tokenRefused(kName, DnsName::display(domain), *r);
        if (r->status != 200)
            co_return CloudApi::unexpected(
                kName, QObject::tr("listing the TXT records of %1").arg(DnsName::display(fqdn)), *r);
        auto o = CloudApi::object(*r, kName);
        if (!o)
            co_return o.error();
        const QJsonValue records = o->value(QStringLiteral("domain_records"));
        if (!records.isArray())
            co_return Error(ErrorCode::Protocol, QObject::tr("DigitalOcean listed records without \"domain_records\"."),
                            QString::fromUtf8(r->body.left(300)));
        for (const QJsonValue& v : records.toArray()) {
            const QJsonObject rec = v.toObject();
            if (rec.value(QStringLiteral("type")).toString() != QLatin1String("TXT") ||
                rec.value(QStringLiteral("name")).toString().toLower() != relative)
                continue;
            out << Txt{static_cast<qint64>(rec.value(QStringLiteral("id")).toDouble()),
                       CloudApi::unquoted(rec.value(QStringLiteral("data")).toString())};
        }
        const QJsonObject pages =
            o->value(QStringLiteral("links")).toObject().value(QStringLiteral("pages")).toObject();
        if (!pages.contains(QStringLiteral("next")))
            co_return out;
    }
    co_return Error(ErrorCode::Dns, QObject::tr("DigitalOcean lists more than %1 TXT records at %2: remove stale ones.")
                                        .arg(kMaxPages * kPerPage)
                                        .arg(DnsName::display(fqdn)));
}

QCoro::Task<Status> DigitalOceanProvider::change(TxtRecord record, bool add, CancelToken cancel) {
    if (auto ok = validate(); !ok)
        co_return ok.error();
    auto normalised = DnsName::normalise(record.fqdn);
    if (!normalised)
        co_return normalised.error();
    const QString fqdn = *normalised;
    auto domainTask = findDomain(fqdn, cancel);
    auto domain = co_await domainTask;
    if (!domain)
        co_return domain.error();
    auto listTask = listTxt(*domain, fqdn, cancel);
    auto existing = co_await listTask;
    if (!existing)
        co_return existing.error();
    const QString domainPath = QStringLiteral("/domains/%1/records").arg(CloudApi::withoutDot(*domain));
    if (add) {
        for (const Txt& t : std::as_const(*existing))
            if (t.value == record.value)
                co_return Status{};
        const QJsonObject body{{QStringLiteral("type"), QStringLiteral("TXT")},
                               {QStringLiteral("name"), CloudApi::relativeName(fqdn, *domain)},
                               {QStringLiteral("data"), record.value},
                               {QStringLiteral("ttl"), static_cast<int>(std::max(record.ttl, kMinTtl))}};
        const QUrl url = CloudApi::endpoint(m_options.baseUrl, domainPath);
        const QByteArray post = QByteArrayLiteral("POST");
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        auto task = api(post, url, json, cancel);
        auto r = co_await task;
        if (!r)
            co_return r.error();
        if (r->status == 401 || r->status == 403)
            co_return CloudApi::tokenRefused(kName, DnsName::display(*domain), *r);
        if (r->status != 201 && r->status != 200)
            co_return CloudApi::unexpected(kName, QObject::tr("adding the TXT record %1").arg(DnsName::display(fqdn)),
                                           *r);
        auto o = CloudApi::object(*r, kName);
        if (!o)
            co_return o.error();
        co_return Status{};
    }
    for (const Txt& t : std::as_const(*existing)) {
        if (t.value != record.value)
            continue;
        const QUrl url = CloudApi::endpoint(m_options.baseUrl, domainPath + QLatin1Char('/') + QString::number(t.id));
        const QByteArray del = QByteArrayLiteral("DELETE");
        const QByteArray none;
        auto task = api(del, url, none, cancel);
        auto r = co_await task;
        if (!r)
            co_return r.error();
        if (r->status == 401 || r->status == 403)
            co_return CloudApi::tokenRefused(kName, DnsName::display(*domain), *r);
        if (r->status != 204 && r->status != 200 && r->status != 404)
            co_return CloudApi::unexpected(kName, QObject::tr("removing the TXT record %1").arg(DnsName::display(fqdn)),
                                           *r);
    }
    co_return Status{};
}

QCoro::Task<Status> DigitalOceanProvider::addTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    auto task = change(record, true, cancel);
    auto done = co_await task;
    co_return done;
}

QCoro::Task<Status> DigitalOceanProvider::removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    auto task = change(record, false, cancel);
    auto done = co_await task;
    co_return done;
}

} // namespace certdeck::dns
