// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DnsProvidersPage.h"

#include "core/dns/providers/ProviderCheck.h"
#include "core/store/StoreExecutor.h"
#include "ui/DnsProviderDialog.h"
#include "ui/MessageBar.h"
#include "ui/PageParts.h"

#include <QCoroFuture>
#include <QCoroSignal>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {

enum Column { NameColumn, TypeColumn, WhereColumn, CredentialColumn, ColumnCount };

/// What the "Zone or server" column shows: the zone the provider is pinned to, else where it talks to.
QString whereLabel(const store::DnsProviderRecord& p) {
    const QVariantMap s = p.settings.toVariantMap();
    const QString zone = dns::providerZone(p.kind, s);
    if (p.kind == QLatin1String("rfc2136"))
        return zone.isEmpty()
                   ? DnsProvidersPage::tr("server %1").arg(s.value(QStringLiteral("server")).toString())
                   : DnsProvidersPage::tr("%1 at %2").arg(zone, s.value(QStringLiteral("server")).toString());
    if (p.kind == QLatin1String("powerdns") || p.kind == QLatin1String("acme-dns"))
        return zone.isEmpty() ? s.value(QStringLiteral("url")).toString()
                              : DnsProvidersPage::tr("%1 at %2").arg(zone, s.value(QStringLiteral("url")).toString());
    if (p.kind == QLatin1String("hook"))
        return s.value(QStringLiteral("program")).toString();
    if (p.kind == QLatin1String("manual"))
        return DnsProvidersPage::tr("any zone: you add the records");
    return zone.isEmpty() ? DnsProvidersPage::tr("any zone the token can change") : zone;
}

} // namespace

DnsProvidersPage::DnsProvidersPage(store::StoreExecutor* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store) {
    setObjectName(QStringLiteral("dnsProvidersPage"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(PageParts::heading(tr("DNS providers"), this));
    layout->addWidget(PageParts::subtitle(
        tr("Where Certdeck publishes the TXT records of dns-01 challenges (needed for wildcard certificates). "
           "Test a provider to see that it works."),
        this));

    m_stack = new QStackedWidget(this);
    QPushButton* emptyAdd = nullptr;
    m_stack->addWidget(PageParts::emptyState(
        QStringLiteral("dnsProvidersEmptyState"),
        tr("No DNS providers yet. Add the service that hosts your domain's DNS, so Certdeck can prove control "
           "of the domain with a TXT record — the way to get wildcard certificates and certificates for "
           "machines the internet cannot reach."),
        tr("&Add provider…"), QStringLiteral("add"), m_stack, &emptyAdd));

    auto* list = new QWidget(m_stack);
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_table = PageParts::table(QStringLiteral("dnsProvidersTable"), tr("DNS providers"),
                               {tr("Name"), tr("Type"), tr("Zone or server"), tr("Credential")}, list);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    listLayout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    m_add = PageParts::button(tr("&Add…"), QStringLiteral("dnsProvidersAdd"), QStringLiteral("add"), list);
    m_edit = PageParts::button(tr("&Edit…"), QStringLiteral("dnsProvidersEdit"), QString(), list);
    m_remove = PageParts::button(tr("&Remove…"), QStringLiteral("dnsProvidersRemove"), QString(), list);
    m_test = PageParts::button(tr("&Test"), QStringLiteral("dnsProvidersTest"), QStringLiteral("dns"), list);
    m_test->setToolTip(tr("Write a TXT record _certdeck-check.<zone> through the provider and remove it again"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_test);
    listLayout->addLayout(buttons);
    m_stack->addWidget(list);
    layout->addWidget(m_stack, 1);

    m_message = new MessageBar(QStringLiteral("dnsProvidersMessage"), this);
    layout->addWidget(m_message);

    connect(emptyAdd, &QPushButton::clicked, this, &DnsProvidersPage::addProvider);
    connect(m_add, &QPushButton::clicked, this, &DnsProvidersPage::addProvider);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (auto p = selected(); p && !m_busy)
            runAdd(p);
    });
    connect(m_table, &QTableWidget::itemDoubleClicked, this, [this] {
        if (auto p = selected(); p && !m_busy)
            runAdd(p);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (auto p = selected(); p && !m_busy)
            runRemove(*p);
    });
    connect(m_test, &QPushButton::clicked, this, [this] {
        if (auto p = selected())
            testProvider(p->name);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &DnsProvidersPage::updateButtons);
    setTabOrder(m_table, m_add);
    setTabOrder(m_add, m_edit);
    setTabOrder(m_edit, m_remove);
    setTabOrder(m_remove, m_test);
    updateButtons();
}

void DnsProvidersPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload();
}

void DnsProvidersPage::reload() {
    load();
}

void DnsProvidersPage::addProvider() {
    if (!m_busy)
        runAdd(std::nullopt);
}

void DnsProvidersPage::testProvider(const QString& name) {
    if (m_busy)
        return;
    for (const store::DnsProviderRecord& p : std::as_const(m_providers))
        if (p.name == name) {
            runTest(p);
            return;
        }
}

std::optional<store::DnsProviderRecord> DnsProvidersPage::selected() const {
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    if (items.isEmpty())
        return std::nullopt;
    const QString name = m_table->item(items.first()->row(), NameColumn)->text();
    for (const store::DnsProviderRecord& p : m_providers)
        if (p.name == name)
            return p;
    return std::nullopt;
}

void DnsProvidersPage::selectByName(const QString& name) {
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, NameColumn)->text() == name)
            m_table->selectRow(row);
}

