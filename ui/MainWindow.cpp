// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "core/store/StoreExecutor.h"
#include "core/workflow/AccountFiles.h"
#include "ui/AddDomainWizard.h"
#include "ui/CertificateDetailsDialog.h"
#include "ui/CertificateFolderScanner.h"
#include "ui/CertificateTableModel.h"
#include "ui/DashboardPage.h"
#include "ui/Formatting.h"
#include "ui/PlaceholderPage.h"
#include "ui/Resources.h"
#include "ui/SandboxService.h"
#include "ui/ServersPage.h"
#include "ui/SettingsDialog.h"
#include "ui/TrayNotifier.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace certdeck::ui {

MainWindow::MainWindow(QWidget* parent)
    : MainWindow(Options{}, parent) {}

MainWindow::MainWindow(Options options, QWidget* parent)
    : QMainWindow(parent)
    , m_options(std::move(options)) {
    initResources();
    if (m_options.dataDir.isEmpty())
        m_options.dataDir = workflow::AccountFiles::defaultDataDir();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(m_options.sandboxMode ? tr("Certdeck — sandbox") : tr("Certdeck"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/certdeck.svg")));
    m_store = std::make_unique<store::StoreExecutor>(m_options.dataDir);
    m_sandbox = new SandboxService(m_options.dataDir, this);

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
    m_sidebar->setSpacing(0);
    // A quiet sidebar in the window colour with rounded selections, from the palette so it follows
    // light and dark themes alike.
    m_sidebar->setStyleSheet(QStringLiteral(
        "QListWidget#sidebar { background: palette(window); border: none;"
        " border-right: 1px solid palette(midlight); padding: 8px 0px; outline: none; }"
        "QListWidget#sidebar::item { border-radius: 6px; padding: 4px 8px; margin: 1px 8px; color: palette(text); }"
        "QListWidget#sidebar::item:hover:!selected { background: palette(midlight); }"
        "QListWidget#sidebar::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));
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
               new ServersPage(m_store.get(), m_pages));
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
    m_nextRenewal = new QLabel(this);
    m_nextRenewal->setObjectName(QStringLiteral("statusNextRenewal"));
    m_unattended = new QLabel(this);
    m_unattended->setObjectName(QStringLiteral("statusUnattended"));
    // The systemd user timer arrives with the installer work; say so rather than pretend.
    m_unattended->setText(tr("Unattended renewal: not set up yet (renews while Certdeck is open)"));
    statusBar()->addWidget(m_nextRenewal, 1);
    statusBar()->addPermanentWidget(m_unattended);

    m_tray = new TrayNotifier(this);
    connect(m_tray, &TrayNotifier::showWindowRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_tray, &TrayNotifier::addDomainRequested, this, &MainWindow::openAddDomainWizard);
    connect(m_dashboard, &DashboardPage::addDomainRequested, this, &MainWindow::openAddDomainWizard);
    connect(m_dashboard, &DashboardPage::certificateActivated, this, &MainWindow::openCertificateDetails);
    connect(m_dashboard, &DashboardPage::certificatesChanged, this, &MainWindow::updateStatus);
    updateStatus();

    // Keep "today" current: states change as time passes even when nothing else happens.
    auto* tick = new QTimer(this);
    tick->setInterval(10 * 60 * 1000);
    connect(tick, &QTimer::timeout, this, [this] { m_dashboard->setNow(QDateTime::currentDateTimeUtc()); });
    tick->start();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1100, 700);
    if (m_options.loadCertificates)
        loadCertificates();
}

MainWindow::~MainWindow() = default;

void MainWindow::loadCertificates() {
    QPointer<MainWindow> self(this);
    auto task = CertificateFolderScanner::scanAsync(m_options.dataDir);
    QCoro::connect(std::move(task), this, [self](const QList<CertificateRow>& rows) {
        if (!self)
            return;
        // Certificates issued while the scan ran stay (they are newer): merge rather than replace. One
        // reset, not a row-by-row insert: every insert re-sorts the proxy and recounts the states, which
        // made 10,000 saved certificates take seconds.
        const CertificateTableModel* model = self->m_dashboard->model();
        QList<CertificateRow> merged;
        merged.reserve(model->rowCount() + rows.size());
        for (int i = 0; i < model->rowCount(); ++i)
            merged << model->rowAt(i);
        for (const CertificateRow& r : rows)
            if (model->rowOfId(r.id) < 0)
                merged << r;
        self->m_dashboard->setCertificates(std::move(merged));
        Q_EMIT self->certificatesLoaded();
    });
}

void MainWindow::addSection(const QString& objectName, const QString& title, const QString& icon, QWidget* page) {
    auto* item = new QListWidgetItem(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)), title, m_sidebar);
    item->setData(Qt::UserRole, objectName);
    item->setData(Qt::AccessibleTextRole, title);
    item->setSizeHint(QSize(0, 34));
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
    add->setToolTip(
        tr("Get a certificate for a new domain (%1)").arg(add->shortcut().toString(QKeySequence::NativeText)));
    connect(add, &QAction::triggered, this, &MainWindow::openAddDomainWizard);
    auto* renew = toolbar->addAction(QIcon(QStringLiteral(":/icons/renew.svg")), tr("Renew"));
    renew->setObjectName(QStringLiteral("actionRenew"));
    renew->setEnabled(false);
    renew->setToolTip(tr("Renewing from here arrives with the renewal scheduler."));
    auto* deploy = toolbar->addAction(QIcon(QStringLiteral(":/icons/deploy.svg")), tr("Deploy"));
    deploy->setObjectName(QStringLiteral("actionDeploy"));
    deploy->setEnabled(false);
    deploy->setToolTip(tr("Deploying to servers arrives with the Servers section."));
    auto* check = toolbar->addAction(QIcon(QStringLiteral(":/icons/dns.svg")), tr("Check DNS"));
    check->setObjectName(QStringLiteral("actionCheckDns"));
    check->setToolTip(tr("Check a domain's DNS and CAA before ordering (opens the wizard)."));
    connect(check, &QAction::triggered, this, &MainWindow::openAddDomainWizard);
    toolbar->addSeparator();
    auto* settings = toolbar->addAction(tr("Settings"));
    settings->setObjectName(QStringLiteral("actionSettings"));
    settings->setShortcut(QKeySequence::Preferences);
    connect(settings, &QAction::triggered, this, &MainWindow::openSettings);
}

