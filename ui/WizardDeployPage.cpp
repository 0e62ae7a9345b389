// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WizardDeployPage.h"

#include "core/deploy/Deployer.h"
#include "core/ssh/SshSession.h"
#include "core/store/StoreExecutor.h"
#include "core/workflow/LineageDeployment.h"
#include "ui/Formatting.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {
enum Column { TargetColumn, FilesColumn, ResultColumn };

QJsonArray argvJson(const QStringList& argv) {
    return QJsonArray::fromStringList(argv);
}
QString argvText(const QStringList& argv) {
    // Shown as a command line; arguments with spaces quoted the way QProcess::splitCommand reads them back.
    QStringList parts;
    for (const QString& a : argv)
        parts << (a.contains(QLatin1Char(' ')) || a.isEmpty() ? QLatin1Char('"') + a + QLatin1Char('"') : a);
    return parts.join(QLatin1Char(' '));
}
QList<store::ServerRecord> serversOrEmpty(const Result<QList<store::ServerRecord>>& r) {
    return r ? *r : QList<store::ServerRecord>();
}
} // namespace

WizardDeployPage::WizardDeployPage(store::StoreExecutor* store, QWidget* parent)
    : QWizardPage(parent)
    , m_store(store) {
    setObjectName(QStringLiteral("wizardDeployPage"));
    setTitle(tr("Install it on your servers"));
    setSubTitle(tr("Optional. Certdeck copies the files over SSH, reloads the service and checks that the server "
                   "really serves the new certificate; on any failure it puts the old files back. Renewals deploy "
                   "to the same places."));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_server = new QComboBox(this);
    m_server->setObjectName(QStringLiteral("wizardDeployServer"));
    m_server->setAccessibleName(tr("Server"));
    form->addRow(tr("&Server:"), m_server);
    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("wizardDeployPreset"));
    m_preset->setAccessibleName(tr("Service"));
    for (auto p : {deploy::DeployPreset::Nginx, deploy::DeployPreset::Apache, deploy::DeployPreset::HaProxy,
                   deploy::DeployPreset::Postfix, deploy::DeployPreset::Dovecot, deploy::DeployPreset::Generic})
        m_preset->addItem(deploy::DeployTarget::presetName(p), static_cast<int>(p));
    form->addRow(tr("S&ervice:"), m_preset);
    m_directory = new QLineEdit(this);
    m_directory->setObjectName(QStringLiteral("wizardDeployDirectory"));
    m_directory->setAccessibleName(tr("Folder on the server"));
    form->addRow(tr("&Folder:"), m_directory);
    m_certPath = new QLineEdit(this);
    m_certPath->setObjectName(QStringLiteral("wizardDeployCertPath"));
    m_certPath->setAccessibleName(tr("Certificate file"));
    form->addRow(tr("&Certificate file:"), m_certPath);
    m_keyPath = new QLineEdit(this);
    m_keyPath->setObjectName(QStringLiteral("wizardDeployKeyPath"));
    m_keyPath->setAccessibleName(tr("Key file"));
    form->addRow(tr("&Key file (0600):"), m_keyPath);
    m_configTest = new QLineEdit(this);
    m_configTest->setObjectName(QStringLiteral("wizardDeployConfigTest"));
    m_configTest->setAccessibleName(tr("Configuration test command"));
    form->addRow(tr("Config &test:"), m_configTest);
    m_reload = new QLineEdit(this);
    m_reload->setObjectName(QStringLiteral("wizardDeployReload"));
    m_reload->setAccessibleName(tr("Reload command"));
    form->addRow(tr("&Reload:"), m_reload);
    auto* verifyRow = new QHBoxLayout;
    m_verifyHost = new QLineEdit(this);
    m_verifyHost->setObjectName(QStringLiteral("wizardDeployVerifyHost"));
    m_verifyHost->setAccessibleName(tr("Verify address"));
    m_verifyHost->setPlaceholderText(tr("the server's address"));
    m_verifyPort = new QSpinBox(this);
    m_verifyPort->setObjectName(QStringLiteral("wizardDeployVerifyPort"));
    m_verifyPort->setAccessibleName(tr("Verify port"));
    m_verifyPort->setRange(1, 65535);
    m_verifyPort->setValue(443);
    verifyRow->addWidget(m_verifyHost, 1);
    verifyRow->addWidget(m_verifyPort);
    form->addRow(tr("&Verify at:"), verifyRow);
    m_add = new QPushButton(tr("&Add target"), this);
    m_add->setObjectName(QStringLiteral("wizardDeployAdd"));
    form->addRow(QString(), m_add);
    layout->addLayout(form);

    m_targets = new QTreeWidget(this);
    m_targets->setObjectName(QStringLiteral("wizardDeployTargets"));
    m_targets->setAccessibleName(tr("Deploy targets"));
    m_targets->setRootIsDecorated(false);
    m_targets->setHeaderLabels({tr("Target"), tr("Files"), tr("Now serves")});
    m_targets->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_targets->header()->setStretchLastSection(true);
    layout->addWidget(m_targets, 1);

    auto* bottom = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("wizardDeployStatus"));
    m_status->setWordWrap(true);
    m_details = new QPushButton(tr("&Details…"), this);
    m_details->setObjectName(QStringLiteral("wizardDeployDetails"));
    m_details->setCheckable(true);
    m_details->setVisible(false);
    m_deploy = new QPushButton(tr("&Deploy"), this);
    m_deploy->setObjectName(QStringLiteral("wizardDeployRun"));
    m_deploy->setEnabled(false);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_details);
    bottom->addWidget(m_deploy);
    layout->addLayout(bottom);
    m_detailText = new QPlainTextEdit(this);
    m_detailText->setObjectName(QStringLiteral("wizardDeployDetailText"));
    m_detailText->setReadOnly(true);
    m_detailText->setVisible(false);
    m_detailText->setMaximumHeight(120);
    layout->addWidget(m_detailText);

    connect(m_details, &QPushButton::toggled, m_detailText, &QWidget::setVisible);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &WizardDeployPage::applyPreset);
    connect(m_directory, &QLineEdit::textEdited, this, &WizardDeployPage::applyDirectory);
    connect(m_server, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0 && i < m_servers.size())
            m_verifyHost->setText(m_servers.at(i).host);
    });
    connect(m_add, &QPushButton::clicked, this, &WizardDeployPage::addTarget);
    connect(m_deploy, &QPushButton::clicked, this, [this] { deployAll(); });
    connect(&m_progress, &Progress::stepChanged, this, [this](const ProgressStep& step) {
        // "deploy:<target>:<step>": the latest step of each target in its row, live.
        const QStringList parts = step.id.split(QLatin1Char(':'));
        if (parts.size() < 3 || parts.first() != QLatin1String("deploy"))
            return;
        for (int i = 0; i < m_targets->topLevelItemCount(); ++i)
            if (m_targets->topLevelItem(i)->text(TargetColumn) == parts.at(1))
                m_targets->topLevelItem(i)->setText(ResultColumn, step.text);
    });
}

