// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/providers/CloudflareProvider.h"

#include "core/dns/DnsName.h"
#include "core/dns/providers/internal/CloudApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace certdeck::dns {

using internal::CloudApi;

namespace {

const QString kName = QStringLiteral("Cloudflare");
constexpr int kMaxPages = 5;
constexpr int kPerPage = 100;
// Cloudflare accepts 60 s and more (1 = automatic); older plans refused less than 120, as lego assumes.
constexpr quint32 kMinTtl = 120;

} // namespace

CloudflareProvider::CloudflareProvider(net::HttpClient& http, CloudflareOptions options)
    : m_http(http)
    , m_options(std::move(options)) {}

QString CloudflareProvider::description() const {
    return m_options.zone.isEmpty() ? QObject::tr("Cloudflare") : QObject::tr("Cloudflare (%1)").arg(m_options.zone);
}

Status CloudflareProvider::validate() const {
    if (auto ok = CloudApi::checkBaseUrl(m_options.baseUrl, kName); !ok)
        return ok;
    if (m_options.apiToken.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("Give a Cloudflare API token with the Zone:Read and DNS:Edit permissions."));
    return {};
}

QCoro::Task<Result<net::HttpResponse>> CloudflareProvider::api(QByteArray method, QUrl url, QByteArray body,
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

Result<QJsonObject> CloudflareProvider::envelope(const net::HttpResponse& r, const QString& zone,
                                                 const QString& doing) const {
    // Cloudflare answers 403 with code 10000 ("Authentication error") or 9109 ("Invalid access token").
    if (r.status == 401 || r.status == 403)
        return CloudApi::tokenRefused(kName, zone, r);
    if (r.status < 200 || r.status > 299)
        return CloudApi::unexpected(kName, doing, r);
    auto o = CloudApi::object(r, kName);
    if (!o)
        return o.error();
    if (!o->value(QStringLiteral("success")).isBool())
        return Error(ErrorCode::Protocol,
                     QObject::tr("Cloudflare answered without the documented \"success\" field when %1.").arg(doing),
                     QString::fromUtf8(r.body.left(300)));
    if (!o->value(QStringLiteral("success")).toBool())
        return CloudApi::unexpected(kName, doing, r);
    return o;
}

QCoro::Task<Result<CloudflareProvider::Zone>> CloudflareProvider::findZone(QString fqdn, CancelToken cancel) {
    const QString notInZone = QObject::tr("%1 is not in the zone %2 configured for Cloudflare.");
    auto candidateZones = CloudApi::zoneCandidates(fqdn, m_options.zone, notInZone);
    if (!candidateZones)
        co_return candidateZones.error();
    const QStringList candidates = *candidateZones;
    // Before the zone is known, a refusal names what the token must cover: the configured zone, else the name.
    const QString lookupScope = candidates.size() == 1 ? DnsName::display(candidates.first()) : DnsName::display(fqdn);
    for (const QString& candidate : std::as_const(candidates)) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("name"), CloudApi::withoutDot(candidate));
        const QUrl url = CloudApi::endpoint(m_options.baseUrl, QStringLiteral("/zones"), q);
        const QByteArray get = QByteArrayLiteral("GET");
        const QByteArray none;
        auto task = api(get, url, none, cancel);
        auto r = co_await task;
        if (!r)
            co_return r.error();
        const QString doing = QObject::tr("looking up the zone %1").arg(DnsName::display(candidate));
        auto o = envelope(*r, lookupScope, doing);
        if (!o)
            co_return o.error();
        const QJsonValue result = o->value(QStringLiteral("result"));
        if (!result.isArray())
            co_return Error(ErrorCode::Protocol,
                            QObject::tr("Cloudflare answered a zone lookup without a result list."),
                            QString::fromUtf8(r->body.left(300)));
        for (const QJsonValue& z : result.toArray()) {
            const QJsonObject zo = z.toObject();
            const QString id = zo.value(QStringLiteral("id")).toString();
            if (zo.value(QStringLiteral("name")).toString().toLower() == CloudApi::withoutDot(candidate) &&
                !id.isEmpty())
                co_return Zone{id, candidate};
        }
    }
    const QString zoneName =
        m_options.zone.isEmpty() ? DnsName::display(DnsName::parent(fqdn)) : CloudApi::withoutDot(m_options.zone);
    co_return Error(ErrorCode::NotFound,
                    QObject::tr("Cloudflare has no zone %1 that this API token can see: add the domain to the "
                                "Cloudflare account or include the zone in the token's resources.")
                        .arg(zoneName));
}

