// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli import certbot DIR`: takes over an existing /etc/letsencrypt: lineages, keys, certificates and renewal
/// settings.
class ImportCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("import"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("import certbot lineages (keys, certificates, renewal settings)");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