WizardDeployPage::~WizardDeployPage() {
    m_cancel.cancel();
}

void WizardDeployPage::setIssued(const IssuedCertificate& issued) {
    m_issued = issued;
    const QString folderName = issued.lineageName.isEmpty() ? issued.row.names.value(0) : issued.lineageName;
    m_directory->setText(QStringLiteral("/etc/ssl/certdeck/") +
                         QString(folderName).replace(QLatin1Char('*'), QLatin1Char('_')));
    applyPreset();
}

void WizardDeployPage::initializePage() {
    load();
}

QCoro::Task<void> WizardDeployPage::load() {
    QPointer<WizardDeployPage> self(this);
    m_loaded = false;
    if (!m_store) {
        m_status->setText(tr("No data folder: nothing to deploy to."));
        m_loaded = true;
        Q_EMIT loaded();
        co_return;
    }
    auto job = m_store->run([](store::Store& s) { return s.servers().all(); });
    const Result<QList<store::ServerRecord>> servers = co_await job;
    if (!self)
        co_return;
    m_servers = serversOrEmpty(servers);
    m_server->clear();
    for (const store::ServerRecord& s : std::as_const(m_servers))
        m_server->addItem(QStringLiteral("%1 (%2)").arg(s.name, s.host), s.name);
    m_add->setEnabled(!m_servers.isEmpty());
    if (!servers)
        m_status->setText(servers.error().userMessage);
    else if (m_servers.isEmpty())
        m_status->setText(tr("No servers yet: add one in the Servers section, then deploy from the certificate's "
                             "details. Press Next to finish."));
    else
        m_status->setText(tr("Add a target for each server and service, then Deploy — or press Next to skip."));
    m_loaded = true;
    Q_EMIT loaded();
}

void WizardDeployPage::applyPreset() {
    const auto preset = static_cast<deploy::DeployPreset>(m_preset->currentData().toInt());
    const deploy::DeployTarget t = deploy::DeployTarget::fromPreset(preset, ssh::SshTarget(), m_directory->text());
    m_configTest->setText(argvText(t.configTest));
    m_reload->setText(argvText(t.reload));
    m_verifyPort->setValue(t.verifyPort);
    applyDirectory();
}

