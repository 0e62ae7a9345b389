// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/ImportCommand.h"

#include "app/cli/commands/CertbotAccount.h"
#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/crypto/KeyType.h"
#include "core/workflow/IssueCertificate.h"
#include "core/workflow/StoreLineage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>
#include <QSet>

namespace certdeck::cli {

namespace {

/// certbot's renewal/<name>.conf (ConfigObj): top-level keys, [renewalparams], [[webroot_map]].
struct CertbotRenewal {
    QMap<QString, QString> top;
    QMap<QString, QString> params;
    QMap<QString, QString> webrootMap;
};

CertbotRenewal parseRenewalConf(const QByteArray& text) {
    CertbotRenewal r;
    QMap<QString, QString>* section = &r.top;
    for (const QByteArray& raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line == QLatin1String("[renewalparams]")) {
            section = &r.params;
            continue;
        }
        if (line == QLatin1String("[[webroot_map]]")) {
            section = &r.webrootMap;
            continue;
        }
        if (line.startsWith(QLatin1Char('['))) {
            section = nullptr; // a section we do not use
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (section && eq > 0)
            section->insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return r;
}

crypto::KeyType keyTypeOf(const CertbotRenewal& r, const crypto::PrivateKey& key) {
    Q_UNUSED(r);
    // The key itself is the truth (certbot's defaults changed over the years).
    return key.type();
}

QByteArray readBounded(const QString& path, Error* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 1024 * 1024) {
        *error = Error(ErrorCode::NotFound, QObject::tr("Cannot read %1.").arg(path), f.errorString());
        return {};
    }
    return f.readAll();
}

/// A file named in the conf, or the same file name under `dir`/live/<name>/ when the conf's absolute
/// paths point elsewhere (a copied /etc/letsencrypt).
QString locate(const QString& configured, const QString& dir, const QString& name, const QString& file) {
    if (!configured.isEmpty() && QFileInfo::exists(configured))
        return configured;
    return dir + QStringLiteral("/live/") + name + QLatin1Char('/') + file;
}

} // namespace

QCoro::Task<int> ImportCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("source"), QStringLiteral("certbot"));
    p.addPositionalArgument(QStringLiteral("dir"),
                            QStringLiteral("certbot's configuration folder (/etc/letsencrypt)."));
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    const QStringList args = p.positionalArguments();
    if (args.size() != 2 || args.first() != QLatin1String("certbot"))
        co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("Usage: import certbot DIR")));
    const QString dir = QDir(args.at(1)).absolutePath();
    const QDir renewalDir(dir + QStringLiteral("/renewal"));
    if (!renewalDir.exists())
        co_return reportError(ctx, Error(ErrorCode::NotFound,
                                         QObject::tr("%1 has no renewal/ folder: is it certbot's configuration folder "
                                                     "(usually /etc/letsencrypt)?")
                                             .arg(dir)));
    auto store = openStore(ctx);
    if (!store)
        co_return reportError(ctx, store.error());

    QJsonArray imported;
    QJsonArray skipped;
    QJsonArray accounts;
    QSet<QString> accountsSeen; // directory URL + certbot account id
    // certbot's account for the lineage's CA becomes the store's (key in the KeyVault, 0600), so renewals
    // keep using the account the certificates were issued with.
    auto importAccount = [&](const QUrl& directoryUrl, const QString& accountId) {
        const QString key = directoryUrl.toString() + QLatin1Char('|') + accountId;
        if (accountsSeen.contains(key))
            return;
        accountsSeen.insert(key);
        auto account = CertbotAccount::read(dir, directoryUrl, accountId);
        if (!account) {
            if (!ctx.json)
                *ctx.err << "certbot's account for " << directoryUrl.toString()
                         << " not imported: " << account.error().toString() << '\n';
            accounts.append(QJsonObject{{QStringLiteral("directory"), directoryUrl.toString()},
                                        {QStringLiteral("imported"), false},
                                        {QStringLiteral("reason"), account.error().toString()}});
            return;
        }
        auto done = account->importInto(**store);
        QJsonObject o{{QStringLiteral("directory"), directoryUrl.toString()},
                      {QStringLiteral("account"), account->accountUrl.toString()},
                      {QStringLiteral("imported"), done && *done}};
        if (!done)
            o.insert(QStringLiteral("reason"), done.error().toString());
        else if (!*done)
            o.insert(QStringLiteral("reason"), QObject::tr("Certdeck has an account with this CA already; kept it"));
        accounts.append(o);
        if (!ctx.json)
            *ctx.out << (done && *done ? "imported certbot's account " : "kept Certdeck's account instead of ")
                     << account->accountUrl.toString() << '\n';
    };
    int failures = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString& file : renewalDir.entryList({QStringLiteral("*.conf")}, QDir::Files, QDir::Name)) {
        const QString certbotName = file.chopped(5);
        auto skip = [&](const QString& why) {
            skipped.append(QJsonObject{{QStringLiteral("name"), certbotName}, {QStringLiteral("reason"), why}});
            if (!ctx.json)
                *ctx.err << "skipped " << certbotName << ": " << why << '\n';
        };
        Error error;
        const QByteArray confText = readBounded(renewalDir.filePath(file), &error);
        if (confText.isEmpty()) {
            ++failures;
            skip(error.toString());
            continue;
        }
        const CertbotRenewal conf = parseRenewalConf(confText);
        const QString lineageName =
            store::Lineage::isValidName(certbotName) ? certbotName : store::Lineage::nameFor(certbotName);
        if ((*store)->lineages().byName(lineageName)) {
            skip(QObject::tr("already in Certdeck as %1").arg(lineageName));
            continue;
        }
        const QByteArray keyPem = readBounded(
            locate(conf.top.value(QStringLiteral("privkey")), dir, certbotName, QStringLiteral("privkey.pem")), &error);
        const QByteArray chainPem = readBounded(
            locate(conf.top.value(QStringLiteral("fullchain")), dir, certbotName, QStringLiteral("fullchain.pem")),
            &error);
        SecureBytes keySecret(keyPem);
        auto key = crypto::PrivateKey::fromPem(keySecret.bytes());
        auto chain = crypto::Certificate::chainFromPem(chainPem);
        if (!key || !chain) {
            ++failures;
            skip(!key ? key.error().toString() : chain.error().toString());
            continue;
        }
        workflow::IssueResult issued;
        issued.chain.certificates = *chain;
        issued.chain.pem = chainPem;
        issued.key = *key;
        // Renewal settings: the CA, how it validated, the key type.
        QJsonObject challenge{{QStringLiteral("importedFrom"), QStringLiteral("certbot")}};
        const QString authenticator = conf.params.value(QStringLiteral("authenticator"));
        if (authenticator == QLatin1String("webroot")) {
            QString webroot =
                conf.params.value(QStringLiteral("webroot_path")).section(QLatin1Char(','), 0, 0).trimmed();
            if (webroot.isEmpty() && !conf.webrootMap.isEmpty())
                webroot = conf.webrootMap.first();
            challenge.insert(QStringLiteral("method"), QStringLiteral("webroot"));
            challenge.insert(QStringLiteral("webroot"), webroot);
        } else if (authenticator == QLatin1String("standalone")) {
            challenge.insert(QStringLiteral("method"), QStringLiteral("standalone"));
            const QString address = conf.params.value(QStringLiteral("http01_address"));
            challenge.insert(QStringLiteral("address"), address.isEmpty() ? QStringLiteral("0.0.0.0") : address);
            challenge.insert(QStringLiteral("port"),
                             conf.params.value(QStringLiteral("http01_port"), QStringLiteral("80")).toInt());
        } else {
            challenge.insert(QStringLiteral("method"), authenticator);
        }
        store::Lineage lineage;
        lineage.name = lineageName;
        lineage.names = chain->first().dnsNames() + chain->first().ipAddresses();
        lineage.directoryUrl = QUrl(conf.params.value(
            QStringLiteral("server"), QStringLiteral("https://acme-v02.api.letsencrypt.org/directory")));
        lineage.keyType = crypto::keyTypeName(keyTypeOf(conf, *key));
        lineage.preferredChain = conf.params.value(QStringLiteral("preferred_chain"));
        lineage.challenge = challenge;
        importAccount(lineage.directoryUrl, conf.params.value(QStringLiteral("account")));
        auto version = workflow::saveIssuedCertificate(**store, lineage, issued, QStringLiteral("imported"), now);
        if (!version) {
            ++failures;
            skip(version.error().toString());
            continue;
        }
        imported.append(QJsonObject{{QStringLiteral("name"), lineageName},
                                    {QStringLiteral("names"), QJsonArray::fromStringList(lineage.names)},
                                    {QStringLiteral("method"), challenge.value(QStringLiteral("method"))},
                                    {QStringLiteral("notAfter"), chain->first().notAfter().toString(Qt::ISODate)}});
        if (!ctx.json)
            *ctx.out << "imported " << lineageName << " (" << lineage.names.join(QStringLiteral(", "))
                     << "), valid until " << chain->first().notAfter().toString(Qt::ISODate) << '\n';
    }
    if (ctx.json)
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), failures == 0},
                                   {QStringLiteral("imported"), imported},
                                   {QStringLiteral("skipped"), skipped},
                                   {QStringLiteral("accounts"), accounts}});
    else
        *ctx.out << imported.size() << " imported, " << skipped.size() << " skipped.\n";
    co_return failures == 0 ? 0 : 1;
}

} // namespace certdeck::cli
