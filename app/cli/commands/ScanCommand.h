// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli scan [HOST[:PORT]…]`: what TLS servers serve (certificate, expiry, chain, trust),
/// including certificates Certdeck did not issue. Without arguments: every watched endpoint, with the
/// results kept in the store.
class ScanCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("scan"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("look at what TLS servers serve (watched ones without arguments)");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
