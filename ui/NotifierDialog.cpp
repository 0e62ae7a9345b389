// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/NotifierDialog.h"

#include "ui/RecordDialogParts.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {

QStringList recipients(const QString& text) {
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

bool looksLikeAddress(const QString& a) {
    // A loose check: the mail server has the last word; this only catches typing slips.
    static const QRegularExpression re(QStringLiteral("^[^@\\s<>]+@[^@\\s<>]+$"));
    return re.match(a).hasMatch();
}

QLineEdit* field(const QString& objectName, const QString& accessibleName, QWidget* parent) {
    auto* e = new QLineEdit(parent);
    e->setObjectName(objectName);
    e->setAccessibleName(accessibleName);
    e->setMaxLength(1024);
    return e;
}

} // namespace

NotifierDialog::NotifierDialog(const std::optional<store::NotifierRecord>& existing, QWidget* parent)
    : QDialog(parent)
    , m_existing(existing) {
    setObjectName(QStringLiteral("notifierDialog"));
    setWindowTitle(existing ? tr("Edit notification target %1").arg(existing->name) : tr("Add a notification target"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QFormLayout;
    m_name = RecordDialogParts::nameEdit(QStringLiteral("notifierName"), tr("ops-mail"), this);
    top->addRow(tr("&Name:"), m_name);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("notifierKind"));
    m_kind->setAccessibleName(tr("Send notifications by"));
    m_kind->addItem(tr("Webhook (ntfy, Slack, Discord, JSON)"), QStringLiteral("webhook"));
    m_kind->addItem(tr("E-mail (SMTP)"), QStringLiteral("smtp"));
    top->addRow(tr("&Send by:"), m_kind);
    layout->addLayout(top);

    m_pages = new QStackedWidget(this);
    auto* webhook = new QWidget(m_pages);
    auto* webForm = new QFormLayout(webhook);
    webForm->setContentsMargins(0, 0, 0, 0);
    m_url = field(QStringLiteral("notifierWebhookUrl"), tr("Webhook address"), webhook);
    m_url->setPlaceholderText(existing && existing->kind == QLatin1String("webhook")
                                  ? tr("unchanged (kept in your keychain)")
                                  : tr("https://ntfy.sh/my-topic"));
    webForm->addRow(tr("&Address:"), m_url);
    m_format = new QComboBox(webhook);
    m_format->setObjectName(QStringLiteral("notifierWebhookFormat"));
    m_format->setAccessibleName(tr("Webhook format"));
    m_format->addItem(tr("ntfy"), QStringLiteral("ntfy"));
    m_format->addItem(tr("Slack"), QStringLiteral("slack"));
    m_format->addItem(tr("Discord"), QStringLiteral("discord"));
    m_format->addItem(tr("JSON (every field, for your own service)"), QStringLiteral("json"));
    webForm->addRow(tr("&Format:"), m_format);
    m_pages->addWidget(webhook);

    auto* mail = new QWidget(m_pages);
    auto* mailForm = new QFormLayout(mail);
    mailForm->setContentsMargins(0, 0, 0, 0);
    m_host = field(QStringLiteral("notifierSmtpHost"), tr("Mail server"), mail);
    m_host->setPlaceholderText(tr("smtp.example.com"));
    mailForm->addRow(tr("Mail &server:"), m_host);
    m_port = new QSpinBox(mail);
    m_port->setObjectName(QStringLiteral("notifierSmtpPort"));
    m_port->setAccessibleName(tr("Mail server port"));
    m_port->setRange(1, 65535);
    m_port->setValue(587);
    mailForm->addRow(tr("&Port:"), m_port);
    m_security = new QComboBox(mail);
    m_security->setObjectName(QStringLiteral("notifierSmtpSecurity"));
    m_security->setAccessibleName(tr("Connection security"));
    m_security->addItem(tr("STARTTLS, required (port 587)"), QStringLiteral("starttls"));
    m_security->addItem(tr("TLS from the start (port 465)"), QStringLiteral("tls"));
    m_security->addItem(tr("None (only for a relay on this computer)"), QStringLiteral("none"));
    mailForm->addRow(tr("Se&curity:"), m_security);
    m_from = field(QStringLiteral("notifierSmtpFrom"), tr("Sender address"), mail);
    m_from->setPlaceholderText(tr("certdeck@example.com"));
    mailForm->addRow(tr("&From:"), m_from);
    m_to = field(QStringLiteral("notifierSmtpTo"), tr("Recipient addresses"), mail);
    m_to->setPlaceholderText(tr("ops@example.com, me@example.org"));
    mailForm->addRow(tr("&To:"), m_to);
    m_user = field(QStringLiteral("notifierSmtpUser"), tr("Mail server user name"), mail);
    m_user->setPlaceholderText(tr("empty: the server does not ask for a login"));
    mailForm->addRow(tr("&User:"), m_user);
    m_password = field(QStringLiteral("notifierSmtpPassword"), tr("Mail server password"), mail);
    m_password->setEchoMode(QLineEdit::Password);
    const bool storedPassword = existing && existing->kind == QLatin1String("smtp") &&
                                !existing->settings.value(QStringLiteral("user")).toString().isEmpty();
    m_password->setPlaceholderText(storedPassword ? tr("unchanged (kept in your keychain)") : QString());
    mailForm->addRow(tr("Pass&word:"), m_password);
    auto* caRow = new QHBoxLayout;
    m_caFile = field(QStringLiteral("notifierSmtpCaFile"), tr("Extra CA certificate for the mail server"), mail);
    m_caFile->setPlaceholderText(tr("optional: a PEM file, for a server with a private CA"));
    m_caBrowse = new QPushButton(tr("&Browse…"), mail);
    m_caBrowse->setObjectName(QStringLiteral("notifierSmtpCaBrowse"));
    m_caBrowse->setAccessibleName(tr("Choose the CA certificate file"));
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_caBrowse);
    mailForm->addRow(tr("Trust &CA:"), caRow);
    m_pages->addWidget(mail);
    layout->addWidget(m_pages);

    m_error = RecordDialogParts::addFooter(
        this, layout, QStringLiteral("notifierDialog"),
        tr("The webhook address and the mail password are kept in your keychain, never in Certdeck's files. "
           "The unattended renewal (certdeck-cli renew) sends to the same targets."),
        existing.has_value());

    connect(m_kind, &QComboBox::currentIndexChanged, this, &NotifierDialog::updateKind);
    connect(m_security, &QComboBox::currentIndexChanged, this, [this] {
        // The usual port of each mode, unless the user typed another one.
        const int port = m_port->value();
        if (port == 587 || port == 465 || port == 25)
            m_port->setValue(m_security->currentData() == QLatin1String("tls") ? 465 : 587);
    });
    connect(m_caBrowse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA certificate (PEM)"), m_caFile->text(),
                                                          tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });

    if (existing) {
        RecordDialogParts::keepName(m_name, existing->name,
                                    tr("The name identifies the target's keychain entry; remove and add the "
                                       "target to rename it."));
        const QJsonObject& s = existing->settings;
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(existing->kind)));
        m_kind->setEnabled(false); // the keychain entry means a URL or a password: one kind per name
        m_format->setCurrentIndex(std::max(0, m_format->findData(s.value(QStringLiteral("format")).toString())));
        m_host->setText(s.value(QStringLiteral("host")).toString());
        m_security->setCurrentIndex(std::max(0, m_security->findData(s.value(QStringLiteral("security")).toString())));
        m_port->setValue(s.value(QStringLiteral("port")).toInt(587));
        m_from->setText(s.value(QStringLiteral("from")).toString());
        QStringList to;
        for (const QJsonValue& v : s.value(QStringLiteral("to")).toArray())
            to << v.toString();
        m_to->setText(to.join(QStringLiteral(", ")));
        m_user->setText(s.value(QStringLiteral("user")).toString());
        m_caFile->setText(s.value(QStringLiteral("caFile")).toString());
    }
    setTabOrder(m_name, m_kind);
    setTabOrder(m_kind, m_url);
    setTabOrder(m_url, m_format);
    setTabOrder(m_format, m_host);
    setTabOrder(m_host, m_port);
    setTabOrder(m_port, m_security);
    setTabOrder(m_security, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_user);
    setTabOrder(m_user, m_password);
    setTabOrder(m_password, m_caFile);
    setTabOrder(m_caFile, m_caBrowse);
    updateKind();
    setMinimumWidth(540);
}