void WizardDeployPage::applyDirectory() {
    const auto preset = static_cast<deploy::DeployPreset>(m_preset->currentData().toInt());
    const deploy::DeployTarget t = deploy::DeployTarget::fromPreset(preset, ssh::SshTarget(), m_directory->text());
    QString cert;
    QString key;
    for (const deploy::DeployFile& f : t.files) {
        if (f.content == deploy::FileContent::PrivateKey)
            key = f.path;
        else if (cert.isEmpty() || f.content == deploy::FileContent::Combined)
            cert = f.path;
    }
    m_certPath->setText(cert);
    m_keyPath->setText(key);
    // HAProxy wants one combined file (full chain + key): no separate key file.
    m_keyPath->setEnabled(!key.isEmpty());
}

QJsonObject WizardDeployPage::entryFromForm() const {
    const auto preset = static_cast<deploy::DeployPreset>(m_preset->currentData().toInt());
    const QString server = m_server->currentData().toString();
    QJsonArray files;
    const bool combined = preset == deploy::DeployPreset::HaProxy;
    files.append(
        QJsonObject{{QStringLiteral("content"), combined ? QStringLiteral("combined") : QStringLiteral("fullchain")},
                    {QStringLiteral("path"), m_certPath->text().trimmed()},
                    {QStringLiteral("mode"), combined ? 0600 : 0644}});
    if (!combined)
        files.append(QJsonObject{{QStringLiteral("content"), QStringLiteral("privkey")},
                                 {QStringLiteral("path"), m_keyPath->text().trimmed()},
                                 {QStringLiteral("mode"), 0600}});
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("%1-%2").arg(server, deploy::DeployTarget::presetName(preset))},
        {QStringLiteral("server"), server},
        {QStringLiteral("preset"), deploy::DeployTarget::presetName(preset)},
        {QStringLiteral("directory"), m_directory->text().trimmed()},
        {QStringLiteral("configTest"), argvJson(QProcess::splitCommand(m_configTest->text()))},
        {QStringLiteral("reload"), argvJson(QProcess::splitCommand(m_reload->text()))},
        {QStringLiteral("verify"), true},
        {QStringLiteral("verifyHost"), m_verifyHost->text().trimmed()},
        {QStringLiteral("verifyPort"), m_verifyPort->value()},
        {QStringLiteral("files"), files}};
}

store::ServerRecord WizardDeployPage::serverNamed(const QString& name) const {
    for (const store::ServerRecord& s : m_servers)
        if (s.name == name)
            return s;
    return {};
}

Result<deploy::DeployTarget> WizardDeployPage::targetFor(const QJsonObject& entry) const {
    // Read back exactly as renewals will read the stored entry (workflow::deployTargetFromJson), so
    // what the wizard accepts is what a renewal can deploy.
    const QString serverName = entry.value(QStringLiteral("server")).toString();
    const store::ServerRecord server = serverNamed(serverName);
    if (server.name.isEmpty())
        return Error(ErrorCode::NotFound, tr("There is no server named %1 any more.").arg(serverName));
    const QString dataDir = m_store ? m_store->dataDir() : QString();
    return workflow::deployTargetFromJson(entry, IssueJob::sshTargetFor(server, dataDir));
}

void WizardDeployPage::addTarget() {
    const QJsonObject entry = entryFromForm();
    const Result<deploy::DeployTarget> target = targetFor(entry);
    if (!target) {
        m_status->setText(target.error().userMessage);
        return;
    }
    m_entries << entry;
    auto* item = new QTreeWidgetItem(m_targets);
    item->setText(TargetColumn, entry.value(QStringLiteral("name")).toString());
    QStringList paths;
    for (const deploy::DeployFile& f : target->files)
        paths << f.path;
    item->setText(FilesColumn, paths.join(QStringLiteral(", ")));
    item->setText(ResultColumn, tr("not deployed yet"));
    m_deploy->setEnabled(true);
    m_status->setText(tr("Press Deploy to install the certificate on the listed targets."));
}

QCoro::Task<void> WizardDeployPage::deployAll() {
    if (m_deploying || m_entries.isEmpty() || m_issued.chain.isEmpty())
        co_return;
    QPointer<WizardDeployPage> self(this);
    m_deploying = true;
    m_deploy->setEnabled(false);
    m_add->setEnabled(false);
    m_details->setVisible(false);
    m_details->setChecked(false);
    m_status->setText(tr("Deploying …"));
    Q_EMIT completeChanged();
    m_results.clear();
    auto task = deployFrom(0);
    co_await task;
    if (!self)
        co_return;

    // Kept on the lineage so renewals deploy the same way (sandbox certificates have none).
    const QString lineageName = m_issued.lineageName;
    QJsonArray stored;
    for (const QJsonObject& e : std::as_const(m_entries))
        stored.append(e);
    auto saveJob = m_store->run([lineageName, stored](store::Store& s) -> Status {
        if (lineageName.isEmpty())
            return Status();
        auto lineage = s.lineages().byName(lineageName);
        if (!lineage)
            return lineage.error();
        lineage->deployTargets = stored;
        return s.lineages().update(*lineage);
    });
    const Status saved = co_await saveJob;
    if (!self)
        co_return;
    m_deploying = false;
    m_add->setEnabled(!m_servers.isEmpty());
    m_deploy->setEnabled(true);
    showResults();
    if (!saved)
        m_status->setText(m_status->text() + QLatin1Char(' ') + saved.error().userMessage);
    Q_EMIT completeChanged();
    Q_EMIT deployFinished();
}

