// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli renew [NAME | --all] [--dry-run] [--force]`: what the timer runs twice a day.
class RenewCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("renew"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("renew certificates that are due (the timer runs this)");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