QCoro::Task<Result<QList<CloudflareProvider::Txt>>> CloudflareProvider::listTxt(Zone zone, QString fqdn,
                                                                                CancelToken cancel) {
    QList<Txt> out;
    for (int page = 1; page <= kMaxPages; ++page) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("type"), QStringLiteral("TXT"));
        q.addQueryItem(QStringLiteral("name"), CloudApi::withoutDot(fqdn));
        q.addQueryItem(QStringLiteral("per_page"), QString::number(kPerPage));
        q.addQueryItem(QStringLiteral("page"), QString::number(page));
        const QUrl url = CloudApi::endpoint(m_options.baseUrl, QStringLiteral("/zones/%1/dns_records").arg(zone.id), q);
        const QByteArray get = QByteArrayLiteral("GET");
        const QByteArray none;
        auto task = api(get, url, none, cancel);
        auto r = co_await task;
        if (!r)
            co_return r.error();
        const QString doing = QObject::tr("listing the TXT records of %1").arg(DnsName::display(fqdn));
        auto o = envelope(*r, DnsName::display(zone.name), doing);
        if (!o)
            co_return o.error();
        const QJsonValue result = o->value(QStringLiteral("result"));
        if (!result.isArray())
            co_return Error(ErrorCode::Protocol, QObject::tr("Cloudflare listed DNS records without a result list."),
                            QString::fromUtf8(r->body.left(300)));
        for (const QJsonValue& v : result.toArray()) {
            const QJsonObject rec = v.toObject();
            if (rec.value(QStringLiteral("type")).toString() != QLatin1String("TXT") ||
                rec.value(QStringLiteral("name")).toString().toLower() != CloudApi::withoutDot(fqdn))
                continue;
            out << Txt{rec.value(QStringLiteral("id")).toString(),
                       CloudApi::unquoted(rec.value(QStringLiteral("content")).toString())};
        }
        const int totalPages =
            o->value(QStringLiteral("result_info")).toObject().value(QStringLiteral("total_pages")).toInt(1);
        if (page >= totalPages)
            co_return out;
    }
    co_return Error(ErrorCode::Dns, QObject::tr("Cloudflare lists more than %1 TXT records at %2: remove stale ones.")
                                        .arg(kMaxPages * kPerPage)
                                        .arg(DnsName::display(fqdn)));
}

QCoro::Task<Status> CloudflareProvider::change(TxtRecord record, bool add, CancelToken cancel) {
    if (auto ok = validate(); !ok)
        co_return ok.error();
    auto normalised = DnsName::normalise(record.fqdn);
    if (!normalised)
        co_return normalised.error();
    const QString fqdn = *normalised;
    auto zoneTask = findZone(fqdn, cancel);
    auto zone = co_await zoneTask;
    if (!zone)
        co_return zone.error();
    auto listTask = listTxt(*zone, fqdn, cancel);
    auto existing = co_await listTask;
    if (!existing)
        co_return existing.error();
    const QString zoneShown = DnsName::display(zone->name);
    if (add) {
        for (const Txt& t : std::as_const(*existing))
            if (t.value == record.value)
                co_return Status{};
        const QJsonObject body{{QStringLiteral("type"), QStringLiteral("TXT")},
                               {QStringLiteral("name"), CloudApi::withoutDot(fqdn)},
                               {QStringLiteral("content"), record.value},
                               {QStringLiteral("ttl"), static_cast<int>(std::max(record.ttl, kMinTtl))}};
        const QUrl url = CloudApi::endpoint(m_options.baseUrl, QStringLiteral("/zones/%1/dns_records").arg(zone->id));
        const QByteArray post = QByteArrayLiteral("POST");
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        auto task = api(post, url, json, cancel);
        auto r = co_await task;
        if (!r)
            co_return r.error();
        const QString doing = QObject::tr("adding the TXT record %1").arg(DnsName::display(fqdn));
        auto o = envelope(*r, zoneShown, doing);
        if (!o)
            co_return o.error();
        co_return Status{};
    }
    for (const Txt& t : std::as_const(*existing)) {
        if (t.value != record.value || t.id.isEmpty())
            continue;
        const QUrl url =
            CloudApi::endpoint(m_options.baseUrl, QStringLiteral("/zones/%1/dns_records/%2").arg(zone->id, t.id));
        const QByteArray del = QByteArrayLiteral("DELETE");
        const QByteArray none;
        auto task = api(del, url, none, cancel);
        auto r = co_await task;
        if (!r)
            co_return r.error();
        if (r->status == 404) // gone already: what we wanted
            continue;
        const QString doing = QObject::tr("removing the TXT record %1").arg(DnsName::display(fqdn));
        auto o = envelope(*r, zoneShown, doing);
        if (!o)
            co_return o.error();
    }
    co_return Status{};
}

QCoro::Task<Status> CloudflareProvider::addTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    auto task = change(record, true, cancel);
    auto done = co_await task;
    co_return done;
}

QCoro::Task<Status> CloudflareProvider::removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    auto task = change(record, false, cancel);
    auto done = co_await task;
    co_return done;
}

} // namespace certdeck::dns