bool NotifierDialog::isWebhook() const {
    return m_kind->currentData().toString() == QLatin1String("webhook");
}

void NotifierDialog::updateKind() {
    m_pages->setCurrentIndex(isWebhook() ? 0 : 1);
}

store::NotifierRecord NotifierDialog::record() const {
    store::NotifierRecord r = m_existing.value_or(store::NotifierRecord{});
    r.name = m_name->text().trimmed();
    r.kind = m_kind->currentData().toString();
    if (isWebhook()) {
        QString host = r.settings.value(QStringLiteral("host")).toString();
        const QString typed = m_url->text().trimmed();
        if (!typed.isEmpty())
            host = QUrl(typed, QUrl::StrictMode).host();
        r.settings =
            QJsonObject{{QStringLiteral("format"), m_format->currentData().toString()}, {QStringLiteral("host"), host}};
        return r;
    }
    r.settings = QJsonObject{{QStringLiteral("host"), m_host->text().trimmed()},
                             {QStringLiteral("port"), m_port->value()},
                             {QStringLiteral("security"), m_security->currentData().toString()},
                             {QStringLiteral("from"), m_from->text().trimmed()},
                             {QStringLiteral("to"), QJsonArray::fromStringList(recipients(m_to->text()))}};
    if (!m_user->text().trimmed().isEmpty())
        r.settings.insert(QStringLiteral("user"), m_user->text().trimmed());
    if (!m_caFile->text().trimmed().isEmpty())
        r.settings.insert(QStringLiteral("caFile"), QFileInfo(m_caFile->text().trimmed()).absoluteFilePath());
    return r;
}

