// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/providers/internal/CloudApi.h"

#include "core/common/Async.h"
#include "core/dns/DnsName.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QObject>

namespace certdeck::dns::internal {

bool CloudApi::isLoopbackHost(const QString& host) {
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress a(host);
    return !a.isNull() && a.isLoopback();
}

Status CloudApi::checkBaseUrl(const QUrl& url, const QString& provider) {
    if (!url.isValid() || url.host().isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("The %1 API URL is not valid.").arg(provider));
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host()))
        return {};
    return Error(ErrorCode::InvalidInput,
                 QObject::tr("The %1 API URL must use https (plain http only on this machine): the API token "
                             "would travel in clear text.")
                     .arg(provider),
                 url.toString());
}

QUrl CloudApi::endpoint(const QUrl& base, const QString& path, const QUrlQuery& query) {
    QUrl url = base;
    QString p = base.path();
    if (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    url.setPath(p + path);
    url.setQuery(query);
    return url;
}

QCoro::Task<Result<net::HttpResponse>> CloudApi::send(net::HttpClient& http, ApiCall call, CancelToken cancel) {
    net::HttpRequest req;
    req.method = call.method;
    req.url = call.url;
    req.allowPlainHttp = call.url.scheme() == QLatin1String("http") && isLoopbackHost(call.url.host());
    req.headers = call.headers;
    req.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    if (!call.body.isEmpty())
        req.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    req.body = call.body;
    req.timeout = std::chrono::seconds(30);
    req.maxResponseBytes = 4 << 20; // a page of records, never a whole account's worth
    auto task = http.send(req, cancel);
    auto r = co_await task;
    co_return r;
}

Result<QJsonObject> CloudApi::object(const net::HttpResponse& r, const QString& provider) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error(ErrorCode::Protocol,
                     QObject::tr("%1 answered something that is not the JSON object its API documents (HTTP %2).")
                         .arg(provider)
                         .arg(r.status),
                     QString::fromUtf8(r.body.left(300)));
    return doc.object();
}

Result<QJsonArray> CloudApi::array(const net::HttpResponse& r, const QString& provider) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isArray())
        return Error(ErrorCode::Protocol,
                     QObject::tr("%1 answered something that is not the JSON list its API documents (HTTP %2).")
                         .arg(provider)
                         .arg(r.status),
                     QString::fromUtf8(r.body.left(300)));
    return doc.array();
}

QString CloudApi::apiMessage(const net::HttpResponse& r) {
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    const QJsonObject o = doc.object();
    QStringList parts;
    // Cloudflare: {"errors":[{"code":..,"message":..}]}
    for (const QJsonValue& e : o.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject eo = e.toObject();
        parts << QStringLiteral("%1 (%2)")
                     .arg(eo.value(QStringLiteral("message")).toString())
                     .arg(eo.value(QStringLiteral("code")).toInt());
    }
    // DigitalOcean {"id","message"}, Hetzner {"message"} or {"error":{"message"}}, deSEC {"detail"},
    // acme-dns {"error":"forbidden"}.
    for (const char* key : {"message", "detail"}) {
        const QString s = o.value(QLatin1String(key)).toString();
        if (!s.isEmpty())
            parts << s;
    }
    const QJsonValue error = o.value(QStringLiteral("error"));
    if (error.isString())
        parts << error.toString();
    else if (error.isObject())
        parts << error.toObject().value(QStringLiteral("message")).toString();
    parts.removeAll(QString());
    const QString text = parts.isEmpty() ? QString::fromUtf8(r.body.left(300)) : parts.join(QLatin1String("; "));
    return text.left(300);
}

Error CloudApi::tokenRefused(const QString& provider, const QString& zone, const net::HttpResponse& r) {
    return Error(ErrorCode::Permission,
                 QObject::tr("%1: the API token was refused: check it has DNS edit rights for %2.").arg(provider, zone),
                 QStringLiteral("HTTP %1: %2").arg(r.status).arg(apiMessage(r)));
}

Error CloudApi::unexpected(const QString& provider, const QString& doing, const net::HttpResponse& r) {
    ErrorCode code = ErrorCode::Dns;
    if (r.status == 429)
        code = ErrorCode::Busy;
    Error e(code, QObject::tr("%1 answered HTTP %2 when %3: %4").arg(provider).arg(r.status).arg(doing, apiMessage(r)),
            QString::fromUtf8(r.body.left(1000)));
    return e;
}

QString CloudApi::withoutDot(const QString& fqdn) {
    return fqdn.endsWith(QLatin1Char('.')) ? fqdn.chopped(1) : fqdn;
}

QString CloudApi::relativeName(const QString& fqdn, const QString& zone) {
    const QString f = withoutDot(fqdn).toLower();
    const QString z = withoutDot(zone).toLower();
    if (f == z)
        return QStringLiteral("@");
    return f.left(f.size() - z.size() - 1);
}

QStringList CloudApi::zoneCandidates(const QString& fqdn) {
    QStringList out;
    QString c = fqdn;
    while (DnsName::labelCount(c) >= 2) {
        out << c;
        c = DnsName::parent(c);
    }
    return out;
}

Result<QStringList> CloudApi::zoneCandidates(const QString& fqdn, const QString& configuredZone,
                                             const QString& notInZone) {
    if (configuredZone.isEmpty())
        return zoneCandidates(fqdn);
    auto zone = DnsName::normalise(configuredZone);
    if (!zone)
        return zone.error();
    if (!DnsName::isSameOrBelow(fqdn, *zone))
        return Error(ErrorCode::InvalidInput, notInZone.arg(DnsName::display(fqdn), DnsName::display(*zone)));
    return QStringList{*zone};
}

QString CloudApi::unquoted(const QString& content) {
    if (content.size() >= 2 && content.startsWith(QLatin1Char('"')) && content.endsWith(QLatin1Char('"')))
        return content.mid(1, content.size() - 2);
    return content;
}

QString CloudApi::quoted(const QString& value) {
    QString v = value;
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    v.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

QCoro::Task<bool> ChangeLock::acquire(CancelToken cancel) {
    const std::shared_ptr<bool> busy = m_busy;
    while (*busy) {
        auto pause = sleepFor(std::chrono::milliseconds(20), cancel);
        const bool slept = co_await pause;
        if (!slept)
            co_return false;
    }
    *busy = true;
    co_return true;
}

} // namespace certdeck::dns::internal
