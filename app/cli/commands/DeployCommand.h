// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli deploy`: installs a certificate on servers over SSH, verifies that it is served, and
/// rolls back when not.
///   deploy NAME... | --all        a stored certificate's current version to its stored deploy targets
///                                 (workflow::deployLineage, as `renew --deploy-only`; events recorded)
///   deploy --cert FULLCHAIN --key KEY (--server NAME --preset TYPE --dir PATH [--reload ARG]...
///                                      [--config-test ARG]... [--verify-host H] ...
///                                      | --to TARGET... | --all)
///                                 files to a store server, or to the named targets of an old
///                                 servers.json (read only; see ServersFile)
/// Servers log in with their stored password or key passphrase (workflow::serverLogin).
/// Exit code 0 only when every target succeeded; one line (or JSON object) per target.
class DeployCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("deploy"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("install a certificate on servers over SSH, verified");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