std::optional<SecureBytes> NotifierDialog::secret() const {
    if (isWebhook()) {
        const QString typed = m_url->text().trimmed();
        if (typed.isEmpty())
            return std::nullopt;
        return RecordDialogParts::secretFromText(QUrl(typed, QUrl::StrictMode).toString(QUrl::FullyEncoded));
    }
    if (m_user->text().trimmed().isEmpty())
        return std::nullopt;
    return RecordDialogParts::secretFromText(m_password->text());
}

bool NotifierDialog::secretNoLongerNeeded() const {
    return !isWebhook() && m_user->text().trimmed().isEmpty();
}

void NotifierDialog::accept() {
    QString problem;
    const bool editingSameKind = m_existing && m_existing->kind == m_kind->currentData().toString();
    if (!RecordDialogParts::isValidName(m_name->text().trimmed())) {
        problem = tr("Give the target a short name: letters, digits, dot, underscore or dash.");
    } else if (isWebhook()) {
        const QString typed = m_url->text().trimmed();
        const QUrl url(typed, QUrl::StrictMode);
        if (typed.isEmpty() && !editingSameKind)
            problem = tr("Enter the webhook address, for example https://ntfy.sh/my-topic.");
        else if (!typed.isEmpty() &&
                 (!url.isValid() || url.host().isEmpty() ||
                  (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))))
            problem = tr("The webhook address must be an https:// URL.");
    } else {
        const QStringList to = recipients(m_to->text());
        const bool hadPassword = editingSameKind && !m_existing->settings.value(QStringLiteral("user")).isUndefined();
        if (m_host->text().trimmed().isEmpty() || m_host->text().trimmed().contains(QLatin1Char(' ')))
            problem = tr("Enter the mail server's host name.");
        else if (!looksLikeAddress(m_from->text().trimmed()))
            problem = tr("Enter the sender address (name@example.com).");
        else if (to.isEmpty() || !std::all_of(to.cbegin(), to.cend(), looksLikeAddress))
            problem = tr("Enter one or more recipient addresses, separated by commas.");
        else if (!m_user->text().trimmed().isEmpty() && m_password->text().isEmpty() && !hadPassword)
            problem = tr("Enter the password for %1 (it goes to your keychain), or leave the user name empty.")
                          .arg(m_user->text().trimmed());
        else if (!m_caFile->text().trimmed().isEmpty() && !QFileInfo(m_caFile->text().trimmed()).isFile())
            problem = tr("There is no file at %1.").arg(m_caFile->text().trimmed());
    }
    if (!problem.isEmpty()) {
        RecordDialogParts::showProblem(m_error, problem);
        return;
    }
    QDialog::accept();
}

} // namespace certdeck::ui
