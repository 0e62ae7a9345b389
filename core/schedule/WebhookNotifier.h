// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/HttpClient.h"
#include "core/schedule/Notifier.h"

#include <QUrl>

namespace certdeck::schedule {

/// Notifications as an HTTP POST with a JSON body, in the shape the receiver expects:
/// - Json: Notification::toJson() (for your own endpoint);
/// - Ntfy: ntfy's JSON publishing (POST to the server root with "topic", "title", "message",
///   "priority", "tags"); the URL names the topic: https://ntfy.sh/<topic>;
/// - Slack: an incoming webhook {"text": …} (Mattermost and Rocket.Chat accept it too);
/// - Discord: a webhook {"content": …} (at most 2000 characters).
/// The URL often is the secret (Slack, Discord): description() shows only the host. Plain http:// is
/// refused except to a loopback address. Bounded by the HttpClient's timeout; any 2xx is success.
class WebhookNotifier final : public Notifier {
public:
    enum class Format { Json, Ntfy, Slack, Discord };

    /// `http` is not owned and must outlive this notifier.
    WebhookNotifier(net::HttpClient& http, QUrl url, Format format);

    /// Parses "json", "ntfy", "slack", "discord".
    static std::optional<Format> parseFormat(const QString& name);
    [[nodiscard]] static QString formatName(Format format);
    /// The request body for `n` in this notifier's format (exposed for tests).
    [[nodiscard]] QByteArray body(const Notification& n) const;
    /// The URL the POST goes to (ntfy: the server root).
    [[nodiscard]] QUrl postUrl() const;

    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> send(Notification notification) override;

private:
    net::HttpClient& m_http;
    QUrl m_url;
    Format m_format;
};

} // namespace certdeck::schedule
