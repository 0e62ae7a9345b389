// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "core/common/Async.h"
#include "core/common/Clock.h"
#include "core/common/Log.h"
#include "core/store/StoreExecutor.h"
#include "core/workflow/AccountFiles.h"
#include "core/workflow/UnattendedRenewal.h"
#include "ui/ActivityPage.h"
#include "ui/AddDomainWizard.h"
#include "ui/CertificateDetailsDialog.h"
#include "ui/CertificateFolderScanner.h"
#include "ui/CertificateTableModel.h"
#include "ui/CertificatesPage.h"
#include "ui/DashboardPage.h"
#include "ui/DeployDialog.h"
#include "ui/DnsProvidersPage.h"
#include "ui/EndpointsPage.h"
#include "ui/Formatting.h"
#include "ui/PlaceholderPage.h"
#include "ui/RenewalService.h"
#include "ui/Resources.h"
#include "ui/SandboxService.h"
#include "ui/ServersPage.h"
#include "ui/SettingsDialog.h"
#include "ui/StoreCall.h"
#include "ui/StoreCertificateRows.h"
#include "ui/TrayNotifier.h"

#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

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
    m_certificates = new CertificatesPage(m_store.get(), m_pages);
    addSection(QStringLiteral("sectionCertificates"), tr("Certificates"), QStringLiteral("certificate"),
               m_certificates);
    addSection(QStringLiteral("sectionServers"), tr("Servers"), QStringLiteral("server"),
               new ServersPage(m_store.get(), m_pages));
    addSection(QStringLiteral("sectionDnsProviders"), tr("DNS providers"), QStringLiteral("dns"),
               new DnsProvidersPage(m_store.get(), m_pages));
    addSection(QStringLiteral("sectionEndpoints"), tr("Watched endpoints"), QStringLiteral("watch"),
               new EndpointsPage(m_store.get(), m_pages));
    addSection(QStringLiteral("sectionActivity"), tr("Activity"), QStringLiteral("activity"),
               new ActivityPage(m_store.get(), m_pages));
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);

    buildActions();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    m_nextRenewal = new QLabel(this);
    m_nextRenewal->setObjectName(QStringLiteral("statusNextRenewal"));
    m_unattended = new QLabel(this);
    m_unattended->setObjectName(QStringLiteral("statusUnattended"));
    m_installTimer = new QPushButton(tr("Install…"), this);
    m_installTimer->setObjectName(QStringLiteral("installTimerButton"));
    m_installTimer->setAccessibleName(tr("Install unattended renewal"));
    m_installTimer->setFlat(true);
    connect(m_installTimer, &QPushButton::clicked, this, &MainWindow::installUnattendedRenewal);
    // A failed renewal's technical detail, behind the status line's plain message.
    m_renewDetails = new QPushButton(tr("Details…"), this);
    m_renewDetails->setObjectName(QStringLiteral("renewDetailsButton"));
    m_renewDetails->setAccessibleName(tr("Details of the failed renewal"));
    m_renewDetails->setFlat(true);
    m_renewDetails->hide();
    connect(m_renewDetails, &QPushButton::clicked, this, &MainWindow::showRenewalDetails);
    statusBar()->addWidget(m_nextRenewal, 1);
    statusBar()->addPermanentWidget(m_renewDetails);
    statusBar()->addPermanentWidget(m_unattended);
    statusBar()->addPermanentWidget(m_installTimer);
    updateUnattendedStatus();

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
    connect(m_certificates, &CertificatesPage::certificateActivated, this, &MainWindow::openCertificateDetails);
    connect(m_certificates, &CertificatesPage::addDomainRequested, this, &MainWindow::openAddDomainWizard);
    connect(m_dashboard, &DashboardPage::selectionChanged, this, &MainWindow::updateActions);
    connect(m_certificates, &CertificatesPage::selectionChanged, this, &MainWindow::updateActions);
    connect(m_certificates, &CertificatesPage::rowsLoaded, this, &MainWindow::updateActions);
    connect(m_pages, &QStackedWidget::currentChanged, this, &MainWindow::updateActions);

    m_renewal = new RenewalService(m_options.dataDir, m_tray, Clock::system(), this);
    m_renewal->setObjectName(QStringLiteral("renewalService"));
    connect(m_dashboard, &DashboardPage::certificatesChanged, m_renewal,
            [this] { m_renewal->setRows(m_dashboard->model()->rows()); });
    connect(m_renewal, &RenewalService::lineageChecked, this,
            [this](const QString& lineage, bool renewed, bool failed, const QString& message) {
                if (renewed || failed) {
                    reloadCertificate(lineage);
                    if (m_certificates->isVisible())
                        m_certificates->reload();
                }
                if (failed) {
                    m_failedLineage = lineage;
                    m_renewDetails->show();
                    statusBar()->showMessage(tr("Renewing %1 failed: %2").arg(lineage, message));
                } else if (renewed) {
                    statusBar()->showMessage(tr("%1 renewed.").arg(lineage), 30000);
                } else if (!message.isEmpty()) {
                    statusBar()->showMessage(tr("%1: %2").arg(lineage, message), 30000);
                } else {
                    statusBar()->clearMessage(); // not the last progress step of a finished run
                }
            });
    connect(m_renewal, &RenewalService::progressed, this, [this](const QString& lineage, const QString& text) {
        statusBar()->showMessage(tr("Renewing %1: %2").arg(lineage, text));
    });
    connect(m_renewal, &RenewalService::busyChanged, this, [this](bool busy) {
        if (busy) {
            m_renewDetails->hide();
            statusBar()->showMessage(tr("Renewing certificates that are due…"));
        } else if (statusBar()->currentMessage() == tr("Renewing certificates that are due…")) {
            statusBar()->clearMessage();
        }
    });
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
    // Renew while the app is open once the rows are in (the scheduler then knows what is due).
    if (m_options.backgroundRenewal)
        connect(this, &MainWindow::certificatesLoaded, m_renewal, [this] {
            if (!m_renewal->isRunning())
                m_renewal->start();
        });
}

