// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Header-only on purpose: tests/support builds *Fixture.cpp files only, and this is a fake, not a
// fixture around a real server. No Q_OBJECT (no signals of its own), so no moc is needed either.

#include <QByteArray>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

namespace certdeck::test {

/// A stand-in for the hosted DNS APIs that cannot run here (Cloudflare v4, DigitalOcean v2, Hetzner DNS,
/// deSEC, acme-dns): a real HTTP/1.1 server on 127.0.0.1 (free port) that records every request (method,
/// path with query, lower-case headers, body) and answers from an in-memory zone model following each
/// API's documented requests, responses, status codes and error bodies — including the ones a client
/// must handle: a refused token, an unknown zone, pagination, duplicates, deSEC's quoted RRsets and
/// minimum TTL, acme-dns keeping only the last two values. Serves from the creating thread's event loop.
class FakeDnsApiServer : public QObject {
public:
    enum class Api { Cloudflare, DigitalOcean, Hetzner, DeSec, AcmeDns };

    struct Request {
        QByteArray method;
        QByteArray target;                    ///< path and query as sent
        QMap<QByteArray, QByteArray> headers; ///< lower-case names
        QByteArray body;

        [[nodiscard]] QString path() const { return QUrl(QString::fromUtf8(target)).path(); }
        [[nodiscard]] QUrlQuery query() const { return QUrlQuery(QUrl(QString::fromUtf8(target)).query()); }
        [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };

    struct Record {
        QString id;
        QString zone; ///< without trailing dot
        QString name; ///< fully qualified, without trailing dot
        QString type;
        QString value; ///< as the API stores it (deSEC: quoted)
        int ttl = 300;
    };

    FakeDnsApiServer(Api api, QByteArray token)
        : m_api(api)
        , m_token(std::move(token)) {}

    bool start(QString* error) {
        connect(&m_server, &QTcpServer::newConnection, this, [this] { onConnection(); });
        if (!m_server.listen(QHostAddress::LocalHost, 0)) {
            *error = m_server.errorString();
            return false;
        }
        return true;
    }

    /// The base URL a provider is configured with (the production path prefix on this server).
    [[nodiscard]] QUrl baseUrl() const {
        static const QMap<Api, QString> prefix{{Api::Cloudflare, QStringLiteral("/client/v4")},
                                               {Api::DigitalOcean, QStringLiteral("/v2")},
                                               {Api::Hetzner, QStringLiteral("/api/v1")},
                                               {Api::DeSec, QStringLiteral("/api/v1")},
                                               {Api::AcmeDns, QString()}};
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(prefix.value(m_api)));
    }

    void addZone(const QString& name, int minimumTtl = 3600) {
        m_zones.insert(name, QStringLiteral("zone%1").arg(m_zones.size() + 1));
        m_minimumTtl.insert(name, minimumTtl);
    }
    [[nodiscard]] QString zoneId(const QString& name) const { return m_zones.value(name); }
    /// Seeds a record as if someone else had made it (values given unquoted).
    QString seed(const QString& fqdn, const QString& type, const QString& value) {
        Record r;
        r.id = nextId();
        r.zone = zoneOf(fqdn);
        r.name = fqdn;
        r.type = type;
        r.value = (m_api == Api::DeSec && type == QLatin1String("TXT")) ? quote(value) : value;
        m_records << r;
        return r.id;
    }
    /// acme-dns: the registration (username, subdomain) the password (the token) belongs to.
    void registerAcmeDns(const QString& username, const QString& subdomain) {
        m_acmeUser = username;
        m_acmeSubdomain = subdomain;
    }
    /// TXT values at a name, unquoted and sorted (acme-dns: the subdomain's kept values).
    [[nodiscard]] QStringList txt(const QString& fqdn) const {
        QStringList out;
        if (m_api == Api::AcmeDns)
            out = m_acmeValues;
        for (const Record& r : m_records)
            if (r.name == fqdn && r.type == QLatin1String("TXT"))
                out << unquote(r.value);
        out.sort();
        return out;
    }
    [[nodiscard]] const QList<Record>& records() const { return m_records; }

    /// Page size the fake uses whatever the client asks for (to exercise pagination).
    void setPageSize(int n) { m_pageSize = n; }
    /// Answer every request with a 200 that is not JSON (a captive portal, a broken proxy).
    void setMalformed(bool on) { m_malformed = on; }
    /// deSEC: throttle the next request with 429 and Retry-After: seconds.
    void throttleNext(int seconds) { m_throttleSeconds = seconds; }

