// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

namespace certdeck::cli {

/// `certdeck-cli notify add|list|remove|test`: where renewals, failures, expiry warnings and failed
/// deployments are reported (used by `renew` and the timer).
///   notify add NAME --webhook URL [--format json|ntfy|slack|discord]
///   notify add NAME --smtp-host HOST [--smtp-port 587] [--security starttls|tls|none] --from ADDR
///                   --to ADDR... [--user USER --password-file FILE] [--ca-file PEM]
///   notify list | notify remove NAME | notify test [NAME]
///   notify settings [--warn-days N]   the first expiry notice, N days before expiry (store setting
///                                     notifications/firstExpiryNoticeDays, shared with the app)
/// The webhook URL and the SMTP password go to the keychain (or the chosen secrets file), never to
/// the database.
class NotifyCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("notify"); }
    [[nodiscard]] QString summary() const override {
        return QStringLiteral("notification targets (webhook, e-mail): add, list, remove, test; settings");
    }
    QCoro::Task<int> run(CliContext& ctx) override;
};

} // namespace certdeck::cli
