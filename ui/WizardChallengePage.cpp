// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WizardChallengePage.h"

#include "core/store/StoreExecutor.h"
#include "ui/AddDomainWizard.h"
#include "ui/ServerDialog.h"
#include "ui/ServerStore.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoroFuture>
#include <QCoroSignal>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {
constexpr int HostRole = Qt::UserRole + 1;

QLabel* note(const QString& text, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setContentsMargins(24, 0, 0, 6);
    l->setForegroundRole(QPalette::PlaceholderText);
    return l;
}

QList<store::ServerRecord> serversOrEmpty(const Result<QList<store::ServerRecord>>& r) {
    return r ? *r : QList<store::ServerRecord>();
}
QList<store::DnsProviderRecord> providersOrEmpty(const Result<QList<store::DnsProviderRecord>>& r) {
    return r ? *r : QList<store::DnsProviderRecord>();
}
} // namespace

QString WizardChallengePage::defaultWebroot(const QString& preset) {
    // Debian's default sites for both servers serve /var/www/html.
    if (preset == QLatin1String("nginx") || preset == QLatin1String("apache"))
        return QStringLiteral("/var/www/html");
    return {};
}

WizardChallengePage::WizardChallengePage(bool sandboxMode, store::StoreExecutor* store, QWidget* parent)
    : QWizardPage(parent)
    , m_sandboxMode(sandboxMode)
    , m_store(store) {
    setObjectName(QStringLiteral("wizardChallengePage"));
    setTitle(tr("How should Certdeck prove the names are yours?"));
    setSubTitle(tr("The CA asks for a token under http://NAME/.well-known/acme-challenge/ or for a DNS record."));
    auto* layout = new QVBoxLayout(this);
    m_group = new QButtonGroup(this);

    m_builtIn = new QRadioButton(IssuanceSettings::methodName(ChallengeMethod::BuiltIn), this);
    m_builtIn->setObjectName(QStringLiteral("challengeBuiltIn"));
    layout->addWidget(m_builtIn);
    layout->addWidget(note(sandboxMode ? tr("Answers the local test CA directly. Nothing to set up.")
                                       : tr("Certdeck answers on port 80 of this computer itself. Needs port 80 free "
                                            "and reachable from the internet (no web server running here)."),
                           this));

    m_localWebroot = new QRadioButton(IssuanceSettings::methodName(ChallengeMethod::LocalWebroot), this);
    m_localWebroot->setObjectName(QStringLiteral("challengeLocalWebroot"));
    layout->addWidget(m_localWebroot);
    auto* rootRow = new QHBoxLayout;
    rootRow->setContentsMargins(24, 0, 0, 0);
    m_webroot = new QLineEdit(QStringLiteral("/var/www/html"), this);
    m_webroot->setObjectName(QStringLiteral("challengeWebrootPath"));
    m_webroot->setAccessibleName(tr("Web server folder"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("challengeWebrootBrowse"));
    rootRow->addWidget(m_webroot, 1);
    rootRow->addWidget(browse);
    layout->addLayout(rootRow);

    m_remote = new QRadioButton(IssuanceSettings::methodName(ChallengeMethod::RemoteWebroot), this);
    m_remote->setObjectName(QStringLiteral("challengeRemoteWebroot"));
    layout->addWidget(m_remote);
    m_remoteBox = new QWidget(this);
    auto* remoteForm = new QFormLayout(m_remoteBox);
    remoteForm->setContentsMargins(24, 0, 0, 0);
    m_server = new QComboBox(m_remoteBox);
    m_server->setObjectName(QStringLiteral("challengeServer"));
    m_server->setAccessibleName(tr("SSH server"));
    m_addServer = new QPushButton(tr("&Add server…"), m_remoteBox);
    m_addServer->setObjectName(QStringLiteral("challengeAddServer"));
    m_addServer->setAccessibleName(tr("Add an SSH server"));
    auto* serverRow = new QHBoxLayout;
    serverRow->addWidget(m_server, 1);
    serverRow->addWidget(m_addServer);
    remoteForm->addRow(tr("&Server:"), serverRow);
    m_preset = new QComboBox(m_remoteBox);
    m_preset->setObjectName(QStringLiteral("challengeServerPreset"));
    m_preset->setAccessibleName(tr("Web server software"));
    m_preset->addItem(tr("nginx"), QStringLiteral("nginx"));
    m_preset->addItem(tr("Apache"), QStringLiteral("apache"));
    m_preset->addItem(tr("Other web server"), QStringLiteral("generic"));
    remoteForm->addRow(tr("&Web server:"), m_preset);
    m_remoteWebroot = new QLineEdit(defaultWebroot(QStringLiteral("nginx")), m_remoteBox);
    m_remoteWebroot->setObjectName(QStringLiteral("challengeRemoteWebrootPath"));
    m_remoteWebroot->setAccessibleName(tr("Web server folder on the server"));
    m_remoteWebroot->setPlaceholderText(tr("the site's document root, e.g. /srv/www/example"));
    remoteForm->addRow(tr("&Folder:"), m_remoteWebroot);
    m_skipSelfCheck = new QCheckBox(tr("Skip the self-check (for sites this computer cannot reach)"), m_remoteBox);
    m_skipSelfCheck->setObjectName(QStringLiteral("challengeSkipSelfCheck"));
    remoteForm->addRow(QString(), m_skipSelfCheck);
    m_serverNote = new QLabel(m_remoteBox);
    m_serverNote->setObjectName(QStringLiteral("challengeServerNote"));
    m_serverNote->setWordWrap(true);
    m_serverNote->setForegroundRole(QPalette::PlaceholderText);
    remoteForm->addRow(m_serverNote);
    layout->addWidget(m_remoteBox);

    m_dns = new QRadioButton(IssuanceSettings::methodName(ChallengeMethod::Dns01), this);
    m_dns->setObjectName(QStringLiteral("challengeDns01"));
    layout->addWidget(m_dns);
    m_dnsBox = new QWidget(this);
    auto* dnsForm = new QFormLayout(m_dnsBox);
    dnsForm->setContentsMargins(24, 0, 0, 0);
    m_dnsProvider = new QComboBox(m_dnsBox);
    m_dnsProvider->setObjectName(QStringLiteral("challengeDnsProvider"));
    m_dnsProvider->setAccessibleName(tr("DNS provider"));
    m_dnsProvider->addItem(tr("Manual: I add the TXT record at my DNS host"), QString());
    dnsForm->addRow(tr("&Provider:"), m_dnsProvider);
    m_dnsNote = note(tr("With Manual, Certdeck shows the exact record and watches every name server until it "
                        "serves it. Add providers in the DNS providers section to make renewals automatic."),
                     m_dnsBox);
    m_dnsNote->setContentsMargins(0, 0, 0, 0);
    dnsForm->addRow(m_dnsNote);
    layout->addWidget(m_dnsBox);

    m_wildcardNote = new QLabel(this);
    m_wildcardNote->setObjectName(QStringLiteral("challengeWildcardNote"));
    m_wildcardNote->setWordWrap(true);
    m_wildcardNote->setVisible(false);
    layout->addWidget(m_wildcardNote);
    m_sandboxNote = new QLabel(this);
    m_sandboxNote->setObjectName(QStringLiteral("challengeSandboxNote"));
    m_sandboxNote->setWordWrap(true);
    m_sandboxNote->setVisible(false);
    layout->addWidget(m_sandboxNote);
    layout->addStretch(1);

    m_group->addButton(m_builtIn, static_cast<int>(ChallengeMethod::BuiltIn));
    m_group->addButton(m_localWebroot, static_cast<int>(ChallengeMethod::LocalWebroot));
    m_group->addButton(m_remote, static_cast<int>(ChallengeMethod::RemoteWebroot));
    m_group->addButton(m_dns, static_cast<int>(ChallengeMethod::Dns01));
    m_builtIn->setChecked(true);
    connect(m_group, &QButtonGroup::idToggled, this, [this] { updateEnabled(); });
    connect(m_webroot, &QLineEdit::textChanged, this, &WizardChallengePage::completeChanged);
    connect(m_remoteWebroot, &QLineEdit::textEdited, this, [this] { m_webrootEdited = true; });
    connect(m_remoteWebroot, &QLineEdit::textChanged, this, &WizardChallengePage::completeChanged);
    connect(m_server, &QComboBox::currentIndexChanged, this, &WizardChallengePage::completeChanged);
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        // A folder the user typed stays; the preset's default replaces only the previous default.
        if (!m_webrootEdited)
            m_remoteWebroot->setText(defaultWebroot(m_preset->currentData().toString()));
    });
    connect(m_addServer, &QPushButton::clicked, this, [this] { addServer(); });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Web server folder"), m_webroot->text());
        if (!dir.isEmpty()) {
            m_webroot->setText(dir);
            m_localWebroot->setChecked(true);
        }
    });
    updateEnabled();
}

