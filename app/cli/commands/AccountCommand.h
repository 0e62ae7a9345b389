// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli account register|show|rollover|deactivate`.
class AccountCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("account"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("register, show, change the key of, or deactivate an ACME account");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
