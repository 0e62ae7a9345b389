// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QString>

namespace certdeck::workflow {

/// Unattended renewal outside the app: the systemd user units `certdeck-renew.service` (runs
/// `certdeck-cli --data-dir DIR renew --all`) and `certdeck-renew.timer` (twice a day, randomised),
/// the same units as installer/systemd/ with the program and data folder filled in; or, where there
/// is no systemd, a crontab line for the user to add. Shared by `certdeck-cli install-timer` and the
/// desktop app's status line. Stateless; install() blocks (systemctl), call it off the GUI thread.
class UnattendedRenewal {
public:
    static constexpr const char* kTimerUnit = "certdeck-renew.timer";
    static constexpr const char* kServiceUnit = "certdeck-renew.service";

    struct Setup {
        QString program;    ///< absolute path of certdeck-cli
        QString dataDir;    ///< absolute
        QString unitDir;    ///< empty: defaultUnitDir()
        bool enable = true; ///< run `systemctl --user daemon-reload` and `enable --now` the timer
    };
    struct Installed {
        QString unitDir;
        bool enabled = false; ///< systemctl enabled it (false when asked not to)
    };

    /// $XDG_CONFIG_HOME/systemd/user (~/.config/systemd/user by default).
    static QString defaultUnitDir();
    /// Whether systemd runs this machine (/run/systemd/system exists, sd_booted(3)).
    static bool systemdRunning();
    /// Whether the timer unit is in `unitDir` (empty: defaultUnitDir()).
    static bool isInstalled(const QString& unitDir = {});
    /// The data folder the installed service unit renews (its `--data-dir` argument), empty when no
    /// unit is installed in `unitDir` (empty: defaultUnitDir()) or it names none. Lets the app say that
    /// the timer still renews another folder than the one it uses.
    static QString installedDataDir(const QString& unitDir = {});
    /// certdeck-cli beside the running program, else the one on PATH, else empty.
    static QString cliProgram();

    static QString serviceUnit(const QString& program, const QString& dataDir);
    static QString timerUnit();
    /// "M H,H+12 * * * 'PROGRAM' --data-dir 'DIR' renew --all" at a random minute and hour (not
    /// everyone at :00), each argument quoted for /bin/sh with '%' escaped for cron.
    static QString crontabLine(const QString& program, const QString& dataDir);

    /// Writes both units (0644, atomically) and, with `enable`, reloads and enables the timer.
    /// Permission when the folder cannot be written; Unknown naming the systemctl command that failed
    /// (the units stay written: the message says to run it by hand).
    static Result<Installed> install(const Setup& setup);
};

} // namespace certdeck::workflow
