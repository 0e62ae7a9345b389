// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli dns-provider add|list|remove|test`: DNS providers for dns-01. Settings go to the
/// store, the credential to the keychain (the secrets store), never to a config file.
class DnsProviderCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("dns-provider"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("add, list, test or remove a DNS provider for dns-01");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