    [[nodiscard]] const QList<Request>& requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    /// Requests that change something (not GET).
    [[nodiscard]] QList<Request> writes() const {
        QList<Request> out;
        for (const Request& r : m_requests)
            if (r.method != "GET")
                out << r;
        return out;
    }

private:
    struct Answer {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    static QString quote(const QString& v) { return QLatin1Char('"') + v + QLatin1Char('"'); }
    static QString unquote(const QString& v) {
        return (v.size() >= 2 && v.startsWith(QLatin1Char('"')) && v.endsWith(QLatin1Char('"')))
                   ? v.mid(1, v.size() - 2)
                   : v;
    }
    static Answer json(int status, const QJsonValue& v) {
        const QByteArray body = v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                            : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
        return Answer{status, body, {}};
    }
    QString nextId() { return QString::number(++m_lastId); }
    /// The longest zone the fake knows that holds `fqdn`, or empty.
    [[nodiscard]] QString zoneOf(const QString& fqdn) const {
        QString best;
        for (auto it = m_zones.cbegin(); it != m_zones.cend(); ++it)
            if ((fqdn == it.key() || fqdn.endsWith(QLatin1Char('.') + it.key())) && it.key().size() > best.size())
                best = it.key();
        return best;
    }
    [[nodiscard]] QString zoneById(const QString& id) const { return m_zones.key(id); }
    static QString relative(const QString& fqdn, const QString& zone) {
        return fqdn == zone ? QStringLiteral("@") : fqdn.left(fqdn.size() - zone.size() - 1);
    }
    QList<Record> txtAt(const QString& fqdn) const {
        QList<Record> out;
        for (const Record& r : m_records)
            if (r.name == fqdn && r.type == QLatin1String("TXT"))
                out << r;
        return out;
    }
    bool removeId(const QString& id) {
        for (qsizetype i = 0; i < m_records.size(); ++i)
            if (m_records[i].id == id) {
                m_records.removeAt(i);
                return true;
            }
        return false;
    }
    template <typename T> static QList<T> page(const QList<T>& all, int pageNo, int perPage) {
        return all.mid(static_cast<qsizetype>(pageNo - 1) * perPage, perPage);
    }
    int perPage(const Request& r, int fallback) const {
        const int asked = r.query().queryItemValue(QStringLiteral("per_page")).toInt();
        const int n = asked > 0 ? asked : fallback;
        return m_pageSize > 0 ? std::min(n, m_pageSize) : n;
    }

