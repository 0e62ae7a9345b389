// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ServerStore.h"

#include "core/ssh/SshSession.h"
#include "core/store/StoreExecutor.h"
#include "core/workflow/LineageDeployment.h"
#include "ui/HostKeyDialog.h"

#include <QCoroFuture>
#include <QCoroSignal>
#include <QObject>

namespace certdeck::ui::ServerStore {

QCoro::Task<Status> save(store::StoreExecutor* store, store::ServerRecord record, std::optional<SecureBytes> secret,
                         bool dropSecret) {
    if (secret || dropSecret) {
        auto secretsJob = store->run([](store::Store& s) { return Result<store::Secrets>(s.secrets()); });
        const Result<store::Secrets> secrets = co_await secretsJob;
        if (!secrets)
            co_return secrets.error();
        const QString key = record.secretKey();
        if (secret) {
            const SecureBytes value = *secret;
            auto writing = secrets->write(key, value);
            const Status written = co_await writing;
            if (!written)
                co_return written.error().withContext(
                    QObject::tr("Storing the password of %1 in the keychain").arg(record.name));
        } else {
            auto removing = secrets->remove(key);
            const Status removed = co_await removing;
            Q_UNUSED(removed) // an entry nothing reads any more may linger
        }
    }
    auto job = store->run([record](store::Store& s) { return s.servers().save(record); });
    const Result<qint64> saved = co_await job;
    if (!saved)
        co_return saved.error();
    co_return Status();
}

QCoro::Task<Result<HostKeyCheck>> checkHostKey(QPointer<QWidget> parent, store::StoreExecutor* store,
                                               store::ServerRecord server) {
    const ssh::SshTarget target = workflow::sshTargetFor(server, store->dataDir());
    // probeHostKey never logs in and never writes: nothing is sent before the key is confirmed.
    auto probeTask = ssh::SshSession::probeHostKey(target);
    const Result<ssh::HostKeyInfo> probe = co_await probeTask;
    if (!parent)
        co_return Error(ErrorCode::Cancelled, QObject::tr("The window was closed."));
    if (!probe)
        co_return probe.error();
    HostKeyCheck check;
    check.fingerprint = probe->fingerprint;
    check.changed = probe->status == ssh::HostKeyStatus::Changed;
    if (probe->status != ssh::HostKeyStatus::Known) {
        QPointer<HostKeyDialog> dialog = new HostKeyDialog(*probe, server.name, server.hostKeyFingerprint, parent);
        auto finished = qCoro(dialog.data(), &QDialog::finished);
        dialog->open();
        const int decision = co_await finished;
        if (dialog)
            dialog->deleteLater();
        if (!parent)
            co_return Error(ErrorCode::Cancelled, QObject::tr("The window was closed."));
        if (decision != HostKeyDialog::Trust && decision != HostKeyDialog::Replace)
            co_return check;
        // trustHostKey connects again and records the key only if it still has exactly this fingerprint.
        const bool replace = decision == HostKeyDialog::Replace;
        const QString fingerprint = check.fingerprint;
        auto trustTask = ssh::SshSession::trustHostKey(target, fingerprint, replace);
        const Result<ssh::HostKeyInfo> trusted = co_await trustTask;
        if (!trusted)
            co_return trusted.error();
    }
    check.trusted = true;
    if (server.hostKeyFingerprint != check.fingerprint) {
        server.hostKeyFingerprint = check.fingerprint;
        const store::ServerRecord updated = server;
        auto job = store->run([updated](store::Store& s) { return s.servers().save(updated); });
        const Result<qint64> saved = co_await job;
        if (!saved)
            co_return saved.error();
        check.rowUpdated = true;
    }
    co_return check;
}

QCoro::Task<Result<bool>> confirmHostKey(QPointer<QWidget> parent, store::StoreExecutor* store,
                                         store::ServerRecord server) {
    auto checking = checkHostKey(parent, store, server);
    auto check = co_await checking;
    if (!check)
        co_return check.error();
    co_return check->trusted;
}

} // namespace certdeck::ui::ServerStore