namespace {
// One target, unless it could not even be prepared (then that is its result). Flat: GCC 12.
QCoro::Task<deploy::DeployResult> deployIfReady(Result<deploy::DeployTarget> target, Result<ssh::AuthOptions> auth,
                                                deploy::DeployMaterial material, Progress* progress, CancelToken cancel,
                                                QString name) {
    deploy::DeployResult failed;
    failed.target = name;
    if (!target) {
        failed.error = target.error();
        co_return failed;
    }
    if (!auth) {
        failed.error = auth.error();
        co_return failed;
    }
    deploy::Deployer::Options options;
    options.auth = *auth;
    deploy::Deployer deployer(options);
    const std::shared_ptr<ssh::SshSession> noSession;
    auto task = deployer.deploy(*target, material, *progress, cancel, noSession);
    const deploy::DeployResult result = co_await task;
    co_return result;
}
} // namespace

QCoro::Task<void> WizardDeployPage::deployFrom(int index) {
    // One target after the other, each with its own server's login secrets; recursion keeps the
    // coroutine flat (GCC 12).
    if (index >= m_entries.size())
        co_return;
    QPointer<WizardDeployPage> self(this);
    const QJsonObject entry = m_entries.at(index);
    const Result<deploy::DeployTarget> target = targetFor(entry);
    const store::ServerRecord server = serverNamed(entry.value(QStringLiteral("server")).toString());
    auto authTask = IssueJob::authFor(m_store, server);
    const Result<ssh::AuthOptions> auth = co_await authTask;
    if (!self)
        co_return;
    const deploy::DeployMaterial material{m_issued.chain, m_issued.key};
    const QString name = entry.value(QStringLiteral("name")).toString();
    auto task = deployIfReady(target, auth, material, &m_progress, m_cancel, name);
    const deploy::DeployResult result = co_await task;
    if (!self)
        co_return;
    m_results << result;
    auto rest = deployFrom(index + 1);
    co_await rest;
}

void WizardDeployPage::showResults() {
    int ok = 0;
    QStringList details;
    for (int i = 0; i < m_results.size() && i < m_targets->topLevelItemCount(); ++i) {
        const deploy::DeployResult& r = m_results.at(i);
        QTreeWidgetItem* item = m_targets->topLevelItem(i);
        if (r.deployed) {
            ++ok;
            item->setText(ResultColumn, tr("the new certificate (SHA-256 %1)").arg(r.servedFingerprint.left(23)));
            item->setIcon(ResultColumn, style()->standardIcon(QStyle::SP_DialogApplyButton));
            item->setToolTip(ResultColumn, r.servedFingerprint);
            continue;
        }
        QString text = r.error ? r.error->userMessage : tr("Not deployed.");
        if (r.rolledBack)
            text += QLatin1Char(' ') + (r.rollbackVerified ? tr("The previous certificate was put back and is served.")
                                                           : tr("The previous files were put back."));
        else if (r.untouched)
            text += QLatin1Char(' ') + tr("Nothing on the server was changed.");
        item->setText(ResultColumn, text);
        item->setIcon(ResultColumn, style()->standardIcon(QStyle::SP_MessageBoxCritical));
        details << QStringLiteral("%1: %2\n%3\n%4")
                       .arg(r.target, r.error ? r.error->detail : QString(),
                            r.rollbackError ? r.rollbackError->userMessage : QString(),
                            r.steps.join(QLatin1Char('\n')));
    }
    const int failed = m_results.size() - ok;
    if (failed == 0)
        m_status->setText(tr("Deployed: every server serves the new certificate."));
    else
        m_status->setText(tr("%1 of %2 targets failed; see each row. Fix the cause and press Deploy again.")
                              .arg(failed)
                              .arg(m_results.size()));
    m_detailText->setPlainText(details.join(QStringLiteral("\n\n")).trimmed());
    m_details->setVisible(failed > 0);
}

bool WizardDeployPage::isComplete() const {
    return !m_deploying;
}

} // namespace certdeck::ui
