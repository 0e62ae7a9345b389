// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli revoke --cert FILE`: revoke with the account key, or with the certificate's own key.
class RevokeCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("revoke"); }
    [[nodiscard]] QString summary() const override { return QStringLiteral("revoke a certificate"); }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
