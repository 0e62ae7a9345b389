// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PageParts.h"

#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace certdeck::ui::PageParts {

QLabel* heading(const QString& title, QWidget* parent) {
    auto* label = new QLabel(title, parent);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    label->setFont(f);
    return label;
}

QLabel* subtitle(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QWidget* emptyState(const QString& objectName, const QString& text, const QString& buttonText, const QString& icon,
                    QWidget* parent, QPushButton** button) {
    auto* w = new QWidget(parent);
    w->setObjectName(objectName);
    auto* layout = new QVBoxLayout(w);
    layout->addStretch(1);
    auto* label = new QLabel(text, w);
    label->setObjectName(objectName + QStringLiteral("Text"));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    layout->addWidget(label);
    auto* b = PageParts::button(buttonText, objectName + QStringLiteral("Action"), icon, w);
    layout->addWidget(b, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    if (button)
        *button = b;
    return w;
}

QTableWidget* table(const QString& objectName, const QString& accessibleName, const QStringList& headers,
                    QWidget* parent) {
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setObjectName(objectName);
    t->setAccessibleName(accessibleName);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::ExtendedSelection);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    t->setTabKeyNavigation(false);
    t->verticalHeader()->setVisible(false);
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setHighlightSections(false);
    return t;
}

QPushButton* button(const QString& text, const QString& objectName, const QString& icon, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    if (!icon.isEmpty())
        b->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)));
    return b;
}

} // namespace certdeck::ui::PageParts