void WizardChallengePage::initializePage() {
    auto* w = qobject_cast<AddDomainWizard*>(wizard());
    m_hasWildcard = false;
    for (const QString& n : w ? w->names() : QStringList())
        m_hasWildcard = m_hasWildcard || n.startsWith(QLatin1String("*."));
    // RFC 8555 §7.1.3: wildcard names can only be validated over DNS.
    m_wildcardNote->setVisible(m_hasWildcard);
    m_wildcardNote->setText(tr("Wildcard names (*.example.com) can only be proven with a DNS record, so the web "
                               "server choices are off. Pick a DNS provider, or Manual to add the record yourself."));
    if (m_hasWildcard && !m_dns->isChecked())
        m_dns->setChecked(true);
    // The local test CA resolves every name to this computer and asks its own DNS: a token on another
    // server or a TXT record at a real DNS host is never seen by it.
    m_sandboxCa = m_sandboxMode || (w && (w->context().sandboxMode || w->context().defaultCa == CaChoice::Sandbox));
    m_sandboxNote->setVisible(m_sandboxCa);
    m_sandboxNote->setText(
        tr("The local test CA only checks this computer, so a web server over SSH and DNS records cannot be used "
           "with it. Use the built-in responder or a folder on this computer; for a real server, choose a real "
           "CA (start Certdeck without --sandbox, or change the default CA in Settings)."));
    if (m_sandboxCa && (m_remote->isChecked() || m_dns->isChecked()))
        m_builtIn->setChecked(true);
    updateEnabled();
    load();
}

