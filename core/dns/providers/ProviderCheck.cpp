// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/providers/ProviderCheck.h"

#include "core/common/Progress.h"
#include "core/dns/DnsName.h"
#include "core/dns/providers/DnsProviderFactory.h"
#include "core/net/HttpClient.h"

#include <QObject>
#include <QRandomGenerator>
#include <QUrl>

#include <memory>

namespace certdeck::dns {

namespace {

const QLatin1String kCheckLabel("_certdeck-check.");

/// 32 random base64url characters: looks like nothing a person or a CA relies on.
QString randomValue() {
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

QString providerZone(const QString& type, const QVariantMap& settings) {
    if (type == QLatin1String("digitalocean") || type == QLatin1String("desec"))
        return settings.value(QStringLiteral("domain")).toString().trimmed();
    if (type == QLatin1String("acme-dns"))
        return settings.value(QStringLiteral("fulldomain")).toString().trimmed();
    return settings.value(QStringLiteral("zone")).toString().trimmed();
}

bool providerNeedsSecret(const QString& type) {
    return type != QLatin1String("manual") && type != QLatin1String("hook");
}

Status validateProviderSettings(const QString& type, const QVariantMap& settings, const SecureBytes& secret) {
    net::HttpClient http;
    auto built = DnsProviderFactory::create(type, settings, secret, &http);
    if (!built)
        return built.error();
    return Status();
}

QCoro::Task<Result<ProviderCheckResult>> checkProvider(ProviderCheckRequest request, CancelToken cancel) {
    ProviderCheckResult result;
    if (request.type == QLatin1String("manual")) {
        result.outcome = ProviderCheckResult::Outcome::NothingToCheck;
        co_return result;
    }
    // The HTTP client lives exactly as long as the check: the provider borrows it.
    auto http = std::make_unique<net::HttpClient>();
    auto built = DnsProviderFactory::create(request.type, request.settings, request.secret, http.get());
    if (!built)
        co_return built.error();
    std::unique_ptr<DnsProvider> provider = std::move(*built);
    result.description = provider->description();

    TxtRecord record;
    record.value = randomValue();
    record.ttl = 60;
    if (request.type == QLatin1String("acme-dns")) {
        // acme-dns writes only its registration's name; the record name is informational for it, but
        // when fulldomain is set the provider insists on exactly that name.
        const QString full = request.settings.value(QStringLiteral("fulldomain")).toString().trimmed();
        const QString name = full.isEmpty()
                                 ? request.settings.value(QStringLiteral("subdomain")).toString() + QLatin1Char('.') +
                                       QUrl(request.settings.value(QStringLiteral("url")).toString()).host()
                                 : full;
        auto fqdn = DnsName::normalise(name);
        if (!fqdn)
            co_return fqdn.error();
        record.fqdn = *fqdn;
        result.zone = DnsName::display(*fqdn);
    } else {
        const QString zoneText =
            request.zone.trimmed().isEmpty() ? providerZone(request.type, request.settings) : request.zone.trimmed();
        if (zoneText.isEmpty())
            co_return Error(ErrorCode::InvalidInput,
                            QObject::tr("Say which zone to test in (for example example.com): Certdeck writes a "
                                        "TXT record _certdeck-check.<zone> there and removes it again."));
        auto zone = DnsName::normalise(zoneText);
        if (!zone)
            co_return zone.error();
        if (*zone == QLatin1String("."))
            co_return Error(ErrorCode::InvalidInput, QObject::tr("Give a zone such as example.com, not the root."));
        record.fqdn = kCheckLabel + *zone;
        result.zone = DnsName::display(*zone);
    }
    record.domain = result.zone;
    result.fqdn = record.fqdn;

    Progress& quiet = Progress::null();
    const TxtRecord toAdd = record;
    auto adding = provider->addTxt(toAdd, quiet, cancel);
    const Status added = co_await adding;
    if (!added)
        co_return added.error();
    if (request.type == QLatin1String("acme-dns")) {
        // No delete in acme-dns (see AcmeDnsProvider): the value stays until two later updates.
        result.outcome = ProviderCheckResult::Outcome::WroteOnly;
        co_return result;
    }
    // The clean-up runs even when the caller cancelled meanwhile: a check must not leave records.
    const CancelToken cleanupToken;
    const TxtRecord toRemove = record;
    auto removing = provider->removeTxt(toRemove, quiet, cleanupToken);
    const Status removed = co_await removing;
    if (!removed) {
        Error e(removed.error().code,
                QObject::tr("The check record was added but could not be removed (%1): delete the TXT record %2 "
                            "with the value %3 by hand.")
                    .arg(removed.error().userMessage, DnsName::display(record.fqdn), record.value),
                removed.error().detail);
        co_return e;
    }
    result.outcome = ProviderCheckResult::Outcome::WroteAndRemoved;
    if (cancel.isCancelled())
        co_return Error(ErrorCode::Cancelled, QObject::tr("The check was cancelled (its record was removed)."));
    co_return result;
}

} // namespace certdeck::dns
