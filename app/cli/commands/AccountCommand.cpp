// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/AccountCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/acme/AcmeClient.h"
#include "core/common/Async.h"
#include "core/crypto/KeyType.h"
#include "core/workflow/AccountFiles.h"
#include "core/workflow/StoreAccount.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace certdeck::cli {

QCoro::Task<int> AccountCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("register | show | rollover | deactivate"));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("The CA's directory URL."),
                                    QStringLiteral("URL"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QStringLiteral("Also trust this CA certificate (PEM)."),
                                    QStringLiteral("PEM"));
    const QCommandLineOption email(QStringLiteral("email"), QStringLiteral("Contact e-mail address."),
                                   QStringLiteral("ADDR"));
    const QCommandLineOption agreeTos(QStringLiteral("agree-tos"),
                                      QStringLiteral("Agree to the CA's terms of service."));
    const QCommandLineOption keyType(QStringLiteral("key-type"),
                                     QStringLiteral("Account key type (p256, p384, rsa2048...)."),
                                     QStringLiteral("TYPE"), QStringLiteral("p256"));
    const QCommandLineOption eabKid(QStringLiteral("eab-kid"), QStringLiteral("External Account Binding key ID."),
                                    QStringLiteral("KID"));
    const QCommandLineOption eabKeyFile(QStringLiteral("eab-hmac-key-file"),
                                        QStringLiteral("File holding the EAB HMAC key."), QStringLiteral("FILE"));
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("Confirm deactivation (it cannot be undone)."));
    p.addOptions({server, caFile, email, agreeTos, keyType, eabKid, eabKeyFile, yes});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    auto fail = [&ctx](const Error& e) {
        return reportError(ctx, e);
    };
    const QString action = p.positionalArguments().value(0);
    static const QStringList actions{QStringLiteral("register"), QStringLiteral("show"), QStringLiteral("rollover"),
                                     QStringLiteral("deactivate")};
    if (!actions.contains(action))
        co_return fail(
            Error(ErrorCode::InvalidInput, QObject::tr("Say what to do: %1.").arg(actions.join(QStringLiteral(", ")))));
    auto type = crypto::parseKeyType(p.value(keyType));
    if (!type)
        co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("Unknown --key-type %1.").arg(p.value(keyType))));
    if (action == QLatin1String("deactivate") && !p.isSet(yes))
        co_return fail(Error(ErrorCode::InvalidInput,
                             QObject::tr("Deactivating an account cannot be undone: add --yes to confirm.")));

    // The store's account for the CA is the one `issue` and `renew` use (an account kept as files by an
    // earlier Certdeck in the same data folder is taken over on first use).
    auto opened = openStore(ctx);
    if (!opened)
        co_return fail(opened.error());
    std::unique_ptr<store::Store> store = std::move(*opened);
    QUrl directoryUrl;
    if (p.isSet(server)) {
        auto dirUrl = directoryUrlFrom(p.value(server));
        if (!dirUrl)
            co_return fail(dirUrl.error());
        directoryUrl = *dirUrl;
    } else {
        // Without --server: the only CA the store has an account with.
        auto all = store->accounts().all();
        if (!all)
            co_return fail(all.error());
        QStringList known;
        for (const auto& a : std::as_const(*all))
            known << a.directoryUrl.toString();
        if (known.size() != 1)
            co_return fail(Error(ErrorCode::InvalidInput,
                                 known.isEmpty() ? QObject::tr("Give --server URL (no account is stored yet).")
                                                 : QObject::tr("Give --server URL: accounts are stored for %1.")
                                                       .arg(known.join(QStringLiteral(", ")))));
        directoryUrl = all->first().directoryUrl;
    }

    auto http = makeHttpClient(p.value(caFile));
    if (!http)
        co_return fail(http.error());
    Progress progress;
    printProgress(progress, ctx);
    CancelToken cancel;
    acme::AcmeClient client(**http);
    workflow::AccountOptions options;
    options.createIfMissing = action == QLatin1String("register");
    options.termsOfServiceAgreed = p.isSet(agreeTos);
    options.keyType = *type;
    if (p.isSet(email))
        options.contact = {QStringLiteral("mailto:") + p.value(email)};
    if (p.isSet(eabKid)) {
        auto keyText = readSecretFile(p.value(eabKeyFile));
        if (!keyText)
            co_return fail(keyText.error());
        auto binding = acme::ExternalAccountBinding::fromStrings(p.value(eabKid), *keyText);
        SecureBytes::wipe(*keyText);
        if (!binding)
            co_return fail(binding.error());
        options.eab = std::move(*binding);
    }
    // Registration always asks the CA, so a stale record (a CA that forgot us) is noticed.
    options.directoryMaxAgeSeconds = 0;
    auto opening = workflow::openStoreAccount(client, *store, directoryUrl, options, progress, cancel);
    auto account = co_await opening;
    if (!account)
        co_return fail(account.error());

    const QString accountId = workflow::accountIdFor(directoryUrl);
    Result<acme::Account> result = *account;
    if (action == QLatin1String("show") || action == QLatin1String("register")) {
        auto fetching = client.fetchAccount(cancel);
        auto fetched = co_await fetching;
        result = std::move(fetched);
        if (result && p.isSet(email) && !result->contact.contains(options.contact.value(0))) {
            const QStringList contact = options.contact;
            auto updating = client.updateContact(contact, cancel);
            auto updated = co_await updating;
            result = std::move(updated);
            if (result) {
                if (auto rec = store->accounts().find(directoryUrl)) {
                    rec->contact = contact;
                    (void)store->accounts().save(*rec);
                }
            }
        }
    } else if (action == QLatin1String("rollover")) {
        const auto t = *type;
        auto generate = [t] {
            return crypto::PrivateKey::generate(t);
        };
        auto pending1 = runBlocking(std::move(generate));
        auto newKey = co_await pending1;
        if (!newKey)
            co_return fail(newKey.error());
        const crypto::JwsSigner newSigner(*newKey);
        auto rolling = client.rolloverKey(newSigner, cancel);
        auto rolled = co_await rolling;
        if (!rolled)
            co_return fail(rolled.error());
        // The CA now knows only the new key: keep it before anything else can fail.
        if (auto s = store->vault().saveAccountKey(accountId, *newKey); !s)
            co_return fail(s.error().withContext(QObject::tr("The key was changed at the CA but could not be saved")));
        progress.done(QStringLiteral("rollover"), QObject::tr("Account key replaced"));
        auto fetching = client.fetchAccount(cancel);
        auto fetched = co_await fetching;
        result = std::move(fetched);
    } else if (action == QLatin1String("deactivate")) {
        auto deactivating = client.deactivateAccount(cancel);
        auto deactivated = co_await deactivating;
        result = std::move(deactivated);
        if (result) {
            // Forgotten everywhere, so no later run takes a dead account over again.
            (void)store->accounts().remove(directoryUrl);
            (void)store->vault().removeAccountKey(accountId);
            workflow::AccountFiles files(dataDirFor(ctx));
            (void)files.remove(directoryUrl);
        }
    }
    if (!result)
        co_return fail(result.error());
    if (ctx.json) {
        const QJsonObject o{{QStringLiteral("ok"), true},
                            {QStringLiteral("account"), result->url.toString()},
                            {QStringLiteral("status"), acme::accountStatusName(result->status)},
                            {QStringLiteral("contact"), QJsonArray::fromStringList(result->contact)},
                            {QStringLiteral("keyThumbprint"), QString::fromLatin1(client.signer()->thumbprint())}};
        *ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        *ctx.out << "Account: " << result->url.toString() << '\n'
                 << "Status:  " << acme::accountStatusName(result->status) << '\n'
                 << "Contact: "
                 << (result->contact.isEmpty() ? QStringLiteral("(none)") : result->contact.join(QStringLiteral(", ")))
                 << '\n';
    }
    co_return 0;
}

} // namespace certdeck::cli
