// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WizardChallengePage.h"

#include "ui/AddDomainWizard.h"

#include <QButtonGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {
QLabel* note(const QString& text, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setContentsMargins(24, 0, 0, 6);
    l->setForegroundRole(QPalette::PlaceholderText);
    return l;
}
} // namespace

WizardChallengePage::WizardChallengePage(bool sandboxMode, QWidget* parent)
    : QWizardPage(parent)
    , m_sandboxMode(sandboxMode) {
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
    layout->addWidget(note(tr("The folder your web server serves for these names (its document root)."), this));

    m_remote = new QRadioButton(IssuanceSettings::methodName(ChallengeMethod::RemoteWebroot), this);
    m_remote->setObjectName(QStringLiteral("challengeRemoteWebroot"));
    m_remote->setEnabled(false);
    layout->addWidget(m_remote);
    layout->addWidget(note(tr("Coming: pick a server from the Servers section once deploying over SSH lands."), this));

    m_dns = new QRadioButton(IssuanceSettings::methodName(ChallengeMethod::Dns01), this);
    m_dns->setObjectName(QStringLiteral("challengeDns01"));
    m_dns->setEnabled(false);
    layout->addWidget(m_dns);
    layout->addWidget(note(tr("Coming: DNS providers are being added. Needed for wildcard names."), this));

    m_wildcardNote = new QLabel(this);
    m_wildcardNote->setObjectName(QStringLiteral("challengeWildcardNote"));
    m_wildcardNote->setWordWrap(true);
    m_wildcardNote->setVisible(false);
    layout->addWidget(m_wildcardNote);
    layout->addStretch(1);

    m_group->addButton(m_builtIn, static_cast<int>(ChallengeMethod::BuiltIn));
    m_group->addButton(m_localWebroot, static_cast<int>(ChallengeMethod::LocalWebroot));
    m_group->addButton(m_remote, static_cast<int>(ChallengeMethod::RemoteWebroot));
    m_group->addButton(m_dns, static_cast<int>(ChallengeMethod::Dns01));
    m_builtIn->setChecked(true);
    m_webroot->setEnabled(false);
    connect(m_group, &QButtonGroup::idToggled, this, [this] {
        m_webroot->setEnabled(m_localWebroot->isChecked());
        Q_EMIT completeChanged();
    });
    connect(m_webroot, &QLineEdit::textChanged, this, &WizardChallengePage::completeChanged);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Web server folder"), m_webroot->text());
        if (!dir.isEmpty()) {
            m_webroot->setText(dir);
            m_localWebroot->setChecked(true);
        }
    });
}

void WizardChallengePage::initializePage() {
    auto* w = qobject_cast<AddDomainWizard*>(wizard());
    m_hasWildcard = false;
    for (const QString& n : w ? w->names() : QStringList())
        m_hasWildcard = m_hasWildcard || n.startsWith(QLatin1String("*."));
    // RFC 8555 §7.1.3: wildcard names can only be validated over DNS.
    m_wildcardNote->setVisible(m_hasWildcard);
    m_wildcardNote->setText(tr("Wildcard names can only be proven with a DNS record (dns-01), which is not "
                               "available yet. Go back and list the names you need instead."));
    m_builtIn->setEnabled(!m_hasWildcard);
    m_localWebroot->setEnabled(!m_hasWildcard);
}

bool WizardChallengePage::isComplete() const {
    if (m_hasWildcard)
        return false;
    if (m_localWebroot->isChecked())
        return QFileInfo(m_webroot->text()).isDir();
    return m_builtIn->isChecked();
}

ChallengeMethod WizardChallengePage::method() const {
    return static_cast<ChallengeMethod>(std::max(0, m_group->checkedId()));
}

QString WizardChallengePage::webroot() const {
    return m_webroot->text();
}

} // namespace certdeck::ui
