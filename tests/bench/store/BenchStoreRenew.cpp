// SPDX-License-Identifier: GPL-3.0-or-later
// Figures (issue 6), all against one local Pebble in one run:
//  - `certdeck-cli renew --all --force` on N lineages (default 100), concurrency 4 (and 1), compared with
//    the N sequential `certdeck-cli issue` runs that created them. Target: under a quarter.
//  - `certbot renew --force-renewal` on N certbot lineages (issued with certbot first, not timed) beside
//    `certdeck-cli renew --all --force` on N lineages: both times and the ratio.
// Both clients answer http-01 with their own standalone responder on the port Pebble validates.
// Usage: bench_store_renew [N] [--no-certbot]
#include "tests/support/PebbleFixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace certdeck;

namespace {

bool runProgram(const QString& program, const QStringList& args, QString* output,
                const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(1800000)) {
        p.kill();
        p.waitForFinished();
        *output = QStringLiteral("timed out");
        return false;
    }
    *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

/// certbot against Pebble in its own folders (never /etc/letsencrypt); `--standalone` on Pebble's
/// http-01 port, as the store's lineages do.
struct Certbot {
    QString binary;
    QString root;
    QString acmeUrl;
    QString caFile;
    quint16 httpPort = 0;

    [[nodiscard]] QStringList common() const {
        return {QStringLiteral("--server"),          acmeUrl,
                QStringLiteral("--config-dir"),      root + QStringLiteral("/config"),
                QStringLiteral("--work-dir"),        root + QStringLiteral("/work"),
                QStringLiteral("--logs-dir"),        root + QStringLiteral("/logs"),
                QStringLiteral("--non-interactive"), QStringLiteral("--agree-tos"),
                QStringLiteral("--max-log-backups"), QStringLiteral("0")};
    }
    [[nodiscard]] QProcessEnvironment env() const {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("REQUESTS_CA_BUNDLE"), caFile);
        return e;
    }
    bool run(const QStringList& args, QString* output) const { return runProgram(binary, args, output, env()); }
};

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int n = 100;
    bool withCertbot = true;
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--no-certbot") == 0)
            withCertbot = false;
        else
            n = std::atoi(argv[i]);
    }
    test::PebbleFixture pebble;
    QString error;
    if (!pebble.start(&error)) {
        std::fprintf(stderr, "pebble: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    // A private copy of the CLI: a rebuild of the tree during the run must not change what is measured.
    // BENCH_CLI_IN_PLACE=1 runs the built one instead (a profiler then finds its symbols).
    const bool inPlace = qEnvironmentVariableIsSet("BENCH_CLI_IN_PLACE");
    const QString cliPath = inPlace ? QStringLiteral(CERTDECK_CLI_PATH) : dir.filePath(QStringLiteral("certdeck-cli"));
    if (!inPlace && !QFile::copy(QStringLiteral(CERTDECK_CLI_PATH), cliPath)) {
        std::fprintf(stderr, "cannot copy %s\n", CERTDECK_CLI_PATH);
        return 1;
    }
    const QString data = dir.filePath(QStringLiteral("data"));
    const QStringList global{QStringLiteral("--data-dir"), data};
    const QString standalone = QStringLiteral("127.0.0.1:%1").arg(pebble.httpPort());
    QString out;
    QElapsedTimer timer;

    Certbot certbot;
    if (withCertbot) {
        certbot.binary = test::findBinary(QStringLiteral("certbot"), QStringLiteral("certbot"), &error);
        if (certbot.binary.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        certbot.root = dir.filePath(QStringLiteral("certbot"));
        certbot.acmeUrl = pebble.directoryUrl().toString();
        certbot.caFile = pebble.listenerCaFile();
        certbot.httpPort = pebble.httpPort();
        // Setup, not measured: an account and N certbot lineages.
        timer.start();
        if (!certbot.run(QStringList{QStringLiteral("register"), QStringLiteral("--register-unsafely-without-email")} +
                             certbot.common(),
                         &out)) {
            std::fprintf(stderr, "certbot register failed: %s\n", qPrintable(out));
            return 1;
        }
        for (int i = 0; i < n; ++i) {
            const QString name = QStringLiteral("cb%1.bench.test").arg(i);
            const QStringList args = QStringList{QStringLiteral("certonly"),
                                                 QStringLiteral("--standalone"),
                                                 QStringLiteral("--http-01-address"),
                                                 QStringLiteral("127.0.0.1"),
                                                 QStringLiteral("--http-01-port"),
                                                 QString::number(certbot.httpPort),
                                                 QStringLiteral("--key-type"),
                                                 QStringLiteral("ecdsa"),
                                                 QStringLiteral("--elliptic-curve"),
                                                 QStringLiteral("secp256r1"),
                                                 QStringLiteral("--cert-name"),
                                                 name,
                                                 QStringLiteral("-d"),
                                                 name} +
                                     certbot.common();
            if (!certbot.run(args, &out)) {
                std::fprintf(stderr, "certbot certonly %d failed: %s\n", i, qPrintable(out.right(3000)));
                return 1;
            }
        }
        std::printf("setup (not compared): %d 'certbot certonly' runs: %.2f s (%.3f s each)\n", n,
                    timer.nsecsElapsed() / 1e9, timer.nsecsElapsed() / 1e9 / n);
        std::fflush(stdout);
    }

    timer.restart();
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
        if (!runProgram(cliPath, args, &out)) {
            std::fprintf(stderr, "issue %d failed: %s\n", i, qPrintable(out));
            return 1;
        }
    }
    const double sequential = timer.nsecsElapsed() / 1e9;
    std::printf("%d sequential 'certdeck-cli issue' runs: %.2f s (%.3f s each)\n", n, sequential, sequential / n);
    std::fflush(stdout);

    double certbotRenew = 0;
    if (withCertbot) {
        // --no-random-sleep-on-renew: without a terminal certbot otherwise waits up to 8 minutes first.
        timer.restart();
        const QStringList args = QStringList{QStringLiteral("renew"), QStringLiteral("--force-renewal"),
                                             QStringLiteral("--no-random-sleep-on-renew")} +
                                 certbot.common();
        if (!certbot.run(args, &out)) {
            std::fprintf(stderr, "certbot renew failed: %s\n", qPrintable(out.right(3000)));
            return 1;
        }
        certbotRenew = timer.nsecsElapsed() / 1e9;
        // Every lineage really has a second certificate.
        for (int i = 0; i < n; ++i) {
            const QString second = certbot.root + QStringLiteral("/config/archive/cb%1.bench.test/cert2.pem").arg(i);
            if (!QFile::exists(second)) {
                std::fprintf(stderr, "certbot renew left %s missing\n", qPrintable(second));
                return 1;
            }
        }
        std::printf("'certbot renew --force-renewal' (%d lineages): %.2f s (%.3f s each)\n", n, certbotRenew,
                    certbotRenew / n);
        std::fflush(stdout);
    }

    double concurrent = 0;
    for (const int concurrency : {4, 1}) {
        timer.restart();
        if (!runProgram(cliPath,
                        global + QStringList{QStringLiteral("renew"), QStringLiteral("--all"),
                                             QStringLiteral("--force"), QStringLiteral("--concurrency"),
                                             QString::number(concurrency)},
                        &out)) {
            std::fprintf(stderr, "renew --all failed: %s\n", qPrintable(out.right(2000)));
            return 1;
        }
        const double t = timer.nsecsElapsed() / 1e9;
        if (concurrency == 4)
            concurrent = t;
        std::printf("'certdeck-cli renew --all --force --concurrency %d' (%d lineages): %.2f s = %.3f of sequential\n",
                    concurrency, n, t, t / sequential);
        std::fflush(stdout);
    }
    if (withCertbot)
        std::printf("renew --all (concurrency 4) vs certbot renew: %.2f s vs %.2f s = %.4f (certbot %.1fx slower)\n",
                    concurrent, certbotRenew, concurrent / certbotRenew, certbotRenew / concurrent);
    return 0;
}
