// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DashboardPage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace certdeck::ui {

DashboardPage::DashboardPage(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("dashboardPage"));
    auto* layout = new QVBoxLayout(this);
    m_emptyState = new QWidget(this);
    m_emptyState->setObjectName(QStringLiteral("dashboardEmptyState"));
    auto* empty = new QVBoxLayout(m_emptyState);
    empty->addStretch(1);
    auto* title = new QLabel(tr("No certificates yet"), m_emptyState);
    title->setObjectName(QStringLiteral("emptyTitle"));
    title->setAlignment(Qt::AlignCenter);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    title->setFont(f);
    auto* text = new QLabel(tr("Add a domain to check its DNS, get a certificate and deploy it to your server.\n"
                               "Every certificate you add appears here on an expiry timeline."),
                            m_emptyState);
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    auto* button = new QPushButton(tr("Add domain…"), m_emptyState);
    button->setObjectName(QStringLiteral("emptyAddDomain"));
    connect(button, &QPushButton::clicked, this, &DashboardPage::addDomainRequested);
    empty->addWidget(title);
    empty->addWidget(text);
    empty->addWidget(button, 0, Qt::AlignCenter);
    empty->addStretch(2);
    layout->addWidget(m_emptyState);
}

bool DashboardPage::isEmptyState() const {
    return m_emptyState->isVisibleTo(this);
}

} // namespace certdeck::ui
