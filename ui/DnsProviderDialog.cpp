// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DnsProviderDialog.h"

#include "core/dns/providers/ProviderCheck.h"
#include "ui/RecordDialogParts.h"

#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {

const QStringList& providerTypes() {
    // The order people meet them in: self-hosted first, then the hosted APIs, then the fall-backs.
    static const QStringList types{
        QStringLiteral("rfc2136"),  QStringLiteral("powerdns"),     QStringLiteral("cloudflare"),
        QStringLiteral("hetzner"),  QStringLiteral("digitalocean"), QStringLiteral("desec"),
        QStringLiteral("acme-dns"), QStringLiteral("hook"),         QStringLiteral("manual")};
    return types;
}

/// "ADDR:PORT", "[v6]:PORT" or "ADDR" (port 53) as NameServer::parse reads it.
void splitServer(const QString& server, QString* address, int* port) {
    static const QRegularExpression bracketed(QStringLiteral("^\\[([^\\]]+)\\](?::(\\d+))?$"));
    static const QRegularExpression v4(QStringLiteral("^([^:]+)(?::(\\d+))?$"));
    *port = 53;
    if (auto m = bracketed.match(server); m.hasMatch()) {
        *address = m.captured(1);
        if (!m.captured(2).isEmpty())
            *port = m.captured(2).toInt();
    } else if (auto m4 = v4.match(server); m4.hasMatch()) {
        *address = m4.captured(1);
        if (!m4.captured(2).isEmpty())
            *port = m4.captured(2).toInt();
    } else {
        *address = server; // a bare IPv6 address
    }
}

} // namespace

QString DnsProviderDialog::typeLabel(const QString& type) {
    if (type == QLatin1String("rfc2136"))
        return tr("RFC 2136 dynamic updates (TSIG)");
    if (type == QLatin1String("powerdns"))
        return tr("PowerDNS API");
    if (type == QLatin1String("cloudflare"))
        return tr("Cloudflare");
    if (type == QLatin1String("hetzner"))
        return tr("Hetzner DNS");
    if (type == QLatin1String("digitalocean"))
        return tr("DigitalOcean");
    if (type == QLatin1String("desec"))
        return tr("deSEC");
    if (type == QLatin1String("acme-dns"))
        return tr("acme-dns");
    if (type == QLatin1String("hook"))
        return tr("Your own program (hook)");
    if (type == QLatin1String("manual"))
        return tr("Manual (you add the record yourself)");
    return type;
}

bool DnsProviderDialog::isValidName(const QString& name) {
    return RecordDialogParts::isValidName(name);
}

QLineEdit* DnsProviderDialog::addLine(Field field, const QString& objectName, const QString& label,
                                      const QString& accessible, const QString& placeholder) {
    auto* edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessible);
    edit->setPlaceholderText(placeholder);
    edit->setMaxLength(1024);
    auto* l = new QLabel(label, this);
    l->setBuddy(edit);
    m_form->addRow(l, edit);
    m_fields.insert(field, edit);
    m_labels.insert(field, l);
    return edit;
}

