// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "ui/DashboardPage.h"
#include "ui/PlaceholderPage.h"
#include "ui/Resources.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace certdeck::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent) {
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Certdeck"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/certdeck.svg")));

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_sidebar = new QListWidget(central);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Sections"));
    m_sidebar->setFixedWidth(200);
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    layout->addWidget(m_sidebar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_dashboard = new DashboardPage(m_pages);
    addSection(QStringLiteral("sectionDashboard"), tr("Dashboard"), QStringLiteral("dashboard"), m_dashboard);
    addSection(QStringLiteral("sectionCertificates"), tr("Certificates"), QStringLiteral("certificate"),
               new PlaceholderPage(tr("Certificates"), tr("Every certificate Certdeck issued or found."), m_pages));
    addSection(QStringLiteral("sectionServers"), tr("Servers"), QStringLiteral("server"),
               new PlaceholderPage(tr("Servers"), tr("SSH servers Certdeck deploys to."), m_pages));
    addSection(QStringLiteral("sectionDnsProviders"), tr("DNS providers"), QStringLiteral("dns"),
               new PlaceholderPage(tr("DNS providers"), tr("Where dns-01 records are written."), m_pages));
    addSection(QStringLiteral("sectionEndpoints"), tr("Watched endpoints"), QStringLiteral("watch"),
               new PlaceholderPage(tr("Watched endpoints"), tr("TLS endpoints checked for expiry."), m_pages));
    addSection(QStringLiteral("sectionActivity"), tr("Activity"), QStringLiteral("activity"),
               new PlaceholderPage(tr("Activity"), tr("What Certdeck did, and when."), m_pages));
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);

    buildActions();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->showMessage(tr("No certificates yet."));

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1100, 700);
}

MainWindow::~MainWindow() = default;

void MainWindow::addSection(const QString& objectName, const QString& title, const QString& icon, QWidget* page) {
    auto* item = new QListWidgetItem(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)), title, m_sidebar);
    item->setData(Qt::UserRole, objectName);
    item->setData(Qt::AccessibleTextRole, title);
    m_pages->addWidget(page);
}

void MainWindow::buildActions() {
    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto* add = toolbar->addAction(QIcon(QStringLiteral(":/icons/add.svg")), tr("Add domain"));
    add->setObjectName(QStringLiteral("actionAddDomain"));
    add->setShortcut(QKeySequence::New);
    auto* renew = toolbar->addAction(QIcon(QStringLiteral(":/icons/renew.svg")), tr("Renew"));
    renew->setObjectName(QStringLiteral("actionRenew"));
    renew->setEnabled(false);
    auto* deploy = toolbar->addAction(QIcon(QStringLiteral(":/icons/deploy.svg")), tr("Deploy"));
    deploy->setObjectName(QStringLiteral("actionDeploy"));
    deploy->setEnabled(false);
    auto* check = toolbar->addAction(QIcon(QStringLiteral(":/icons/dns.svg")), tr("Check DNS"));
    check->setObjectName(QStringLiteral("actionCheckDns"));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace certdeck::ui
