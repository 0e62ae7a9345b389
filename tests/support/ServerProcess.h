// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

namespace certdeck::test {

/// A free port on 127.0.0.1, free for TCP and (with `alsoUdp`) UDP at once. Ports are handed out
/// from a random start and never twice in one process, so parallel fixtures do not collide.
quint16 freePort(bool alsoUdp = false);

/// Returns the absolute path of a server binary, or fails the test with the Debian package to install.
/// Use through REQUIRE_BINARY so the test fails (never skips) when it is missing.
QString findBinary(const QString& name, const QString& package, QString* error);

/// One real server process, started directly (no shell) and stopped by its own PID: SIGTERM, then
/// SIGKILL after a grace period. The child also gets PR_SET_PDEATHSIG, so a crashed test run leaves
/// no server behind.
class ServerProcess {
public:
    ServerProcess(QString name, QString logPath);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    /// Starts the program; returns false and sets `error` when it cannot be started.
    bool start(const QString& program, const QStringList& args, const QProcessEnvironment& env, QString* error,
               const QString& workDir = {});
    /// Waits until something accepts TCP connections on 127.0.0.1:port (or the process dies).
    bool waitForTcp(quint16 port, std::chrono::milliseconds timeout, QString* error);
    /// Waits until the log file contains `needle`.
    bool waitForLog(const QString& needle, std::chrono::milliseconds timeout, QString* error);
    void stop();

    [[nodiscard]] qint64 pid() const;
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QString log() const;
    [[nodiscard]] const QString& name() const { return m_name; }

private:
    QString m_name;
    QString m_logPath;
    std::unique_ptr<QProcess> m_process;
};

/// Runs a helper command to completion (openssl, ssh-keygen ...); returns false with its output on failure.
bool runTool(const QString& program, const QStringList& args, QString* error, const QString& workDir = {},
             const QByteArray& stdinData = {});

} // namespace certdeck::test

/// Fails the current Qt Test function when `name` is not installed, naming the Debian package.
#define CERTDECK_REQUIRE(expr, error)                                                                                  \
    do {                                                                                                               \
        if (!(expr))                                                                                                   \
            QFAIL(qPrintable(error));                                                                                  \
    } while (false)
