// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/StoreAccount.h"

#include "core/common/Async.h"
#include "core/crypto/JwsSigner.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QObject>

namespace certdeck::workflow {

QString accountIdFor(const QUrl& directoryUrl) {
    QString host = directoryUrl.host().toLower();
    if (directoryUrl.port() > 0)
        host += QLatin1Char('_') + QString::number(directoryUrl.port());
    host.replace(QLatin1Char(':'), QLatin1Char('_'));
    const QByteArray hash =
        QCryptographicHash::hash(directoryUrl.toString(QUrl::FullyEncoded).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(10);
    return host + QLatin1Char('-') + QString::fromLatin1(hash);
}

QCoro::Task<Result<acme::Account>> openStoreAccount(acme::AcmeClient& client, store::Store& store, QUrl directoryUrl,
                                                    AccountOptions options, Progress& progress, CancelToken cancel) {
    const QString id = accountIdFor(directoryUrl);
    auto found = store.accounts().find(directoryUrl);
    if (!found && found.error().code != ErrorCode::NotFound)
        co_return found.error();
    store::AccountRecord rec;
    rec.directoryUrl = directoryUrl;
    rec.contact = options.contact;
    bool changed = !found;
    if (found) {
        rec = *found;
    } else {
        // Take over an account an earlier version kept as files in the same data folder.
        const AccountFiles files(store.dataDir());
        if (auto old = files.load(directoryUrl)) {
            if (auto oldKey = files.loadKey(directoryUrl)) {
                if (auto s = store.vault().saveAccountKey(id, *oldKey); !s)
                    co_return s.error();
                rec.accountUrl = old->accountUrl;
                rec.directory = old->directory;
                rec.directoryFetchedAt = old->directoryFetchedAt;
            }
        }
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool usedCache = false;
    if (!rec.directory.isEmpty() && rec.directoryFetchedAt.isValid() && rec.directoryFetchedAt <= now &&
        rec.directoryFetchedAt.secsTo(now) < options.directoryMaxAgeSeconds) {
        auto dir = acme::Directory::parse(QJsonDocument(rec.directory).toJson(QJsonDocument::Compact), directoryUrl);
        if (dir) {
            client.useDirectory(*dir);
            usedCache = true;
        }
    }
    if (!usedCache) {
        progress.report(QStringLiteral("directory"), QObject::tr("Contacting %1").arg(directoryUrl.host()));
        auto fetch = client.fetchDirectory(directoryUrl, cancel);
        auto fetched = co_await fetch;
        if (!fetched)
            co_return fetched.error();
        rec.directory = client.directory().raw;
        rec.directoryFetchedAt = now;
        changed = true;
    }

    auto key = store.vault().loadAccountKey(id);
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
        auto pending = runBlocking(std::move(generate));
        auto generated = co_await pending;
        key = std::move(generated);
        if (!key)
            co_return key.error();
        if (auto s = store.vault().saveAccountKey(id, *key); !s)
            co_return s.error();
        rec.accountUrl.clear();
        changed = true;
    }
    client.setAccount(crypto::JwsSigner(*key), rec.accountUrl);

    acme::Account account;
    if (!rec.accountUrl.isEmpty()) {
        account.url = rec.accountUrl; // known: no request needed
    } else {
        auto find = client.findAccount(cancel);
        auto existing = co_await find;
        if (existing) {
            account = *existing;
        } else if (existing.error().code == ErrorCode::AcmeAccountDoesNotExist && options.createIfMissing) {
            progress.report(QStringLiteral("account"), QObject::tr("Registering an account"));
            const acme::NewAccountOptions accountOptions{options.contact, options.termsOfServiceAgreed, options.eab};
            auto create = client.newAccount(accountOptions, cancel);
            auto created = co_await create;
            if (!created)
                co_return created.error();
            account = *created;
            progress.done(QStringLiteral("account"), QObject::tr("Account registered"));
        } else {
            co_return existing.error();
        }
        rec.accountUrl = account.url;
        changed = true;
    }
    if (changed) {
        if (auto s = store.accounts().save(rec); !s)
            co_return s.error();
    }
    co_return account;
}

} // namespace certdeck::workflow
