// SPDX-License-Identifier: GPL-3.0-or-later
// Figure: `certdeck-cli renew --all` on N lineages (default 100) against a local Pebble, concurrency 4
// (and 1), compared with the N sequential `certdeck-cli issue` runs that created them.
// Target: renew --all under a quarter of the sequential time.
// Usage: bench_store_renew [N]
#include "tests/support/PebbleFixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace certdeck;

namespace {
bool cli(const QStringList& args, QString* output) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(CERTDECK_CLI_PATH), args);
    if (!p.waitForFinished(600000))
        return false;
    *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}
} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 100;
    test::PebbleFixture pebble;
    QString error;
    if (!pebble.start(&error)) {
        std::fprintf(stderr, "pebble: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    const QStringList global{QStringLiteral("--data-dir"), dir.path()};
    const QString standalone = QStringLiteral("127.0.0.1:%1").arg(pebble.httpPort());
    QString out;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < n; ++i) {
        const QStringList args = global + QStringList{QStringLiteral("issue"),
                                                      QStringLiteral("-d"),
                                                      QStringLiteral("site%1.bench.test").arg(i),
                                                      QStringLiteral("--server"),
                                                      pebble.directoryUrl().toString(),
                                                      QStringLiteral("--ca-file"),
                                                      pebble.listenerCaFile(),
                                                      QStringLiteral("--standalone"),
                                                      standalone,
                                                      QStringLiteral("--agree-tos")};
        if (!cli(args, &out)) {
            std::fprintf(stderr, "issue %d failed: %s\n", i, qPrintable(out));
            return 1;
        }
    }
    const double sequential = timer.nsecsElapsed() / 1e9;
    std::printf("%d sequential 'certdeck-cli issue' runs: %.2f s (%.3f s each)\n", n, sequential, sequential / n);
    for (const int concurrency : {4, 1}) {
        timer.restart();
        if (!cli(global + QStringList{QStringLiteral("renew"), QStringLiteral("--all"), QStringLiteral("--force"),
                                      QStringLiteral("--concurrency"), QString::number(concurrency)},
                 &out)) {
            std::fprintf(stderr, "renew --all failed: %s\n", qPrintable(out.right(2000)));
            return 1;
        }
        const double t = timer.nsecsElapsed() / 1e9;
        std::printf("'certdeck-cli renew --all --force --concurrency %d' (%d lineages): %.2f s = %.2f of sequential\n",
                    concurrency, n, t, t / sequential);
    }
    return 0;
}
