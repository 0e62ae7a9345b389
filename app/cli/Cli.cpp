// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Cli.h"

#include "app/cli/commands/Commands.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

namespace certdeck::cli {

int reportError(CliContext& ctx, const Error& error) {
    if (ctx.json) {
        QJsonObject o{{QStringLiteral("ok"), false},
                      {QStringLiteral("error"), errorCodeName(error.code)},
                      {QStringLiteral("message"), error.toString()},
                      {QStringLiteral("detail"), error.detail}};
        *ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        ctx.out->flush();
    }
    *ctx.err << QStringLiteral("error: ") << error.toString() << '\n';
    if (ctx.verbose && !error.detail.isEmpty())
        *ctx.err << QStringLiteral("detail: ") << error.detail << '\n';
    ctx.err->flush();
    return exitCodeFor(error.code);
}

QString helpText() {
    QString s;
    QTextStream t(&s);
    t << "Usage: certdeck-cli [GLOBAL OPTIONS] COMMAND [ARGS]\n\n"
      << "Get, deploy and watch HTTPS certificates from the command line (cron, systemd).\n\n"
      << "Global options:\n"
      << "  --json            machine-readable result on stdout\n"
      << "  --data-dir DIR    where Certdeck keeps its store (default: the user's data folder)\n"
      << "  --verbose         technical detail of errors, debug logging\n"
      << "  --sandbox         run against a private local test CA (Pebble) on loopback\n"
      << "  --version         print the version and exit\n"
      << "  --help            print this help and exit\n\n"
      << "Commands:\n";
    for (const auto& c : allCommands())
        t << "  " << c->name().leftJustified(16) << c->summary() << '\n';
    t << "\nRun 'certdeck-cli COMMAND --help' for a command's options.\n\n"
      << "Exit codes:\n"
      << "  0    success\n"
      << "  1    general failure (files, keys, unknown)\n"
      << "  2    invalid arguments or input\n"
      << "  3    network, TLS or timeout failure\n"
      << "  4    the ACME server refused (problem document)\n"
      << "  5    DNS failure or a preflight blocker\n"
      << "  6    SSH failure or an untrusted/changed host key\n"
      << "  7    deployment failed (rolled back)\n"
      << "  8    the store is busy or damaged\n"
      << "  130  cancelled\n";
    return s;
}

QCoro::Task<int> runCli(QStringList arguments, QTextStream& out, QTextStream& err) {
    CliContext ctx;
    ctx.out = &out;
    ctx.err = &err;
    if (!arguments.isEmpty())
        arguments.removeFirst(); // program name
    // Global options come before the command name.
    while (!arguments.isEmpty() && arguments.first().startsWith(QLatin1String("--"))) {
        const QString opt = arguments.takeFirst();
        if (opt == QLatin1String("--json")) {
            ctx.json = true;
        } else if (opt == QLatin1String("--verbose")) {
            ctx.verbose = true;
        } else if (opt == QLatin1String("--sandbox")) {
            ctx.sandbox = true;
        } else if (opt == QLatin1String("--data-dir")) {
            if (arguments.isEmpty()) {
                err << "error: --data-dir needs a folder\n";
                co_return 2;
            }
            ctx.dataDir = arguments.takeFirst();
        } else if (opt == QLatin1String("--version")) {
            out << "certdeck-cli " << CERTDECK_VERSION << '\n';
            co_return 0;
        } else if (opt == QLatin1String("--help")) {
            out << helpText();
            co_return 0;
        } else {
            err << "error: unknown option " << opt << "\n\n" << helpText();
            co_return 2;
        }
    }
    if (ctx.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("certdeck.*.debug=true"));
    if (arguments.isEmpty()) {
        err << helpText();
        co_return 2;
    }
    const QString name = arguments.takeFirst();
    ctx.args = arguments;
    for (auto& c : allCommands()) {
        if (c->name() == name)
            co_return co_await c->run(ctx);
    }
    err << "error: unknown command '" << name << "'\n\n" << helpText();
    co_return 2;
}

namespace {
StepHook& stepHookStorage() {
    static StepHook hook;
    return hook;
}
} // namespace

void setStepHook(StepHook hook) {
    stepHookStorage() = std::move(hook);
}

const StepHook& stepHook() {
    return stepHookStorage();
}

} // namespace certdeck::cli
