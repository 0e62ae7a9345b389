// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/InstallTimerCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/common/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace certdeck::cli {

namespace {

/// One argument for a systemd ExecStart= line (systemd.service(5) "Command lines"): double-quoted,
/// with backslash, quote, '$' and '%' escaped so nothing is expanded.
QString systemdQuote(const QString& arg) {
    QString s = arg;
    s.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    s.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    s.replace(QLatin1Char('$'), QStringLiteral("$$"));
    s.replace(QLatin1Char('%'), QStringLiteral("%%"));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

/// One argument for a crontab line run by /bin/sh: single-quoted; '%' is special to cron.
QString shellQuote(const QString& arg) {
    QString s = arg;
    s.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    s.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

} // namespace

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
    const bool systemd = QFileInfo::exists(QStringLiteral("/run/systemd/system"));
    if (p.isSet(cron) || (!systemd && !p.isSet(unitDir))) {
        // Twice a day at a random minute, like the timer's randomized delay: not everyone at :00.
        const int minute = static_cast<int>(QRandomGenerator::global()->bounded(60));
        const int hour = static_cast<int>(QRandomGenerator::global()->bounded(12));
        const QString line = QStringLiteral("%1 %2,%3 * * * %4 --data-dir %5 renew --all")
                                 .arg(minute)
                                 .arg(hour)
                                 .arg(hour + 12)
                                 .arg(shellQuote(program), shellQuote(dataDir));
        if (ctx.json) {
            printJson(ctx, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("crontab"), line}});
        } else {
            if (!systemd)
                *ctx.err << "systemd is not running here; add this line with 'crontab -e':\n";
            *ctx.out << line << '\n';
        }
        co_return 0;
    }

    const QString dir = p.isSet(unitDir) ? p.value(unitDir)
                                         : QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                                               QStringLiteral("/systemd/user");
    if (!QDir().mkpath(dir))
        co_return reportError(ctx, Error(ErrorCode::Permission, QObject::tr("Cannot create %1.").arg(dir)));
    // The same units as installer/systemd/, with this program and data folder filled in.
    const QString service =
        QStringLiteral("[Unit]\nDescription=Certdeck: renew certificates that are due\n"
                       "Documentation=man:certdeck-cli(1)\nAfter=network-online.target\nWants=network-online.target\n\n"
                       "[Service]\nType=oneshot\nExecStart=%1 --data-dir %2 renew --all\n"
                       "NoNewPrivileges=yes\nPrivateTmp=yes\n")
            .arg(systemdQuote(program), systemdQuote(dataDir));
    const QString timer =
        QStringLiteral("[Unit]\nDescription=Certdeck: check for renewals twice a day\n\n"
                       "[Timer]\nOnCalendar=*-*-* 00,12:00:00\nRandomizedDelaySec=12h\nPersistent=true\n\n"
                       "[Install]\nWantedBy=timers.target\n");
    if (auto s = writeFileAtomic(dir + QStringLiteral("/certdeck-renew.service"), service.toUtf8(), 0644); !s)
        co_return reportError(ctx, s.error());
    if (auto s = writeFileAtomic(dir + QStringLiteral("/certdeck-renew.timer"), timer.toUtf8(), 0644); !s)
        co_return reportError(ctx, s.error());
    bool enabled = false;
    if (!p.isSet(noEnable) && !p.isSet(unitDir)) {
        for (const QStringList& args : {QStringList{QStringLiteral("--user"), QStringLiteral("daemon-reload")},
                                        QStringList{QStringLiteral("--user"), QStringLiteral("enable"),
                                                    QStringLiteral("--now"), QStringLiteral("certdeck-renew.timer")}}) {
            QProcess systemctl;
            systemctl.start(QStringLiteral("systemctl"), args);
            if (!systemctl.waitForFinished(30000) || systemctl.exitCode() != 0)
                co_return reportError(
                    ctx, Error(ErrorCode::Unknown,
                               QObject::tr("The units are in %1, but 'systemctl --user %2' failed: run it yourself.")
                                   .arg(dir, args.mid(1).join(QLatin1Char(' '))),
                               QString::fromLocal8Bit(systemctl.readAllStandardError())));
        }
        enabled = true;
    }
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
