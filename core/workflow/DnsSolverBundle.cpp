// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/DnsSolverBundle.h"

#include "core/dns/NameServer.h"
#include "core/dns/providers/DnsProviderFactory.h"

#include <QObject>

namespace certdeck::workflow {

bool dnsProviderNeedsSecret(const QString& type) {
    return type != QLatin1String("manual") && type != QLatin1String("hook");
}

QCoro::Task<Result<DnsSolverBundle>> makeDnsSolver(store::Store& store, QString providerName, QString resolver) {
    auto record = store.dnsProviders().byName(providerName);
    if (!record)
        co_return Error(ErrorCode::NotFound,
                        QObject::tr("No DNS provider named \"%1\": add it with 'certdeck-cli dns-provider add'.")
                            .arg(providerName));
    SecureBytes secret;
    if (dnsProviderNeedsSecret(record->kind)) {
        const store::Secrets secrets = store.secrets();
        const QString key = record->secretKey();
        auto read = secrets.read(key);
        auto fetched = co_await read;
        if (!fetched)
            co_return fetched.error().withContext(
                QObject::tr("Reading the credentials of DNS provider %1").arg(providerName));
        secret = *fetched;
    }
    DnsSolverBundle bundle;
    bundle.http = std::make_unique<net::HttpClient>();
    auto provider =
        dns::DnsProviderFactory::create(record->kind, record->settings.toVariantMap(), secret, bundle.http.get());
    if (!provider)
        co_return provider.error();
    bundle.provider = std::move(*provider);

    challenge::Dns01Options options;
    if (!resolver.isEmpty()) {
        auto server = dns::NameServer::parse(resolver);
        if (!server)
            co_return server.error();
        options.resolver.servers = {*server};
        options.resolver.recursionDesired = false;
        options.resolver.authoritativePort = server->port;
        options.propagation.resolver = options.resolver;
        options.propagation.servers = {*server};
    }
    bundle.solver = std::make_unique<challenge::Dns01Solver>(*bundle.provider, options);
    co_return bundle;
}

} // namespace certdeck::workflow
