// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/RetryAfter.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace certdeck::net {

namespace {
std::optional<QDateTime> parseHttpDate(const QString& s) {
    static const QLocale c = QLocale::c();
    // IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT",
    // asctime "Sun Nov  6 08:49:37 1994". The weekday is redundant and Qt would reject a date whose
    // weekday it computes differently (two-digit years), so it is dropped before parsing.
    QString rest = s.simplified();
    const int firstSpace = rest.indexOf(QLatin1Char(' '));
    if (firstSpace < 0)
        return std::nullopt;
    rest = rest.mid(firstSpace + 1);
    const QString formats[] = {QStringLiteral("dd MMM yyyy HH:mm:ss 'GMT'"), QStringLiteral("dd-MMM-yy HH:mm:ss 'GMT'"),
                               QStringLiteral("MMM d HH:mm:ss yyyy")};
    for (const auto& f : formats) {
        QDateTime t = c.toDateTime(rest, f);
        if (t.isValid()) {
            t = QDateTime(t.date(), t.time(), QTimeZone::utc());
            if (t.date().year() < 1970)
                t = t.addYears(100);
            return t;
        }
    }
    return std::nullopt;
}
} // namespace

std::optional<QDateTime> parseRetryAfter(const QByteArray& value, const QDateTime& now, qint64 maxSeconds) {
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
