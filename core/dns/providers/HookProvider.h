// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dns/providers/DnsProvider.h"

#include <QStringList>

#include <chrono>

namespace certdeck::dns {

struct HookOptions {
    /// The program to run (absolute path recommended) and its fixed arguments. Never a shell string:
    /// it is started directly (QProcess argv), nothing is interpolated into a command line.
    QString program;
    QStringList arguments;
    /// One run may take this long; then it is killed and the step fails.
    std::chrono::milliseconds timeout = std::chrono::minutes(2);
};

/// dns-01 through a user's own program (like lego's `exec` provider). The program is run once to
/// publish and once to withdraw a record, with these environment variables:
///
///   CERTDECK_ACTION  "present" or "cleanup"
///   CERTDECK_FQDN    the TXT record's name, absolute with trailing dot ("_acme-challenge.example.com.")
///   CERTDECK_VALUE   the exact TXT value
///   CERTDECK_DOMAIN  the name being validated ("example.com", "*.example.com")
///   CERTDECK_TOKEN   the ACME challenge token (may be empty)
///   CERTDECK_TTL     the TTL to use, in seconds
///
/// Exit status 0 means done; anything else fails the step, with the last 4 KiB of its output (stdout
/// and stderr) in the error's detail. The program inherits Certdeck's environment otherwise.
class HookProvider final : public DnsProvider {
public:
    explicit HookProvider(HookOptions options);

    [[nodiscard]] QString type() const override { return QStringLiteral("hook"); }
    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> addTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;
    QCoro::Task<Status> removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;

    /// Runs the program for `action` on `record` (what addTxt / removeTxt do).
    static QCoro::Task<Status> runHook(HookOptions options, QString action, TxtRecord record, CancelToken cancel);

private:
    HookOptions m_options;
};

} // namespace certdeck::dns
