// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"

#include <QString>

#include <optional>

class QDialog;
class QLabel;
class QLineEdit;
class QVBoxLayout;
class QWidget;

namespace certdeck::ui {

/// What the dialogs that add or edit a named store record (ServerDialog, DnsProviderDialog) share: the
/// name and its rules, and the bottom of the dialog (a note on where secrets go, the problem line, Ok /
/// Cancel). Child objectNames start with the `prefix` given: `<prefix>Error`, `<prefix>Buttons`,
/// `<prefix>Ok`, `<prefix>Cancel`.
namespace RecordDialogParts {

/// Names: letters, digits, . _ - (they name keychain entries and are typed on command lines).
bool isValidName(const QString& name);

/// The name field (accessible name "Name", at most 63 characters).
QLineEdit* nameEdit(const QString& objectName, const QString& placeholder, QWidget* parent);
/// Editing keeps the name: shown read-only, `why` as its tool tip.
void keepName(QLineEdit* edit, const QString& name, const QString& why);

/// Adds the note (`note`, greyed), the problem line (hidden until showProblem) and the Ok button
/// ("&Save" when `editing`, else "&Add") with Cancel to `layout`; returns the problem line.
QLabel* addFooter(QDialog* dialog, QVBoxLayout* layout, const QString& prefix, const QString& note, bool editing);
/// Shows `text` in the problem line.
void showProblem(QLabel* line, const QString& text);

/// `text` as secret bytes (its UTF-8 copy wiped); empty optional for an empty text.
std::optional<SecureBytes> secretFromText(const QString& text);

} // namespace RecordDialogParts
} // namespace certdeck::ui
