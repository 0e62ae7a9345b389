// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/ExportCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/common/AtomicFile.h"
#include "core/crypto/Pkcs12.h"

#include <QDir>

namespace certdeck::cli {

QCoro::Task<int> ExportCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The certificate's name (see 'list')."));
    const QCommandLineOption pkcs12(QStringLiteral("pkcs12"), QStringLiteral("Write a PKCS#12 (.p12/.pfx) file."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
                                          QStringLiteral("File holding the PKCS#12 password (required with --pkcs12)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption pem(QStringLiteral("pem"),
                                 QStringLiteral("Write cert.pem, chain.pem, fullchain.pem, privkey.pem into DIR."),
                                 QStringLiteral("DIR"));
    p.addOptions({pkcs12, passwordFile, pem});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    auto fail = [&ctx](const Error& e) {
        return reportError(ctx, e);
    };
    if (p.positionalArguments().size() != 1 || p.isSet(pkcs12) == p.isSet(pem))
        co_return fail(Error(ErrorCode::InvalidInput,
                             QObject::tr("Give a certificate name and one of --pkcs12 FILE or --pem DIR.")));
    auto store = openStore(ctx);
    if (!store)
        co_return fail(store.error());
    const QString lineage = p.positionalArguments().first();
    if (auto l = (*store)->lineages().byName(lineage); !l)
        co_return fail(l.error());
    auto key = (*store)->vault().loadKey(lineage);
    if (!key)
        co_return fail(key.error());
    auto chain = (*store)->vault().loadChain(lineage);
    if (!chain)
        co_return fail(chain.error());
    QString written;
    if (p.isSet(pkcs12)) {
        if (!p.isSet(passwordFile))
            co_return fail(Error(ErrorCode::InvalidInput,
                                 QObject::tr("A PKCS#12 file holds the private key: give --password-file FILE.")));
        auto password = readSecretFile(p.value(passwordFile));
        if (!password)
            co_return fail(password.error());
        const SecureBytes secret(std::move(*password));
        auto der = crypto::Pkcs12::create(*key, chain->first(), chain->mid(1), secret, lineage);
        if (!der)
            co_return fail(der.error());
        written = p.value(pkcs12);
        if (auto s = writeFileAtomic(written, *der, 0600); !s)
            co_return fail(s.error());
    } else {
        written = p.value(pem);
        if (auto s = makeDirectory(written, 0700); !s)
            co_return fail(s.error());
        auto keyPem = key->toPem();
        if (!keyPem)
            co_return fail(keyPem.error());
        const QByteArray leaf = chain->first().toPem();
        const QByteArray rest = crypto::Certificate::chainToPem(chain->mid(1));
        const QString d = written + QLatin1Char('/');
        for (const auto& [file, data, mode] :
             {std::tuple{QStringLiteral("privkey.pem"), keyPem->bytes(), 0600},
              std::tuple{QStringLiteral("cert.pem"), leaf, 0644}, std::tuple{QStringLiteral("chain.pem"), rest, 0644},
              std::tuple{QStringLiteral("fullchain.pem"), leaf + rest, 0644}}) {
            if (auto s = writeFileAtomic(d + file, data, mode); !s)
                co_return fail(s.error());
        }
    }
    if (ctx.json)
        printJson(ctx,
                  QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("written"), QDir(written).absolutePath()}});
    else
        *ctx.out << "Exported " << lineage << " to " << QDir(written).absolutePath() << '\n';
    co_return 0;
}

} // namespace certdeck::cli
