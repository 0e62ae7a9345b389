// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/CertificateRow.h"

#include <QColor>
#include <QDateTime>
#include <QString>
#include <QStringList>

class QPalette;

namespace certdeck::ui {

/// Every display string (and state colour) the screens show, in one place so the words stay the
/// same everywhere and translators find them together. Pure functions; `now` is passed in so tests
/// and the timeline agree on one instant.
namespace Formatting {

/// `one` or `many` (each with %1 for the number), translated in the "Formatting" context: mark both
/// with QT_TRANSLATE_NOOP("Formatting", …). English reads right with no translation loaded.
QString countText(int n, const char* one, const char* many);
/// "12 Mar 2025" in the user's locale (short date), local time.
QString date(const QDateTime& when);
/// "12 Mar 2025 14:05".
QString dateTime(const QDateTime& when);
/// "today", "tomorrow", "in 23 days", "3 days ago", "in 5 hours", "2 months ago"; empty for an invalid time.
QString relative(const QDateTime& when, const QDateTime& now);
/// "in 23 days (12 Mar 2025)".
QString relativeWithDate(const QDateTime& when, const QDateTime& now);

/// A DNS name as people read it: an A-label ("xn--bcher-kva.example") shown in Unicode ("bücher.example").
QString displayName(const QString& aceOrUnicode);
/// "bücher.example (xn--bcher-kva.example)" for internationalised names, the name alone otherwise.
QString nameWithPunycode(const QString& aceOrUnicode);
/// "example.com", "example.com and www.example.com", "example.com +3".
QString namesSummary(const QStringList& names);

/// "Fine", "Renewal due", "Expiring soon", "Renewal failed", "Expired".
QString stateLabel(CertificateState state);
/// One sentence on what the state means for the user and what happens next.
QString stateExplanation(const CertificateRow& row, const QDateTime& now);
/// Severity for sorting: higher is worse.
int stateSeverity(CertificateState state);
/// The colour of a state, readable on the palette's base colour (light or dark).
QColor stateColor(CertificateState state, const QPalette& palette);
/// True when the palette is a dark one (its window colour is dark).
bool isDark(const QPalette& palette);

/// Several lines of facts for a tooltip.
QString certificateTooltip(const CertificateRow& row, const QDateTime& now);

} // namespace Formatting
} // namespace certdeck::ui
