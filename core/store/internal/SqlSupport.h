// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Error.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

// Helpers shared by the repositories of core/store only.
namespace certdeck::store::internal {

/// ISO 8601 UTC with milliseconds; empty for an invalid time (sorts before every real time).
QString timeText(const QDateTime& t);
QDateTime timeFrom(const QString& text);
QString jsonText(const QJsonObject& o);
QString jsonText(const QJsonArray& a);
QString jsonText(const QStringList& list);
QJsonObject jsonObject(const QString& text);
QStringList jsonStringList(const QString& text);

/// The Error for a failed query: Busy when another process holds the store, Store otherwise.
Error sqlError(const QSqlQuery& query, const QString& what);

} // namespace certdeck::store::internal
