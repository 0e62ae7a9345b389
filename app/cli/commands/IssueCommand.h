// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli issue`: one certificate from an ACME CA, written as PEM files into --out.
class IssueCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("issue"); }
    [[nodiscard]] QString summary() const override { return QStringLiteral("get a certificate from an ACME CA"); }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
