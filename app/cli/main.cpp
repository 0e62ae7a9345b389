// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Cli.h"

#include <QCoreApplication>
#include <QCoroTask>

#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("certdeck"));
    QCoreApplication::setOrganizationName(QStringLiteral("Certdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CERTDECK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    int code = QCoro::waitFor(certdeck::cli::runCli(QCoreApplication::arguments(), out, err));
    out.flush();
    err.flush();
    return code;
}
