// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace certdeck::ssh {

/// A command for a remote POSIX shell, built from argv lists only: there is deliberately no way to
/// pass a raw shell string. Every argument is rendered in single quotes (a ' inside becomes '\''),
/// so spaces, quotes, $(), backticks, ;, |, & and newlines reach the program as plain bytes and
/// never start anything else.
///
/// SSH hands the command line to the remote user's login shell (RFC 4254 §6.5); the quoting is
/// POSIX sh quoting (sh, dash, bash, ksh, zsh). csh/tcsh and fish parse quotes differently: accounts
/// with those login shells are not supported for commands (SFTP is unaffected).
class RemoteCommand {
public:
    /// An empty command; validate() fails on it.
    RemoteCommand() = default;
    explicit RemoteCommand(QStringList argv);
    /// Literal argv in code: RemoteCommand({"nginx", "-t"}). The strings are UTF-8.
    explicit RemoteCommand(std::initializer_list<const char*> argv);

    /// This command run through `sudo -n --` (never prompts: fails at once when sudo wants a
    /// password). On a chain, every step runs through sudo.
    [[nodiscard]] RemoteCommand withSudo() const;
    /// `this && next`: next runs only when this succeeded. next keeps its own sudo setting.
    [[nodiscard]] RemoteCommand andThen(const RemoteCommand& next) const;

    /// The same command with `input` on its standard input (then end of file), instead of an
    /// immediate end of file. For file contents that must not appear on a command line; bounded by
    /// maxInputBytes.
    [[nodiscard]] RemoteCommand withInput(SecureBytes input) const;
    [[nodiscard]] const SecureBytes& input() const { return m_input; }

    [[nodiscard]] bool usesSudo() const;
    [[nodiscard]] bool isEmpty() const { return m_steps.isEmpty(); }
    /// The argv of every step of the chain, in order (without sudo).
    [[nodiscard]] QList<QStringList> argvs() const;

    /// Fails on an empty command or step, a NUL character (the SSH exec request carries a C string),
    /// a command line above 64 KiB, or input above maxInputBytes.
    [[nodiscard]] Status validate() const;
    /// The command line sent to the server (UTF-8).
    [[nodiscard]] QByteArray render() const;
    /// The same line for logs and messages.
    [[nodiscard]] QString toString() const;

    /// One argument in POSIX single quotes: abc -> 'abc', it's -> 'it'\''s', empty -> ''.
    [[nodiscard]] static QString quote(const QString& arg);

    static constexpr qsizetype maxRenderedBytes = 64 * 1024;
    static constexpr qsizetype maxInputBytes = 4 * 1024 * 1024;

private:
    struct Step {
        QStringList argv;
        bool sudo = false;
    };
    QList<Step> m_steps;
    SecureBytes m_input;
};

} // namespace certdeck::ssh
