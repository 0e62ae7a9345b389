// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Cli.h"

#include <QCoreApplication>
#include <QCoroTask>

#include <cstdio>

#ifdef CERTDECK_TEST_HOOKS
#include <unistd.h>
#endif

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("certdeck"));
    QCoreApplication::setOrganizationName(QStringLiteral("Certdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CERTDECK_VERSION));
#ifdef CERTDECK_TEST_HOOKS
    // Test build only (never installed): stop like a killed process right after the named step.
    const QString exitAfter = qEnvironmentVariable("CERTDECK_TEST_EXIT_AFTER");
    if (!exitAfter.isEmpty()) {
        certdeck::cli::setStepHook([exitAfter](const QString& step) {
            if (step == exitAfter) {
                std::fprintf(stderr, "test hook: exiting after %s\n", qPrintable(step));
                ::_exit(86);
            }
        });
    }
#endif
    QTextStream out(stdout);
    QTextStream err(stderr);
    int code = QCoro::waitFor(certdeck::cli::runCli(QCoreApplication::arguments(), out, err));
    out.flush();
    err.flush();
    return code;
}
