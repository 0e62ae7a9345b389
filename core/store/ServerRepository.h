// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace certdeck::store {

class Database;

/// An SSH endpoint Certdeck deploys to. Passwords and key passphrases are in Secrets under
/// secretKey(), never here.
struct ServerRecord {
    qint64 id = 0;
    QString name;
    QString host;
    int port = 22;
    QString userName;
    QString authMethod = QStringLiteral("agent"); ///< agent, key, password
    QString hostKeyFingerprint;                   ///< "SHA256:…", trusted after explicit confirmation
    /// Private key file for authMethod "key" (its passphrase, if any, is in Secrets); empty: none.
    QString identityFile;
    /// Try ssh-agent's keys first.
    bool useAgent = true;
    /// Read ~/.ssh/config for this host (aliases, User, IdentityFile) like `ssh` does.
    bool sshConfig = true;
    QDateTime createdAt;

    /// The Secrets key holding this server's password or key passphrase.
    [[nodiscard]] QString secretKey() const { return QStringLiteral("server/") + name; }
};

class ServerRepository {
public:
    explicit ServerRepository(Database& db)
        : m_db(db) {}
    /// Inserts or updates by name; returns the id.
    Result<qint64> save(const ServerRecord& server);
    Result<ServerRecord> byName(const QString& name);
    Result<QList<ServerRecord>> all();
    Status remove(const QString& name);

private:
    Database& m_db;
};

} // namespace certdeck::store
