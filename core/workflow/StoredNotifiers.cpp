// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/StoredNotifiers.h"

#include "core/schedule/SmtpNotifier.h"
#include "core/schedule/WebhookNotifier.h"

#include <QJsonArray>
#include <QObject>
#include <QSslCertificate>

namespace certdeck::workflow {

std::vector<schedule::Notifier*> StoredNotifiers::pointers() const {
    std::vector<schedule::Notifier*> v;
    for (const auto& n : owned)
        v.push_back(n.get());
    return v;
}

Result<std::unique_ptr<schedule::Notifier>> makeNotifier(const store::NotifierRecord& r, const SecureBytes& secret,
                                                         net::HttpClient& http) {
    const QJsonObject& s = r.settings;
    if (r.kind == QLatin1String("webhook")) {
        const auto format =
            schedule::WebhookNotifier::parseFormat(s.value(QStringLiteral("format")).toString(QStringLiteral("json")));
        if (!format)
            return Error(ErrorCode::InvalidInput, QObject::tr("Notifier %1: unknown webhook format.").arg(r.name));
        const QUrl url(QString::fromUtf8(secret.bytes()), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return Error(
                ErrorCode::InvalidInput,
                QObject::tr("Notifier %1: the stored webhook address is not a URL; add it again.").arg(r.name));
        return std::unique_ptr<schedule::Notifier>(std::make_unique<schedule::WebhookNotifier>(http, url, *format));
    }
    if (r.kind == QLatin1String("smtp")) {
        schedule::SmtpNotifier::Options o;
        o.host = s.value(QStringLiteral("host")).toString();
        const int port = s.value(QStringLiteral("port")).toInt(587);
        if (o.host.isEmpty() || port <= 0 || port > 65535)
            return Error(ErrorCode::InvalidInput, QObject::tr("Notifier %1: the mail server is not set.").arg(r.name));
        o.port = static_cast<quint16>(port);
        const QString security = s.value(QStringLiteral("security")).toString(QStringLiteral("starttls"));
        if (security == QLatin1String("starttls"))
            o.security = schedule::SmtpNotifier::Security::StartTls;
        else if (security == QLatin1String("tls"))
            o.security = schedule::SmtpNotifier::Security::ImplicitTls;
        else if (security == QLatin1String("none"))
            o.security = schedule::SmtpNotifier::Security::None;
        else
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("Notifier %1: security must be starttls, tls or none.").arg(r.name));
        o.from = s.value(QStringLiteral("from")).toString();
        for (const QJsonValue& v : s.value(QStringLiteral("to")).toArray())
            o.to << v.toString();
        if (o.from.isEmpty() || o.to.isEmpty())
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("Notifier %1: the sender and recipient addresses are not set.").arg(r.name));
        o.userName = s.value(QStringLiteral("user")).toString();
        o.password = secret;
        const QString caFile = s.value(QStringLiteral("caFile")).toString();
        if (!caFile.isEmpty()) {
            o.extraCaCertificates = QSslCertificate::fromPath(caFile, QSsl::Pem);
            if (o.extraCaCertificates.isEmpty())
                return Error(ErrorCode::InvalidInput,
                             QObject::tr("Notifier %1: no CA certificate in %2.").arg(r.name, caFile));
        }
        return std::unique_ptr<schedule::Notifier>(std::make_unique<schedule::SmtpNotifier>(o));
    }
    return Error(ErrorCode::InvalidInput, QObject::tr("Notifier %1: unknown kind '%2'.").arg(r.name, r.kind));
}

QCoro::Task<StoredNotifiers> loadStoredNotifiers(store::Store& store, net::HttpClient& http) {
    StoredNotifiers out;
    auto all = store.notifiers().all();
    if (!all) {
        out.problems << all.error().toString();
        co_return out;
    }
    const store::Secrets secrets = store.secrets();
    for (const store::NotifierRecord& r : std::as_const(*all)) {
        if (!r.enabled)
            continue;
        SecureBytes secret;
        // Webhooks always have their URL there; mail only when it logs in.
        const bool needsSecret =
            r.kind == QLatin1String("webhook") || !r.settings.value(QStringLiteral("user")).toString().isEmpty();
        if (needsSecret) {
            const QString key = r.secretKey();
            auto reading = secrets.read(key);
            auto value = co_await reading;
            if (!value) {
                out.problems << QObject::tr("%1: %2").arg(r.name, value.error().userMessage);
                continue;
            }
            secret = *value;
        }
        auto made = makeNotifier(r, secret, http);
        if (!made) {
            out.problems << made.error().userMessage;
            continue;
        }
        out.owned.push_back(std::move(*made));
        out.names << r.name;
    }
    co_return out;
}

} // namespace certdeck::workflow
