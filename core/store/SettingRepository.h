// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QString>

namespace certdeck::store {

class Database;

/// Preferences that both faces read: the app's Settings dialog writes them, certdeck-cli (run by the
/// systemd timer) obeys them. Keys are "section/name" (e.g. "notifications/firstExpiryNoticeDays").
/// Plain values only: setValue() refuses a key that names a secret (those live in Secrets).
/// Threading: the Database's thread.
class SettingRepository {
public:
    /// Days before expiry of the first "expires soon" notice (an integer, 1–60; unset: 14). Read by
    /// workflow::renewLineage, written by the Settings dialog and `certdeck-cli notify settings --warn-days`.
    static constexpr char kFirstExpiryNoticeDays[] = "notifications/firstExpiryNoticeDays";

    explicit SettingRepository(Database& db)
        : m_db(db) {}

    /// The stored value, or `defaultValue` when the key was never set.
    Result<QString> value(const QString& key, const QString& defaultValue = QString());
    /// Inserts or replaces. InvalidInput for an empty key or one named like a secret.
    Status setValue(const QString& key, const QString& value);
    /// Forgets the key (value() gives the default again); not an error when it was never set.
    Status remove(const QString& key);

private:
    Database& m_db;
};

} // namespace certdeck::store
