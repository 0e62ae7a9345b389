// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ServersPage.h"

#include "core/ssh/SshSession.h"
#include "core/store/StoreExecutor.h"
#include "core/workflow/LineageDeployment.h"
#include "core/workflow/ServerLogin.h"
#include "ui/MessageBar.h"
#include "ui/ServerDialog.h"
#include "ui/ServerStore.h"

#include <QCoroFuture>
#include <QPointer>

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
    : RecordListPageOf(
          Setup{QStringLiteral("serversPage"),
                QStringLiteral("servers"),
                tr("Servers"),
                tr("The SSH servers Certdeck installs certificates on. Test a server once to confirm its host key."),
                tr("No servers yet. Add the SSH server your website runs on, so Certdeck can put certificates there."),
                tr("&Add server…"),
                tr("Servers"),
                {tr("Name"), tr("Address"), tr("User"), tr("Sign-in"), tr("Trusted host key")},
                tr("&Test connection"),
                QStringLiteral("server"),
                QString()},
          [](store::Store& s) { return s.servers().all(); }, store, parent) {
    connect(this, &RecordListPage::recordsLoaded, this, &ServersPage::serversLoaded);
    connect(this, &RecordListPage::recordsChanged, this, &ServersPage::serversChanged);
}

RecordListPage::Row ServersPage::rowFor(const store::ServerRecord& s) const {
    const QString address = s.port == 22 ? s.host : QStringLiteral("%1:%2").arg(s.host).arg(s.port);
    return Row{{s.name, address, s.userName.isEmpty() ? tr("(default)") : s.userName, authLabel(s),
                s.hostKeyFingerprint.isEmpty() ? tr("not confirmed yet") : s.hostKeyFingerprint},
               s.hostKeyFingerprint.isEmpty() ? static_cast<int>(HostKeyColumn) : -1};
}

RecordListPage::Removal ServersPage::removalOf(const store::ServerRecord& server) const {
    Removal removal;
    removal.name = server.name;
    removal.title = tr("Remove %1?").arg(server.name);
    removal.question = tr("Remove the server %1 (%2) from Certdeck? Certificates already on "
                          "it stay there; deploy targets naming it stop working.")
                           .arg(server.name, server.host);
    removal.secretKey = usesSecret(server) ? server.secretKey() : QString();
    removal.remove = [name = server.name](store::Store& s) {
        return s.servers().remove(name);
    };
    removal.removedText = tr("Removed %1.").arg(server.name);
    return removal;
}

QCoro::Task<> ServersPage::runAdd(std::optional<store::ServerRecord> existing) {
    QPointer<ServersPage> self(this);
    QPointer<ServerDialog> dialog = new ServerDialog(existing, this);
    auto asking = accepted(dialog.data());
    if (const bool ok = co_await asking; !ok)
        co_return;
    store::ServerRecord record = dialog->record();
    const std::optional<SecureBytes> secret = dialog->secret();
    const bool dropSecret = existing && usesSecret(*existing) && dialog->secretNoLongerNeeded();
    if (nameTaken(existing, record.name,
                  tr("There is already a server named %1: choose another name, or edit it.").arg(record.name)))
        co_return;
    // A different address is a different machine: its host key must be confirmed again.
    if (existing && (existing->host != record.host || existing->port != record.port))
        record.hostKeyFingerprint.clear();
    setBusy(true);
    // The secret first, then the row (ServerStore): switching to the agent removes the stored one.
    auto saving = ServerStore::save(executor(), record, secret, dropSecret);
    const Status saved = co_await saving;
    if (!self)
        co_return;
    setBusy(false);
    if (!saved) {
        message()->showError(saved.error());
        co_return;
    }
    const QString text =
        existing ? tr("Saved %1.").arg(record.name) : tr("Added %1. Test it to confirm its host key.").arg(record.name);
    auto showing = showSaved(record.name, text);
    co_await showing;
}

QCoro::Task<> ServersPage::runTest(store::ServerRecord server) {
    QPointer<ServersPage> self(this);
    setBusy(true);
    message()->showMessage(tr("Connecting to %1…").arg(server.name));
    const ssh::SshTarget target = workflow::sshTargetFor(server, executor()->dataDir());

    // 1. The host key, before anything is sent: asked once, recorded in known_hosts and on the row.
    const QPointer<QWidget> parent(this);
    auto confirming = ServerStore::checkHostKey(parent, executor(), server);
    auto hostKey = co_await confirming;
    if (!self)
        co_return;
    if (!hostKey) {
        finishTest(false, hostKey.error(), QString());
        co_return;
    }
    if (!hostKey->trusted) {
        finishTest(false, std::nullopt,
                   hostKey->changed
                       ? tr("Stopped: the host key of %1 changed and nothing was trusted. Certdeck "
                            "will not connect until the new key is confirmed.")
                             .arg(server.name)
                       : tr("Not trusted: nothing was recorded and Certdeck did not log in to %1.").arg(server.name));
        co_return;
    }
    const QString fingerprint = hostKey->fingerprint;
    if (hostKey->rowUpdated) {
        Q_EMIT recordsChanged();
        load();
    }

    // 2. The password or key passphrase from the keychain: the same login deployments and renewals use.
    ssh::AuthOptions auth;
    if (usesSecret(server)) {
        auto secretsTask = secrets();
        auto backend = co_await secretsTask;
        if (!self)
            co_return;
        if (backend) {
            auto login = workflow::serverLogin(*backend, server);
            auto loginAuth = co_await login;
            if (!self)
                co_return;
            if (!loginAuth) {
                finishTest(false,
                           loginAuth.error().code == ErrorCode::NotFound
                               ? Error(ErrorCode::NotFound,
                                       tr("No password for %1 is in your keychain: edit the server and enter it again.")
                                           .arg(server.name))
                               : loginAuth.error(),
                           QString());
                co_return;
            }
            auth = *loginAuth;
        } else if (server.authMethod == QLatin1String("password")) {
            // A key file usually has no passphrase: then a keychain that cannot be opened is no reason to
            // stop (an encrypted key without its passphrase fails the login with a message saying so).
            finishTest(false, backend.error(), QString());
            co_return;
        }
    }

    // 3. Log in and run a harmless command, as a deployment would.
    auto connectTask = ssh::SshSession::connect(target, auth);
    const Result<std::shared_ptr<ssh::SshSession>> session = co_await connectTask;
    if (!self)
        co_return;
    if (!session) {
        finishTest(false, session.error(), QString());
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
        finishTest(false, ran.error(), QString());
        co_return;
    }
    const QString remoteUser = ran->succeeded() ? QString::fromUtf8(ran->stdOut.trimmed()).left(64) : QString();
    finishTest(true, std::nullopt,
               remoteUser.isEmpty()
                   ? tr("Connected to %1 as %2; host key trusted. Remote commands do not run for this "
                        "account, so reloading a web server after a deployment will fail.")
                         .arg(server.name, (*session)->user())
                   : tr("Connected to %1 as %2; host key trusted (%3).").arg(server.name, remoteUser, fingerprint));
}

} // namespace certdeck::ui
