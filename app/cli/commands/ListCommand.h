// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli list`: every certificate in the store with its expiry and renewal status.
class ListCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("list"); }
    [[nodiscard]] QString summary() const override { return QStringLiteral("list the certificates Certdeck keeps"); }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