MainWindow::~MainWindow() = default;

void MainWindow::loadCertificates() {
    QPointer<MainWindow> self(this);
    const auto apply = [self](QList<CertificateRow> rows) {
        if (!self)
            return;
        // Certificates issued while the load ran stay (they are newer): merge rather than replace. One
        // reset, not a row-by-row insert: every insert re-sorts the proxy and recounts the states, which
        // made 10,000 saved certificates take seconds.
        const CertificateTableModel* model = self->m_dashboard->model();
        if (model->rowCount() > 0) {
            QSet<QString> ids;
            for (const CertificateRow& r : std::as_const(rows))
                ids.insert(r.id);
            for (int i = 0; i < model->rowCount(); ++i)
                if (!ids.contains(model->rowAt(i).id))
                    rows << model->rowAt(i);
        }
        self->m_dashboard->setCertificates(std::move(rows));
        Q_EMIT self->certificatesLoaded();
    };
    // A data folder from before the store (certificates only as <data>/live/*/cert.pem): read those
    // files once. Every other folder is read from the store's columns, never by parsing PEM.
    if (!QFileInfo::exists(m_options.dataDir + QStringLiteral("/certdeck.sqlite")) &&
        QFileInfo::exists(m_options.dataDir + QStringLiteral("/live"))) {
        auto task = CertificateFolderScanner::scanAsync(m_options.dataDir);
        QCoro::connect(std::move(task), this, [apply](const QList<CertificateRow>& rows) { apply(rows); });
        return;
    }
    auto job = m_store->run([](store::Store& s) { return StoreCertificateRows::read(s); });
    whenReady(std::move(job), this, [self, apply](const Result<QList<CertificateRow>>& rows) {
        if (!self)
            return;
        if (!rows) {
            self->showStoreError(rows.error());
            apply({});
            return;
        }
        apply(*rows);
    });
}

void MainWindow::reloadCertificate(const QString& lineage) {
    QPointer<MainWindow> self(this);
    auto job = m_store->run([lineage](store::Store& s) { return StoreCertificateRows::readLineage(s, lineage); });
    whenReady(std::move(job), this, [self](const Result<CertificateRow>& row) {
        if (self && row)
            self->m_dashboard->upsertCertificate(*row);
    });
}