void DnsProvidersPage::updateButtons() {
    const bool any = !m_table->selectedItems().isEmpty();
    m_add->setEnabled(!m_busy);
    m_edit->setEnabled(any && !m_busy);
    m_remove->setEnabled(any && !m_busy);
    m_test->setEnabled(any && !m_busy);
}

void DnsProvidersPage::setBusy(bool busy) {
    m_busy = busy;
    updateButtons();
}

QCoro::Task<> DnsProvidersPage::load() {
    QPointer<DnsProvidersPage> self(this);
    auto job = m_store->run([](store::Store& s) { return s.dnsProviders().all(); });
    const Result<QList<store::DnsProviderRecord>> all = co_await job;
    if (!self)
        co_return;
    if (!all) {
        m_message->showError(all.error());
        co_return;
    }
    const QString keep = selected() ? selected()->name : QString();
    m_providers = *all;
    m_table->setSortingEnabled(false);
    m_table->setRowCount(static_cast<int>(m_providers.size()));
    for (int row = 0; row < m_providers.size(); ++row) {
        const store::DnsProviderRecord& p = m_providers.at(row);
        const QStringList cells{p.name, DnsProviderDialog::typeLabel(p.kind), whereLabel(p),
                                dns::providerNeedsSecret(p.kind) ? tr("in your keychain") : tr("none needed")};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c == CredentialColumn && !dns::providerNeedsSecret(p.kind))
                item->setForeground(palette().brush(QPalette::PlaceholderText));
            m_table->setItem(row, c, item);
        }
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    selectByName(keep);
    if (m_table->selectedItems().isEmpty() && m_table->rowCount() > 0)
        m_table->selectRow(0);
    m_stack->setCurrentIndex(m_providers.isEmpty() ? 0 : 1);
    updateButtons();
    Q_EMIT providersLoaded();
}

QCoro::Task<Result<store::Secrets>> DnsProvidersPage::secrets() {
    auto job = m_store->run([](store::Store& s) { return Result<store::Secrets>(s.secrets()); });
    auto r = co_await job;
    co_return r;
}

QCoro::Task<Result<SecureBytes>> DnsProvidersPage::storedSecret(store::DnsProviderRecord provider) {
    QPointer<DnsProvidersPage> self(this);
    auto secretsTask = secrets();
    auto backend = co_await secretsTask;
    if (!backend)
        co_return backend.error();
    if (!self)
        co_return Error(ErrorCode::Cancelled, tr("The window was closed."));
    const QString key = provider.secretKey();
    auto reading = backend->read(key);
    Result<SecureBytes> secret = co_await reading;
    if (!secret && secret.error().code == ErrorCode::NotFound)
        co_return Error(ErrorCode::NotFound,
                        tr("The credential of %1 is not in your keychain: edit the provider and enter it again.")
                            .arg(provider.name),
                        secret.error().detail);
    if (!secret)
        co_return secret.error().withContext(tr("Reading the credential of DNS provider %1").arg(provider.name));
    co_return secret;
}