QCoro::Task<void> WizardChallengePage::addServer() {
    if (!m_store)
        co_return;
    QPointer<WizardChallengePage> self(this);
    QPointer<ServerDialog> dialog = new ServerDialog(std::nullopt, this);
    auto finished = qCoro(dialog.data(), &QDialog::finished);
    dialog->open();
    const int result = co_await finished;
    if (!self || !dialog)
        co_return;
    dialog->deleteLater();
    if (result != QDialog::Accepted) {
        Q_EMIT serverAdded(QString(), false);
        co_return;
    }
    const store::ServerRecord record = dialog->record();
    const std::optional<SecureBytes> secret = dialog->secret();
    if (m_server->findData(record.name) >= 0) {
        m_serverNote->setText(
            tr("There is already a server named %1: pick it above, or add it under another name.").arg(record.name));
        Q_EMIT serverAdded(QString(), false);
        co_return;
    }
    m_addServer->setEnabled(false);
    m_serverNote->setText(tr("Saving %1…").arg(record.name));
    auto saving = ServerStore::save(m_store, record, secret, false);
    const Status saved = co_await saving;
    if (!self)
        co_return;
    if (!saved) {
        m_addServer->setEnabled(true);
        m_serverNote->setText(saved.error().userMessage);
        Q_EMIT serverAdded(QString(), false);
        co_return;
    }
    // Confirm the host key now, while the user is here, rather than fail at the first connection.
    m_serverNote->setText(tr("Asking %1 for its host key…").arg(record.host));
    const QPointer<QWidget> parent(this);
    auto confirming = ServerStore::confirmHostKey(parent, m_store, record);
    const Result<bool> trusted = co_await confirming;
    if (!self)
        co_return;
    auto reloading = load();
    co_await reloading;
    if (!self)
        co_return;
    m_addServer->setEnabled(true);
    m_server->setCurrentIndex(std::max(0, m_server->findData(record.name)));
    m_remote->setChecked(true);
    if (!trusted)
        m_serverNote->setText(tr("Added %1, but its host key could not be checked: %2 Certdeck asks again at the "
                                 "first connection.")
                                  .arg(record.name, trusted.error().userMessage));
    else if (!*trusted)
        m_serverNote->setText(tr("Added %1. Its host key is not trusted, so Certdeck will not connect to it: confirm "
                                 "the key with Test in the Servers section.")
                                  .arg(record.name));
    else
        m_serverNote->setText(tr("Added %1; its host key is trusted.").arg(record.name));
    Q_EMIT serverAdded(record.name, trusted && *trusted);
}