void MainWindow::showStoreError(const Error& error) {
    statusBar()->showMessage(error.userMessage);
    qCWarning(lcStore) << "store:" << error.toString();
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
    m_renewAction = toolbar->addAction(QIcon(QStringLiteral(":/icons/renew.svg")), tr("Renew"));
    m_renewAction->setObjectName(QStringLiteral("actionRenew"));
    m_renewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_renewAction, &QAction::triggered, this, &MainWindow::renewSelected);
    m_deployAction = toolbar->addAction(QIcon(QStringLiteral(":/icons/deploy.svg")), tr("Deploy"));
    m_deployAction->setObjectName(QStringLiteral("actionDeploy"));
    m_deployAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_deployAction, &QAction::triggered, this, [this] { deploySelected(); });
    m_checkDnsAction = toolbar->addAction(QIcon(QStringLiteral(":/icons/dns.svg")), tr("Check DNS"));
    m_checkDnsAction->setObjectName(QStringLiteral("actionCheckDns"));
    connect(m_checkDnsAction, &QAction::triggered, this, &MainWindow::checkDns);
    toolbar->addSeparator();
    auto* settings = toolbar->addAction(tr("Settings"));
    settings->setObjectName(QStringLiteral("actionSettings"));
    settings->setShortcut(QKeySequence::Preferences);
    connect(settings, &QAction::triggered, this, &MainWindow::openSettings);

    // Keyboard users reach the toolbar with Tab right after the sidebar (Qt leaves toolbar buttons out
    // of the focus chain), and every section with Ctrl+1…6 from anywhere in the window.
    QWidget* previous = m_sidebar;
    for (QAction* action : toolbar->actions()) {
        QWidget* button = toolbar->widgetForAction(action);
        if (!button || action->isSeparator())
            continue;
        button->setFocusPolicy(Qt::TabFocus);
        button->setAccessibleName(action->text());
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        setTabOrder(previous, button);
        previous = button;
    }
    for (int i = 0; i < m_sidebar->count(); ++i) {
        auto* section = new QAction(m_sidebar->item(i)->text(), this);
        section->setObjectName(QStringLiteral("actionSection%1").arg(i + 1));
        section->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
        section->setShortcutContext(Qt::WindowShortcut);
        connect(section, &QAction::triggered, this, [this, i] {
            m_sidebar->setCurrentRow(i);
            m_sidebar->setFocus(Qt::ShortcutFocusReason);
        });
        addAction(section);
        m_sidebar->item(i)->setToolTip(
            tr("%1 (%2)").arg(m_sidebar->item(i)->text(), section->shortcut().toString(QKeySequence::NativeText)));
    }
    updateActions();
}

QString MainWindow::selectedLineage() const {
    if (m_pages->currentWidget() == m_certificates)
        return m_certificates->selectedLineage();
    if (m_pages->currentWidget() != m_dashboard)
        return {};
    const int row = m_dashboard->model()->rowOfId(m_dashboard->selectedId());
    return row < 0 ? QString() : m_dashboard->model()->rowAt(row).lineage;
}

void MainWindow::updateActions() {
    if (!m_renewAction)
        return;
    const QString lineage = selectedLineage();
    m_renewAction->setToolTip(lineage.isEmpty() ? tr("Renew every certificate that is due now (Ctrl+R)")
                                                : tr("Renew %1 now, even if it is not due (Ctrl+R)").arg(lineage));
    m_checkDnsAction->setToolTip(lineage.isEmpty()
                                     ? tr("Check a domain's DNS and CAA before ordering (opens the wizard).")
                                     : tr("Check the DNS and CAA of %1's names (opens the wizard).").arg(lineage));
    const int generation = ++m_actionsGeneration;
    if (lineage.isEmpty()) {
        m_deployAction->setEnabled(false);
        m_deployAction->setToolTip(tr("Select a certificate to deploy it to its servers."));
        return;
    }
    // The targets live on the lineage in the store: ask there (a small query, on the store's thread).
    m_deployAction->setEnabled(false);
    m_deployAction->setToolTip(tr("Looking up %1's deploy targets…").arg(lineage));
    QPointer<MainWindow> self(this);
    auto job = m_store->run([lineage](store::Store& s) -> Result<int> {
        auto l = s.lineages().byName(lineage);
        if (!l)
            return l.error();
        return static_cast<int>(l->deployTargets.size());
    });
    whenReady(std::move(job), this, [self, generation, lineage](const Result<int>& targets) {
        if (!self || generation != self->m_actionsGeneration)
            return;
        const bool any = targets && *targets > 0;
        self->m_deployAction->setEnabled(any);
        if (any)
            self->m_deployAction->setToolTip(
                tr("Install %1's current certificate on its %n server(s) (Ctrl+Shift+D)", nullptr, *targets)
                    .arg(lineage));
        else if (targets)
            self->m_deployAction->setToolTip(tr("%1 has no deploy targets: add a server in the Add domain wizard's "
                                                "deploy step or with 'certdeck-cli target add'.")
                                                 .arg(lineage));
        else
            self->m_deployAction->setToolTip(targets.error().userMessage);
    });
}

