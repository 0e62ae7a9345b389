// SPDX-License-Identifier: GPL-3.0-or-later
// Figure: `certdeck-cli list` (and `list --json`) on a store with N lineages (default 10,000), each
// with a certificate: wall time and the child's peak RSS. Target: < 0.3 s, < 100 MiB.
// Usage: bench_store_list [N] [RUNS]
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace certdeck;

namespace {
/// Runs the CLI with fork/exec so wait4() gives exactly this child's peak RSS.
bool runOnce(const QStringList& args, double* seconds, long* maxRssKiB) {
    QList<QByteArray> storage;
    storage << QByteArray(CERTDECK_CLI_PATH);
    for (const QString& a : args)
        storage << a.toLocal8Bit();
    std::vector<char*> argv;
    for (auto& s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 1);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    struct rusage usage {};
    if (::wait4(pid, &status, 0, &usage) != pid)
        return false;
    *seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    *maxRssKiB = usage.ru_maxrss;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}
} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    QTemporaryDir dir;
    {
        auto store = store::Store::open(dir.path());
        if (!store) {
            std::fprintf(stderr, "%s\n", qPrintable(store.error().toString()));
            return 1;
        }
        QElapsedTimer fill;
        fill.start();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QByteArray pem =
            QByteArray("-----BEGIN CERTIFICATE-----\n") + QByteArray(1800, 'A') + "\n-----END CERTIFICATE-----\n";
        const Status s = (*store)->db().transaction([&]() -> Status {
            for (int i = 0; i < n; ++i) {
                store::Lineage l;
                l.name = QStringLiteral("site%1.example.com").arg(i, 5, 10, QLatin1Char('0'));
                l.names = {l.name, QStringLiteral("www.") + l.name};
                l.directoryUrl = QUrl(QStringLiteral("https://acme-v02.api.letsencrypt.org/directory"));
                l.challenge = QJsonObject{{QStringLiteral("method"), QStringLiteral("webroot")},
                                          {QStringLiteral("webroot"), QStringLiteral("/var/www/html")}};
                if (auto r = (*store)->lineages().insert(l); !r)
                    return r;
                for (int v = 1; v <= 2; ++v) { // a renewal's history too
                    store::CertificateRecord c;
                    c.lineageId = l.id;
                    c.version = v;
                    c.serial = QString::number(i * 2 + v, 16);
                    c.sha256 = QStringLiteral("AB:CD");
                    c.names = l.names;
                    c.issuer = QStringLiteral("R11");
                    c.notBefore = now.addDays(-60 + 30 * v);
                    c.notAfter = c.notBefore.addDays(90);
                    c.fullchainPem = pem;
                    if (auto r = (*store)->certificates().add(c); !r)
                        return r;
                }
            }
            return {};
        });
        if (!s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().toString()));
            return 1;
        }
        std::printf("filled %d lineages (%d certificates) in %.2f s\n", n, 2 * n, fill.elapsed() / 1000.0);
    }
    for (const QStringList& variant :
         {QStringList{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("list")},
          QStringList{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--json"), QStringLiteral("list")}}) {
        QList<double> times;
        long rss = 0;
        for (int r = 0; r < runs; ++r) {
            double t = 0;
            long kib = 0;
            if (!runOnce(variant, &t, &kib)) {
                std::fprintf(stderr, "certdeck-cli failed\n");
                return 1;
            }
            times << t;
            rss = std::max(rss, kib);
        }
        std::sort(times.begin(), times.end());
        std::printf("%-28s median %.3f s  min %.3f s  max %.3f s  peak RSS %.1f MiB  (%d runs)\n",
                    qPrintable(variant.mid(2).join(QLatin1Char(' '))), times.at(times.size() / 2), times.first(),
                    times.last(), static_cast<double>(rss) / 1024.0, runs);
    }
    return 0;
}
