// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/providers/HetznerProvider.h"

#include "core/dns/DnsName.h"
#include "core/dns/providers/internal/CloudApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace certdeck::dns {

using internal::CloudApi;

namespace {

const QString kName = QStringLiteral("Hetzner DNS");
constexpr int kMaxPages = 5;
constexpr int kPerPage = 100;

} // namespace

HetznerProvider::HetznerProvider(net::HttpClient& http, HetznerOptions options)
    : m_http(http)
    , m_options(std::move(options)) {}

QString HetznerProvider::description() const {
    return m_options.zone.isEmpty() ? QObject::tr("Hetzner DNS") : QObject::tr("Hetzner DNS (%1)").arg(m_options.zone);
}

Status HetznerProvider::validate() const {
    if (auto ok = CloudApi::checkBaseUrl(m_options.baseUrl, kName); !ok)
        return ok;
    if (m_options.apiToken.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("Give a Hetzner DNS API token (DNS Console → API tokens)."));
    return {};
}

QCoro::Task<Result<net::HttpResponse>> HetznerProvider::api(QByteArray method, QUrl url, QByteArray body,
                                                            CancelToken cancel) {
    const internal::ApiCall call{
        method, url, {{QByteArrayLiteral("Auth-API-Token"), m_options.apiToken.bytes()}}, body};
    auto task = CloudApi::send(m_http, call, cancel);
    auto r = co_await task;
    co_return r;
}

QCoro::Task<Result<HetznerProvider::Zone>> HetznerProvider::findZone(QString fqdn, CancelToken cancel) {
    const QString notInZone = QObject::tr("%1 is not in the zone %2 configured for Hetzner DNS.");
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
        if (r->status == 401 || r->status == 403)
            co_return CloudApi::tokenRefused(kName, lookupScope, *r);
        if (r->status == 404) // the documented answer for a name that is no zone of the account
            continue;
        if (r->status != 200)
            co_return CloudApi::unexpected(kName,
                                           QObject::tr("looking up the zone %1").arg(DnsName::display(candidate)), *r);
        auto o = CloudApi::object(*r, kName);
        if (!o)
            co_return o.error();
        const QJsonValue zones = o->value(QStringLiteral("zones"));
        if (!zones.isArray())
            co_return Error(ErrorCode::Protocol, QObject::tr("Hetzner DNS answered a zone lookup without \"zones\"."),
                            QString::fromUtf8(r->body.left(300)));
        for (const QJsonValue& z : zones.toArray()) {
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
                    QObject::tr("Hetzner DNS has no zone %1 in this account: add the zone in the DNS Console, or "
                                "check the account the token belongs to.")
                        .arg(zoneName));
}

QCoro::Task<Result<QList<HetznerProvider::Txt>>> HetznerProvider::listTxt(Zone zone, QString fqdn, CancelToken cancel) {
    QList<Txt> out;
    const QString relative = CloudApi::relativeName(fqdn, zone.name);
    for (int page = 1; page <= kMaxPages; ++page) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("zone_id"), zone.id);
        q.addQueryItem(QStringLiteral("page"), QString::number(page));
        q.addQueryItem(QStringLiteral("per_page"), QString::number(kPerPage));
        const QUrl url = CloudApi::endpoint(m_options.baseUrl, QStringLiteral("/records"), q);
        const QByteArray get = QByteArrayLiteral("GET");
        const QByteArray none;
        auto task = api(get, url, none, cancel);
        auto r = co_await task;
        if (!r)
            co_return r.error();
        if (r->status == 401 || r->status == 403)
            co_return CloudApi::tokenRefused(kName, DnsName::display(zone.name), *r);
        if (r->status != 200)
            co_return CloudApi::unexpected(
                kName, QObject::tr("listing the records of %1").arg(DnsName::display(zone.name)), *r);
        auto o = CloudApi::object(*r, kName);
        if (!o)
            co_return o.error();
        const QJsonValue records = o->value(QStringLiteral("records"));
        if (!records.isArray())
            co_return Error(ErrorCode::Protocol, QObject::tr("Hetzner DNS listed records without \"records\"."),
                            QString::fromUtf8(r->body.left(300)));
        for (const QJsonValue& v : records.toArray()) {
            const QJsonObject rec = v.toObject();
            if (rec.value(QStringLiteral("type")).toString() != QLatin1String("TXT") ||
                rec.value(QStringLiteral("name")).toString().toLower() != relative)
                continue;
            out << Txt{rec.value(QStringLiteral("id")).toString(),
                       CloudApi::unquoted(rec.value(QStringLiteral("value")).toString())};
        }
        const int lastPage = o->value(QStringLiteral("meta"))
                                 .toObject()
                                 .value(QStringLiteral("pagination"))
                                 .toObject()
                                 .value(QStringLiteral("last_page"))
                                 .toInt(1);
        if (page >= lastPage)
            co_return out;
    }
    co_return Error(ErrorCode::Dns,
                    QObject::tr("The Hetzner DNS zone %1 has more than %2 records; Certdeck reads at most that many.")
                        .arg(DnsName::display(zone.name))
                        .arg(kMaxPages * kPerPage));
}

QCoro::Task<Status> HetznerProvider::change(TxtRecord record, bool add, CancelToken cancel) {
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
        const QJsonObject body{{QStringLiteral("name"), CloudApi::relativeName(fqdn, zone->name)},
                               {QStringLiteral("ttl"), static_cast<int>(record.ttl)},
                               {QStringLiteral("type"), QStringLiteral("TXT")},
                               {QStringLiteral("value"), record.value},
                               {QStringLiteral("zone_id"), zone->id}};
        const QUrl url = CloudApi::endpoint(m_options.baseUrl, QStringLiteral("/records"));
        const QByteArray post = QByteArrayLiteral("POST");
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        auto task = api(post, url, json, cancel);
        auto r = co_await task;
        if (!r)
            co_return r.error();
        if (r->status == 401 || r->status == 403)
            co_return CloudApi::tokenRefused(kName, zoneShown, *r);
        if (r->status != 200 && r->status != 201)
            co_return CloudApi::unexpected(kName, QObject::tr("adding the TXT record %1").arg(DnsName::display(fqdn)),
                                           *r);
        auto o = CloudApi::object(*r, kName);
        if (!o)
            co_return o.error();
        co_return Status{};
    }
    for (const Txt& t : std::as_const(*existing)) {
        if (t.value != record.value || t.id.isEmpty())
            continue;
        const QUrl url = CloudApi::endpoint(m_options.baseUrl, QStringLiteral("/records/%1").arg(t.id));
        const QByteArray del = QByteArrayLiteral("DELETE");
        const QByteArray none;
        auto task = api(del, url, none, cancel);
        auto r = co_await task;
        if (!r)
            co_return r.error();
        if (r->status == 401 || r->status == 403)
            co_return CloudApi::tokenRefused(kName, zoneShown, *r);
        if (r->status != 200 && r->status != 204 && r->status != 404)
            co_return CloudApi::unexpected(kName, QObject::tr("removing the TXT record %1").arg(DnsName::display(fqdn)),
                                           *r);
    }
    co_return Status{};
}

QCoro::Task<Status> HetznerProvider::addTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    auto task = change(record, true, cancel);
    auto done = co_await task;
    co_return done;
}

QCoro::Task<Status> HetznerProvider::removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    auto task = change(record, false, cancel);
    auto done = co_await task;
    co_return done;
}

} // namespace certdeck::dns