DnsProviderDialog::DnsProviderDialog(const std::optional<store::DnsProviderRecord>& existing, QWidget* parent)
    : QDialog(parent)
    , m_existing(existing) {
    setObjectName(QStringLiteral("dnsProviderDialog"));
    setWindowTitle(existing ? tr("Edit DNS provider %1").arg(existing->name) : tr("Add a DNS provider"));
    auto* layout = new QVBoxLayout(this);
    m_form = new QFormLayout;

    m_name = RecordDialogParts::nameEdit(QStringLiteral("dnsProviderName"), tr("my-dns"), this);
    m_form->addRow(tr("&Name:"), m_name);

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("dnsProviderType"));
    m_type->setAccessibleName(tr("Type"));
    for (const QString& t : providerTypes())
        m_type->addItem(typeLabel(t), t);
    m_form->addRow(tr("&Type:"), m_type);

    m_help = new QLabel(this);
    m_help->setObjectName(QStringLiteral("dnsProviderHelp"));
    m_help->setWordWrap(true);
    m_help->setForegroundRole(QPalette::PlaceholderText);
    m_form->addRow(QString(), m_help);

    addLine(Field::Server, QStringLiteral("dnsProviderServer"), tr("&Server address:"), tr("Server address"),
            tr("the zone's primary server, e.g. 192.0.2.53"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("dnsProviderPort"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(53);
    auto* portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_port);
    m_form->addRow(portLabel, m_port);
    m_fields.insert(Field::Port, m_port);
    m_labels.insert(Field::Port, portLabel);
    addLine(Field::KeyName, QStringLiteral("dnsProviderKeyName"), tr("TSIG &key name:"), tr("TSIG key name"),
            tr("as in the server's configuration, e.g. certdeck."));
    m_algorithm = new QComboBox(this);
    m_algorithm->setObjectName(QStringLiteral("dnsProviderAlgorithm"));
    m_algorithm->setAccessibleName(tr("TSIG algorithm"));
    for (const char* a : {"hmac-sha256", "hmac-sha384", "hmac-sha512", "hmac-sha224", "hmac-sha1"})
        m_algorithm->addItem(QLatin1String(a), QLatin1String(a));
    auto* algorithmLabel = new QLabel(tr("&Algorithm:"), this);
    algorithmLabel->setBuddy(m_algorithm);
    m_form->addRow(algorithmLabel, m_algorithm);
    m_fields.insert(Field::Algorithm, m_algorithm);
    m_labels.insert(Field::Algorithm, algorithmLabel);
    addLine(Field::Url, QStringLiteral("dnsProviderUrl"), tr("API &URL:"), tr("API URL"),
            tr("https://dns.example.com:8081"));
    addLine(Field::ServerId, QStringLiteral("dnsProviderServerId"), tr("Server &ID:"), tr("Server ID"),
            tr("localhost"));
    addLine(Field::Username, QStringLiteral("dnsProviderUsername"), tr("&Username:"), tr("acme-dns username"),
            tr("from the /register answer"));
    addLine(Field::Subdomain, QStringLiteral("dnsProviderSubdomain"), tr("Su&bdomain:"), tr("acme-dns subdomain"),
            tr("from the /register answer"));
    addLine(Field::Fulldomain, QStringLiteral("dnsProviderFulldomain"), tr("&Full domain:"), tr("acme-dns full domain"),
            tr("<subdomain>.auth.acme-dns.io: _acme-challenge names CNAME to it"));
    addLine(Field::Zone, QStringLiteral("dnsProviderZone"), tr("&Zone:"), tr("Zone"), QString());
    addLine(Field::Program, QStringLiteral("dnsProviderProgram"), tr("&Program:"), tr("Program"),
            tr("/usr/local/bin/dns-hook"));
    addLine(Field::Arguments, QStringLiteral("dnsProviderArguments"), tr("Ar&guments:"), tr("Arguments"),
            tr("optional; quote arguments that contain spaces"));
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("dnsProviderTimeout"));
    m_timeout->setAccessibleName(tr("Time limit in seconds"));
    m_timeout->setRange(1, 3600);
    m_timeout->setValue(120);
    m_timeout->setSuffix(tr(" s"));
    auto* timeoutLabel = new QLabel(tr("Time &limit:"), this);
    timeoutLabel->setBuddy(m_timeout);
    m_form->addRow(timeoutLabel, m_timeout);
    m_fields.insert(Field::Timeout, m_timeout);
    m_labels.insert(Field::Timeout, timeoutLabel);
    auto* secret = addLine(Field::Secret, QStringLiteral("dnsProviderSecret"), QString(), QString(), QString());
    secret->setEchoMode(QLineEdit::Password);
    secret->setMaxLength(4096);
    layout->addLayout(m_form);

    m_error = RecordDialogParts::addFooter(this, layout, QStringLiteral("dnsProviderDialog"),
                                           tr("Credentials are kept in your keychain, never in Certdeck's files."),
                                           existing.has_value());

    connect(m_type, &QComboBox::currentIndexChanged, this, &DnsProviderDialog::updateFields);
    if (existing)
        fill(*existing);
    // Tab order follows the form from top to bottom (hidden rows are skipped by Qt).
    QWidget* previous = m_type;
    setTabOrder(m_name, m_type);
    for (Field f : {Field::Server, Field::Port, Field::KeyName, Field::Algorithm, Field::Url, Field::ServerId,
                    Field::Username, Field::Subdomain, Field::Fulldomain, Field::Zone, Field::Program, Field::Arguments,
                    Field::Timeout, Field::Secret}) {
        setTabOrder(previous, m_fields.value(f));
        previous = m_fields.value(f);
    }
    updateFields();
    setMinimumWidth(560);
}

