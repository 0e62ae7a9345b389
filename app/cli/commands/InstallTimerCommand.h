// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli install-timer`: a systemd user service + timer running `renew --all` twice a day with a random delay;
/// prints a crontab line where systemd is absent.
class InstallTimerCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("install-timer"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("install the systemd user timer (or print a crontab line)");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
