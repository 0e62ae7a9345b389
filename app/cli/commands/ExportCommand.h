// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli export NAME --pkcs12 FILE | --pem DIR`: the live certificate and key for another tool.
class ExportCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("export"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("export a certificate as PKCS#12 or PEM files");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
