// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/RevokeCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/acme/AcmeClient.h"
#include "core/common/Log.h"
#include "core/workflow/StoreAccount.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace certdeck::cli {

QCoro::Task<int> RevokeCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("The CA's directory URL."),
                                    QStringLiteral("URL"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QStringLiteral("Also trust this CA certificate (PEM)."),
                                    QStringLiteral("PEM"));
    const QCommandLineOption cert(QStringLiteral("cert"), QStringLiteral("The certificate (PEM) to revoke."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("Sign with the certificate's private key instead of the account."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption reason(
        QStringLiteral("reason"),
        QStringLiteral("RFC 5280 reason: 0 unspecified, 1 keyCompromise, 3 affiliationChanged, "
                       "4 superseded, 5 cessationOfOperation."),
        QStringLiteral("N"), QStringLiteral("0"));
    p.addPositionalArgument(QStringLiteral("name"),
                            QStringLiteral("A stored certificate's name: revoke its current certificate."));
    p.addOptions({server, caFile, cert, key, reason});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    auto fail = [&ctx](const Error& e) {
        return reportError(ctx, e);
    };
    const QString lineageName = p.positionalArguments().value(0);
    if (lineageName.isEmpty() == !p.isSet(cert))
        co_return fail(
            Error(ErrorCode::InvalidInput,
                  QObject::tr("Name a stored certificate (certdeck-cli revoke NAME), or give --cert FILE.")));
    bool reasonOk = false;
    const int reasonCode = p.value(reason).toInt(&reasonOk);
    if (!reasonOk)
        co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("--reason takes a number.")));

    // The account that revokes is the store's (the one issue and renew use).
    auto opened = openStore(ctx);
    if (!opened)
        co_return fail(opened.error());
    std::unique_ptr<store::Store> store = std::move(*opened);
    std::optional<crypto::Certificate> certificate;
    std::optional<store::Lineage> lineage;
    QString trust = p.value(caFile);
    QUrl directoryUrl;
    if (!lineageName.isEmpty()) {
        auto found = store->lineages().byName(lineageName);
        if (!found)
            co_return fail(found.error());
        lineage = *found;
        auto latest = store->certificates().latest(lineage->id);
        if (!latest)
            co_return fail(
                latest.error().code == ErrorCode::NotFound
                    ? Error(ErrorCode::NotFound, QObject::tr("%1 has no certificate to revoke yet.").arg(lineageName))
                    : latest.error());
        auto chain = crypto::Certificate::chainFromPem(latest->fullchainPem);
        if (!chain || chain->isEmpty())
            co_return fail(
                chain ? Error(ErrorCode::NotFound, QObject::tr("%1 has no certificate to revoke yet.").arg(lineageName))
                      : chain.error());
        certificate = chain->first();
        directoryUrl = lineage->directoryUrl;
        if (trust.isEmpty())
            trust = lineage->challenge.value(QStringLiteral("caFile")).toString();
    } else {
        QFile certFile(p.value(cert));
        if (!certFile.open(QIODevice::ReadOnly))
            co_return fail(Error(ErrorCode::NotFound, QObject::tr("Cannot read %1.").arg(certFile.fileName())));
        auto parsed = crypto::Certificate::fromPem(certFile.read(256 * 1024));
        if (!parsed)
            co_return fail(parsed.error());
        certificate = *parsed;
    }
    if (p.isSet(server)) {
        auto dirUrl = directoryUrlFrom(p.value(server));
        if (!dirUrl)
            co_return fail(dirUrl.error());
        directoryUrl = *dirUrl;
    }
    if (directoryUrl.isEmpty())
        co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("Give --server URL: the CA that issued it.")));

    auto http = makeHttpClient(trust);
    if (!http)
        co_return fail(http.error());
    Progress progress;
    printProgress(progress, ctx);
    CancelToken cancel;
    acme::AcmeClient client(**http);
    std::optional<crypto::JwsSigner> certSigner;
    if (p.isSet(key)) {
        QFile kf(p.value(key));
        if (!kf.open(QIODevice::ReadOnly))
            co_return fail(Error(ErrorCode::NotFound, QObject::tr("Cannot read %1.").arg(kf.fileName())));
        SecureBytes pem(kf.read(64 * 1024));
        auto k = crypto::PrivateKey::fromPem(pem.bytes());
        if (!k)
            co_return fail(k.error());
        if (!certificate->matchesKey(*k))
            co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("The key does not belong to this certificate.")));
        certSigner.emplace(*k);
        auto fetching = client.fetchDirectory(directoryUrl, cancel);
        auto fetched = co_await fetching;
        if (!fetched)
            co_return fail(fetched.error());
    } else {
        workflow::AccountOptions options;
        options.createIfMissing = false;
        auto opening = workflow::openStoreAccount(client, *store, directoryUrl, options, progress, cancel);
        auto account = co_await opening;
        if (!account)
            co_return fail(account.error());
    }
    // RFC 8555 §7.6: signed by the account (or by the certificate's own key with --key).
    const crypto::Certificate leaf = *certificate;
    const crypto::JwsSigner* signer = certSigner ? &*certSigner : nullptr;
    auto revoking = client.revoke(leaf, reasonCode, signer, cancel);
    auto revoked = co_await revoking;
    if (!revoked)
        co_return fail(revoked.error());

    // Recorded like the desktop app's revocation: a "revoked" event naming the certificate.
    store::EventRecord event;
    event.kind = QStringLiteral("revoked");
    event.lineageId = lineage ? lineage->id : 0;
    event.subject = lineage ? lineageName : leaf.dnsNames().value(0);
    event.message = QObject::tr("Certificate %1 revoked.").arg(event.subject);
    event.data = QJsonObject{{QStringLiteral("sha256"), leaf.sha256FingerprintHex()},
                             {QStringLiteral("serial"), leaf.serialNumberHex()},
                             {QStringLiteral("reason"), reasonCode}};
    if (auto s = store->events().append(event); !s)
        qCWarning(lcStore) << "revoked event:" << s.error().toString();
    if (ctx.json)
        *ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                              {QStringLiteral("serial"), leaf.serialNumberHex()},
                                              {QStringLiteral("sha256"), leaf.sha256FingerprintHex()}})
                        .toJson(QJsonDocument::Compact)
                 << '\n';
    else
        *ctx.out << "Revoked certificate " << leaf.serialNumberHex()
                 << (lineage ? QStringLiteral(" of '%1'").arg(lineageName) : QString())
                 << (lineage ? QStringLiteral(": renew it ('certdeck-cli renew %1 --force') for servers that use it")
                                   .arg(lineageName)
                             : QString())
                 << '\n';
    co_return 0;
}

} // namespace certdeck::cli
