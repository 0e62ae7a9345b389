// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ssh/RemoteCommand.h"

#include <QObject>

namespace certdeck::ssh {

RemoteCommand::RemoteCommand(QStringList argv) {
    m_steps.append(Step{std::move(argv), false});
}

RemoteCommand::RemoteCommand(std::initializer_list<const char*> argv) {
    Step step;
    for (const char* a : argv)
        step.argv.append(QString::fromUtf8(a));
    m_steps.append(step);
}

RemoteCommand RemoteCommand::withSudo() const {
    RemoteCommand out = *this;
    for (auto& step : out.m_steps)
        step.sudo = true;
    return out;
}

RemoteCommand RemoteCommand::andThen(const RemoteCommand& next) const {
    RemoteCommand out = *this;
    out.m_steps.append(next.m_steps);
    return out;
}

bool RemoteCommand::usesSudo() const {
    for (const auto& step : m_steps) {
        if (step.sudo)
            return true;
    }
    return false;
}

QList<QStringList> RemoteCommand::argvs() const {
    QList<QStringList> out;
    for (const auto& step : m_steps)
        out.append(step.argv);
    return out;
}

Status RemoteCommand::validate() const {
    if (m_steps.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("The remote command is empty."));
    for (const auto& step : m_steps) {
        if (step.argv.isEmpty() || step.argv.first().isEmpty())
            return Error(ErrorCode::InvalidInput, QObject::tr("A step of the remote command has no program."),
                         toString());
        for (const auto& arg : step.argv) {
            if (arg.contains(QChar(0)))
                return Error(ErrorCode::InvalidInput,
                             QObject::tr("An argument of the remote command contains a NUL character, which "
                                         "SSH cannot transmit."),
                             toString());
        }
    }
    if (render().size() > maxRenderedBytes)
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("The remote command is longer than %1 KiB.").arg(maxRenderedBytes / 1024));
    if (m_input.size() > maxInputBytes)
        return Error(
            ErrorCode::InvalidInput,
            QObject::tr("The input of the remote command is larger than %1 MiB.").arg(maxInputBytes / (1024 * 1024)));
    return {};
}

RemoteCommand RemoteCommand::withInput(SecureBytes input) const {
    RemoteCommand out = *this;
    out.m_input = std::move(input);
    return out;
}

QString RemoteCommand::quote(const QString& arg) {
    // POSIX.1-2017 XCU §2.2.2: inside single quotes every character is literal, and a single quote
    // cannot appear; close the quote, add an escaped quote, reopen.
    QString out;
    out.reserve(arg.size() + 2);
    out.append(QLatin1Char('\''));
    for (QChar c : arg) {
        if (c == QLatin1Char('\''))
            out.append(QLatin1String("'\\''"));
        else
            out.append(c);
    }
    out.append(QLatin1Char('\''));
    return out;
}

QString RemoteCommand::toString() const {
    QStringList steps;
    for (const auto& step : m_steps) {
        QStringList words;
        if (step.sudo)
            words << QStringLiteral("sudo -n --");
        for (const auto& arg : step.argv)
            words << quote(arg);
        steps << words.join(QLatin1Char(' '));
    }
    return steps.join(QLatin1String(" && "));
}

QByteArray RemoteCommand::render() const {
    return toString().toUtf8();
}

} // namespace certdeck::ssh
