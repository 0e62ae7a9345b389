// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/AccountFiles.h"

#include "core/common/Async.h"
#include "core/common/AtomicFile.h"
#include "core/crypto/JwsSigner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QObject>
#include <QStandardPaths>

namespace certdeck::workflow {

AccountFiles::AccountFiles(QString dataDir)
    : m_dataDir(std::move(dataDir)) {}

QString AccountFiles::defaultDataDir() {
    const QByteArray env = qgetenv("CERTDECK_DATA_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString AccountFiles::accountDir(const QUrl& directoryUrl) const {
    // Readable and unique: host[_port]-<hash of the full URL>.
    QString host = directoryUrl.host();
    if (directoryUrl.port() > 0)
        host += QLatin1Char('_') + QString::number(directoryUrl.port());
    host.replace(QLatin1Char(':'), QLatin1Char('_'));
    const QByteArray hash =
        QCryptographicHash::hash(directoryUrl.toString(QUrl::FullyEncoded).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(10);
    return m_dataDir + QStringLiteral("/accounts/") + host + QLatin1Char('-') + QString::fromLatin1(hash);
}

Result<AccountFiles::Record> AccountFiles::load(const QUrl& directoryUrl) const {
    QFile f(accountDir(directoryUrl) + QStringLiteral("/account.json"));
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, QObject::tr("No account for %1 yet.").arg(directoryUrl.toDisplayString()));
    const QJsonObject o = QJsonDocument::fromJson(f.read(1 << 20)).object();
    Record r;
    r.directoryUrl = QUrl(o.value(QStringLiteral("directoryUrl")).toString());
    r.accountUrl = QUrl(o.value(QStringLiteral("accountUrl")).toString());
    r.directory = o.value(QStringLiteral("directory")).toObject();
    r.directoryFetchedAt = QDateTime::fromString(o.value(QStringLiteral("directoryFetchedAt")).toString(), Qt::ISODate);
    if (r.directoryUrl != directoryUrl)
        return Error(ErrorCode::Store, QObject::tr("The account file %1 is damaged.").arg(f.fileName()));
    return r;
}

Status AccountFiles::save(const Record& record) const {
    const QString dir = accountDir(record.directoryUrl);
    if (auto s = makeDirectory(dir, 0700); !s)
        return s;
    const QJsonObject o{{QStringLiteral("directoryUrl"), record.directoryUrl.toString()},
                        {QStringLiteral("accountUrl"), record.accountUrl.toString()},
                        {QStringLiteral("directory"), record.directory},
                        {QStringLiteral("directoryFetchedAt"), record.directoryFetchedAt.toString(Qt::ISODate)}};
    return writeFileAtomic(dir + QStringLiteral("/account.json"), QJsonDocument(o).toJson(), 0600);
}

Result<crypto::PrivateKey> AccountFiles::loadKey(const QUrl& directoryUrl) const {
    QFile f(accountDir(directoryUrl) + QStringLiteral("/account.key"));
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound,
                     QObject::tr("No account key for %1 yet.").arg(directoryUrl.toDisplayString()));
    SecureBytes pem(f.read(64 * 1024));
    return crypto::PrivateKey::fromPem(pem.bytes());
}

Status AccountFiles::saveKey(const QUrl& directoryUrl, const crypto::PrivateKey& key) const {
    const QString dir = accountDir(directoryUrl);
    if (auto s = makeDirectory(dir, 0700); !s)
        return s;
    auto pem = key.toPem();
    if (!pem)
        return pem.error();
    return writeFileAtomic(dir + QStringLiteral("/account.key"), pem->bytes(), 0600);
}

Status AccountFiles::remove(const QUrl& directoryUrl) const {
    QDir d(accountDir(directoryUrl));
    if (d.exists() && !d.removeRecursively())
        return Error(ErrorCode::Io, QObject::tr("Cannot remove %1.").arg(d.path()));
    return {};
}

QCoro::Task<Result<acme::Account>> openAccount(acme::AcmeClient& client, const AccountFiles& files,
                                               const QUrl& directoryUrl, AccountOptions options, Progress& progress,
                                               CancelToken cancel) {
    auto record = files.load(directoryUrl);
    AccountFiles::Record rec = record ? *record : AccountFiles::Record{directoryUrl, {}, {}, {}};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool usedCache = false;
    if (!rec.directory.isEmpty() && rec.directoryFetchedAt.isValid() &&
        rec.directoryFetchedAt.secsTo(now) < options.directoryMaxAgeSeconds && rec.directoryFetchedAt <= now) {
        auto dir = acme::Directory::parse(QJsonDocument(rec.directory).toJson(QJsonDocument::Compact), directoryUrl);
        if (dir) {
            client.useDirectory(*dir);
            usedCache = true;
        }
    }
    if (!usedCache) {
        progress.report(QStringLiteral("directory"), QObject::tr("Contacting %1").arg(directoryUrl.host()));
        if (auto s = co_await client.fetchDirectory(directoryUrl, cancel); !s)
            co_return s.error();
        rec.directory = client.directory().raw;
        rec.directoryFetchedAt = now;
    }

    auto key = files.loadKey(directoryUrl);
    if (!key) {
        if (key.error().code != ErrorCode::NotFound)
            co_return key.error();
        if (!options.createIfMissing)
            co_return Error(ErrorCode::AcmeAccountDoesNotExist,
                            QObject::tr("No account with %1 yet: run 'certdeck-cli account register' first.")
                                .arg(directoryUrl.toDisplayString()));
        const auto type = options.keyType;
        auto generate = [type] {
            return crypto::PrivateKey::generate(type);
        };
        auto pending1 = runBlocking(std::move(generate));
        key = co_await pending1;
        if (!key)
            co_return key.error();
        if (auto s = files.saveKey(directoryUrl, *key); !s)
            co_return s.error();
        rec.accountUrl.clear();
    }
    client.setAccount(crypto::JwsSigner(*key), rec.accountUrl);

    acme::Account account;
    if (!rec.accountUrl.isEmpty()) {
        account.url = rec.accountUrl; // known: no request needed (status is checked by the CA on use)
    } else {
        auto found = co_await client.findAccount(cancel);
        if (found) {
            account = *found;
        } else if (found.error().code == ErrorCode::AcmeAccountDoesNotExist && options.createIfMissing) {
            progress.report(QStringLiteral("account"), QObject::tr("Registering an account"));
            const acme::NewAccountOptions accountOptions{options.contact, options.termsOfServiceAgreed, options.eab};
            auto created = co_await client.newAccount(accountOptions, cancel);
            if (!created)
                co_return created.error();
            account = *created;
            progress.done(QStringLiteral("account"), QObject::tr("Account registered"));
        } else {
            co_return found.error();
        }
        rec.accountUrl = account.url;
    }
    if (!usedCache || !record || record->accountUrl != rec.accountUrl) {
        if (auto s = files.save(rec); !s)
            co_return s.error();
    }
    co_return account;
}

} // namespace certdeck::workflow
