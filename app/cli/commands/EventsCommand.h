// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli events`: what happened, newest first (renewals, failures, notices).
class EventsCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("events"); }
    [[nodiscard]] QString summary() const override { return QStringLiteral("show the activity log"); }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
