// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ServersPage.h"

#include "core/ssh/SshSession.h"
#include "core/store/StoreExecutor.h"
#include "core/workflow/LineageDeployment.h"
#include "ui/HostKeyDialog.h"
#include "ui/MessageBar.h"
#include "ui/PageParts.h"
#include "ui/ServerDialog.h"

#include <QCoroFuture>
#include <QCoroSignal>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <chrono>

namespace certdeck::ui {

namespace {

enum Column { NameColumn, AddressColumn, UserColumn, AuthColumn, HostKeyColumn, ColumnCount };

QString authLabel(const store::ServerRecord& s) {
    if (s.authMethod == QLatin1String("key"))
        return ServersPage::tr("Key file %1").arg(s.identityFile);
    if (s.authMethod == QLatin1String("password"))
        return ServersPage::tr("Password (in your keychain)");
    return ServersPage::tr("SSH agent");
}

bool usesSecret(const store::ServerRecord& s) {
    return s.authMethod == QLatin1String("key") || s.authMethod == QLatin1String("password");
}

} // namespace

ServersPage::ServersPage(store::StoreExecutor* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store) {
    setObjectName(QStringLiteral("serversPage"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(PageParts::heading(tr("Servers"), this));
    layout->addWidget(PageParts::subtitle(
        tr("The SSH servers Certdeck installs certificates on. Test a server once to confirm its host key."), this));

    m_stack = new QStackedWidget(this);
    QPushButton* emptyAdd = nullptr;
    m_stack->addWidget(PageParts::emptyState(
        QStringLiteral("serversEmptyState"),
        tr("No servers yet. Add the SSH server your website runs on, so Certdeck can put certificates there."),
        tr("&Add server…"), QStringLiteral("add"), m_stack, &emptyAdd));

    auto* list = new QWidget(m_stack);
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_table = PageParts::table(QStringLiteral("serversTable"), tr("Servers"),
                               {tr("Name"), tr("Address"), tr("User"), tr("Sign-in"), tr("Trusted host key")}, list);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    listLayout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    m_add = PageParts::button(tr("&Add…"), QStringLiteral("serversAdd"), QStringLiteral("add"), list);
    m_edit = PageParts::button(tr("&Edit…"), QStringLiteral("serversEdit"), QString(), list);
    m_remove = PageParts::button(tr("&Remove…"), QStringLiteral("serversRemove"), QString(), list);
    m_test = PageParts::button(tr("&Test connection"), QStringLiteral("serversTest"), QStringLiteral("server"), list);
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_test);
    listLayout->addLayout(buttons);
    m_stack->addWidget(list);
    layout->addWidget(m_stack, 1);

    m_message = new MessageBar(QStringLiteral("serversMessage"), this);
    layout->addWidget(m_message);

    connect(emptyAdd, &QPushButton::clicked, this, &ServersPage::addServer);
    connect(m_add, &QPushButton::clicked, this, &ServersPage::addServer);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (auto s = selected())
            runAdd(s);
    });
    connect(m_table, &QTableWidget::itemDoubleClicked, this, [this] {
        if (auto s = selected(); s && !m_busy)
            runAdd(s);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (auto s = selected())
            runRemove(*s);
    });
    connect(m_test, &QPushButton::clicked, this, [this] {
        if (auto s = selected())
            testServer(s->name);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ServersPage::updateButtons);
    setTabOrder(m_table, m_add);
    setTabOrder(m_add, m_edit);
    setTabOrder(m_edit, m_remove);
    setTabOrder(m_remove, m_test);
    updateButtons();
}

void ServersPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload();
}

void ServersPage::reload() {
    load();
}

void ServersPage::addServer() {
    if (!m_busy)
        runAdd(std::nullopt);
}

void ServersPage::testServer(const QString& name) {
    if (m_busy)
        return;
    for (const store::ServerRecord& s : std::as_const(m_servers))
        if (s.name == name) {
            runTest(s);
            return;
        }
}

std::optional<store::ServerRecord> ServersPage::selected() const {
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    if (items.isEmpty())
        return std::nullopt;
    const QString name = m_table->item(items.first()->row(), NameColumn)->text();
    for (const store::ServerRecord& s : m_servers)
        if (s.name == name)
            return s;
    return std::nullopt;
}

