// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli deploy --cert FULLCHAIN --key KEY --to TARGET...`: installs a certificate on servers
/// over SSH (targets from the servers file, see ServerCommand, or one given by flags: --server NAME
/// --preset nginx --dir /etc/ssl/site), verifies that it is served, and rolls back when not.
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
