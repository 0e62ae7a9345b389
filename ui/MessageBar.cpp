// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MessageBar.h"

#include "ui/Formatting.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace certdeck::ui {

MessageBar::MessageBar(const QString& objectName, QWidget* parent)
    : QWidget(parent) {
    setObjectName(objectName);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    m_text = new QLabel(this);
    m_text->setObjectName(objectName + QStringLiteral("Text"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setTextFormat(Qt::PlainText);
    m_details = new QPushButton(tr("Details…"), this);
    m_details->setObjectName(objectName + QStringLiteral("Details"));
    m_details->setCheckable(true);
    m_details->setVisible(false);
    row->addWidget(m_text, 1);
    row->addWidget(m_details, 0, Qt::AlignTop);
    m_detailText = new QPlainTextEdit(this);
    m_detailText->setObjectName(objectName + QStringLiteral("DetailText"));
    m_detailText->setAccessibleName(tr("Technical details"));
    m_detailText->setReadOnly(true);
    m_detailText->setVisible(false);
    m_detailText->setMaximumHeight(120);
    layout->addLayout(row);
    layout->addWidget(m_detailText);
    connect(m_details, &QPushButton::toggled, m_detailText, &QWidget::setVisible);
    setVisible(false);
}

void MessageBar::showError(const Error& error) {
    QString detail = error.detail;
    if (!error.context.isEmpty())
        detail = error.context + QLatin1Char('\n') + detail;
    detail += QStringLiteral("\n(%1)").arg(errorCodeName(error.code));
    showMessage(error.userMessage, Kind::Error, detail.trimmed());
}

void MessageBar::showMessage(const QString& text, Kind kind, const QString& detail) {
    m_kind = kind;
    m_text->setText(text);
    QPalette p = m_text->palette();
    // Failures in the state colour the dashboard uses for "expired", successes in its "fine" colour:
    // both derived from the palette, so they stay readable on dark themes.
    if (kind == Kind::Error)
        p.setColor(QPalette::WindowText, Formatting::stateColor(CertificateState::Expired, palette()));
    else if (kind == Kind::Success)
        p.setColor(QPalette::WindowText, Formatting::stateColor(CertificateState::Fine, palette()));
    else
        p.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
    m_text->setPalette(p);
    m_detailText->setPlainText(detail);
    m_details->setChecked(false);
    m_details->setVisible(!detail.isEmpty());
    setVisible(true);
}

void MessageBar::clear() {
    m_text->clear();
    m_detailText->clear();
    m_details->setChecked(false);
    m_details->setVisible(false);
    setVisible(false);
}

QString MessageBar::text() const {
    return m_text->text();
}

} // namespace certdeck::ui
