// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace certdeck::ui {

/// A section whose screen has not been built yet: says so honestly instead of showing fake data.
class PlaceholderPage : public QWidget {
    Q_OBJECT
public:
    PlaceholderPage(const QString& title, const QString& description, QWidget* parent = nullptr);
};

} // namespace certdeck::ui
