// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/internal/SqlSupport.h"

#include <QJsonDocument>
#include <QObject>
#include <QSqlError>

namespace certdeck::store::internal {

QString timeText(const QDateTime& t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QString& text) {
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.toUTC();
}

QString jsonText(const QJsonObject& o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonArray& a) {
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QString jsonText(const QStringList& list) {
    return jsonText(QJsonArray::fromStringList(list));
}

QJsonObject jsonObject(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QStringList jsonStringList(const QString& text) {
    QStringList out;
    const QJsonArray a = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const auto& v : a)
        out << v.toString();
    return out;
}

Error sqlError(const QSqlQuery& query, const QString& what) {
    const QSqlError e = query.lastError();
    const QString native = e.nativeErrorCode();
    // SQLITE_BUSY (5) / SQLITE_LOCKED (6): another process held the store longer than the busy timeout.
    if (native == QLatin1String("5") || native == QLatin1String("6"))
        return Error(ErrorCode::Busy,
                     QObject::tr("Another Certdeck process is using the store right now; try again in a moment."),
                     e.text(), what);
    return Error(ErrorCode::Store, QObject::tr("The store could not be read or written (%1).").arg(what), e.text());
}

} // namespace certdeck::store::internal