void ServersPage::updateButtons() {
    const bool any = !m_table->selectedItems().isEmpty();
    m_add->setEnabled(!m_busy);
    m_edit->setEnabled(any && !m_busy);
    m_remove->setEnabled(any && !m_busy);
    m_test->setEnabled(any && !m_busy);
}

void ServersPage::setBusy(bool busy) {
    m_busy = busy;
    updateButtons();
}

QCoro::Task<> ServersPage::load() {
    QPointer<ServersPage> self(this);
    auto job = m_store->run([](store::Store& s) { return s.servers().all(); });
    const Result<QList<store::ServerRecord>> all = co_await job;
    if (!self)
        co_return;
    if (!all) {
        m_message->showError(all.error());
        co_return;
    }
    const QString keep = selected() ? selected()->name : QString();
    m_servers = *all;
    m_table->setSortingEnabled(false);
    m_table->setRowCount(static_cast<int>(m_servers.size()));
    for (int row = 0; row < m_servers.size(); ++row) {
        const store::ServerRecord& s = m_servers.at(row);
        const QString address = s.port == 22 ? s.host : QStringLiteral("%1:%2").arg(s.host).arg(s.port);
        const QStringList cells{s.name, address, s.userName.isEmpty() ? tr("(default)") : s.userName, authLabel(s),
                                s.hostKeyFingerprint.isEmpty() ? tr("not confirmed yet") : s.hostKeyFingerprint};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c == HostKeyColumn && s.hostKeyFingerprint.isEmpty())
                item->setForeground(palette().brush(QPalette::PlaceholderText));
            m_table->setItem(row, c, item);
        }
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, NameColumn)->text() == keep)
            m_table->selectRow(row);
    if (m_table->selectedItems().isEmpty() && m_table->rowCount() > 0)
        m_table->selectRow(0);
    m_stack->setCurrentIndex(m_servers.isEmpty() ? 0 : 1);
    updateButtons();
    Q_EMIT serversLoaded();
}

QCoro::Task<Result<store::Secrets>> ServersPage::secrets() {
    auto job = m_store->run([](store::Store& s) { return Result<store::Secrets>(s.secrets()); });
    auto r = co_await job;
    co_return r;
}

QCoro::Task<Status> ServersPage::save(store::ServerRecord record, std::optional<SecureBytes> secret, bool dropSecret) {
    QPointer<ServersPage> self(this);
    // The secret first: a server row whose password never reached the keychain would fail later with
    // a confusing login error.
    if (secret || dropSecret) {
        auto secretsTask = secrets();
        auto backend = co_await secretsTask;
        if (!backend)
            co_return backend.error();
        if (!self)
            co_return Error(ErrorCode::Cancelled, tr("The window was closed."));
        const QString key = record.secretKey();
        if (secret) {
            auto writing = backend->write(key, *secret);
            if (auto w = co_await writing; !w)
                co_return w.error().withContext(tr("Storing the password of %1 in the keychain").arg(record.name));
        } else {
            // Switching to the agent: an entry that cannot be removed only lingers, it is never used.
            auto removing = backend->remove(key);
            const Status removed = co_await removing;
            Q_UNUSED(removed)
        }
        if (!self)
            co_return Error(ErrorCode::Cancelled, tr("The window was closed."));
    }
    auto job = m_store->run([record](store::Store& s) { return s.servers().save(record); });
    const Result<qint64> saved = co_await job;
    if (!saved)
        co_return saved.error();
    co_return Status();
}

