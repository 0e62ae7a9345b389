// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/UnattendedRenewal.h"

#include "core/common/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>

namespace certdeck::workflow {

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

QString UnattendedRenewal::defaultUnitDir() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/systemd/user");
}

bool UnattendedRenewal::systemdRunning() {
    return QFileInfo::exists(QStringLiteral("/run/systemd/system"));
}

bool UnattendedRenewal::isInstalled(const QString& unitDir) {
    const QString dir = unitDir.isEmpty() ? defaultUnitDir() : unitDir;
    return QFileInfo::exists(dir + QLatin1Char('/') + QLatin1String(kTimerUnit)) &&
           QFileInfo::exists(dir + QLatin1Char('/') + QLatin1String(kServiceUnit));
}

QString UnattendedRenewal::installedDataDir(const QString& unitDir) {
    const QString dir = unitDir.isEmpty() ? defaultUnitDir() : unitDir;
    QFile f(dir + QLatin1Char('/') + QLatin1String(kServiceUnit));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    // Reads back what serviceUnit() wrote: ExecStart="PROG" --data-dir "DIR" renew --all, each argument
    // quoted by systemdQuote(). A unit edited by hand into another shape gives no answer.
    static const QRegularExpression re(QStringLiteral("^ExecStart=.* --data-dir \"((?:[^\"\\\\]|\\\\.)*)\" "),
                                       QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(f.read(64 * 1024)));
    if (!m.hasMatch())
        return {};
    QString value = m.captured(1);
    static const QRegularExpression escaped(QStringLiteral("\\\\(.)"));
    value.replace(escaped, QStringLiteral("\\1"));
    value.replace(QStringLiteral("$$"), QStringLiteral("$"));
    value.replace(QStringLiteral("%%"), QStringLiteral("%"));
    return value;
}

QString UnattendedRenewal::cliProgram() {
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/certdeck-cli");
    if (QFileInfo(beside).isExecutable())
        return QFileInfo(beside).absoluteFilePath();
    return QStandardPaths::findExecutable(QStringLiteral("certdeck-cli"));
}

QString UnattendedRenewal::serviceUnit(const QString& program, const QString& dataDir) {
    return QStringLiteral(
               "[Unit]\nDescription=Certdeck: renew certificates that are due\n"
               "Documentation=man:certdeck-cli(1)\nAfter=network-online.target\nWants=network-online.target\n\n"
               "[Service]\nType=oneshot\nExecStart=%1 --data-dir %2 renew --all\n"
               "NoNewPrivileges=yes\nPrivateTmp=yes\n")
        .arg(systemdQuote(program), systemdQuote(dataDir));
}

QString UnattendedRenewal::timerUnit() {
    return QStringLiteral("[Unit]\nDescription=Certdeck: check for renewals twice a day\n\n"
                          "[Timer]\nOnCalendar=*-*-* 00,12:00:00\nRandomizedDelaySec=12h\nPersistent=true\n\n"
                          "[Install]\nWantedBy=timers.target\n");
}

QString UnattendedRenewal::crontabLine(const QString& program, const QString& dataDir) {
    const int minute = static_cast<int>(QRandomGenerator::global()->bounded(60));
    const int hour = static_cast<int>(QRandomGenerator::global()->bounded(12));
    return QStringLiteral("%1 %2,%3 * * * %4 --data-dir %5 renew --all")
        .arg(minute)
        .arg(hour)
        .arg(hour + 12)
        .arg(shellQuote(program), shellQuote(dataDir));
}

Result<UnattendedRenewal::Installed> UnattendedRenewal::install(const Setup& setup) {
    if (setup.program.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("certdeck-cli was not found: install it beside Certdeck or on your PATH."));
    Installed out;
    out.unitDir = setup.unitDir.isEmpty() ? defaultUnitDir() : setup.unitDir;
    if (!QDir().mkpath(out.unitDir))
        return Error(ErrorCode::Permission, QObject::tr("Cannot create %1.").arg(out.unitDir));
    const QString service = serviceUnit(setup.program, setup.dataDir);
    const QString timer = timerUnit();
    if (auto s = writeFileAtomic(out.unitDir + QLatin1Char('/') + QLatin1String(kServiceUnit), service.toUtf8(), 0644);
        !s)
        return s.error();
    if (auto s = writeFileAtomic(out.unitDir + QLatin1Char('/') + QLatin1String(kTimerUnit), timer.toUtf8(), 0644); !s)
        return s.error();
    if (!setup.enable)
        return out;
    const QList<QStringList> commands{QStringList{QStringLiteral("--user"), QStringLiteral("daemon-reload")},
                                      QStringList{QStringLiteral("--user"), QStringLiteral("enable"),
                                                  QStringLiteral("--now"), QLatin1String(kTimerUnit)}};
    for (const QStringList& args : commands) {
        QProcess systemctl;
        systemctl.start(QStringLiteral("systemctl"), args);
        if (!systemctl.waitForFinished(30000) || systemctl.exitStatus() != QProcess::NormalExit ||
            systemctl.exitCode() != 0)
            return Error(ErrorCode::Unknown,
                         QObject::tr("The units are in %1, but 'systemctl --user %2' failed: run it yourself.")
                             .arg(out.unitDir, args.mid(1).join(QLatin1Char(' '))),
                         systemctl.error() == QProcess::UnknownError
                             ? QString::fromLocal8Bit(systemctl.readAllStandardError().left(4096))
                             : systemctl.errorString());
    }
    out.enabled = true;
    return out;
}

} // namespace certdeck::workflow
