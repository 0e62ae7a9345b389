// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QCoroTask>
#include <QString>

namespace certdeck::store {

/// Secrets (SSH passwords and passphrases, DNS API tokens, TSIG keys, EAB keys), by key such as
/// "server/web1" or "dns/pdns". The default backend is the user's keychain through QtKeychain (Secret
/// Service on Linux); a 0600 file (JSON, values base64) only when the user chooses it for a headless
/// server. Never in SQLite, never logged (only keys are named in errors).
/// Threading: use from one thread; the object must outlive the coroutines it starts.
class Secrets {
public:
    enum class Backend { Keychain, File };

    /// The keychain under `service` (one entry per key).
    static Secrets keychain(const QString& service = QStringLiteral("certdeck"));
    /// The headless file backend at `path` (created 0600).
    static Secrets file(const QString& path);

    [[nodiscard]] Backend backend() const { return m_backend; }
    /// Backend name for settings and messages: "keychain" or "file".
    [[nodiscard]] QString backendName() const;

    /// NotFound when there is no such secret.
    QCoro::Task<Result<SecureBytes>> read(QString key) const;
    QCoro::Task<Status> write(QString key, SecureBytes value) const;
    /// Removing a secret that does not exist is not an error.
    QCoro::Task<Status> remove(QString key) const;

private:
    Secrets(Backend backend, QString where);
    Result<SecureBytes> readFile(const QString& key) const;
    Status writeFile(const QString& key, const SecureBytes* value) const;

    Backend m_backend;
    QString m_where; ///< service name or file path
};

} // namespace certdeck::store