QCoro::Task<> DnsProvidersPage::runAdd(std::optional<store::DnsProviderRecord> existing) {
    QPointer<DnsProvidersPage> self(this);
    QPointer<DnsProviderDialog> dialog = new DnsProviderDialog(existing, this);
    auto finished = qCoro(dialog.data(), &QDialog::finished);
    dialog->open();
    const int result = co_await finished;
    if (!self || !dialog)
        co_return;
    dialog->deleteLater();
    if (result != QDialog::Accepted)
        co_return;
    const store::DnsProviderRecord record = dialog->record();
    std::optional<SecureBytes> secret = dialog->secret();
    if (!existing) {
        for (const store::DnsProviderRecord& p : std::as_const(m_providers))
            if (p.name == record.name) {
                m_message->showError(Error(
                    ErrorCode::InvalidInput,
                    tr("There is already a DNS provider named %1: choose another name, or edit it.").arg(record.name)));
                co_return;
            }
    }
    setBusy(true);
    auto fail = [&self](const Error& e) {
        if (!self)
            return;
        self->setBusy(false);
        self->m_message->showError(e);
    };
    const bool needsSecret = dns::providerNeedsSecret(record.kind);
    // The settings must build a provider before anything is saved (as the CLI checks): with the new
    // credential, or the stored one when it is kept.
    SecureBytes forCheck;
    if (needsSecret && secret) {
        forCheck = *secret;
    } else if (needsSecret) {
        auto reading = storedSecret(record);
        const Result<SecureBytes> stored = co_await reading;
        if (!self)
            co_return;
        if (!stored) {
            fail(stored.error());
            co_return;
        }
        forCheck = *stored;
    }
    if (auto ok = dns::validateProviderSettings(record.kind, record.settings.toVariantMap(), forCheck); !ok) {
        fail(ok.error());
        co_return;
    }
    // The credential first: a provider row whose token never reached the keychain fails later with a
    // confusing error. A type that needs none drops an old one.
    const bool dropSecret = existing && !needsSecret && dns::providerNeedsSecret(existing->kind);
    if ((needsSecret && secret) || dropSecret) {
        auto secretsTask = secrets();
        auto backend = co_await secretsTask;
        if (!self)
            co_return;
        if (!backend) {
            fail(backend.error());
            co_return;
        }
        const QString key = record.secretKey();
        if (secret && needsSecret) {
            const SecureBytes value = *secret;
            auto writing = backend->write(key, value);
            const Status written = co_await writing;
            if (!self)
                co_return;
            if (!written) {
                fail(written.error().withContext(tr("Storing the credential of %1 in the keychain").arg(record.name)));
                co_return;
            }
        } else {
            // An entry that cannot be removed only lingers; nothing reads it any more.
            auto removing = backend->remove(key);
            const Status removed = co_await removing;
            Q_UNUSED(removed)
            if (!self)
                co_return;
        }
    }
    auto job = m_store->run([record](store::Store& s) { return s.dnsProviders().save(record); });
    const Result<qint64> saved = co_await job;
    if (!self)
        co_return;
    if (!saved) {
        fail(saved.error());
        co_return;
    }
    setBusy(false);
    m_message->showMessage(existing ? tr("Saved %1.").arg(record.name)
                                    : tr("Added %1. Test it to see that it can publish records.").arg(record.name),
                           MessageBar::Kind::Success);
    Q_EMIT providersChanged();
    auto reloading = load();
    co_await reloading;
    if (!self)
        co_return;
    selectByName(record.name);
}

