// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/providers/DeSecProvider.h"

#include "core/common/Async.h"
#include "core/dns/DnsName.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace certdeck::dns {

using internal::CloudApi;

namespace {

const QString kName = QStringLiteral("deSEC");
constexpr int kMaxThrottleWaitSeconds = 10;

} // namespace

DeSecProvider::DeSecProvider(net::HttpClient& http, DeSecOptions options)
    : m_http(http)
    , m_options(std::move(options)) {}

QString DeSecProvider::description() const {
    return m_options.domain.isEmpty() ? QObject::tr("deSEC") : QObject::tr("deSEC (%1)").arg(m_options.domain);
}

Status DeSecProvider::validate() const {
    if (auto ok = CloudApi::checkBaseUrl(m_options.baseUrl, kName); !ok)
        return ok;
    if (m_options.apiToken.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("Give a deSEC API token (desec.io → Token Management)."));
    return {};
}

QCoro::Task<Result<net::HttpResponse>> DeSecProvider::api(QByteArray method, QUrl url, QByteArray body,
                                                          CancelToken cancel) {
    const internal::ApiCall call{
        method,
        url,
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Token ") + m_options.apiToken.bytes()}},
        body};
    for (int attempt = 0;; ++attempt) {
        auto task = CloudApi::send(m_http, call, cancel);
        auto r = co_await task;
        if (!r || r->status != 429 || attempt > 0)
            co_return r;
        // deSEC throttles (https://desec.readthedocs.io/en/latest/rate-limits.html) and says when to retry.
        bool ok = false;
        const int seconds = r->header("Retry-After").trimmed().toInt(&ok);
        if (!ok || seconds < 0 || seconds > kMaxThrottleWaitSeconds)
            co_return r;
        auto pause = sleepFor(std::chrono::seconds(seconds), cancel);
        const bool slept = co_await pause;
        if (!slept)
            co_return cancelledError();
    }
}

QCoro::Task<Result<DeSecProvider::Domain>> DeSecProvider::findDomain(QString fqdn, CancelToken cancel) {
    const QByteArray get = QByteArrayLiteral("GET");
    const QByteArray none;
    if (!m_options.domain.isEmpty()) {
        auto zone = DnsName::normalise(m_options.domain);
        if (!zone)
            co_return zone.error();
        if (!DnsName::isSameOrBelow(fqdn, *zone))
            co_return Error(ErrorCode::InvalidInput, QObject::tr("%1 is not in the domain %2 configured for deSEC.")
                                                         .arg(DnsName::display(fqdn), DnsName::display(*zone)));
        const QUrl url =
            CloudApi::endpoint(m_options.baseUrl, QStringLiteral("/domains/%1/").arg(CloudApi::withoutDot(*zone)));
        auto task = api(get, url, none, cancel);
        auto r = co_await task;
        if (!r)
            co_return r.error();
        if (r->status == 401 || r->status == 403)
            co_return CloudApi::tokenRefused(kName, DnsName::display(*zone), *r);
        if (r->status == 404)
            co_return Error(ErrorCode::NotFound,
                            QObject::tr("deSEC has no domain %1 in this account: check the domain name and the "
                                        "account the token belongs to.")
                                .arg(DnsName::display(*zone)));
        if (r->status != 200)
            co_return CloudApi::unexpected(kName, QObject::tr("looking up the domain %1").arg(DnsName::display(*zone)),
                                           *r);
        auto o = CloudApi::object(*r, kName);
        if (!o)
            co_return o.error();
        co_return Domain{*zone, static_cast<quint32>(o->value(QStringLiteral("minimum_ttl")).toInt(3600))};
    }
    // owns_qname returns the one domain of the account responsible for the name, or none.
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("owns_qname"), CloudApi::withoutDot(fqdn));
    const QUrl url = CloudApi::endpoint(m_options.baseUrl, QStringLiteral("/domains/"), q);
    auto task = api(get, url, none, cancel);
    auto r = co_await task;
    if (!r)
        co_return r.error();
    const QString parentShown = DnsName::display(DnsName::parent(fqdn));
    if (r->status == 401 || r->status == 403)
        co_return CloudApi::tokenRefused(kName, DnsName::display(fqdn), *r);
    if (r->status != 200)
        co_return CloudApi::unexpected(kName, QObject::tr("looking up the domain of %1").arg(DnsName::display(fqdn)),
                                       *r);
    auto list = CloudApi::array(*r, kName);
    if (!list)
        co_return list.error();
    for (const QJsonValue& v : std::as_const(*list)) {
        const QJsonObject d = v.toObject();
        auto name = DnsName::normalise(d.value(QStringLiteral("name")).toString());
        if (!name || !DnsName::isSameOrBelow(fqdn, *name))
            continue; // strict: only a domain that really holds the name
        co_return Domain{*name, static_cast<quint32>(d.value(QStringLiteral("minimum_ttl")).toInt(3600))};
    }
    co_return Error(ErrorCode::NotFound,
                    QObject::tr("deSEC has no domain holding %1 in this account (looked for %2): add the domain at "
                                "desec.io or check the account the token belongs to.")
                        .arg(DnsName::display(fqdn), parentShown));
}

