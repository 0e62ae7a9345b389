// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace certdeck::store {

class Database;

/// Where notifications go: kind "webhook" (settings: format json/ntfy/slack/discord, host for display)
/// or "smtp" (host, port, security starttls/tls/none, from, to[], user). The webhook URL (Slack and
/// Discord URLs are credentials) and the SMTP password are in Secrets under secretKey(); save()
/// refuses settings that look like a secret.
struct NotifierRecord {
    qint64 id = 0;
    QString name;
    QString kind;
    QJsonObject settings;
    bool enabled = true;
    QDateTime createdAt;

    [[nodiscard]] QString secretKey() const { return QStringLiteral("notify/") + name; }
};

class NotifierRepository {
public:
    explicit NotifierRepository(Database& db)
        : m_db(db) {}
    /// Inserts or updates by name. InvalidInput for a setting named like a secret or a URL setting.
    Result<qint64> save(const NotifierRecord& notifier);
    Result<NotifierRecord> byName(const QString& name);
    Result<QList<NotifierRecord>> all();
    /// NotFound when there is no such notifier.
    Status remove(const QString& name);

private:
    Database& m_db;
};

} // namespace certdeck::store
