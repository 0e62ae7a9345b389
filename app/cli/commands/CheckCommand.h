// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli check NAME… [--server-ip IP] [--ca URL] [--method http-01|dns-01] [--json]
/// [--dns-server ADDR:PORT]`: the DNS preflight (dns::Preflight) before ordering. Exit code 0 when
/// nothing blocks issuance (warnings included), 5 when a blocker was found.
class CheckCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("check"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("check names' DNS (addresses, CNAME, CAA, method) before ordering");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