QCoro::Task<Status> DeSecProvider::change(TxtRecord record, bool add, CancelToken cancel) {
    if (auto ok = validate(); !ok)
        co_return ok.error();
    auto normalised = DnsName::normalise(record.fqdn);
    if (!normalised)
        co_return normalised.error();
    const QString fqdn = *normalised;
    auto lockTask = m_lock.acquire(cancel);
    const bool locked = co_await lockTask;
    if (!locked)
        co_return cancelledError();
    const internal::ChangeLock::Guard guard = m_lock.guard();

    auto domainTask = findDomain(fqdn, cancel);
    auto domain = co_await domainTask;
    if (!domain)
        co_return domain.error();
    const QString zoneShown = DnsName::display(domain->name);
    const QString subname = CloudApi::relativeName(fqdn, domain->name);
    // The apex RRset is addressed with the subname "@" in URLs (deSEC docs, "Accessing the Zone Apex").
    const QString rrsetPath =
        QStringLiteral("/domains/%1/rrsets/%2/TXT/").arg(CloudApi::withoutDot(domain->name), subname);
    const QUrl rrsetUrl = CloudApi::endpoint(m_options.baseUrl, rrsetPath);
    const QByteArray get = QByteArrayLiteral("GET");
    const QByteArray none;
    auto readTask = api(get, rrsetUrl, none, cancel);
    auto current = co_await readTask;
    if (!current)
        co_return current.error();
    if (current->status == 401 || current->status == 403)
        co_return CloudApi::tokenRefused(kName, zoneShown, *current);
    const bool exists = current->status == 200;
    if (!exists && current->status != 404)
        co_return CloudApi::unexpected(kName, QObject::tr("reading the TXT records of %1").arg(DnsName::display(fqdn)),
                                       *current);
    QStringList records;
    if (exists) {
        auto o = CloudApi::object(*current, kName);
        if (!o)
            co_return o.error();
        const QJsonValue rr = o->value(QStringLiteral("records"));
        if (!rr.isArray())
            co_return Error(ErrorCode::Protocol, QObject::tr("deSEC answered an RRset without \"records\"."),
                            QString::fromUtf8(current->body.left(300)));
        for (const QJsonValue& v : rr.toArray())
            records << v.toString();
    }
    const QString mine = CloudApi::quoted(record.value);
    if (add) {
        if (records.contains(mine))
            co_return Status{};
        records << mine;
    } else {
        if (!records.contains(mine))
            co_return Status{};
        records.removeAll(mine);
    }
    QJsonObject body{{QStringLiteral("records"), QJsonArray::fromStringList(records)}};
    QUrl url = rrsetUrl;
    QByteArray method = QByteArrayLiteral("PATCH");
    if (!exists) {
        // A new RRset: POST to the collection with its name, type and a TTL deSEC accepts.
        method = QByteArrayLiteral("POST");
        url = CloudApi::endpoint(m_options.baseUrl,
                                 QStringLiteral("/domains/%1/rrsets/").arg(CloudApi::withoutDot(domain->name)));
        body.insert(QStringLiteral("subname"), subname == QLatin1String("@") ? QString() : subname);
        body.insert(QStringLiteral("type"), QStringLiteral("TXT"));
        body.insert(QStringLiteral("ttl"), static_cast<int>(std::max(record.ttl, domain->minimumTtl)));
    }
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    auto writeTask = api(method, url, json, cancel);
    auto written = co_await writeTask;
    if (!written)
        co_return written.error();
    if (written->status == 401 || written->status == 403)
        co_return CloudApi::tokenRefused(kName, zoneShown, *written);
    // 200 (changed), 201 (created), 204 (emptied, so deleted).
    if (written->status != 200 && written->status != 201 && written->status != 204) {
        const QString doing = add ? QObject::tr("adding to the TXT records of %1").arg(DnsName::display(fqdn))
                                  : QObject::tr("removing from the TXT records of %1").arg(DnsName::display(fqdn));
        co_return CloudApi::unexpected(kName, doing, *written);
    }
    co_return Status{};
}

QCoro::Task<Status> DeSecProvider::addTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    auto task = change(record, true, cancel);
    auto done = co_await task;
    co_return done;
}

QCoro::Task<Status> DeSecProvider::removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    auto task = change(record, false, cancel);
    auto done = co_await task;
    co_return done;
}

} // namespace certdeck::dns