    // --- Cloudflare API v4 ---------------------------------------------------------------------
    static QJsonObject cfRecord(const Record& r) {
        return {{QStringLiteral("id"), r.id},         {QStringLiteral("zone_name"), r.zone},
                {QStringLiteral("name"), r.name},     {QStringLiteral("type"), r.type},
                {QStringLiteral("content"), r.value}, {QStringLiteral("ttl"), r.ttl},
                {QStringLiteral("proxied"), false}};
    }
    static Answer cfError(int status, int code, const QString& message) {
        return json(
            status,
            QJsonObject{{QStringLiteral("success"), false},
                        {QStringLiteral("errors"),
                         QJsonArray{QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}},
                        {QStringLiteral("messages"), QJsonArray{}},
                        {QStringLiteral("result"), QJsonValue::Null}});
    }
    static Answer cfOk(int status, const QJsonValue& result, const QJsonObject& info = {}) {
        QJsonObject o{{QStringLiteral("success"), true},
                      {QStringLiteral("errors"), QJsonArray{}},
                      {QStringLiteral("messages"), QJsonArray{}},
                      {QStringLiteral("result"), result}};
        if (!info.isEmpty())
            o.insert(QStringLiteral("result_info"), info);
        return json(status, o);
    }
    Answer cloudflare(const Request& r) {
        if (r.headers.value("authorization") != "Bearer " + m_token)
            return cfError(403, 10000, QStringLiteral("Authentication error"));
        const QStringList parts = r.path().split(QLatin1Char('/'), Qt::SkipEmptyParts); // client v4 zones …
        if (parts.size() == 3 && parts[2] == QLatin1String("zones") && r.method == "GET") {
            const QString name = r.query().queryItemValue(QStringLiteral("name"));
            QJsonArray result;
            if (m_zones.contains(name))
                result.append(QJsonObject{{QStringLiteral("id"), m_zones.value(name)},
                                          {QStringLiteral("name"), name},
                                          {QStringLiteral("status"), QStringLiteral("active")}});
            return cfOk(200, result,
                        {{QStringLiteral("page"), 1},
                         {QStringLiteral("per_page"), 20},
                         {QStringLiteral("count"), result.size()},
                         {QStringLiteral("total_count"), result.size()},
                         {QStringLiteral("total_pages"), 1}});
        }
        if (parts.size() < 5 || parts[2] != QLatin1String("zones") || parts[4] != QLatin1String("dns_records"))
            return cfError(404, 7000, QStringLiteral("No route for that URI"));
        const QString zone = zoneById(parts[3]);
        if (zone.isEmpty())
            return cfError(404, 7003,
                           QStringLiteral("Could not route to /zones/%1, perhaps your object identifier is "
                                          "invalid?")
                               .arg(parts[3]));
        if (parts.size() == 5 && r.method == "GET") {
            const QUrlQuery q = r.query();
            QList<Record> matching;
            for (const Record& rec : std::as_const(m_records))
                if (rec.zone == zone &&
                    (!q.hasQueryItem(QStringLiteral("type")) || rec.type == q.queryItemValue(QStringLiteral("type"))) &&
                    (!q.hasQueryItem(QStringLiteral("name")) || rec.name == q.queryItemValue(QStringLiteral("name"))))
                    matching << rec;
            const int per = perPage(r, 100);
            const int pageNo = std::max(1, q.queryItemValue(QStringLiteral("page")).toInt());
            QJsonArray result;
            for (const Record& rec : page(matching, pageNo, per))
                result.append(cfRecord(rec));
            const int totalPages = std::max<int>(1, static_cast<int>((matching.size() + per - 1) / per));
            return cfOk(200, result,
                        {{QStringLiteral("page"), pageNo},
                         {QStringLiteral("per_page"), per},
                         {QStringLiteral("count"), result.size()},
                         {QStringLiteral("total_count"), static_cast<int>(matching.size())},
                         {QStringLiteral("total_pages"), totalPages}});
        }
        if (parts.size() == 5 && r.method == "POST") {
            const QJsonObject b = r.json();
            Record rec;
            rec.zone = zone;
            rec.name = b.value(QStringLiteral("name")).toString();
            rec.type = b.value(QStringLiteral("type")).toString();
            rec.value = b.value(QStringLiteral("content")).toString();
            rec.ttl = b.value(QStringLiteral("ttl")).toInt();
            if (rec.type.isEmpty() || rec.name.isEmpty() || rec.value.isEmpty())
                return cfError(400, 9000, QStringLiteral("DNS name is invalid."));
            if (rec.ttl != 1 && rec.ttl < 60)
                return cfError(400, 9021,
                               QStringLiteral("Invalid TTL. Must be between 60 and 86400 seconds, or 1 for "
                                              "Automatic."));
            for (const Record& e : std::as_const(m_records))
                if (e.name == rec.name && e.type == rec.type && unquote(e.value) == unquote(rec.value))
                    return cfError(400, 81058, QStringLiteral("An identical record already exists."));
            rec.id = nextId();
            m_records << rec;
            return cfOk(200, cfRecord(rec));
        }
        if (parts.size() == 6 && r.method == "DELETE") {
            if (!removeId(parts[5]))
                return cfError(404, 81044, QStringLiteral("Record does not exist."));
            return cfOk(200, QJsonObject{{QStringLiteral("id"), parts[5]}});
        }
        return cfError(405, 10405, QStringLiteral("Method not allowed"));
    }

