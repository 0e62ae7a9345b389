// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli show NAME`: one certificate's settings, files, history and recent events.
class ShowCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("show"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("show one certificate: settings, files, history");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