QCoro::Task<> DnsProvidersPage::runRemove(store::DnsProviderRecord provider) {
    QPointer<DnsProvidersPage> self(this);
    QPointer<QMessageBox> box = new QMessageBox(
        QMessageBox::Warning, tr("Remove %1?").arg(provider.name),
        tr("Remove the DNS provider %1 and its credential from your keychain? Certificates that renew through it "
           "will fail until you choose another provider.")
            .arg(provider.name),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("dnsProvidersRemoveConfirm"));
    QPushButton* yes = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("dnsProvidersRemoveConfirmYes"));
    box->setDefaultButton(QMessageBox::Cancel);
    auto finished = qCoro(box.data(), &QDialog::finished);
    box->open();
    co_await finished;
    if (!self || !box)
        co_return;
    const bool confirmed = box->clickedButton() == yes;
    box->deleteLater();
    if (!confirmed)
        co_return;
    setBusy(true);
    std::optional<Error> secretLeft;
    if (dns::providerNeedsSecret(provider.kind)) {
        auto secretsTask = secrets();
        auto backend = co_await secretsTask;
        if (!self)
            co_return;
        if (backend) {
            const QString key = provider.secretKey();
            auto removing = backend->remove(key);
            const Status removed = co_await removing;
            if (!self)
                co_return;
            if (!removed)
                secretLeft = removed.error();
        } else {
            secretLeft = backend.error();
        }
    }
    const QString name = provider.name;
    auto job = m_store->run([name](store::Store& s) { return s.dnsProviders().remove(name); });
    const Status removed = co_await job;
    if (!self)
        co_return;
    setBusy(false);
    if (!removed)
        m_message->showError(removed.error());
    else if (secretLeft)
        m_message->showMessage(tr("Removed %1. Its keychain entry (%2) could not be removed: %3")
                                   .arg(name, provider.secretKey(), secretLeft->userMessage),
                               MessageBar::Kind::Info, secretLeft->detail);
    else
        m_message->showMessage(tr("Removed %1 and its credential.").arg(name), MessageBar::Kind::Success);
    Q_EMIT providersChanged();
    load();
}

QCoro::Task<> DnsProvidersPage::runTest(store::DnsProviderRecord provider) {
    QPointer<DnsProvidersPage> self(this);
    auto finish = [&self](bool ok, const std::optional<Error>& error, const QString& text, const QString& detail) {
        if (!self)
            return;
        self->setBusy(false);
        if (error)
            self->m_message->showError(*error);
        else
            self->m_message->showMessage(text, ok ? MessageBar::Kind::Success : MessageBar::Kind::Info, detail);
        Q_EMIT self->testFinished(ok);
    };
    if (provider.kind == QLatin1String("manual")) {
        setBusy(true);
        finish(true, std::nullopt,
               tr("%1 is a manual provider: there is nothing to test. Certdeck shows each record for you to add.")
                   .arg(provider.name),
               QString());
        co_return;
    }
    const QVariantMap settings = provider.settings.toVariantMap();
    QString zone = dns::providerZone(provider.kind, settings);
    if (zone.isEmpty() && provider.kind != QLatin1String("acme-dns")) {
        // Not pinned to a zone: ask which one to write the check record in.
        QPointer<QInputDialog> ask = new QInputDialog(this);
        ask->setObjectName(QStringLiteral("dnsProvidersZonePrompt"));
        ask->setWindowTitle(tr("Test %1").arg(provider.name));
        ask->setLabelText(tr("Which zone should the test record go in? Certdeck writes a TXT record "
                             "_certdeck-check.<zone> there and removes it again."));
        ask->setTextValue(QString());
        ask->setOkButtonText(tr("&Test"));
        auto asked = qCoro(ask.data(), &QDialog::finished);
        ask->open();
        const int answer = co_await asked;
        if (!self || !ask)
            co_return;
        ask->deleteLater();
        zone = ask->textValue().trimmed();
        if (answer != QDialog::Accepted || zone.isEmpty())
            co_return;
    }
    setBusy(true);
    m_message->showMessage(tr("Testing %1…").arg(provider.name));
    dns::ProviderCheckRequest request;
    request.type = provider.kind;
    request.settings = settings;
    request.zone = zone;
    if (dns::providerNeedsSecret(provider.kind)) {
        auto reading = storedSecret(provider);
        const Result<SecureBytes> secret = co_await reading;
        if (!self)
            co_return;
        if (!secret) {
            finish(false, secret.error(), QString(), QString());
            co_return;
        }
        request.secret = *secret;
    }
    const CancelToken cancel;
    auto checking = dns::checkProvider(request, cancel);
    const Result<dns::ProviderCheckResult> checked = co_await checking;
    if (!self)
        co_return;
    if (!checked) {
        finish(false, checked.error(), QString(), QString());
        co_return;
    }
    const QString detail = tr("Record %1 through %2").arg(checked->fqdn, checked->description);
    if (checked->outcome == dns::ProviderCheckResult::Outcome::WroteOnly)
        finish(true, std::nullopt,
               tr("Updated the acme-dns record of %1. (acme-dns has no delete: the test value is replaced by the "
                  "next two updates.)")
                   .arg(checked->zone),
               detail);
    else
        finish(true, std::nullopt, tr("Wrote and removed a TXT record in %1.").arg(checked->zone), detail);
}

} // namespace certdeck::ui