    // --- DigitalOcean API v2 -------------------------------------------------------------------
    static Answer doError(int status, const QString& id, const QString& message) {
        return json(status, QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("message"), message}});
    }
    Answer digitalOcean(const Request& r) {
        if (r.headers.value("authorization") != "Bearer " + m_token)
            return doError(401, QStringLiteral("unauthorized"), QStringLiteral("Unable to authenticate you"));
        const QStringList parts = r.path().split(QLatin1Char('/'), Qt::SkipEmptyParts); // v2 domains …
        const Answer notFound =
            doError(404, QStringLiteral("not_found"), QStringLiteral("The resource you requested could not be found."));
        if (parts.size() < 3 || parts[1] != QLatin1String("domains") || !m_zones.contains(parts[2]))
            return notFound;
        const QString zone = parts[2];
        auto doRecord = [&zone](const Record& rec) {
            return QJsonObject{{QStringLiteral("id"), rec.id.toLongLong()},
                               {QStringLiteral("type"), rec.type},
                               {QStringLiteral("name"), relative(rec.name, zone)},
                               {QStringLiteral("data"), rec.value},
                               {QStringLiteral("ttl"), rec.ttl}};
        };
        if (parts.size() == 3 && r.method == "GET")
            return json(200, QJsonObject{{QStringLiteral("domain"),
                                          QJsonObject{{QStringLiteral("name"), zone}, {QStringLiteral("ttl"), 1800}}}});
        if (parts.size() == 4 && parts[3] == QLatin1String("records") && r.method == "GET") {
            const QUrlQuery q = r.query();
            QList<Record> matching;
            for (const Record& rec : std::as_const(m_records))
                if (rec.zone == zone &&
                    (!q.hasQueryItem(QStringLiteral("type")) || rec.type == q.queryItemValue(QStringLiteral("type"))) &&
                    (!q.hasQueryItem(QStringLiteral("name")) || rec.name == q.queryItemValue(QStringLiteral("name"))))
                    matching << rec;
            const int per = perPage(r, 20);
            const int pageNo = std::max(1, q.queryItemValue(QStringLiteral("page")).toInt());
            QJsonArray list;
            for (const Record& rec : page(matching, pageNo, per))
                list.append(doRecord(rec));
            QJsonObject pages;
            if (pageNo * per < matching.size())
                pages.insert(
                    QStringLiteral("next"),
                    baseUrl().toString() +
                        QStringLiteral("/domains/%1/records?page=%2&per_page=%3").arg(zone).arg(pageNo + 1).arg(per));
            return json(200, QJsonObject{{QStringLiteral("domain_records"), list},
                                         {QStringLiteral("links"), QJsonObject{{QStringLiteral("pages"), pages}}},
                                         {QStringLiteral("meta"),
                                          QJsonObject{{QStringLiteral("total"), static_cast<int>(matching.size())}}}});
        }
        if (parts.size() == 4 && parts[3] == QLatin1String("records") && r.method == "POST") {
            const QJsonObject b = r.json();
            Record rec;
            rec.zone = zone;
            const QString name = b.value(QStringLiteral("name")).toString();
            rec.name = name == QLatin1String("@") ? zone : name + QLatin1Char('.') + zone;
            rec.type = b.value(QStringLiteral("type")).toString();
            rec.value = b.value(QStringLiteral("data")).toString();
            rec.ttl = b.value(QStringLiteral("ttl")).toInt(1800);
            if (name.isEmpty() || name.endsWith(zone) || rec.type.isEmpty() || rec.value.isEmpty())
                return doError(422, QStringLiteral("unprocessable_entity"), QStringLiteral("Name is invalid"));
            if (rec.ttl < 30)
                return doError(422, QStringLiteral("unprocessable_entity"),
                               QStringLiteral("Ttl must be greater than or equal to 30"));
            rec.id = nextId();
            m_records << rec;
            return json(201, QJsonObject{{QStringLiteral("domain_record"), doRecord(rec)}});
        }
        if (parts.size() == 5 && parts[3] == QLatin1String("records") && r.method == "DELETE")
            return removeId(parts[4]) ? Answer{204, {}, {}} : notFound;
        return notFound;
    }

