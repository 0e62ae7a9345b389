// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/providers/DnsProviderFactory.h"

#include "core/dns/providers/AcmeDnsProvider.h"
#include "core/dns/providers/CloudflareProvider.h"
#include "core/dns/providers/DeSecProvider.h"
#include "core/dns/providers/DigitalOceanProvider.h"
#include "core/dns/providers/HetznerProvider.h"
#include "core/dns/providers/HookProvider.h"
#include "core/dns/providers/ManualProvider.h"
#include "core/dns/providers/PowerDnsProvider.h"
#include "core/dns/providers/Rfc2136Provider.h"

#include <QObject>

namespace certdeck::dns {

QStringList DnsProviderFactory::types() {
    return {QStringLiteral("manual"),   QStringLiteral("rfc2136"),    QStringLiteral("hook"),
            QStringLiteral("powerdns"), QStringLiteral("cloudflare"), QStringLiteral("digitalocean"),
            QStringLiteral("hetzner"),  QStringLiteral("desec"),      QStringLiteral("acme-dns")};
}

Result<std::unique_ptr<DnsProvider>> DnsProviderFactory::create(const QString& type, const QVariantMap& settings,
                                                                const SecureBytes& secret, net::HttpClient* http) {
    auto missing = [&type](const char* key) {
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("The %1 DNS provider needs the setting \"%2\".").arg(type, QLatin1String(key)));
    };
    if (type == QLatin1String("manual"))
        return std::unique_ptr<DnsProvider>(std::make_unique<ManualProvider>());
    if (type == QLatin1String("rfc2136")) {
        Rfc2136Options o;
        auto server = NameServer::parse(settings.value(QStringLiteral("server")).toString());
        if (!server)
            return server.error();
        o.server = *server;
        o.key.name = settings.value(QStringLiteral("keyName")).toString();
        auto algorithm = TsigKey::algorithmFromName(
            settings.value(QStringLiteral("algorithm"), QStringLiteral("hmac-sha256")).toString());
        if (!algorithm)
            return algorithm.error();
        o.key.algorithm = *algorithm;
        o.key.secretBase64 = secret;
        if (auto ok = o.key.validate(); !ok)
            return ok.error();
        o.zone = settings.value(QStringLiteral("zone")).toString();
        return std::unique_ptr<DnsProvider>(std::make_unique<Rfc2136Provider>(o));
    }
    if (type == QLatin1String("hook")) {
        HookOptions o;
        o.program = settings.value(QStringLiteral("program")).toString();
        if (o.program.isEmpty())
            return missing("program");
        o.arguments = settings.value(QStringLiteral("arguments")).toStringList();
        const int seconds = settings.value(QStringLiteral("timeoutSeconds"), 120).toInt();
        if (seconds <= 0)
            return Error(ErrorCode::InvalidInput,
                         QObject::tr("The hook's timeout must be a positive number of seconds."));
        o.timeout = std::chrono::seconds(seconds);
        return std::unique_ptr<DnsProvider>(std::make_unique<HookProvider>(o));
    }
    if (type == QLatin1String("powerdns")) {
        if (!http)
            return Error(ErrorCode::InvalidInput, QObject::tr("The PowerDNS provider needs an HTTP client."));
        PowerDnsOptions o;
        o.baseUrl = QUrl(settings.value(QStringLiteral("url")).toString());
        o.serverId = settings.value(QStringLiteral("serverId"), QStringLiteral("localhost")).toString();
        o.zone = settings.value(QStringLiteral("zone")).toString();
        o.apiKey = secret;
        auto provider = std::make_unique<PowerDnsProvider>(*http, o);
        if (auto ok = provider->validate(); !ok)
            return ok.error();
        return std::unique_ptr<DnsProvider>(std::move(provider));
    }
    // The hosted APIs: "url" overrides the production endpoint (a test's local fake; http only on loopback).
    const auto needsHttp = [&type]() {
        return Error(ErrorCode::InvalidInput, QObject::tr("The %1 DNS provider needs an HTTP client.").arg(type));
    };
    const QString url = settings.value(QStringLiteral("url")).toString();
    if (type == QLatin1String("cloudflare")) {
        if (!http)
            return needsHttp();
        CloudflareOptions o;
        if (!url.isEmpty())
            o.baseUrl = QUrl(url);
        o.zone = settings.value(QStringLiteral("zone")).toString();
        o.apiToken = secret;
        auto provider = std::make_unique<CloudflareProvider>(*http, o);
        if (auto ok = provider->validate(); !ok)
            return ok.error();
        return std::unique_ptr<DnsProvider>(std::move(provider));
    }
    if (type == QLatin1String("digitalocean")) {
        if (!http)
            return needsHttp();
        DigitalOceanOptions o;
        if (!url.isEmpty())
            o.baseUrl = QUrl(url);
        o.domain = settings.value(QStringLiteral("domain")).toString();
        o.apiToken = secret;
        auto provider = std::make_unique<DigitalOceanProvider>(*http, o);
        if (auto ok = provider->validate(); !ok)
            return ok.error();
        return std::unique_ptr<DnsProvider>(std::move(provider));
    }
    if (type == QLatin1String("hetzner")) {
        if (!http)
            return needsHttp();
        HetznerOptions o;
        if (!url.isEmpty())
            o.baseUrl = QUrl(url);
        o.zone = settings.value(QStringLiteral("zone")).toString();
        o.apiToken = secret;
        auto provider = std::make_unique<HetznerProvider>(*http, o);
        if (auto ok = provider->validate(); !ok)
            return ok.error();
        return std::unique_ptr<DnsProvider>(std::move(provider));
    }
    if (type == QLatin1String("desec")) {
        if (!http)
            return needsHttp();
        DeSecOptions o;
        if (!url.isEmpty())
            o.baseUrl = QUrl(url);
        o.domain = settings.value(QStringLiteral("domain")).toString();
        o.apiToken = secret;
        auto provider = std::make_unique<DeSecProvider>(*http, o);
        if (auto ok = provider->validate(); !ok)
            return ok.error();
        return std::unique_ptr<DnsProvider>(std::move(provider));
    }
    if (type == QLatin1String("acme-dns")) {
        if (!http)
            return needsHttp();
        if (url.isEmpty())
            return missing("url");
        AcmeDnsOptions o;
        o.baseUrl = QUrl(url);
        o.username = settings.value(QStringLiteral("username")).toString();
        if (o.username.isEmpty())
            return missing("username");
        o.subdomain = settings.value(QStringLiteral("subdomain")).toString();
        if (o.subdomain.isEmpty())
            return missing("subdomain");
        o.fulldomain = settings.value(QStringLiteral("fulldomain")).toString();
        o.apiKey = secret;
        auto provider = std::make_unique<AcmeDnsProvider>(*http, o);
        if (auto ok = provider->validate(); !ok)
            return ok.error();
        return std::unique_ptr<DnsProvider>(std::move(provider));
    }
    return Error(ErrorCode::InvalidInput,
                 QObject::tr("Unknown DNS provider \"%1\"; known: %2.").arg(type, types().join(QLatin1String(", "))));
}

} // namespace certdeck::dns
