// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Formatting.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPalette>
#include <QUrl>

namespace certdeck::ui::Formatting {

namespace {
// English plurals without a loaded translation: "%n day(s)" would show literally, so each string has
// its singular and plural form (marked for lupdate with QT_TRANSLATE_NOOP).
QString counted(int n, const char* one, const char* many) {
    return QCoreApplication::translate("Formatting", n == 1 ? one : many).arg(n);
}
} // namespace

QString countText(int n, const char* one, const char* many) {
    return counted(n, one, many);
}

QString date(const QDateTime& when) {
    if (!when.isValid())
        return {};
    return QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat);
}

QString dateTime(const QDateTime& when) {
    if (!when.isValid())
        return {};
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

QString relative(const QDateTime& when, const QDateTime& now) {
    if (!when.isValid() || !now.isValid())
        return {};
    const qint64 secs = now.secsTo(when);
    const qint64 absSecs = secs < 0 ? -secs : secs;
    const bool future = secs >= 0;
    if (absSecs < 3600)
        return future ? QCoreApplication::translate("Formatting", "within the hour")
                      : QCoreApplication::translate("Formatting", "less than an hour ago");
    if (absSecs < 24 * 3600) {
        const int h = static_cast<int>(absSecs / 3600);
        return future ? counted(h, QT_TRANSLATE_NOOP("Formatting", "in %1 hour"),
                                QT_TRANSLATE_NOOP("Formatting", "in %1 hours"))
                      : counted(h, QT_TRANSLATE_NOOP("Formatting", "%1 hour ago"),
                                QT_TRANSLATE_NOOP("Formatting", "%1 hours ago"));
    }
    const int days = static_cast<int>(absSecs / (24 * 3600));
    if (days < 60)
        return future ? counted(days, QT_TRANSLATE_NOOP("Formatting", "in %1 day"),
                                QT_TRANSLATE_NOOP("Formatting", "in %1 days"))
                      : counted(days, QT_TRANSLATE_NOOP("Formatting", "%1 day ago"),
                                QT_TRANSLATE_NOOP("Formatting", "%1 days ago"));
    const int months = days / 30;
    if (days < 730)
        return future ? counted(months, QT_TRANSLATE_NOOP("Formatting", "in %1 month"),
                                QT_TRANSLATE_NOOP("Formatting", "in %1 months"))
                      : counted(months, QT_TRANSLATE_NOOP("Formatting", "%1 month ago"),
                                QT_TRANSLATE_NOOP("Formatting", "%1 months ago"));
    const int years = days / 365;
    return future ? counted(years, QT_TRANSLATE_NOOP("Formatting", "in %1 year"),
                            QT_TRANSLATE_NOOP("Formatting", "in %1 years"))
                  : counted(years, QT_TRANSLATE_NOOP("Formatting", "%1 year ago"),
                            QT_TRANSLATE_NOOP("Formatting", "%1 years ago"));
}

QString relativeWithDate(const QDateTime& when, const QDateTime& now) {
    if (!when.isValid())
        return QCoreApplication::translate("Formatting", "—");
    return QCoreApplication::translate("Formatting", "%1 (%2)").arg(relative(when, now), date(when));
}

QString displayName(const QString& aceOrUnicode) {
    if (aceOrUnicode.startsWith(QLatin1String("*."))) // fromAce refuses the wildcard label
        return QStringLiteral("*.") + displayName(aceOrUnicode.mid(2));
    for (QChar c : aceOrUnicode) {
        if (c.unicode() > 0x7f)
            return aceOrUnicode; // already Unicode
    }
    // Qt shows Unicode only for TLDs on its anti-spoofing list; these are the user's own names, and
    // nameWithPunycode() shows both forms wherever the difference matters.
    const QString unicode = QUrl::fromAce(aceOrUnicode.toUtf8(), QUrl::IgnoreIDNWhitelist);
    return unicode.isEmpty() ? aceOrUnicode : unicode;
}

QString nameWithPunycode(const QString& aceOrUnicode) {
    const QString unicode = displayName(aceOrUnicode);
    QString ace = aceOrUnicode;
    if (ace.startsWith(QLatin1String("*.")))
        ace = QStringLiteral("*.") + QString::fromLatin1(QUrl::toAce(ace.mid(2), QUrl::IgnoreIDNWhitelist));
    else if (!ace.isEmpty())
        ace = QString::fromLatin1(QUrl::toAce(ace, QUrl::IgnoreIDNWhitelist));
    if (ace.isEmpty() || ace.compare(unicode, Qt::CaseInsensitive) == 0)
        return unicode;
    return QCoreApplication::translate("Formatting", "%1 (%2)", "unicode name (punycode)").arg(unicode, ace);
}

QString namesSummary(const QStringList& names) {
    if (names.isEmpty())
        return QCoreApplication::translate("Formatting", "(no names)");
    if (names.size() == 1)
        return displayName(names.first());
    if (names.size() == 2)
        return QCoreApplication::translate("Formatting", "%1 and %2").arg(displayName(names[0]), displayName(names[1]));
    return QCoreApplication::translate("Formatting", "%1 +%2", "first name, count of the others")
        .arg(displayName(names.first()))
        .arg(names.size() - 1);
}

QString stateLabel(CertificateState state) {
    switch (state) {
    case CertificateState::Fine:
        return QCoreApplication::translate("Formatting", "Fine");
    case CertificateState::RenewalDue:
        return QCoreApplication::translate("Formatting", "Renewal due");
    case CertificateState::ExpiringSoon:
        return QCoreApplication::translate("Formatting", "Expiring soon");
    case CertificateState::RenewalFailed:
        return QCoreApplication::translate("Formatting", "Renewal failed");
    case CertificateState::Expired:
        return QCoreApplication::translate("Formatting", "Expired");
    }
    return {};
}

QString stateExplanation(const CertificateRow& row, const QDateTime& now) {
    switch (row.stateAt(now)) {
    case CertificateState::Fine:
        return row.plannedRenewal.isValid()
                   ? QCoreApplication::translate("Formatting", "Valid. Certdeck plans to renew it %1.")
                         .arg(relative(row.plannedRenewal, now))
                   : QCoreApplication::translate("Formatting", "Valid.");
    case CertificateState::RenewalDue:
        return QCoreApplication::translate("Formatting",
                                           "Valid, and due for renewal now: Certdeck renews it at the next check.");
    case CertificateState::ExpiringSoon:
        return QCoreApplication::translate("Formatting", "Expires %1: renew it now so visitors never see a warning.")
            .arg(relative(row.notAfter, now));
    case CertificateState::RenewalFailed:
        return QCoreApplication::translate("Formatting", "The last renewal failed: %1").arg(row.lastError);
    case CertificateState::Expired:
        return QCoreApplication::translate("Formatting",
                                           "Expired %1: browsers refuse it. Renew it to get a fresh certificate.")
            .arg(relative(row.notAfter, now));
    }
    return {};
}

int stateSeverity(CertificateState state) {
    return static_cast<int>(state);
}

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor stateColor(CertificateState state, const QPalette& palette) {
    // Hues people read without a legend (green fine, blue "scheduled", amber warning, red trouble,
    // grey for what is over), lighter on dark backgrounds so the contrast holds in both palettes.
    const bool dark = isDark(palette);
    switch (state) {
    case CertificateState::Fine:
        return dark ? QColor(0x51, 0xcf, 0x66) : QColor(0x2f, 0x9e, 0x44);
    case CertificateState::RenewalDue:
        return dark ? QColor(0x4d, 0xab, 0xf7) : QColor(0x1c, 0x7e, 0xd6);
    case CertificateState::ExpiringSoon:
        return dark ? QColor(0xff, 0xc0, 0x78) : QColor(0xe6, 0x77, 0x00);
    case CertificateState::RenewalFailed:
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xe0, 0x31, 0x31);
    case CertificateState::Expired:
        return dark ? QColor(0x9a, 0x9f, 0xa6) : QColor(0x86, 0x8e, 0x96);
    }
    return palette.color(QPalette::Text);
}

