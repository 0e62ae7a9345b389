// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/AcmeClient.h"
#include "core/common/CancelToken.h"
#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/crypto/KeyType.h"
#include "core/crypto/PrivateKey.h"

#include <QCoroTask>
#include <QDateTime>
#include <QJsonObject>
#include <QUrl>

namespace certdeck::workflow {

/// An ACME account kept as files until the store lands: `<dataDir>/accounts/<ca>/account.key` (0600,
/// directory 0700) and `account.json` (account URL, the CA's directory and when it was fetched).
/// One account per CA directory URL.
class AccountFiles {
public:
    struct Record {
        QUrl directoryUrl;
        QUrl accountUrl;
        QJsonObject directory;
        QDateTime directoryFetchedAt;
    };

    explicit AccountFiles(QString dataDir);

    [[nodiscard]] QString accountDir(const QUrl& directoryUrl) const;
    [[nodiscard]] Result<Record> load(const QUrl& directoryUrl) const;
    Status save(const Record& record) const;
    Result<crypto::PrivateKey> loadKey(const QUrl& directoryUrl) const;
    Status saveKey(const QUrl& directoryUrl, const crypto::PrivateKey& key) const;
    Status remove(const QUrl& directoryUrl) const;

    /// The default data folder (QStandardPaths AppDataLocation), or CERTDECK_DATA_DIR when set.
    static QString defaultDataDir();

private:
    QString m_dataDir;
};

struct AccountOptions {
    bool createIfMissing = true;
    bool termsOfServiceAgreed = false;
    QStringList contact;
    std::optional<acme::ExternalAccountBinding> eab;
    crypto::KeyType keyType = crypto::KeyType::P256;
    /// A cached directory younger than this is used without fetching it again.
    qint64 directoryMaxAgeSeconds = 24 * 3600;
};

/// Prepares `client` for `directoryUrl`: directory (cached or fetched), account key (loaded or made),
/// account URL (known, found, or registered when allowed). Saves what changed.
QCoro::Task<Result<acme::Account>> openAccount(acme::AcmeClient& client, const AccountFiles& files,
                                               const QUrl& directoryUrl, AccountOptions options, Progress& progress,
                                               CancelToken cancel);

} // namespace certdeck::workflow
