// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/IssueCommand.h"

#include "app/cli/Cli.h"
#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/DnsSupport.h"
#include "app/cli/commands/SandboxSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/acme/AcmeClient.h"
#include "core/challenge/LocalWebrootSolver.h"
#include "core/challenge/StandaloneSolver.h"
#include "core/crypto/KeyType.h"
#include "core/workflow/AccountFiles.h"
#include "core/workflow/CertificateFiles.h"
#include "core/workflow/IssueCertificate.h"
#include "core/workflow/RenewCertificate.h"
#include "core/workflow/StoreAccount.h"
#include "core/workflow/StoreLineage.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace certdeck::cli {

QCoro::Task<int> IssueCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    const QCommandLineOption domain(
        {QStringLiteral("d"), QStringLiteral("domain")},
        QStringLiteral("A name for the certificate (repeat for more; *.name for a wildcard)."), QStringLiteral("NAME"));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("The CA's directory URL, or letsencrypt / letsencrypt-staging."),
                                    QStringLiteral("URL"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QStringLiteral("Also trust this CA certificate (PEM) for the CA's HTTPS."),
                                    QStringLiteral("PEM"));
    const QCommandLineOption webroot(
        QStringLiteral("webroot"), QStringLiteral("Answer http-01 by writing into this folder your web server serves."),
        QStringLiteral("DIR"));
    const QCommandLineOption standalone(QStringLiteral("standalone"),
                                        QStringLiteral("Answer http-01 with a built-in responder on ADDR:PORT."),
                                        QStringLiteral("ADDR:PORT"));
    const QCommandLineOption keyType(QStringLiteral("key-type"),
                                     QStringLiteral("p256 (default), p384, rsa2048, rsa3072 or rsa4096."),
                                     QStringLiteral("TYPE"), QStringLiteral("p256"));
    const QCommandLineOption reuseKey(QStringLiteral("reuse-key"),
                                      QStringLiteral("Reuse the key already in --out instead of making a fresh one."));
    const QCommandLineOption profile(QStringLiteral("profile"), QStringLiteral("The CA's certificate profile."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption preferredChain(QStringLiteral("preferred-chain"),
                                            QStringLiteral("Prefer the chain whose top certificate is issued by NAME."),
                                            QStringLiteral("NAME"));
    const QCommandLineOption eabKid(QStringLiteral("eab-kid"), QStringLiteral("External Account Binding key ID."),
                                    QStringLiteral("KID"));
    const QCommandLineOption eabKeyFile(QStringLiteral("eab-hmac-key-file"),
                                        QStringLiteral("File holding the EAB HMAC key (base64url)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption email(QStringLiteral("email"), QStringLiteral("Contact address for a new account."),
                                   QStringLiteral("ADDR"));
    const QCommandLineOption agreeTos(QStringLiteral("agree-tos"),
                                      QStringLiteral("Agree to the CA's terms of service when registering."));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Write cert.pem, chain.pem, fullchain.pem, privkey.pem into DIR "
                                                "instead of keeping the certificate in Certdeck's store."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption certName(QStringLiteral("name"),
                                      QStringLiteral("Name to keep the certificate under in the store (default: the "
                                                     "first domain)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption dnsProvider(
        QStringLiteral("dns"),
        QStringLiteral(
            "Answer dns-01 through this stored DNS provider (see 'dns-provider add'); needed for wildcards."),
        QStringLiteral("PROVIDER"));
    const QCommandLineOption dnsResolver(
        QStringLiteral("dns-resolver"),
        QStringLiteral(
            "Watch propagation on this authoritative server ADDR:PORT instead of the zone's NS (local zones)."),
        QStringLiteral("ADDR:PORT"));
    p.addOptions({dnsProvider, dnsResolver});
    p.addOptions({domain, server, caFile, webroot, standalone, keyType, reuseKey, profile, preferredChain, eabKid,
                  eabKeyFile, email, agreeTos, out, certName});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;

    auto fail = [&ctx](const Error& e) {
        return reportError(ctx, e);
    };
    auto ids = acme::parseIdentifiers(p.values(domain));
    if (!ids)
        co_return fail(ids.error());
    // Without --out the certificate is kept in the store as a lineage that `renew` keeps fresh.
    const bool toStore = !p.isSet(out);
    if (toStore && p.isSet(reuseKey))
        co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("--reuse-key goes with --out DIR.")));
    std::unique_ptr<store::Store> store;
    QString lineageName;
    std::optional<store::Lineage> unfinished; ///< this name's lineage from an interrupted first issuance
    if (toStore) {
        auto opened = openStore(ctx);
        if (!opened)
            co_return fail(opened.error());
        store = std::move(*opened);
        lineageName = p.isSet(certName) ? p.value(certName) : store::Lineage::nameFor(ids->first().value);
        if (!store::Lineage::isValidName(lineageName))
            co_return fail(Error(ErrorCode::InvalidInput,
                                 QObject::tr("'%1' cannot be a certificate name: use lower-case letters, digits, '.', "
                                             "'-' and '_'.")
                                     .arg(lineageName)));
        // Before ordering: a second lineage under a taken name would only fail after the CA did the work.
        // A lineage still waiting for its first certificate (an earlier `issue` was interrupted) is
        // finished instead, with its stored order when the CA still has it.
        if (auto existing = store->lineages().byName(lineageName)) {
            auto latest = store->certificates().latest(existing->id);
            if (latest || latest.error().code != ErrorCode::NotFound)
                co_return fail(Error(ErrorCode::InvalidInput,
                                     QObject::tr("A certificate named '%1' exists already: renew it with "
                                                 "'certdeck-cli renew %1 --force', or choose another --name.")
                                         .arg(lineageName)));
            QStringList wanted;
            for (const auto& id : *ids)
                wanted << id.value;
            QStringList had = existing->names;
            wanted.sort();
            had.sort();
            if (wanted != had)
                co_return fail(Error(ErrorCode::InvalidInput,
                                     QObject::tr("'%1' is still waiting for its first certificate, for %2: run "
                                                 "'certdeck-cli renew %1' to finish it, or choose another --name.")
                                         .arg(lineageName, existing->names.join(QStringLiteral(", ")))));
            unfinished = *existing;
        }
    }
    auto type = crypto::parseKeyType(p.value(keyType));
    if (!type)
        co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("Unknown --key-type %1.").arg(p.value(keyType))));

    std::unique_ptr<SandboxSession> sandbox;
    QString directory = p.value(server);
    QString trust = p.value(caFile);
    QString standaloneAddr = p.value(standalone);
    if (ctx.sandbox) {
        auto starting = SandboxSession::start(ctx);
        auto sb = co_await starting;
        if (!sb)
            co_return fail(sb.error());
        sandbox = std::move(*sb);
        directory = sandbox->directoryUrl().toString();
        trust = sandbox->caFile();
        if (!p.isSet(webroot) && !p.isSet(dnsProvider) && standaloneAddr.isEmpty())
            standaloneAddr = QStringLiteral("127.0.0.1:%1").arg(sandbox->httpPort());
    }
    if (directory.isEmpty())
        co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("Give --server URL (or use --sandbox).")));
    auto dirUrl = directoryUrlFrom(directory);
    if (!dirUrl)
        co_return fail(dirUrl.error());
    if (int(p.isSet(webroot)) + int(!standaloneAddr.isEmpty()) + int(p.isSet(dnsProvider)) != 1)
        co_return fail(Error(ErrorCode::InvalidInput,
                             QObject::tr("Choose one of --webroot DIR, --standalone ADDR:PORT or --dns PROVIDER.")));

    std::unique_ptr<acme::ChallengeSolver> solverOwner;
    std::optional<DnsSolverBundle> dnsBundle;
    if (p.isSet(dnsProvider)) {
        // The provider's settings live in the store and its credential in the keychain.
        if (!store) {
            auto opened = openStore(ctx);
            if (!opened)
                co_return fail(opened.error());
            store = std::move(*opened);
        }
        const QString providerName = p.value(dnsProvider);
        const QString resolver = p.value(dnsResolver);
        auto making = makeDnsSolver(*store, providerName, resolver);
        auto bundle = co_await making;
        if (!bundle)
            co_return fail(bundle.error());
        dnsBundle = std::move(*bundle);
    } else if (p.isSet(webroot)) {
        solverOwner = std::make_unique<challenge::LocalWebrootSolver>(p.value(webroot));
    } else {
        const qsizetype colon = standaloneAddr.lastIndexOf(QLatin1Char(':'));
        QHostAddress addr(standaloneAddr.left(colon).remove(QLatin1Char('[')).remove(QLatin1Char(']')));
        bool portOk = false;
        const uint port = standaloneAddr.mid(colon + 1).toUInt(&portOk);
        if (colon < 0 || addr.isNull() || !portOk || port == 0 || port > 65535)
            co_return fail(Error(ErrorCode::InvalidInput,
                                 QObject::tr("--standalone needs ADDRESS:PORT, e.g. 0.0.0.0:80 or 127.0.0.1:5002.")));
        solverOwner = std::make_unique<challenge::StandaloneSolver>(addr, static_cast<quint16>(port));
    }

    std::optional<acme::ExternalAccountBinding> eab;
    if (p.isSet(eabKid) != p.isSet(eabKeyFile))
        co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("--eab-kid and --eab-hmac-key-file go together.")));
    if (p.isSet(eabKid)) {
        auto keyText = readSecretFile(p.value(eabKeyFile));
        if (!keyText)
            co_return fail(keyText.error());
        auto binding = acme::ExternalAccountBinding::fromStrings(p.value(eabKid), *keyText);
        SecureBytes::wipe(*keyText);
        if (!binding)
            co_return fail(binding.error());
        eab = std::move(*binding);
    }

    std::optional<crypto::PrivateKey> existingKey;
    const QString outDir = p.value(out);
    if (p.isSet(reuseKey)) {
        QFile f(outDir + QStringLiteral("/privkey.pem"));
        if (!f.open(QIODevice::ReadOnly))
            co_return fail(Error(ErrorCode::NotFound, QObject::tr("--reuse-key: no key at %1.").arg(f.fileName())));
        SecureBytes pem(f.read(64 * 1024));
        auto k = crypto::PrivateKey::fromPem(pem.bytes());
        if (!k)
            co_return fail(k.error());
        existingKey = *k;
    }

    auto http = makeHttpClient(trust);
    if (!http)
        co_return fail(http.error());
    Progress progress;
    printProgress(progress, ctx);
    CancelToken cancel;
    workflow::AccountOptions accountOptions;
    accountOptions.termsOfServiceAgreed = p.isSet(agreeTos) || ctx.sandbox;
    if (p.isSet(email))
        accountOptions.contact = {QStringLiteral("mailto:") + p.value(email)};
    accountOptions.eab = eab;
    const QUrl directoryUrl = *dirUrl;

    workflow::IssueRequest request;
    request.identifiers = *ids;
    request.keyType = *type;
    request.reuseKey = existingKey;
    request.profile = p.value(profile);
    request.preferredChain = p.value(preferredChain);
    acme::ChallengeSolver* solver =
        dnsBundle ? static_cast<acme::ChallengeSolver*>(dnsBundle->solver.get()) : solverOwner.get();
    request.solvers = {solver};

    // How renewals answer the challenge, kept with the lineage.
    QJsonObject challenge;
    if (p.isSet(dnsProvider)) {
        challenge = QJsonObject{{QStringLiteral("method"), QStringLiteral("dns-01")},
                                {QStringLiteral("provider"), p.value(dnsProvider)},
                                {QStringLiteral("resolver"), p.value(dnsResolver)}};
    } else if (p.isSet(webroot)) {
        challenge = QJsonObject{{QStringLiteral("method"), QStringLiteral("webroot")},
                                {QStringLiteral("webroot"), QDir(p.value(webroot)).absolutePath()}};
    } else {
        const qsizetype colon = standaloneAddr.lastIndexOf(QLatin1Char(':'));
        challenge = QJsonObject{
            {QStringLiteral("method"), QStringLiteral("standalone")},
            {QStringLiteral("address"), standaloneAddr.left(colon).remove(QLatin1Char('[')).remove(QLatin1Char(']'))},
            {QStringLiteral("port"), standaloneAddr.mid(colon + 1).toInt()}};
    }
    if (!trust.isEmpty())
        challenge.insert(QStringLiteral("caFile"), QFileInfo(trust).absoluteFilePath());

    std::optional<crypto::Certificate> leafCert;
    QUrl orderUrl;
    int requests = 0;
    QString savedDir = QDir(outDir).absolutePath();
    if (toStore && !sandbox) {
        // A real CA's certificate kept in the store: the lineage row exists before the order is placed,
        // so the order and its key are recorded as the lineage's pending order (like a renewal's) and a
        // killed run is finished by the next `issue` with the same names or by `renew NAME`.
        store::Lineage lineage = workflow::lineageFor(request, directoryUrl, challenge, lineageName);
        if (unfinished) {
            lineage.id = unfinished->id;
            lineage.createdAt = unfinished->createdAt;
            lineage.deployTargets = unfinished->deployTargets;
            lineage.autoRenew = unfinished->autoRenew;
            if (auto s = store->lineages().update(lineage); !s)
                co_return fail(s.error());
        } else if (auto s = store->lineages().insert(lineage); !s) {
            co_return fail(s.error());
        }
        workflow::RenewalEnvironment env;
        env.store = store.get();
        env.http = http->get();
        env.accountOptions = accountOptions;
        env.deployAfterRenewal = false; // no targets yet; `target add` then `renew --deploy-only`
        env.stepHook = stepHook();
        env.solvers = [solver](const store::Lineage&) -> Result<workflow::SolverList> {
            // Not owned: the solver lives as long as this command.
            return workflow::SolverList{std::shared_ptr<acme::ChallengeSolver>(solver, [](acme::ChallengeSolver*) {})};
        };
        workflow::RenewOptions renewOptions;
        renewOptions.force = true;
        const QString nameCopy = lineageName;
        auto issuing = workflow::renewLineage(env, nameCopy, renewOptions, progress, cancel);
        auto outcome = co_await issuing;
        if (outcome.state != workflow::RenewOutcome::State::Renewed) {
            Error error = outcome.error.value_or(Error(ErrorCode::Unknown, outcome.message));
            if (outcome.state == workflow::RenewOutcome::State::Failed) {
                auto left = store->pendingOrders().find(lineage.id);
                if (left && left->has_value()) {
                    error.userMessage +=
                        QLatin1Char(' ') + QObject::tr("The order is kept: run the same command again, or "
                                                       "'certdeck-cli renew %1', to finish it.")
                                               .arg(lineageName);
                } else {
                    // Nothing to finish: no lineage without a certificate is left behind for the timer.
                    (void)store->lineages().remove(lineageName);
                    (void)store->vault().removePendingKey(lineageName);
                }
            }
            co_return fail(error);
        }
        auto chain = store->vault().loadChain(lineageName);
        if (!chain)
            co_return fail(chain.error());
        leafCert = chain->first();
        orderUrl = outcome.orderUrl;
        requests = outcome.requests;
        savedDir = store->vault().liveDir(lineageName);
    } else {
        acme::AcmeClient client(**http);
        workflow::AccountFiles files(sandbox ? sandbox->accountDataDir() : dataDirFor(ctx));
        // A sandbox CA's account dies with it; --out one-shot runs keep theirs as files.
        auto opening = workflow::openAccount(client, files, directoryUrl, accountOptions, progress, cancel);
        auto account = co_await opening;
        if (!account)
            co_return fail(account.error());
        auto issuing = workflow::issueCertificate(client, request, progress, cancel);
        auto issued = co_await issuing;
        if (!issued)
            co_return fail(issued.error());
        if (toStore) {
            store::Lineage lineage = workflow::lineageFor(request, *dirUrl, challenge, lineageName);
            auto version = workflow::saveIssuedCertificate(*store, lineage, *issued, QStringLiteral("issued"),
                                                           QDateTime::currentDateTimeUtc());
            if (!version)
                co_return fail(version.error());
            savedDir = store->vault().liveDir(lineageName);
        } else if (auto s = workflow::writeCertificateFiles(outDir, issued->chain, issued->key); !s) {
            co_return fail(s.error());
        }
        leafCert = issued->chain.leaf();
        orderUrl = issued->orderUrl;
        requests = client.requestCount();
    }

    const crypto::Certificate& leaf = *leafCert;
    if (ctx.json) {
        QJsonArray names;
        for (const auto& id : *ids)
            names.append(id.value);
        const QString dir = savedDir;
        QJsonObject o{
            {QStringLiteral("ok"), true},
            {QStringLiteral("names"), names},
            {QStringLiteral("notBefore"), leaf.notBefore().toString(Qt::ISODate)},
            {QStringLiteral("notAfter"), leaf.notAfter().toString(Qt::ISODate)},
            {QStringLiteral("serial"), QString::fromLatin1(leaf.serialNumber().toHex())},
            {QStringLiteral("sha256"), leaf.sha256FingerprintHex()},
            {QStringLiteral("issuer"), leaf.issuerCommonName()},
            {QStringLiteral("order"), orderUrl.toString()},
            {QStringLiteral("requests"), requests},
            {QStringLiteral("name"), lineageName},
            {QStringLiteral("files"), QJsonObject{{QStringLiteral("cert"), dir + QStringLiteral("/cert.pem")},
                                                  {QStringLiteral("chain"), dir + QStringLiteral("/chain.pem")},
                                                  {QStringLiteral("fullchain"), dir + QStringLiteral("/fullchain.pem")},
                                                  {QStringLiteral("privkey"), dir + QStringLiteral("/privkey.pem")}}}};
        *ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        *ctx.out << "Certificate for " << leaf.dnsNames().join(QStringLiteral(", "))
                 << (leaf.ipAddresses().isEmpty() ? QString()
                                                  : QLatin1Char(' ') + leaf.ipAddresses().join(QStringLiteral(", ")))
                 << " saved in " << savedDir << (toStore ? QStringLiteral(" as '%1'").arg(lineageName) : QString())
                 << " (valid until " << leaf.notAfter().toString(Qt::ISODate) << ")\n";
    }
    co_return 0;
}

} // namespace certdeck::cli