QString certificateTooltip(const CertificateRow& row, const QDateTime& now) {
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(namesSummary(row.names).toHtmlEscaped());
    if (row.names.size() > 1) {
        QStringList shown;
        for (const QString& n : row.names.mid(0, 8))
            shown << displayName(n);
        if (row.names.size() > 8)
            shown << counted(static_cast<int>(row.names.size() - 8), QT_TRANSLATE_NOOP("Formatting", "… and %1 more"),
                             QT_TRANSLATE_NOOP("Formatting", "… and %1 more"));
        lines << shown.join(QStringLiteral(", ")).toHtmlEscaped();
    }
    lines << QCoreApplication::translate("Formatting", "State: %1").arg(stateLabel(row.stateAt(now))).toHtmlEscaped();
    lines << QCoreApplication::translate("Formatting", "Valid from %1 to %2")
                 .arg(dateTime(row.notBefore), dateTime(row.notAfter))
                 .toHtmlEscaped();
    lines << QCoreApplication::translate("Formatting", "Expires %1").arg(relative(row.notAfter, now)).toHtmlEscaped();
    if (row.plannedRenewal.isValid())
        lines << QCoreApplication::translate("Formatting", "Renewal planned %1")
                     .arg(relativeWithDate(row.plannedRenewal, now))
                     .toHtmlEscaped();
    if (row.ariWindowStart.isValid() && row.ariWindowEnd.isValid())
        lines << QCoreApplication::translate("Formatting", "CA suggests renewing between %1 and %2 (ARI)")
                     .arg(dateTime(row.ariWindowStart), dateTime(row.ariWindowEnd))
                     .toHtmlEscaped();
    if (!row.issuer.isEmpty())
        lines << QCoreApplication::translate("Formatting", "Issuer: %1").arg(row.issuer).toHtmlEscaped();
    if (row.sandbox)
        lines << QCoreApplication::translate("Formatting", "From the local test CA: trusted nowhere.").toHtmlEscaped();
    if (!row.lastError.isEmpty())
        lines
            << QCoreApplication::translate("Formatting", "Last renewal failed: %1").arg(row.lastError).toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

} // namespace certdeck::ui::Formatting
