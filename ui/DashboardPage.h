// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace certdeck::ui {

/// The first screen: the expiry timeline and the certificate table; an inviting empty state
/// when there are no certificates yet.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPage(QWidget* parent = nullptr);

    [[nodiscard]] bool isEmptyState() const;

Q_SIGNALS:
    void addDomainRequested();

private:
    QWidget* m_emptyState = nullptr;
};

} // namespace certdeck::ui
