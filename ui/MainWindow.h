// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace certdeck::ui {

class DashboardPage;

/// The main window: a sidebar of sections and a stack of pages. Remembers its geometry.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] DashboardPage* dashboard() const { return m_dashboard; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void addSection(const QString& objectName, const QString& title, const QString& icon, QWidget* page);

    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_pages = nullptr;
    DashboardPage* m_dashboard = nullptr;
};

} // namespace certdeck::ui
