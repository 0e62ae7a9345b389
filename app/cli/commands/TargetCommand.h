// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli target add|list|remove CERT`: where a certificate is deployed after each renewal.
///   target add CERT --server S --preset nginx --dir /etc/ssl/site [--reload ARG]... [--config-test ARG]...
///              [--file fullchain=/abs/path]... [--verify-host H] [--verify-port N] [--server-name SNI]
///              [--no-verify] [--sudo] [--owner U] [--group G] [--name TARGET]
///   target list CERT
///   target remove CERT TARGET
/// The server is one of the store's servers (`certdeck-cli server add` or the app's Servers screen;
/// an old servers.json is imported first, see importServersFile).
/// The target is validated (DeployTarget::validate) before it is saved on the lineage.
class TargetCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("target"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("deploy targets of a certificate (used after every renewal): add, list, remove");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