void DnsProviderDialog::fill(const store::DnsProviderRecord& existing) {
    RecordDialogParts::keepName(m_name, existing.name,
                                tr("The name identifies the provider's keychain entry and is what `--dns` names; "
                                   "remove and add the provider to rename it."));
    m_type->setCurrentIndex(std::max(0, m_type->findData(existing.kind)));
    const QJsonObject& s = existing.settings;
    QString address;
    int port = 53;
    splitServer(s.value(QStringLiteral("server")).toString(), &address, &port);
    static_cast<QLineEdit*>(m_fields.value(Field::Server))->setText(address);
    m_port->setValue(port);
    static_cast<QLineEdit*>(m_fields.value(Field::KeyName))->setText(s.value(QStringLiteral("keyName")).toString());
    const QString algorithm = s.value(QStringLiteral("algorithm")).toString();
    if (!algorithm.isEmpty())
        m_algorithm->setCurrentIndex(std::max(0, m_algorithm->findData(algorithm.toLower())));
    static_cast<QLineEdit*>(m_fields.value(Field::Url))->setText(s.value(QStringLiteral("url")).toString());
    static_cast<QLineEdit*>(m_fields.value(Field::ServerId))->setText(s.value(QStringLiteral("serverId")).toString());
    static_cast<QLineEdit*>(m_fields.value(Field::Username))->setText(s.value(QStringLiteral("username")).toString());
    static_cast<QLineEdit*>(m_fields.value(Field::Subdomain))->setText(s.value(QStringLiteral("subdomain")).toString());
    static_cast<QLineEdit*>(m_fields.value(Field::Fulldomain))
        ->setText(s.value(QStringLiteral("fulldomain")).toString());
    static_cast<QLineEdit*>(m_fields.value(Field::Zone))
        ->setText(dns::providerZone(existing.kind, existing.settings.toVariantMap()));
    if (existing.kind == QLatin1String("acme-dns"))
        static_cast<QLineEdit*>(m_fields.value(Field::Zone))->clear();
    static_cast<QLineEdit*>(m_fields.value(Field::Program))->setText(s.value(QStringLiteral("program")).toString());
    QStringList args;
    for (const QJsonValue& v : s.value(QStringLiteral("arguments")).toArray())
        args << v.toString();
    QStringList quoted;
    for (const QString& a : std::as_const(args))
        quoted << (a.isEmpty() || a.contains(QLatin1Char(' ')) || a.contains(QLatin1Char('"'))
                       ? QLatin1Char('"') + QString(a).replace(QLatin1Char('"'), QLatin1String("\"\"\"")) +
                             QLatin1Char('"')
                       : a);
    static_cast<QLineEdit*>(m_fields.value(Field::Arguments))->setText(quoted.join(QLatin1Char(' ')));
    if (s.contains(QStringLiteral("timeoutSeconds")))
        m_timeout->setValue(s.value(QStringLiteral("timeoutSeconds")).toVariant().toInt());
}

QString DnsProviderDialog::type() const {
    return m_type->currentData().toString();
}

QList<DnsProviderDialog::Field> DnsProviderDialog::fieldsFor(const QString& t) const {
    if (t == QLatin1String("rfc2136"))
        return {Field::Server, Field::Port, Field::KeyName, Field::Algorithm, Field::Zone, Field::Secret};
    if (t == QLatin1String("powerdns"))
        return {Field::Url, Field::ServerId, Field::Zone, Field::Secret};
    if (t == QLatin1String("acme-dns"))
        return {Field::Url, Field::Username, Field::Subdomain, Field::Fulldomain, Field::Secret};
    if (t == QLatin1String("hook"))
        return {Field::Program, Field::Arguments, Field::Timeout};
    if (t == QLatin1String("manual"))
        return {};
    return {Field::Zone, Field::Secret}; // cloudflare, hetzner, digitalocean, desec
}