QCoro::Task<void> WizardChallengePage::load() {
    QPointer<WizardChallengePage> self(this);
    m_loaded = false;
    if (!m_store) {
        m_serverNote->setText(tr("No servers: this window has no data folder."));
        m_loaded = true;
        Q_EMIT loaded();
        co_return;
    }
    auto serversJob = m_store->run([](store::Store& s) { return s.servers().all(); });
    const Result<QList<store::ServerRecord>> servers = co_await serversJob;
    if (!self)
        co_return;
    auto providersJob = m_store->run([](store::Store& s) { return s.dnsProviders().all(); });
    const Result<QList<store::DnsProviderRecord>> providers = co_await providersJob;
    if (!self)
        co_return;

    const QString previousServer = m_server->currentData().toString();
    m_server->clear();
    for (const store::ServerRecord& s : serversOrEmpty(servers)) {
        m_server->addItem(QStringLiteral("%1 (%2)").arg(s.name, s.host), s.name);
        m_server->setItemData(m_server->count() - 1, s.host, HostRole);
    }
    m_server->setCurrentIndex(std::max(0, m_server->findData(previousServer)));
    if (!servers)
        m_serverNote->setText(servers.error().userMessage);
    else if (m_server->count() == 0)
        m_serverNote->setText(tr("No servers yet: Add server… (it asks you to confirm the server's host key)."));
    else
        m_serverNote->setText(tr("Certdeck writes the token file into this folder over SFTP and removes it "
                                 "afterwards."));

    const QString previousProvider = m_dnsProvider->currentData().toString();
    while (m_dnsProvider->count() > 1)
        m_dnsProvider->removeItem(1);
    for (const store::DnsProviderRecord& p : providersOrEmpty(providers)) {
        if (p.kind == QLatin1String("manual"))
            continue; // the first entry already is Manual
        m_dnsProvider->addItem(QStringLiteral("%1 (%2)").arg(p.name, p.kind), p.name);
    }
    m_dnsProvider->setCurrentIndex(std::max(0, m_dnsProvider->findData(previousProvider)));
    m_loaded = true;
    updateEnabled();
    Q_EMIT loaded();
}

void WizardChallengePage::updateEnabled() {
    m_builtIn->setEnabled(!m_hasWildcard);
    m_localWebroot->setEnabled(!m_hasWildcard);
    m_remote->setEnabled(!m_hasWildcard && !m_sandboxCa);
    m_dns->setEnabled(!m_sandboxCa);
    for (QRadioButton* off : {m_remote, m_dns})
        off->setToolTip(m_sandboxCa ? m_sandboxNote->text() : QString());
    m_webroot->setEnabled(m_localWebroot->isChecked());
    m_remoteBox->setEnabled(m_remote->isChecked());
    m_dnsBox->setEnabled(m_dns->isChecked());
    Q_EMIT completeChanged();
}

bool WizardChallengePage::isComplete() const {
    switch (method()) {
    case ChallengeMethod::BuiltIn:
        return !m_hasWildcard;
    case ChallengeMethod::LocalWebroot:
        return !m_hasWildcard && QFileInfo(m_webroot->text()).isDir();
    case ChallengeMethod::RemoteWebroot:
        return !m_hasWildcard && !m_sandboxCa && m_server->currentIndex() >= 0 &&
               QDir::isAbsolutePath(m_remoteWebroot->text().trimmed()) &&
               m_remoteWebroot->text().trimmed().startsWith(QLatin1Char('/'));
    case ChallengeMethod::Dns01:
        return !m_sandboxCa;
    }
    return false;
}

ChallengeMethod WizardChallengePage::method() const {
    return static_cast<ChallengeMethod>(std::max(0, m_group->checkedId()));
}

void WizardChallengePage::fill(IssuanceSettings& s) const {
    s.method = method();
    s.webroot.clear();
    s.serverName.clear();
    s.serverHost.clear();
    s.dnsProvider.clear();
    s.selfCheck = true;
    switch (s.method) {
    case ChallengeMethod::BuiltIn:
        break;
    case ChallengeMethod::LocalWebroot:
        s.webroot = m_webroot->text();
        break;
    case ChallengeMethod::RemoteWebroot:
        s.webroot = m_remoteWebroot->text().trimmed();
        s.serverName = m_server->currentData().toString();
        s.serverHost = m_server->currentData(HostRole).toString();
        s.selfCheck = !m_skipSelfCheck->isChecked();
        break;
    case ChallengeMethod::Dns01:
        s.dnsProvider = m_dnsProvider->currentData().toString();
        break;
    }
}

} // namespace certdeck::ui
