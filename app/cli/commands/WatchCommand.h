// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli watch add|list|remove HOST[:PORT]`: endpoints whose served certificate Certdeck keeps an eye on.
class WatchCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("watch"); }
    [[nodiscard]] QString summary() const override { return QStringLiteral("watch TLS endpoints: add, list, remove"); }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
