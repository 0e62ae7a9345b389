// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/SettingRepository.h"

#include "core/store/Database.h"
#include "core/store/internal/SqlSupport.h"

#include <QDateTime>
#include <QObject>
#include <QRegularExpression>

namespace certdeck::store {

using namespace internal;

Result<QString> SettingRepository::value(const QString& key, const QString& defaultValue) {
    auto q = m_db.exec(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    if (!q)
        return q.error();
    if (!q->next())
        return defaultValue;
    return q->value(0).toString();
}

Status SettingRepository::setValue(const QString& key, const QString& value) {
    // The database file is readable by whoever copies the data folder: secrets never reach it.
    static const QRegularExpression secretish(QStringLiteral("(token|secret|password|passphrase|credential|apikey|"
                                                             "api_key|privatekey|private_key)"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (key.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("A setting needs a name."));
    if (secretish.match(key).hasMatch())
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("The setting '%1' looks like a secret: keep it in the keychain, not in the settings.")
                         .arg(key));
    auto q = m_db.exec(QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON "
                                      "CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = "
                                      "excluded.updated_at"),
                       {key, value, timeText(QDateTime::currentDateTimeUtc())});
    if (!q)
        return q.error();
    return {};
}

Status SettingRepository::remove(const QString& key) {
    auto q = m_db.exec(QStringLiteral("DELETE FROM settings WHERE key = ?"), {key});
    if (!q)
        return q.error();
    return {};
}

} // namespace certdeck::store
