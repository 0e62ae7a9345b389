// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QLabel;
class QPushButton;
class QTableWidget;
class QWidget;

namespace certdeck::ui {

/// Small building blocks the section pages share, so they look alike.
namespace PageParts {

/// The page title: a large bold label.
QLabel* heading(const QString& title, QWidget* parent);
/// A short grey line under the title.
QLabel* subtitle(const QString& text, QWidget* parent);
/// The empty state: one line of explanation and the primary action button, centred. The widget is
/// named `objectName`; the button is returned in `*button` (named `objectName + "Action"`).
QWidget* emptyState(const QString& objectName, const QString& text, const QString& buttonText, const QString& icon,
                    QWidget* parent, QPushButton** button);
/// A read-only, row-selecting, sortable table with the given headers.
QTableWidget* table(const QString& objectName, const QString& accessibleName, const QStringList& headers,
                    QWidget* parent);
/// A push button with an objectName and an optional icon from :/icons.
QPushButton* button(const QString& text, const QString& objectName, const QString& icon, QWidget* parent);

} // namespace PageParts
} // namespace certdeck::ui
