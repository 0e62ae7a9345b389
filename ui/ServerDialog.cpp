// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ServerDialog.h"

#include "ui/RecordDialogParts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace certdeck::ui {

bool ServerDialog::isValidName(const QString& name) {
    return RecordDialogParts::isValidName(name);
}

ServerDialog::ServerDialog(const std::optional<store::ServerRecord>& existing, QWidget* parent)
    : QDialog(parent)
    , m_existing(existing) {
    setObjectName(QStringLiteral("serverDialog"));
    setWindowTitle(existing ? tr("Edit server %1").arg(existing->name) : tr("Add a server"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    m_name = RecordDialogParts::nameEdit(QStringLiteral("serverName"), tr("web1"), this);
    form->addRow(tr("&Name:"), m_name);

    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("serverHost"));
    m_host->setAccessibleName(tr("Host"));
    m_host->setPlaceholderText(tr("web1.example.com, 203.0.113.7 or an alias from ~/.ssh/config"));
    m_host->setMaxLength(253);
    form->addRow(tr("&Host:"), m_host);

    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("serverPort"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(22);
    form->addRow(tr("&Port:"), m_port);

    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("serverUser"));
    m_user->setAccessibleName(tr("User"));
    m_user->setPlaceholderText(tr("empty: from ~/.ssh/config, else your local user name"));
    m_user->setMaxLength(64);
    form->addRow(tr("&User:"), m_user);

    m_auth = new QComboBox(this);
    m_auth->setObjectName(QStringLiteral("serverAuth"));
    m_auth->setAccessibleName(tr("Sign in with"));
    m_auth->addItem(tr("SSH agent (keys you already use with ssh)"), QStringLiteral("agent"));
    m_auth->addItem(tr("Private key file"), QStringLiteral("key"));
    m_auth->addItem(tr("Password"), QStringLiteral("password"));
    form->addRow(tr("&Sign in with:"), m_auth);

    auto* keyRow = new QHBoxLayout;
    m_keyFile = new QLineEdit(this);
    m_keyFile->setObjectName(QStringLiteral("serverKeyFile"));
    m_keyFile->setAccessibleName(tr("Private key file"));
    m_keyFile->setPlaceholderText(QDir::home().filePath(QStringLiteral(".ssh/id_ed25519")));
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("serverKeyFileBrowse"));
    m_browse->setAccessibleName(tr("Choose the private key file"));
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(m_browse);
    m_keyFileLabel = new QLabel(tr("&Key file:"), this);
    m_keyFileLabel->setBuddy(m_keyFile);
    form->addRow(m_keyFileLabel, keyRow);

    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("serverSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setMaxLength(1024);
    m_secretLabel = new QLabel(this);
    m_secretLabel->setBuddy(m_secret);
    form->addRow(m_secretLabel, m_secret);

    m_sshConfig =
        new QCheckBox(tr("Read ~/.ssh/&config for this host (aliases, user, key files), like ssh does"), this);
    m_sshConfig->setObjectName(QStringLiteral("serverSshConfig"));
    m_sshConfig->setChecked(true);
    form->addRow(QString(), m_sshConfig);
    layout->addLayout(form);

    m_error = RecordDialogParts::addFooter(
        this, layout, QStringLiteral("serverDialog"),
        tr("Passwords and passphrases are kept in your keychain, never in Certdeck's files."), existing.has_value());

    connect(m_auth, &QComboBox::currentIndexChanged, this, &ServerDialog::updateAuthFields);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString start =
            m_keyFile->text().isEmpty() ? QDir::home().filePath(QStringLiteral(".ssh")) : m_keyFile->text();
        const QString file = QFileDialog::getOpenFileName(this, tr("Private key file"), start);
        if (!file.isEmpty())
            m_keyFile->setText(file);
    });

    if (existing) {
        RecordDialogParts::keepName(m_name, existing->name,
                                    tr("The name identifies the server's keychain entry and deploy targets; "
                                       "remove and add the server to rename it."));
        m_host->setText(existing->host);
        m_port->setValue(existing->port);
        m_user->setText(existing->userName);
        m_auth->setCurrentIndex(std::max(0, m_auth->findData(existing->authMethod)));
        m_keyFile->setText(existing->identityFile);
        m_sshConfig->setChecked(existing->sshConfig);
    }
    setTabOrder(m_name, m_host);
    setTabOrder(m_host, m_port);
    setTabOrder(m_port, m_user);
    setTabOrder(m_user, m_auth);
    setTabOrder(m_auth, m_keyFile);
    setTabOrder(m_keyFile, m_browse);
    setTabOrder(m_browse, m_secret);
    setTabOrder(m_secret, m_sshConfig);
    updateAuthFields();
    setMinimumWidth(520);
}

