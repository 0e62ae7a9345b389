// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Error.h"

#include <QCoroTask>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <vector>

namespace certdeck::cli {

/// What every command gets: its arguments, the global options, and where to write.
struct CliContext {
    QStringList args;           ///< the command's own arguments (after the command name)
    bool json = false;          ///< --json: machine-readable result on stdout
    bool verbose = false;       ///< --verbose: technical detail of errors, debug logs
    bool sandbox = false;       ///< --sandbox: run against a private Pebble on loopback
    QString dataDir;            ///< --data-dir
    QTextStream* out = nullptr; ///< results (stdout)
    QTextStream* err = nullptr; ///< progress and messages (stderr)
};

/// One CLI subcommand, one file each (KeePassXC's shape).
class Command {
public:
    virtual ~Command() = default;
    [[nodiscard]] virtual QString name() const = 0;
    [[nodiscard]] virtual QString summary() const = 0;
    /// Returns the process exit code.
    virtual QCoro::Task<int> run(CliContext& ctx) = 0;
};

/// Prints an error the way every command does: the user message; the detail under --verbose;
/// JSON on stdout under --json. Returns the exit code for it.
int reportError(CliContext& ctx, const Error& error);

/// All commands, in the order `--help` lists them.
std::vector<std::unique_ptr<Command>> allCommands();

/// The whole CLI: parses global options, dispatches, returns the exit code.
QCoro::Task<int> runCli(QStringList arguments, QTextStream& out, QTextStream& err);

/// The text of `certdeck-cli --help` (also the man page source).
QString helpText();

/// Called at named steps of an issuance during `renew` ("order-created", "finalized"; see
/// workflow::RenewalEnvironment::stepHook). Never set by certdeck-cli; only the test build
/// certdeck-cli-test-hooks sets one, to stop like a killed process at a chosen step.
using StepHook = std::function<void(const QString& step)>;
void setStepHook(StepHook hook);
const StepHook& stepHook();

} // namespace certdeck::cli
