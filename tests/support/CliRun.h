// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace certdeck::test {

/// What one in-process `certdeck-cli` run printed and returned.
struct CliRun {
    int code = -1;
    QString out;
    QString err;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    /// --json commands that report per certificate: the first entry of "results".
    [[nodiscard]] QJsonObject firstResult() const {
        return json().value(QStringLiteral("results")).toArray().first().toObject();
    }
};

/// Runs `certdeck-cli --data-dir DATADIR ARGS...` in this process (cli::runCli), as a user would type
/// it; tests that need the real binary (a killed process, another program) start it with QProcess.
inline CliRun runCli(const QString& dataDir, QStringList args) {
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    args.prepend(dataDir);
    args.prepend(QStringLiteral("--data-dir"));
    args.prepend(QStringLiteral("certdeck-cli"));
    r.code = QCoro::waitFor(cli::runCli(args, out, err));
    out.flush();
    err.flush();
    return r;
}

} // namespace certdeck::test