QString DnsProviderDialog::text(Field field) const {
    auto* edit = qobject_cast<QLineEdit*>(m_fields.value(field));
    return edit ? edit->text().trimmed() : QString();
}

void DnsProviderDialog::updateFields() {
    const QString t = type();
    const QList<Field> shown = fieldsFor(t);
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        m_form->setRowVisible(it.value(), shown.contains(it.key()));

    auto* zone = static_cast<QLineEdit*>(m_fields.value(Field::Zone));
    const bool domainWord = t == QLatin1String("digitalocean") || t == QLatin1String("desec");
    m_labels.value(Field::Zone)->setText(domainWord ? tr("&Domain:") : tr("&Zone:"));
    zone->setPlaceholderText(t == QLatin1String("rfc2136")
                                 ? tr("optional: found by asking the server; the Test writes here")
                                 : tr("optional: example.com (the Test writes a record here)"));

    auto* secret = static_cast<QLineEdit*>(m_fields.value(Field::Secret));
    QString secretLabel;
    if (t == QLatin1String("rfc2136"))
        secretLabel = tr("TSIG &secret:");
    else if (t == QLatin1String("powerdns"))
        secretLabel = tr("API &key:");
    else if (t == QLatin1String("acme-dns"))
        secretLabel = tr("Pass&word:");
    else
        secretLabel = tr("API &token:");
    m_labels.value(Field::Secret)->setText(secretLabel);
    secret->setAccessibleName(QString(secretLabel).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    const bool stored = m_existing && m_existing->kind == t && dns::providerNeedsSecret(t);
    secret->setPlaceholderText(stored                             ? tr("unchanged (kept in your keychain)")
                               : t == QLatin1String("rfc2136")    ? tr("base64, as in the server's key file")
                               : t == QLatin1String("cloudflare") ? tr("an API token with Zone:Read and DNS:Edit")
                               : t == QLatin1String("acme-dns")   ? tr("from the /register answer")
                                                                  : QString());

    QString help;
    if (t == QLatin1String("rfc2136"))
        help = tr("Certdeck sends signed updates to your own DNS server (BIND, Knot, PowerDNS…).");
    else if (t == QLatin1String("powerdns"))
        help = tr("The PowerDNS Authoritative HTTP API (api=yes, api-key in pdns.conf).");
    else if (t == QLatin1String("acme-dns"))
        help = tr("An acme-dns registration: point _acme-challenge.<your domain> at its full domain with a CNAME.");
    else if (t == QLatin1String("hook"))
        help = tr("Certdeck runs this program to add and remove each record (CERTDECK_ACTION, CERTDECK_FQDN, "
                  "CERTDECK_VALUE in its environment). It is started directly, never through a shell.");
    else if (t == QLatin1String("manual"))
        help = tr("Certdeck shows each record; you add it at your DNS host and it waits until the record is "
                  "visible. Nothing to store, nothing to test.");
    else
        help = tr("The provider's API, with a token you create in its control panel.");
    m_help->setText(help);
    m_error->setVisible(false);
}

store::DnsProviderRecord DnsProviderDialog::record() const {
    store::DnsProviderRecord r = m_existing.value_or(store::DnsProviderRecord{});
    const QString t = type();
    // Keep settings this dialog does not show (a "url" override given on the command line), but only
    // for the same type: another type's settings mean nothing here.
    QJsonObject s = (m_existing && m_existing->kind == t) ? m_existing->settings : QJsonObject();
    auto put = [&s](const QString& key, const QString& value) {
        if (value.isEmpty())
            s.remove(key);
        else
            s.insert(key, value);
    };
    const QList<Field> shown = fieldsFor(t);
    if (shown.contains(Field::Server)) {
        const QString address = text(Field::Server);
        put(QStringLiteral("server"), address.isEmpty() ? QString()
                                      : address.contains(QLatin1Char(':'))
                                          ? QStringLiteral("[%1]:%2").arg(address).arg(m_port->value())
                                          : QStringLiteral("%1:%2").arg(address).arg(m_port->value()));
        put(QStringLiteral("keyName"), text(Field::KeyName));
        put(QStringLiteral("algorithm"), m_algorithm->currentData().toString());
    }
    if (shown.contains(Field::Url))
        put(QStringLiteral("url"), text(Field::Url));
    if (shown.contains(Field::ServerId))
        put(QStringLiteral("serverId"), text(Field::ServerId));
    if (shown.contains(Field::Username)) {
        put(QStringLiteral("username"), text(Field::Username));
        put(QStringLiteral("subdomain"), text(Field::Subdomain));
        put(QStringLiteral("fulldomain"), text(Field::Fulldomain));
    }
    if (shown.contains(Field::Zone)) {
        const bool domainWord = t == QLatin1String("digitalocean") || t == QLatin1String("desec");
        put(domainWord ? QStringLiteral("domain") : QStringLiteral("zone"), text(Field::Zone));
    }
    if (shown.contains(Field::Program)) {
        put(QStringLiteral("program"), text(Field::Program));
        const QStringList args = QProcess::splitCommand(text(Field::Arguments));
        if (args.isEmpty())
            s.remove(QStringLiteral("arguments"));
        else
            s.insert(QStringLiteral("arguments"), QJsonArray::fromStringList(args));
        s.insert(QStringLiteral("timeoutSeconds"), m_timeout->value());
    }
    r.name = m_name->text().trimmed();
    r.kind = t;
    r.settings = s;
    return r;
}

std::optional<SecureBytes> DnsProviderDialog::secret() const {
    auto* edit = static_cast<QLineEdit*>(m_fields.value(Field::Secret));
    if (!dns::providerNeedsSecret(type()))
        return std::nullopt;
    return RecordDialogParts::secretFromText(edit->text().trimmed());
}

void DnsProviderDialog::showProblem(const QString& problem) {
    RecordDialogParts::showProblem(m_error, problem);
}

void DnsProviderDialog::accept() {
    const QString t = type();
    const QList<Field> shown = fieldsFor(t);
    const bool haveStoredSecret = m_existing && m_existing->kind == t;
    QString problem;
    if (!isValidName(m_name->text().trimmed()))
        problem = tr("Give the provider a short name: letters, digits, dot, underscore or dash.");
    else if (shown.contains(Field::Server) && text(Field::Server).isEmpty())
        problem = tr("Enter the address of the zone's primary DNS server (an IP address).");
    else if (shown.contains(Field::KeyName) && text(Field::KeyName).isEmpty())
        problem = tr("Enter the TSIG key's name, as the server's configuration names it.");
    else if (shown.contains(Field::Url) && (t == QLatin1String("powerdns") || t == QLatin1String("acme-dns")) &&
             text(Field::Url).isEmpty())
        problem = tr("Enter the API's URL.");
    else if (shown.contains(Field::Url) && !text(Field::Url).isEmpty() &&
             !QUrl(text(Field::Url), QUrl::StrictMode).isValid())
        problem = tr("The API URL is not a valid URL.");
    else if (shown.contains(Field::Username) && (text(Field::Username).isEmpty() || text(Field::Subdomain).isEmpty()))
        problem = tr("Enter the username and subdomain from your acme-dns registration.");
    else if (shown.contains(Field::Program) && text(Field::Program).isEmpty())
        problem = tr("Enter the program Certdeck should run.");
    else if (shown.contains(Field::Secret) && !secret() && !haveStoredSecret)
        problem = tr("Enter the %1 (it goes to your keychain).")
                      .arg(static_cast<QLineEdit*>(m_fields.value(Field::Secret))->accessibleName());
    if (!problem.isEmpty()) {
        showProblem(problem);
        return;
    }
    QDialog::accept();
}

} // namespace certdeck::ui