QCoro::Task<> ServersPage::runAdd(std::optional<store::ServerRecord> existing) {
    QPointer<ServersPage> self(this);
    QPointer<ServerDialog> dialog = new ServerDialog(existing, this);
    auto finished = qCoro(dialog.data(), &QDialog::finished);
    dialog->open();
    const int result = co_await finished;
    if (!self || !dialog)
        co_return;
    dialog->deleteLater();
    if (result != QDialog::Accepted)
        co_return;
    store::ServerRecord record = dialog->record();
    const std::optional<SecureBytes> secret = dialog->secret();
    const bool dropSecret = existing && usesSecret(*existing) && dialog->secretNoLongerNeeded();
    if (!existing) {
        for (const store::ServerRecord& s : std::as_const(m_servers))
            if (s.name == record.name) {
                m_message->showError(
                    Error(ErrorCode::InvalidInput,
                          tr("There is already a server named %1: choose another name, or edit it.").arg(record.name)));
                co_return;
            }
    }
    // A different address is a different machine: its host key must be confirmed again.
    if (existing && (existing->host != record.host || existing->port != record.port))
        record.hostKeyFingerprint.clear();
    setBusy(true);
    auto saving = save(record, secret, dropSecret);
    const Status saved = co_await saving;
    if (!self)
        co_return;
    setBusy(false);
    if (!saved) {
        m_message->showError(saved.error());
        co_return;
    }
    m_message->showMessage(existing ? tr("Saved %1.").arg(record.name)
                                    : tr("Added %1. Test it to confirm its host key.").arg(record.name),
                           MessageBar::Kind::Success);
    Q_EMIT serversChanged();
    auto reloading = load();
    co_await reloading;
    if (!self)
        co_return;
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, NameColumn)->text() == record.name)
            m_table->selectRow(row);
}

QCoro::Task<> ServersPage::runRemove(store::ServerRecord server) {
    QPointer<ServersPage> self(this);
    QPointer<QMessageBox> box = new QMessageBox(QMessageBox::Warning, tr("Remove %1?").arg(server.name),
                                                tr("Remove the server %1 (%2) from Certdeck? Certificates already on "
                                                   "it stay there; deploy targets naming it stop working.")
                                                    .arg(server.name, server.host),
                                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("serversRemoveConfirm"));
    QPushButton* yes = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("serversRemoveConfirmYes"));
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
    if (usesSecret(server)) {
        auto secretsTask = secrets();
        auto backend = co_await secretsTask;
        if (!self)
            co_return;
        if (backend) {
            const QString key = server.secretKey();
            auto removing = backend->remove(key);
            const Status removed = co_await removing;
            if (!self)
                co_return;
            if (!removed)
                secretLeft = removed.error();
        }
    }
    const QString name = server.name;
    auto job = m_store->run([name](store::Store& s) { return s.servers().remove(name); });
    const Status removed = co_await job;
    if (!self)
        co_return;
    setBusy(false);
    if (!removed)
        m_message->showError(removed.error());
    else if (secretLeft)
        m_message->showMessage(tr("Removed %1. Its keychain entry (%2) could not be removed: %3")
                                   .arg(name, server.secretKey(), secretLeft->userMessage),
                               MessageBar::Kind::Info, secretLeft->detail);
    else
        m_message->showMessage(tr("Removed %1.").arg(name), MessageBar::Kind::Success);
    Q_EMIT serversChanged();
    load();
}

