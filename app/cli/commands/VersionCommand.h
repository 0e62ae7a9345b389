// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

class VersionCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("version"); }
    [[nodiscard]] QString summary() const override { return QStringLiteral("print the version and the libraries in use"); }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
