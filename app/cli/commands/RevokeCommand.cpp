// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/RevokeCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "core/acme/AcmeClient.h"
#include "core/workflow/AccountFiles.h"

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
    p.addOptions({server, caFile, cert, key, reason});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    auto fail = [&ctx](const Error& e) {
        return reportError(ctx, e);
    };
    auto dirUrl = directoryUrlFrom(p.value(server));
    if (!dirUrl)
        co_return fail(dirUrl.error());
    QFile certFile(p.value(cert));
    if (!certFile.open(QIODevice::ReadOnly))
        co_return fail(Error(ErrorCode::NotFound, QObject::tr("Give --cert FILE with the certificate to revoke.")));
    auto certificate = crypto::Certificate::fromPem(certFile.read(256 * 1024));
    if (!certificate)
        co_return fail(certificate.error());
    bool reasonOk = false;
    const int reasonCode = p.value(reason).toInt(&reasonOk);
    if (!reasonOk)
        co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("--reason takes a number.")));

    auto http = makeHttpClient(p.value(caFile));
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
        if (auto s = co_await client.fetchDirectory(*dirUrl, cancel); !s)
            co_return fail(s.error());
    } else {
        workflow::AccountFiles files(dataDirFor(ctx));
        workflow::AccountOptions options;
        options.createIfMissing = false;
        auto account = co_await workflow::openAccount(client, files, *dirUrl, options, progress, cancel);
        if (!account)
            co_return fail(account.error());
    }
    if (auto s = co_await client.revoke(*certificate, reasonCode, certSigner ? &*certSigner : nullptr, cancel); !s)
        co_return fail(s.error());
    if (ctx.json)
        *ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                              {QStringLiteral("serial"),
                                               QString::fromLatin1(certificate->serialNumber().toHex())}})
                        .toJson(QJsonDocument::Compact)
                 << '\n';
    else
        *ctx.out << "Revoked certificate " << certificate->serialNumber().toHex() << '\n';
    co_return 0;
}

} // namespace certdeck::cli
