// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"
#include "core/common/Result.h"
#include "core/deploy/DeployTarget.h"
#include "core/store/Store.h"

#include <QJsonObject>
#include <QTextStream>

namespace certdeck::cli {

/// `certdeck-cli server add|list|trust|test|remove`: the SSH servers certificates are deployed to and
/// remote webroots live on — the store's servers (store::ServerRecord), the same rows the desktop
/// app's Servers screen shows. A password or key passphrase goes only to the store's Secrets under
/// ServerRecord::secretKey() ("server/NAME", as ui::ServersPage stores it), from stdin
/// (--password-stdin) or a prompt without echo, never from an argument. `trust` records the confirmed
/// host key in Certdeck's `<data dir>/known_hosts` and on the server's row.
class ServerCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("server"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("add, trust (host key), test, list and remove SSH servers");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

/// The servers file earlier versions kept (`<data dir>/servers.json`), read-only:
///   {"servers": {"web1": {"host": "...", "port": 22, "user": "deploy", "identityFile": "...",
///                          "useAgent": true, "sshConfig": true}},
///    "targets": {"web1-nginx": {"server": "web1", "preset": "nginx", "directory": "/etc/ssl/x", ...}}}
/// Its servers are imported into the store once (importServersFile); its targets name no
/// certificate, so `deploy --cert --key --to TARGET` keeps reading them from here. Never written.
struct ServersFile {
    QString path;
    QJsonObject root;

    /// An absent file is an empty one.
    static Result<ServersFile> load(const QString& path);
    [[nodiscard]] QJsonObject servers() const { return root.value(QStringLiteral("servers")).toObject(); }
    /// The target `name`, its server resolved in `store` (imported from this file before).
    [[nodiscard]] Result<deploy::DeployTarget> target(const QString& name, store::Store& store) const;
    [[nodiscard]] QStringList targetNames() const;

    static QString defaultPath(const QString& dataDir);
};

/// The one-time migration of `<data dir>/servers.json`: on first use its servers are copied into the
/// store (a name the store already has is kept as stored), without any secret (that file never held
/// one), and `<data dir>/servers.json.imported` records that it happened so a server removed later
/// does not come back. Says what it imported on `err`. Does nothing without the file or after the
/// marker. The servers file itself is left as it was.
Status importServersFile(store::Store& store, QTextStream& err);

} // namespace certdeck::cli
