// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/providers/PowerDnsProvider.h"

#include "core/common/Async.h"
#include "core/dns/DnsName.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace certdeck::dns {

namespace {

bool isLoopbackHost(const QString& host) {
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress a(host);
    return !a.isNull() && a.isLoopback();
}

// TXT content in presentation form, as the API wants it (quoted, '"' and '\' escaped).
QString quotedTxt(const QString& value) {
    QString v = value;
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    v.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

QString apiMessage(const net::HttpResponse& r) {
    const QJsonObject o = QJsonDocument::fromJson(r.body).object();
    const QString e = o.value(QStringLiteral("error")).toString();
    return e.isEmpty() ? QString::fromUtf8(r.body.left(300)) : e.left(300);
}

// Releases the provider's lock when the change is over, however it ends.
struct BusyGuard {
    std::shared_ptr<bool> busy;
    ~BusyGuard() { *busy = false; }
};

} // namespace

PowerDnsProvider::PowerDnsProvider(net::HttpClient& http, PowerDnsOptions options)
    : m_http(http)
    , m_options(std::move(options)) {}

QString PowerDnsProvider::description() const {
    return QObject::tr("PowerDNS at %1").arg(m_options.baseUrl.host());
}

Status PowerDnsProvider::validate() const {
    const QUrl& u = m_options.baseUrl;
    if (!u.isValid() || u.host().isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("Give the PowerDNS API URL, such as https://ns.example.com:8081."));
    if (u.scheme() != QLatin1String("https") && !(u.scheme() == QLatin1String("http") && isLoopbackHost(u.host())))
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("The PowerDNS API URL must use https (plain http only on this machine): the API key "
                                 "would travel in clear text."));
    if (m_options.apiKey.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("Give the PowerDNS API key."));
    return {};
}

