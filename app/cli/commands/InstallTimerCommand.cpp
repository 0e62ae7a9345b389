// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/InstallTimerCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/workflow/UnattendedRenewal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace certdeck::cli {

QCoro::Task<int> InstallTimerCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    const QCommandLineOption unitDir(QStringLiteral("unit-dir"),
                                     QStringLiteral("Where to write the units (default ~/.config/systemd/user)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption noEnable(QStringLiteral("no-enable"),
                                      QStringLiteral("Write the units but do not run systemctl --user enable --now."));
    const QCommandLineOption cron(QStringLiteral("cron"),
                                  QStringLiteral("Print a crontab line instead of using systemd."));
    p.addOptions({unitDir, noEnable, cron});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;

    const QString program = QFileInfo(QCoreApplication::applicationFilePath()).absoluteFilePath();
    const QString dataDir = QDir(dataDirFor(ctx)).absolutePath();
    const bool systemd = workflow::UnattendedRenewal::systemdRunning();
    if (p.isSet(cron) || (!systemd && !p.isSet(unitDir))) {
        const QString line = workflow::UnattendedRenewal::crontabLine(program, dataDir);
        if (ctx.json) {
            printJson(ctx, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("crontab"), line}});
        } else {
            if (!systemd)
                *ctx.err << "systemd is not running here; add this line with 'crontab -e':\n";
            *ctx.out << line << '\n';
        }
        co_return 0;
    }

    workflow::UnattendedRenewal::Setup setup;
    setup.program = program;
    setup.dataDir = dataDir;
    setup.unitDir = p.isSet(unitDir) ? p.value(unitDir) : QString();
    setup.enable = !p.isSet(noEnable) && !p.isSet(unitDir);
    const auto installed = workflow::UnattendedRenewal::install(setup);
    if (!installed)
        co_return reportError(ctx, installed.error());
    const QString dir = installed->unitDir;
    const bool enabled = installed->enabled;
    if (ctx.json) {
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), true},
                                   {QStringLiteral("unitDir"), dir},
                                   {QStringLiteral("enabled"), enabled}});
    } else {
        *ctx.out << "Wrote " << dir << "/certdeck-renew.service and certdeck-renew.timer\n";
        *ctx.out << (enabled ? "The timer is enabled: renewals are checked twice a day.\n"
                             : "Enable it with: systemctl --user enable --now certdeck-renew.timer\n");
    }
    co_return 0;
}

} // namespace certdeck::cli