QString ServerDialog::authMethod() const {
    return m_auth->currentData().toString();
}

void ServerDialog::updateAuthFields() {
    const QString method = authMethod();
    const bool key = method == QLatin1String("key");
    const bool password = method == QLatin1String("password");
    m_keyFileLabel->setVisible(key);
    m_keyFile->setVisible(key);
    m_browse->setVisible(key);
    m_secretLabel->setVisible(key || password);
    m_secret->setVisible(key || password);
    m_secretLabel->setText(password ? tr("Pass&word:") : tr("Key pass&phrase:"));
    m_secret->setAccessibleName(password ? tr("Password") : tr("Key passphrase"));
    const bool stored = m_existing && m_existing->authMethod == method && method != QLatin1String("agent");
    m_secret->setPlaceholderText(stored ? tr("unchanged (kept in your keychain)")
                                 : key  ? tr("empty when the key has none")
                                        : QString());
}

store::ServerRecord ServerDialog::record() const {
    store::ServerRecord r = m_existing.value_or(store::ServerRecord{});
    r.name = m_name->text().trimmed();
    r.host = m_host->text().trimmed();
    r.port = m_port->value();
    r.userName = m_user->text().trimmed();
    r.authMethod = authMethod();
    r.identityFile =
        r.authMethod == QLatin1String("key") ? QFileInfo(m_keyFile->text().trimmed()).absoluteFilePath() : QString();
    r.useAgent = r.authMethod == QLatin1String("agent");
    r.sshConfig = m_sshConfig->isChecked();
    return r;
}

std::optional<SecureBytes> ServerDialog::secret() const {
    if (authMethod() == QLatin1String("agent"))
        return std::nullopt;
    return RecordDialogParts::secretFromText(m_secret->text());
}

bool ServerDialog::secretNoLongerNeeded() const {
    return authMethod() == QLatin1String("agent");
}

void ServerDialog::accept() {
    QString problem;
    const QString method = authMethod();
    if (!isValidName(m_name->text().trimmed()))
        problem = tr("Give the server a short name: letters, digits, dot, underscore or dash.");
    else if (m_host->text().trimmed().isEmpty() || m_host->text().trimmed().contains(QLatin1Char(' ')))
        problem = tr("Enter the server's host name, address or ~/.ssh/config alias.");
    else if (method == QLatin1String("key") && m_keyFile->text().trimmed().isEmpty())
        problem = tr("Choose the private key file to sign in with.");
    else if (method == QLatin1String("key") && !QFileInfo(m_keyFile->text().trimmed()).isFile())
        problem = tr("There is no file at %1.").arg(m_keyFile->text().trimmed());
    else if (method == QLatin1String("password") && m_secret->text().isEmpty() &&
             !(m_existing && m_existing->authMethod == method))
        problem = tr("Enter the password (it goes to your keychain).");
    if (!problem.isEmpty()) {
        RecordDialogParts::showProblem(m_error, problem);
        return;
    }
    QDialog::accept();
}

} // namespace certdeck::ui