QCoro::Task<Result<net::HttpResponse>> PowerDnsProvider::api(QByteArray method, QString path, QByteArray body,
                                                             CancelToken cancel) {
    net::HttpRequest req;
    req.method = method;
    QUrl url = m_options.baseUrl;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(QStringLiteral("/api/v1/servers/%1%2").arg(m_options.serverId, q < 0 ? path : path.left(q)));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    req.url = url;
    req.allowPlainHttp = url.scheme() == QLatin1String("http") && isLoopbackHost(url.host());
    req.headers = {{QByteArrayLiteral("X-API-Key"), m_options.apiKey.bytes()},
                   {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    if (!body.isEmpty())
        req.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    req.body = body;
    req.timeout = std::chrono::seconds(30);
    req.maxResponseBytes = 8 << 20; // a zone with its records
    auto task = m_http.send(req, cancel);
    auto r = co_await task;
    if (!r)
        co_return r.error();
    if (r->status == 401 || r->status == 403)
        co_return Error(ErrorCode::Permission,
                        QObject::tr("PowerDNS refused the API key (HTTP %1): check the key in the DNS provider's "
                                    "settings.")
                            .arg(r->status),
                        apiMessage(*r));
    co_return r;
}

QCoro::Task<Result<QString>> PowerDnsProvider::findZone(QString fqdn, CancelToken cancel) {
    if (!m_options.zone.isEmpty()) {
        auto zone = DnsName::normalise(m_options.zone);
        if (!zone)
            co_return zone.error();
        if (!DnsName::isSameOrBelow(fqdn, *zone))
            co_return Error(ErrorCode::InvalidInput, QObject::tr("%1 is not in the zone %2 configured for PowerDNS.")
                                                         .arg(DnsName::display(fqdn), DnsName::display(*zone)));
        co_return *zone;
    }
    // The closest enclosing zone the server has: ask for each candidate, longest first.
    QString candidate = fqdn;
    while (DnsName::labelCount(candidate) >= 1) {
        const QByteArray get = QByteArrayLiteral("GET");
        const QString path = QStringLiteral("/zones/%1?rrsets=false").arg(candidate);
        auto task = api(get, path, QByteArray(), cancel);
        auto r = co_await task;
        if (!r)
            co_return r.error();
        if (r->status == 200)
            co_return candidate;
        // 404 for an unknown zone; 400/422 for names that cannot be zones ("_acme-challenge…").
        if (r->status != 404 && r->status != 422 && r->status != 400)
            co_return Error(ErrorCode::Dns,
                            QObject::tr("PowerDNS answered HTTP %1 when asked for the zone %2.")
                                .arg(r->status)
                                .arg(DnsName::display(candidate)),
                            apiMessage(*r));
        candidate = DnsName::parent(candidate);
    }
    co_return Error(
        ErrorCode::NotFound,
        QObject::tr("PowerDNS has no zone holding %1: create the zone or configure it.").arg(DnsName::display(fqdn)));
}

QCoro::Task<Status> PowerDnsProvider::change(TxtRecord record, bool add, CancelToken cancel) {
    if (auto ok = validate(); !ok)
        co_return ok.error();
    auto normalised = DnsName::normalise(record.fqdn);
    if (!normalised)
        co_return normalised.error();
    const QString fqdn = *normalised;
    // Read-modify-write of one RRset: one change at a time through this provider.
    const std::shared_ptr<bool> busy = m_busy;
    while (*busy) {
        auto pause = sleepFor(std::chrono::milliseconds(20), cancel);
        const bool slept = co_await pause;
        if (!slept)
            co_return cancelledError();
    }
    *busy = true;
    const BusyGuard guard{busy};

    auto zoneTask = findZone(fqdn, cancel);
    auto zone = co_await zoneTask;
    if (!zone)
        co_return zone.error();
    const QByteArray get = QByteArrayLiteral("GET");
    const QString zonePath = QStringLiteral("/zones/%1").arg(*zone);
    auto readTask = api(get, zonePath, QByteArray(), cancel);
    auto current = co_await readTask;
    if (!current)
        co_return current.error();
    if (current->status != 200)
        co_return Error(ErrorCode::Dns,
                        QObject::tr("PowerDNS answered HTTP %1 when reading the zone %2.")
                            .arg(current->status)
                            .arg(DnsName::display(*zone)),
                        apiMessage(*current));
    const QJsonObject zoneJson = QJsonDocument::fromJson(current->body).object();
    QStringList contents;
    quint32 ttl = record.ttl;
    for (const QJsonValue& v : zoneJson.value(QStringLiteral("rrsets")).toArray()) {
        const QJsonObject rr = v.toObject();
        if (rr.value(QStringLiteral("type")).toString() != QLatin1String("TXT") ||
            rr.value(QStringLiteral("name")).toString().toLower() != fqdn)
            continue;
        ttl = static_cast<quint32>(rr.value(QStringLiteral("ttl")).toInt(static_cast<int>(record.ttl)));
        for (const QJsonValue& rec : rr.value(QStringLiteral("records")).toArray())
            contents << rec.toObject().value(QStringLiteral("content")).toString();
    }
    const QString mine = quotedTxt(record.value);
    if (add) {
        if (contents.contains(mine))
            co_return Status{};
        contents << mine;
    } else {
        if (!contents.contains(mine))
            co_return Status{};
        contents.removeAll(mine);
    }
    QJsonArray records;
    for (const QString& c : std::as_const(contents))
        records.append(QJsonObject{{QStringLiteral("content"), c}, {QStringLiteral("disabled"), false}});
    QJsonObject rrset{{QStringLiteral("name"), fqdn},
                      {QStringLiteral("type"), QStringLiteral("TXT")},
                      {QStringLiteral("ttl"), static_cast<int>(std::min(ttl, record.ttl))}};
    if (contents.isEmpty()) {
        rrset.insert(QStringLiteral("changetype"), QStringLiteral("DELETE"));
    } else {
        rrset.insert(QStringLiteral("changetype"), QStringLiteral("REPLACE"));
        rrset.insert(QStringLiteral("records"), records);
    }
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("rrsets"), QJsonArray{rrset}}}).toJson(QJsonDocument::Compact);
    const QByteArray patch = QByteArrayLiteral("PATCH");
    auto writeTask = api(patch, zonePath, body, cancel);
    auto written = co_await writeTask;
    if (!written)
        co_return written.error();
    if (written->status != 204 && written->status != 200)
        co_return Error(ErrorCode::Dns,
                        QObject::tr("PowerDNS refused to change the TXT record %1 (HTTP %2): %3")
                            .arg(DnsName::display(fqdn))
                            .arg(written->status)
                            .arg(apiMessage(*written)),
                        QString::fromUtf8(written->body.left(1000)));
    co_return Status{};
}

QCoro::Task<Status> PowerDnsProvider::addTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    auto task = change(record, true, cancel);
    auto done = co_await task;
    co_return done;
}

QCoro::Task<Status> PowerDnsProvider::removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    auto task = change(record, false, cancel);
    auto done = co_await task;
    co_return done;
}

} // namespace certdeck::dns
