// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/WebhookNotifier.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace certdeck::schedule {

namespace {
bool isLoopback(const QUrl& url) {
    if (url.host() == QLatin1String("localhost"))
        return true;
    const QHostAddress a(url.host());
    return !a.isNull() && a.isLoopback();
}
} // namespace

WebhookNotifier::WebhookNotifier(net::HttpClient& http, QUrl url, Format format)
    : m_http(http)
    , m_url(std::move(url))
    , m_format(format) {}

std::optional<WebhookNotifier::Format> WebhookNotifier::parseFormat(const QString& name) {
    const QString n = name.toLower();
    if (n == QLatin1String("json"))
        return Format::Json;
    if (n == QLatin1String("ntfy"))
        return Format::Ntfy;
    if (n == QLatin1String("slack"))
        return Format::Slack;
    if (n == QLatin1String("discord"))
        return Format::Discord;
    return std::nullopt;
}

QString WebhookNotifier::formatName(Format format) {
    switch (format) {
    case Format::Json:
        return QStringLiteral("json");
    case Format::Ntfy:
        return QStringLiteral("ntfy");
    case Format::Slack:
        return QStringLiteral("slack");
    case Format::Discord:
        return QStringLiteral("discord");
    }
    return QStringLiteral("json");
}

QUrl WebhookNotifier::postUrl() const {
    if (m_format != Format::Ntfy)
        return m_url;
    QUrl root = m_url;
    root.setPath(QStringLiteral("/"));
    return root;
}

QByteArray WebhookNotifier::body(const Notification& n) const {
    QJsonObject o;
    switch (m_format) {
    case Format::Json:
        o = n.toJson();
        break;
    case Format::Ntfy: {
        const QString topic = m_url.path().section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
        // ntfy priorities: 3 default, 4 high. Tags with emoji short codes show as icons.
        o = QJsonObject{{QStringLiteral("topic"), topic},
                        {QStringLiteral("title"), n.title()},
                        {QStringLiteral("message"), n.body().isEmpty() ? n.title() : n.body()},
                        {QStringLiteral("priority"), n.isProblem() ? 4 : 3},
                        {QStringLiteral("tags"),
                         QJsonArray{n.isProblem() ? QStringLiteral("warning") : QStringLiteral("white_check_mark"),
                                    Notification::kindName(n.kind)}}};
        break;
    }
    case Format::Slack:
        o = QJsonObject{{QStringLiteral("text"), QStringLiteral("*") + n.title() + QStringLiteral("*\n") + n.body()}};
        break;
    case Format::Discord:
        o = QJsonObject{{QStringLiteral("content"),
                         (QStringLiteral("**") + n.title() + QStringLiteral("**\n") + n.body()).left(2000)}};
        break;
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString WebhookNotifier::description() const {
    return QObject::tr("webhook (%1) to %2").arg(formatName(m_format), m_url.host());
}

QCoro::Task<Status> WebhookNotifier::send(Notification notification) {
    if (!m_url.isValid() || (m_url.scheme() != QLatin1String("https") && m_url.scheme() != QLatin1String("http")))
        co_return Error(ErrorCode::InvalidInput, QObject::tr("The webhook address must be an https:// URL."));
    if (m_url.scheme() == QLatin1String("http") && !isLoopback(m_url))
        co_return Error(ErrorCode::InvalidInput,
                        QObject::tr("The webhook address must use https:// (plain http only to this computer)."));
    net::HttpRequest request;
    request.method = "POST";
    request.url = postUrl();
    request.headers = {{"Content-Type", "application/json"}};
    request.body = body(notification);
    request.allowPlainHttp = m_url.scheme() == QLatin1String("http");
    request.secretUrl = true; // a webhook URL is its own credential
    request.maxResponseBytes = 64 * 1024;
    const CancelToken cancel;
    auto task = m_http.send(request, cancel);
    auto response = co_await task;
    if (!response)
        co_return response.error().withContext(description());
    if (response->status < 200 || response->status > 299)
        co_return Error(ErrorCode::Protocol,
                        QObject::tr("The webhook answered HTTP %1: check its address.").arg(response->status),
                        QString::fromUtf8(response->body.left(300)), description());
    co_return Status{};
}

} // namespace certdeck::schedule