QCoro::Task<> ServersPage::runTest(store::ServerRecord server) {
    QPointer<ServersPage> self(this);
    setBusy(true);
    m_message->showMessage(tr("Connecting to %1…").arg(server.name));
    const ssh::SshTarget target = workflow::sshTargetFor(server, m_store->dataDir());
    bool ok = false;
    auto finish = [&self, &ok](const std::optional<Error>& error, const QString& text) {
        if (!self)
            return;
        self->setBusy(false);
        if (error)
            self->m_message->showError(*error);
        else
            self->m_message->showMessage(text, ok ? MessageBar::Kind::Success : MessageBar::Kind::Info);
        Q_EMIT self->testFinished(ok);
    };

    // 1. The host key, before anything is sent: probeHostKey never logs in and never writes.
    auto probeTask = ssh::SshSession::probeHostKey(target);
    const Result<ssh::HostKeyInfo> probe = co_await probeTask;
    if (!self)
        co_return;
    if (!probe) {
        finish(probe.error(), QString());
        co_return;
    }
    const QString fingerprint = probe->fingerprint;
    if (probe->status != ssh::HostKeyStatus::Known) {
        QPointer<HostKeyDialog> dialog = new HostKeyDialog(*probe, server.name, server.hostKeyFingerprint, this);
        auto finished = qCoro(dialog.data(), &QDialog::finished);
        dialog->open();
        const int decision = co_await finished;
        if (!self)
            co_return;
        if (dialog)
            dialog->deleteLater();
        if (decision != HostKeyDialog::Trust && decision != HostKeyDialog::Replace) {
            finish(std::nullopt,
                   probe->status == ssh::HostKeyStatus::Changed
                       ? tr("Stopped: the host key of %1 changed and nothing was trusted. Certdeck "
                            "will not connect until the new key is confirmed.")
                             .arg(server.name)
                       : tr("Not trusted: nothing was recorded and Certdeck did not log in to %1.").arg(server.name));
            co_return;
        }
        // trustHostKey connects again and records the key only if it still has exactly this fingerprint.
        const bool replace = decision == HostKeyDialog::Replace;
        auto trustTask = ssh::SshSession::trustHostKey(target, fingerprint, replace);
        const Result<ssh::HostKeyInfo> trusted = co_await trustTask;
        if (!self)
            co_return;
        if (!trusted) {
            finish(trusted.error(), QString());
            co_return;
        }
    }
    if (server.hostKeyFingerprint != fingerprint) {
        server.hostKeyFingerprint = fingerprint;
        const store::ServerRecord updated = server;
        auto job = m_store->run([updated](store::Store& s) { return s.servers().save(updated); });
        const Result<qint64> saved = co_await job;
        if (!self)
            co_return;
        if (!saved) {
            finish(saved.error(), QString());
            co_return;
        }
        Q_EMIT serversChanged();
        load();
    }

    // 2. The secret, when the server signs in with one.
    ssh::AuthOptions auth;
    // A key file usually has no passphrase: then a keychain that cannot be read is no reason to stop (an
    // encrypted key without its passphrase fails the login with a message saying so).
    const bool needSecret = server.authMethod == QLatin1String("password");
    if (usesSecret(server)) {
        auto secretsTask = secrets();
        auto backend = co_await secretsTask;
        if (!self)
            co_return;
        if (!backend) {
            finish(backend.error(), QString());
            co_return;
        }
        const QString key = server.secretKey();
        auto reading = backend->read(key);
        const Result<SecureBytes> secret = co_await reading;
        if (!self)
            co_return;
        if (secret) {
            if (server.authMethod == QLatin1String("password")) {
                auth.password = *secret;
            } else {
                const SecureBytes passphrase = *secret;
                auth.passphrase = [passphrase](const QString&) {
                    return std::optional<SecureBytes>(passphrase);
                };
            }
        } else if (needSecret) {
            finish(secret.error().code == ErrorCode::NotFound
                       ? Error(ErrorCode::NotFound,
                               tr("No password for %1 is in your keychain: edit the server and enter it again.")
                                   .arg(server.name))
                       : secret.error(),
                   QString());
            co_return;
        }
    }

    // 3. Log in and run a harmless command, as a deployment would.
    auto connectTask = ssh::SshSession::connect(target, auth);
    const Result<std::shared_ptr<ssh::SshSession>> session = co_await connectTask;
    if (!self)
        co_return;
    if (!session) {
        finish(session.error(), QString());
        co_return;
    }
    const ssh::RemoteCommand whoami({"id", "-un"});
    const std::chrono::seconds timeout(30);
    const CancelToken cancel;
    auto runTask = (*session)->run(whoami, timeout, cancel);
    const Result<ssh::CommandResult> ran = co_await runTask;
    auto bye = (*session)->disconnect();
    co_await bye;
    if (!self)
        co_return;
    if (!ran) {
        finish(ran.error(), QString());
        co_return;
    }
    const QString remoteUser = ran->succeeded() ? QString::fromUtf8(ran->stdOut.trimmed()).left(64) : QString();
    ok = true;
    finish(std::nullopt,
           remoteUser.isEmpty()
               ? tr("Connected to %1 as %2; host key trusted. Remote commands do not run for this "
                    "account, so reloading a web server after a deployment will fail.")
                     .arg(server.name, (*session)->user())
               : tr("Connected to %1 as %2; host key trusted (%3).").arg(server.name, remoteUser, fingerprint));
}

} // namespace certdeck::ui
