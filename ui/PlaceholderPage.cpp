// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PlaceholderPage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace certdeck::ui {

PlaceholderPage::PlaceholderPage(const QString& title, const QString& description, QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    heading->setFont(f);
    auto* text = new QLabel(description + QLatin1Char('\n') + tr("This screen is not built yet."), this);
    text->setWordWrap(true);
    layout->addWidget(heading);
    layout->addWidget(text);
    layout->addStretch(1);
}

} // namespace certdeck::ui