void MainWindow::renewSelected() {
    const QString lineage = selectedLineage();
    m_renewDetails->hide();
    if (!lineage.isEmpty()) {
        statusBar()->showMessage(tr("Renewing %1…").arg(lineage));
        m_renewal->renewNow(lineage);
        return;
    }
    const CertificateTableModel* model = m_dashboard->model();
    const QDateTime now = model->now();
    int due = 0;
    for (int i = 0; i < model->rowCount(); ++i) {
        const CertificateRow& r = model->rowAt(i);
        if (!r.lineage.isEmpty() && r.autoRenew && r.pausedReason.isEmpty() && r.plannedRenewal.isValid() &&
            r.plannedRenewal <= now)
            ++due;
    }
    if (due == 0) {
        statusBar()->showMessage(tr("No certificate is due for renewal. Select one to renew it now anyway."), 30000);
        return;
    }
    m_renewal->checkNow();
}

void MainWindow::showRenewalDetails() {
    const std::optional<Error> error = m_renewal->lastError(m_failedLineage);
    if (!error)
        return;
    showError(tr("Renewing %1 failed").arg(m_failedLineage), *error);
}

DeployDialog* MainWindow::deploySelected() {
    const QString lineage = selectedLineage();
    if (lineage.isEmpty())
        return nullptr;
    auto* dialog = new DeployDialog(m_options.dataDir, lineage, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->start();
    return dialog;
}

void MainWindow::checkDns() {
    QStringList names;
    const QString lineage = selectedLineage();
    if (!lineage.isEmpty()) {
        const int row = m_dashboard->model()->rowOfId(StoreCertificateRows::lineageRowId(lineage));
        if (row >= 0)
            names = m_dashboard->model()->rowAt(row).names;
        else
            for (const CertificatesPage::Row& r : m_certificates->rows())
                if (r.lineage == lineage)
                    names = r.names;
    }
    AddDomainWizard* wizard = openAddDomainWizard();
    // The wizard checks DNS and CAA once it knows the CA and the method; start it with the names.
    if (!names.isEmpty() && wizard && wizard->currentId() == AddDomainWizard::NamesPageId)
        if (auto* edit = wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardNames")))
            edit->setPlainText(names.join(QLatin1Char('\n')));
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
    const auto open = [this](const CertificateRow& row) {
        auto* dialog = new CertificateDetailsDialog(row, m_dashboard->model()->now(), m_store.get(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &CertificateDetailsDialog::revoked, this, &MainWindow::reloadCertificate);
        dialog->open();
    };
    const int row = m_dashboard->model()->rowOfId(id);
    if (row >= 0) {
        open(m_dashboard->model()->rowAt(row));
        return;
    }
    // A lineage the dashboard does not show (yet): its row from the store.
    const QString prefix = StoreCertificateRows::lineageRowId(QString());
    if (!id.startsWith(prefix))
        return;
    const QString lineage = id.mid(prefix.size());
    QPointer<MainWindow> self(this);
    auto job = m_store->run([lineage](store::Store& s) { return StoreCertificateRows::readLineage(s, lineage); });
    whenReady(std::move(job), this, [self, open, lineage](const Result<CertificateRow>& r) {
        if (!self)
            return;
        if (!r) {
            self->statusBar()->showMessage(r.error().code == ErrorCode::NotFound
                                               ? tr("%1 has no certificate yet.").arg(lineage)
                                               : r.error().userMessage,
                                           30000);
            return;
        }
        self->m_dashboard->upsertCertificate(*r);
        open(*r);
    });
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

bool MainWindow::systemdUser() const {
    return m_options.systemd.value_or(workflow::UnattendedRenewal::systemdRunning());
}

bool MainWindow::isUnattendedRenewalInstalled() const {
    return workflow::UnattendedRenewal::isInstalled();
}

void MainWindow::updateUnattendedStatus() {
    const bool installed = isUnattendedRenewalInstalled();
    // A timer installed for another data folder (the user chose a new one since) renews the wrong store.
    const QString timerDir = installed ? workflow::UnattendedRenewal::installedDataDir() : QString();
    const bool otherFolder =
        !timerDir.isEmpty() && QDir(timerDir).absolutePath() != QDir(m_options.dataDir).absolutePath();
    if (otherFolder) {
        m_unattended->setText(tr("Unattended renewal: renews another folder"));
        m_unattended->setToolTip(tr("The systemd user timer renews the certificates in %1, not in %2, the folder "
                                    "Certdeck uses now. Install it again for this folder.")
                                     .arg(timerDir, m_options.dataDir));
    } else {
        m_unattended->setText(installed ? tr("Unattended renewal: installed (systemd timer, twice a day)")
                                        : tr("Unattended renewal: off — renews only while Certdeck is open"));
        m_unattended->setToolTip(installed ? tr("The systemd user timer %1 runs 'certdeck-cli renew --all' even when "
                                                "Certdeck is closed.")
                                                 .arg(QLatin1String(workflow::UnattendedRenewal::kTimerUnit))
                                           : QString());
    }
    m_installTimer->setVisible(!installed || otherFolder);
    m_installTimer->setText(otherFolder ? tr("Install for this folder…") : tr("Install…"));
    m_installTimer->setToolTip(systemdUser() ? tr("Install a systemd user timer that renews certificates twice a day")
                                             : tr("Show the crontab line that renews certificates twice a day"));
}

void MainWindow::installUnattendedRenewal() {
    const QString program =
        m_options.cliProgram.isEmpty() ? workflow::UnattendedRenewal::cliProgram() : m_options.cliProgram;
    const QString dataDir = QDir(m_options.dataDir).absolutePath();
    if (!systemdUser()) {
        // No systemd --user here: the same schedule as a crontab line for the user to add.
        auto* dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("crontabDialog"));
        dialog->setWindowTitle(tr("Unattended renewal"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        auto* layout = new QVBoxLayout(dialog);
        auto* text = new QLabel(tr("This system does not run systemd. Add this line with <b>crontab -e</b> to "
                                   "renew certificates twice a day, even when Certdeck is closed:"),
                                dialog);
        text->setWordWrap(true);
        auto* line = new QLineEdit(workflow::UnattendedRenewal::crontabLine(
                                       program.isEmpty() ? QStringLiteral("certdeck-cli") : program, dataDir),
                                   dialog);
        line->setObjectName(QStringLiteral("crontabLine"));
        line->setAccessibleName(tr("Crontab line"));
        line->setReadOnly(true);
        line->setMinimumWidth(line->fontMetrics().horizontalAdvance(line->text()) + 24);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        auto* copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
        copy->setObjectName(QStringLiteral("crontabCopy"));
        connect(copy, &QPushButton::clicked, line, [line] { QGuiApplication::clipboard()->setText(line->text()); });
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        layout->addWidget(text);
        layout->addWidget(line);
        layout->addWidget(buttons);
        dialog->open();
        return;
    }
    workflow::UnattendedRenewal::Setup setup;
    setup.program = program;
    setup.dataDir = dataDir;
    setup.enable = m_options.enableTimer;
    m_installTimer->setEnabled(false);
    m_unattended->setText(tr("Unattended renewal: installing…"));
    // systemctl may take a while: off the GUI thread.
    auto job = runBlocking([setup] { return workflow::UnattendedRenewal::install(setup); });
    QPointer<MainWindow> self(this);
    whenReady(std::move(job), this, [self](const Result<workflow::UnattendedRenewal::Installed>& installed) {
        if (!self)
            return;
        self->m_installTimer->setEnabled(true);
        self->updateUnattendedStatus();
        if (!installed)
            self->showError(tr("Unattended renewal was not installed"), installed.error());
    });
}

void MainWindow::showError(const QString& title, const Error& error) {
    auto* box = new QMessageBox(QMessageBox::Warning, title, error.userMessage, QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!error.detail.isEmpty())
        box->setDetailedText(error.detail);
    box->open();
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
