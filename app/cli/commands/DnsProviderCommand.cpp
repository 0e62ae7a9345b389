// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/DnsProviderCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/DnsSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/dns/providers/DnsProviderFactory.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace certdeck::cli {

namespace {
/// Settings whose names say they hold a secret are refused on the command line: those belong in
/// the secret file, which goes to the keychain.
bool looksSecret(const QString& key) {
    const QString k = key.toLower();
    for (const char* word : {"secret", "token", "password", "apikey", "api-key", "api_key"}) {
        if (k.contains(QLatin1String(word)))
            return true;
    }
    return false;
}
} // namespace

QCoro::Task<int> DnsProviderCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add NAME | list | test NAME | remove NAME"));
    const QCommandLineOption type(
        QStringLiteral("type"),
        QStringLiteral("Provider type: %1.").arg(dns::DnsProviderFactory::types().join(QStringLiteral(", "))),
        QStringLiteral("TYPE"));
    const QCommandLineOption set(QStringLiteral("set"),
                                 QStringLiteral("A setting KEY=VALUE (repeat), e.g. server=ns1.example.org:53, "
                                                "keyName=certdeck, zone=example.org, url=…"),
                                 QStringLiteral("KEY=VALUE"));
    const QCommandLineOption secretFile(QStringLiteral("secret-file"),
                                        QStringLiteral("File holding the credential (API token, TSIG secret); it "
                                                       "is stored in the keychain, the file can be deleted after."),
                                        QStringLiteral("FILE"));
    p.addOptions({type, set, secretFile});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    auto fail = [&ctx](const Error& e) {
        return reportError(ctx, e);
    };
    const QString action = p.positionalArguments().value(0);
    const QString providerName = p.positionalArguments().value(1);
    auto opened = openStore(ctx);
    if (!opened)
        co_return fail(opened.error());
    store::Store& st = **opened;

    if (action == QLatin1String("list")) {
        auto all = st.dnsProviders().all();
        if (!all)
            co_return fail(all.error());
        QJsonArray arr;
        for (const auto& r : *all) {
            arr.append(QJsonObject{{QStringLiteral("name"), r.name},
                                   {QStringLiteral("type"), r.kind},
                                   {QStringLiteral("settings"), r.settings}});
            if (!ctx.json)
                *ctx.out << r.name << "\t" << r.kind << '\n';
        }
        if (ctx.json)
            printJson(ctx, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("providers"), arr}});
        co_return 0;
    }
    if (providerName.isEmpty() ||
        (action != QLatin1String("add") && action != QLatin1String("remove") && action != QLatin1String("test")))
        co_return fail(
            Error(ErrorCode::InvalidInput, QObject::tr("Say what to do: add NAME, list, test NAME or remove NAME.")));

    if (action == QLatin1String("remove")) {
        auto record = st.dnsProviders().byName(providerName);
        if (!record)
            co_return fail(record.error());
        const store::Secrets secrets = st.secrets();
        const QString key = record->secretKey();
        auto removing = secrets.remove(key);
        if (auto s = co_await removing; !s)
            co_return fail(s.error());
        if (auto s = st.dnsProviders().remove(providerName); !s)
            co_return fail(s.error());
        *ctx.err << "Removed DNS provider " << providerName << " and its credential.\n";
        co_return 0;
    }

    if (action == QLatin1String("test")) {
        auto bundle = co_await makeDnsSolver(st, providerName, QString());
        if (!bundle)
            co_return fail(bundle.error());
        *ctx.out << "DNS provider " << providerName << " is ready (" << bundle->provider->description() << ")\n";
        co_return 0;
    }

    // add
    const QString kind = p.value(type);
    if (!dns::DnsProviderFactory::types().contains(kind))
        co_return fail(
            Error(ErrorCode::InvalidInput, QObject::tr("--type must be one of: %1.")
                                               .arg(dns::DnsProviderFactory::types().join(QStringLiteral(", ")))));
    QJsonObject settings;
    for (const QString& kv : p.values(set)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("--set takes KEY=VALUE, not \"%1\".").arg(kv)));
        const QString key = kv.left(eq);
        if (looksSecret(key))
            co_return fail(Error(ErrorCode::InvalidInput,
                                 QObject::tr("\"%1\" looks like a credential: give it with --secret-file so it goes "
                                             "to the keychain, not the settings.")
                                     .arg(key)));
        settings.insert(key, kv.mid(eq + 1));
    }
    SecureBytes secret;
    if (p.isSet(secretFile)) {
        auto text = readSecretFile(p.value(secretFile));
        if (!text)
            co_return fail(text.error());
        secret = SecureBytes(*text);
        SecureBytes::wipe(*text);
    } else if (dnsProviderNeedsSecret(kind)) {
        co_return fail(Error(ErrorCode::InvalidInput,
                             QObject::tr("A %1 provider needs its credential: give --secret-file FILE.").arg(kind)));
    }
    // Check the settings build a provider before anything is saved.
    net::HttpClient http;
    auto probe = dns::DnsProviderFactory::create(kind, settings.toVariantMap(), secret, &http);
    if (!probe)
        co_return fail(probe.error());
    store::DnsProviderRecord record;
    record.name = providerName;
    record.kind = kind;
    record.settings = settings;
    if (!secret.isEmpty()) {
        const store::Secrets secrets = st.secrets();
        const QString key = record.secretKey();
        auto writing = secrets.write(key, secret);
        if (auto s = co_await writing; !s)
            co_return fail(s.error().withContext(QObject::tr("Storing the credential")));
    }
    auto saved = st.dnsProviders().save(record);
    if (!saved)
        co_return fail(saved.error());
    if (ctx.json)
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), true},
                                   {QStringLiteral("name"), providerName},
                                   {QStringLiteral("type"), kind},
                                   {QStringLiteral("secretIn"), st.secrets().backendName()}});
    else
        *ctx.out << "DNS provider " << providerName << " (" << kind << ") saved; credential in the "
                 << st.secrets().backendName() << ".\n";
    co_return 0;
}

} // namespace certdeck::cli
