// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"
#include "core/common/Result.h"
#include "core/deploy/DeployTarget.h"
#include "core/ssh/SshTarget.h"

#include <QJsonObject>
#include <QMap>

namespace certdeck::cli {

/// `certdeck-cli server add|test|trust|list`: SSH servers for deployment and remote webroots.
///
/// Until the store lands, servers and deploy targets live in one JSON file (`--servers FILE`, default
/// `<data dir>/servers.json`):
///   {"servers": {"web1": {"host": "...", "port": 22, "user": "deploy", "identityFile": "...",
///                          "useAgent": true, "sshConfig": true}},
///    "targets": {"web1-nginx": {"server": "web1", "preset": "nginx", "directory": "/etc/ssl/x",
///                               "configTest": [...], "reload": [...], "owner": "", "group": "",
///                               "sudo": false, "verify": true, "verifyHost": "", "verifyPort": 443,
///                               "serverName": "", "verifyStartTls": "none|smtp|imap|pop3" (default:
///                               by the port)}}}
/// Certdeck's own known_hosts is `<data dir>/known_hosts`.
class ServerCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("server"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("add, trust (host key), test and list SSH servers");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

/// The servers file as read by `server` and `deploy` (see ServerCommand).
struct ServersFile {
    QString path;
    QJsonObject root;

    static Result<ServersFile> load(const QString& path);
    [[nodiscard]] Status save() const;
    /// The server `name` as an SshTarget (known_hosts files filled in from `dataDir`).
    [[nodiscard]] Result<ssh::SshTarget> server(const QString& name, const QString& dataDir) const;
    /// The deploy target `name`.
    [[nodiscard]] Result<deploy::DeployTarget> target(const QString& name, const QString& dataDir) const;
    [[nodiscard]] QStringList targetNames() const;

    static QString defaultPath(const QString& dataDir);
};

} // namespace certdeck::cli
