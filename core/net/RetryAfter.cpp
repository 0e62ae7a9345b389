// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/RetryAfter.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace certdeck::net {

namespace {
std::optional<QDateTime> parseHttpDate(const QString& s)
{
    static const QLocale c = QLocale::c();
    // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT ; RFC 850: Sunday, 06-Nov-94 08:49:37 GMT ; asctime: Sun Nov  6 08:49:37 1994
    const QString formats[] = {QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"),
                               QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'GMT'"),
                               QStringLiteral("ddd MMM d HH:mm:ss yyyy")};
    QString simplified = s.simplified();
    for (const auto& f : formats) {
        QDateTime t = c.toDateTime(simplified, f);
        if (t.isValid()) {
            t.setTimeZone(QTimeZone::UTC);
            if (f.contains(QLatin1String("yy HH")) && t.date().year() < 1970)
                t = t.addYears(100);
            return t;
        }
    }
    return std::nullopt;
}
} // namespace

std::optional<QDateTime> parseRetryAfter(const QByteArray& value, const QDateTime& now, qint64 maxSeconds)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,10}$"));
    const QString s = QString::fromLatin1(v);
    if (digits.match(s).hasMatch()) {
        qint64 secs = s.toLongLong();
        return now.addSecs(std::min(secs, maxSeconds));
    }
    auto t = parseHttpDate(s);
    if (!t)
        return std::nullopt;
    if (*t < now)
        return now;
    if (now.secsTo(*t) > maxSeconds)
        return now.addSecs(maxSeconds);
    return t;
}

} // namespace certdeck::net