AddDomainWizard* MainWindow::openAddDomainWizard() {
    if (m_wizard && m_wizard->isVisible()) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    const QSettings settings;
    AddDomainWizard::Context ctx;
    ctx.sandbox = m_sandbox;
    ctx.dataDir = m_options.dataDir;
    ctx.sandboxMode = m_options.sandboxMode;
    ctx.defaultCa = SettingsDialog::defaultCa(settings);
    ctx.defaultKeyType = SettingsDialog::defaultKeyType(settings);
    m_wizard = new AddDomainWizard(ctx, this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &QDialog::finished, m_wizard, &QObject::deleteLater);
    connect(m_wizard, &AddDomainWizard::certificateIssued, this, [this](const IssuedCertificate& issued) {
        m_dashboard->upsertCertificate(issued.row);
        m_tray->notify(tr("Certificate issued"),
                       tr("%1 is valid until %2.")
                           .arg(Formatting::namesSummary(issued.row.names), Formatting::date(issued.row.notAfter)));
    });
    m_wizard->open();
    return m_wizard;
}

void MainWindow::openCertificateDetails(const QString& id) {
    const int row = m_dashboard->model()->rowOfId(id);
    if (row < 0)
        return;
    auto* dialog = new CertificateDetailsDialog(m_dashboard->model()->rowAt(row), m_dashboard->model()->now(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openSettings() {
    auto* dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MainWindow::updateStatus);
    dialog->open();
}

void MainWindow::updateStatus() {
    const CertificateTableModel* model = m_dashboard->model();
    const QDateTime now = model->now();
    int nextRow = -1;
    int trouble = 0;
    for (int i = 0; i < model->rowCount(); ++i) {
        const CertificateRow& r = model->rowAt(i);
        const CertificateState s = r.stateAt(now);
        if (s == CertificateState::Expired || s == CertificateState::RenewalFailed ||
            s == CertificateState::ExpiringSoon)
            ++trouble;
        if (s != CertificateState::Expired && r.plannedRenewal.isValid() &&
            (nextRow < 0 || r.plannedRenewal < model->rowAt(nextRow).plannedRenewal))
            nextRow = i;
    }
    if (model->rowCount() == 0)
        m_nextRenewal->setText(tr("No certificates yet."));
    else if (nextRow < 0)
        m_nextRenewal->setText(tr("No renewal planned."));
    else {
        const CertificateRow& r = model->rowAt(nextRow);
        m_nextRenewal->setText(
            r.plannedRenewal <= now
                ? tr("Next renewal: %1, due now").arg(Formatting::namesSummary(r.names))
                : tr("Next renewal: %1, %2")
                      .arg(Formatting::namesSummary(r.names), Formatting::relative(r.plannedRenewal, now)));
    }
    m_tray->setStatus(model->rowCount(), trouble);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    // Keep running in the tray (renewals continue) when the user asked for it and a tray exists.
    if (m_tray->isAvailable() && settings.value(QStringLiteral("general/keepInTray"), false).toBool()) {
        hide();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace certdeck::ui