    // --- Hetzner DNS API -----------------------------------------------------------------------
    Answer hetzner(const Request& r) {
        if (r.headers.value("auth-api-token") != m_token)
            return json(401,
                        QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid authentication credentials")}});
        const QStringList parts = r.path().split(QLatin1Char('/'), Qt::SkipEmptyParts); // api v1 …
        auto hzRecord = [](const Record& rec) {
            return QJsonObject{{QStringLiteral("id"), rec.id},
                               {QStringLiteral("type"), rec.type},
                               {QStringLiteral("name"), relative(rec.name, rec.zone)},
                               {QStringLiteral("value"), rec.value},
                               {QStringLiteral("zone_id"), QString()},
                               {QStringLiteral("ttl"), rec.ttl}};
        };
        auto notFound = [](const QString& what) {
            return json(404, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), what},
                                                                               {QStringLiteral("code"), 404}}}});
        };
        if (parts.size() == 3 && parts[2] == QLatin1String("zones") && r.method == "GET") {
            const QString name = r.query().queryItemValue(QStringLiteral("name"));
            if (!m_zones.contains(name))
                return notFound(QStringLiteral("zone not found"));
            const QJsonObject z{{QStringLiteral("id"), m_zones.value(name)},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("ttl"), 86400}};
            return json(200, QJsonObject{{QStringLiteral("zones"), QJsonArray{z}},
                                         {QStringLiteral("meta"),
                                          QJsonObject{{QStringLiteral("pagination"),
                                                       QJsonObject{{QStringLiteral("page"), 1},
                                                                   {QStringLiteral("per_page"), 100},
                                                                   {QStringLiteral("last_page"), 1},
                                                                   {QStringLiteral("total_entries"), 1}}}}}});
        }
        if (parts.size() == 3 && parts[2] == QLatin1String("records") && r.method == "GET") {
            const QUrlQuery q = r.query();
            const QString zone = zoneById(q.queryItemValue(QStringLiteral("zone_id")));
            if (zone.isEmpty())
                return notFound(QStringLiteral("zone not found"));
            QList<Record> matching;
            for (const Record& rec : std::as_const(m_records))
                if (rec.zone == zone)
                    matching << rec;
            const int per = perPage(r, 100);
            const int pageNo = std::max(1, q.queryItemValue(QStringLiteral("page")).toInt());
            QJsonArray list;
            for (const Record& rec : page(matching, pageNo, per)) {
                QJsonObject o = hzRecord(rec);
                o.insert(QStringLiteral("zone_id"), m_zones.value(zone));
                list.append(o);
            }
            const int lastPage = std::max<int>(1, static_cast<int>((matching.size() + per - 1) / per));
            return json(200, QJsonObject{{QStringLiteral("records"), list},
                                         {QStringLiteral("meta"),
                                          QJsonObject{{QStringLiteral("pagination"),
                                                       QJsonObject{{QStringLiteral("page"), pageNo},
                                                                   {QStringLiteral("per_page"), per},
                                                                   {QStringLiteral("last_page"), lastPage},
                                                                   {QStringLiteral("total_entries"),
                                                                    static_cast<int>(matching.size())}}}}}});
        }
        if (parts.size() == 3 && parts[2] == QLatin1String("records") && r.method == "POST") {
            const QJsonObject b = r.json();
            const QString zone = zoneById(b.value(QStringLiteral("zone_id")).toString());
            const QString name = b.value(QStringLiteral("name")).toString();
            if (zone.isEmpty() || name.isEmpty() || b.value(QStringLiteral("value")).toString().isEmpty())
                return json(422, QJsonObject{{QStringLiteral("error"),
                                              QJsonObject{{QStringLiteral("message"), QStringLiteral("invalid record")},
                                                          {QStringLiteral("code"), 422}}}});
            Record rec;
            rec.id = nextId();
            rec.zone = zone;
            rec.name = name == QLatin1String("@") ? zone : name + QLatin1Char('.') + zone;
            rec.type = b.value(QStringLiteral("type")).toString();
            rec.value = b.value(QStringLiteral("value")).toString();
            rec.ttl = b.value(QStringLiteral("ttl")).toInt(86400);
            m_records << rec;
            QJsonObject o = hzRecord(rec);
            o.insert(QStringLiteral("zone_id"), m_zones.value(zone));
            return json(200, QJsonObject{{QStringLiteral("record"), o}});
        }
        if (parts.size() == 4 && parts[2] == QLatin1String("records") && r.method == "DELETE")
            return removeId(parts[3]) ? json(200, QJsonObject{}) : notFound(QStringLiteral("record not found"));
        return notFound(QStringLiteral("not found"));
    }

    // --- deSEC ---------------------------------------------------------------------------------
    Answer deSec(const Request& r) {
        if (m_throttleSeconds >= 0) {
            Answer a = json(429, QJsonObject{{QStringLiteral("detail"),
                                              QStringLiteral("Request was throttled. Expected available in %1 second.")
                                                  .arg(m_throttleSeconds)}});
            a.headers << qMakePair(QByteArrayLiteral("Retry-After"), QByteArray::number(m_throttleSeconds));
            m_throttleSeconds = -1;
            return a;
        }
        if (r.headers.value("authorization") != "Token " + m_token)
            return json(401, QJsonObject{{QStringLiteral("detail"), QStringLiteral("Invalid token.")}});
        const QStringList parts = r.path().split(QLatin1Char('/'), Qt::SkipEmptyParts); // api v1 domains …
        const Answer notFound = json(404, QJsonObject{{QStringLiteral("detail"), QStringLiteral("Not found.")}});
        auto domain = [this](const QString& name) {
            return QJsonObject{{QStringLiteral("name"), name},
                               {QStringLiteral("minimum_ttl"), m_minimumTtl.value(name)}};
        };
        if (parts.size() < 3 || parts[2] != QLatin1String("domains"))
            return notFound;
        if (parts.size() == 3 && r.method == "GET") {
            const QString qname = r.query().queryItemValue(QStringLiteral("owns_qname"));
            QJsonArray list;
            const QString zone = zoneOf(qname);
            if (!zone.isEmpty())
                list.append(domain(zone));
            return json(200, list);
        }
        const QString zone = parts[3];
        if (!m_zones.contains(zone))
            return notFound;
        if (parts.size() == 4 && r.method == "GET")
            return json(200, domain(zone));
        auto rrset = [this, &zone](const QString& fqdn) {
            const QList<Record> recs = txtAt(fqdn);
            QJsonArray values;
            for (const Record& rec : recs)
                values.append(rec.value);
            return QJsonObject{{QStringLiteral("domain"), zone},
                               {QStringLiteral("subname"), fqdn == zone ? QString() : relative(fqdn, zone)},
                               {QStringLiteral("name"), fqdn + QLatin1Char('.')},
                               {QStringLiteral("type"), QStringLiteral("TXT")},
                               {QStringLiteral("ttl"), recs.isEmpty() ? 3600 : recs.first().ttl},
                               {QStringLiteral("records"), values}};
        };
        auto badRecords = [](const QJsonArray& values) {
            for (const QJsonValue& v : values) {
                const QString s = v.toString();
                if (s.size() < 2 || !s.startsWith(QLatin1Char('"')) || !s.endsWith(QLatin1Char('"')))
                    return true; // deSEC wants TXT contents in presentation form
            }
            return false;
        };
        auto store = [this, &zone](const QString& fqdn, const QJsonArray& values, int ttl) {
            for (const Record& rec : txtAt(fqdn))
                removeId(rec.id);
            for (const QJsonValue& v : values) {
                Record rec;
                rec.id = nextId();
                rec.zone = zone;
                rec.name = fqdn;
                rec.type = QStringLiteral("TXT");
                rec.value = v.toString();
                rec.ttl = ttl;
                m_records << rec;
            }
        };
        const Answer invalid = json(
            400, QJsonObject{{QStringLiteral("records"), QJsonArray{QStringLiteral("Invalid TXT record content.")}}});
        if (parts.size() == 5 && parts[4] == QLatin1String("rrsets") && r.method == "POST") {
            const QJsonObject b = r.json();
            const QString sub = b.value(QStringLiteral("subname")).toString();
            const QString fqdn = sub.isEmpty() ? zone : sub + QLatin1Char('.') + zone;
            const int ttl = b.value(QStringLiteral("ttl")).toInt();
            if (ttl < m_minimumTtl.value(zone))
                return json(400, QJsonObject{{QStringLiteral("ttl"),
                                              QJsonArray{QStringLiteral("Ensure this value is greater than or equal "
                                                                        "to %1.")
                                                             .arg(m_minimumTtl.value(zone))}}});
            if (!txtAt(fqdn).isEmpty())
                return json(400, QJsonObject{{QStringLiteral("non_field_errors"),
                                              QJsonArray{QStringLiteral("Another RRset with the same subdomain and "
                                                                        "type exists for this domain.")}}});
            const QJsonArray values = b.value(QStringLiteral("records")).toArray();
            if (b.value(QStringLiteral("type")).toString() != QLatin1String("TXT") || badRecords(values))
                return invalid;
            store(fqdn, values, ttl);
            return json(201, rrset(fqdn));
        }
        if (parts.size() == 7 && parts[4] == QLatin1String("rrsets") && parts[6] == QLatin1String("TXT")) {
            const QString fqdn = parts[5] == QLatin1String("@") ? zone : parts[5] + QLatin1Char('.') + zone;
            const QList<Record> existing = txtAt(fqdn);
            if (r.method == "GET")
                return existing.isEmpty() ? notFound : json(200, rrset(fqdn));
            if (r.method == "PATCH" || r.method == "PUT") {
                if (existing.isEmpty() && r.method == "PATCH")
                    return notFound;
                const QJsonObject b = r.json();
                const QJsonArray values = b.value(QStringLiteral("records")).toArray();
                if (badRecords(values))
                    return invalid;
                store(fqdn, values,
                      b.value(QStringLiteral("ttl")).toInt(existing.isEmpty() ? 3600 : existing.first().ttl));
                if (values.isEmpty())
                    return Answer{204, {}, {}};
                return json(200, rrset(fqdn));
            }
            if (r.method == "DELETE") {
                store(fqdn, {}, 0);
                return Answer{204, {}, {}};
            }
        }
        return notFound;
    }

    // --- acme-dns ------------------------------------------------------------------------------
    Answer acmeDns(const Request& r) {
        const Answer forbidden = json(401, QJsonObject{{QStringLiteral("error"), QStringLiteral("forbidden")}});
        if (r.path() != QLatin1String("/update") || r.method != "POST")
            return json(404, QJsonObject{{QStringLiteral("error"), QStringLiteral("not found")}});
        if (r.headers.value("x-api-user") != m_acmeUser.toUtf8() || r.headers.value("x-api-key") != m_token)
            return forbidden;
        const QJsonObject b = r.json();
        if (b.value(QStringLiteral("subdomain")).toString() != m_acmeSubdomain)
            return forbidden;
        const QString txt = b.value(QStringLiteral("txt")).toString();
        if (txt.size() != 43) // acme-dns accepts only dns-01 values
            return json(400, QJsonObject{{QStringLiteral("error"), QStringLiteral("bad_txt")}});
        m_acmeValues << txt;
        while (m_acmeValues.size() > 2) // it keeps the last two
            m_acmeValues.removeFirst();
        return json(200, QJsonObject{{QStringLiteral("txt"), txt}});
    }

    Answer answer(const Request& r) {
        if (m_malformed)
            return Answer{200, QByteArrayLiteral("<html><body>Login to the Wi-Fi</body></html>"), {}};
        switch (m_api) {
        case Api::Cloudflare:
            return cloudflare(r);
        case Api::DigitalOcean:
            return digitalOcean(r);
        case Api::Hetzner:
            return hetzner(r);
        case Api::DeSec:
            return deSec(r);
        case Api::AcmeDns:
            return acmeDns(r);
        }
        return Answer{500, {}, {}};
    }

    void onConnection() {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                buffer->append(socket->readAll());
                for (;;) {
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    Request r;
                    const QList<QByteArray> lines = buffer->left(end).split('\n');
                    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                    r.method = first.value(0);
                    r.target = first.value(1);
                    for (qsizetype i = 1; i < lines.size(); ++i) {
                        const qsizetype colon = lines[i].indexOf(':');
                        if (colon > 0)
                            r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                             lines[i].mid(colon + 1).trimmed());
                    }
                    const qsizetype length = r.headers.value("content-length", "0").toLongLong();
                    if (buffer->size() < end + 4 + length)
                        return; // wait for the rest of the body
                    r.body = buffer->mid(end + 4, length);
                    buffer->remove(0, end + 4 + length);
                    m_requests << r;
                    const Answer a = answer(r);
                    QByteArray head = "HTTP/1.1 " + QByteArray::number(a.status) + " Status\r\n";
                    if (!a.body.isEmpty())
                        head += "Content-Type: application/json\r\n";
                    for (const auto& h : a.headers)
                        head += h.first + ": " + h.second + "\r\n";
                    head += "Content-Length: " + QByteArray::number(a.body.size()) + "\r\n\r\n";
                    socket->write(head + a.body);
                }
            });
        }
    }

    Api m_api;
    QByteArray m_token;
    QTcpServer m_server;
    QList<Request> m_requests;
    QMap<QString, QString> m_zones; ///< name -> id
    QMap<QString, int> m_minimumTtl;
    QList<Record> m_records;
    QStringList m_acmeValues;
    QString m_acmeUser;
    QString m_acmeSubdomain;
    int m_lastId = 1000;
    int m_pageSize = 0;
    int m_throttleSeconds = -1;
    bool m_malformed = false;
};

} // namespace certdeck::test
