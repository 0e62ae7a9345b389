// SPDX-License-Identifier: GPL-3.0-or-later
// Prints the DNS figures against the Knot fixture:
//  1. propagation: from the moment the record is served by every authoritative server (the RFC 2136
//     update was answered: Knot serves it from then on) to PropagationChecker saying "ready",
//     with the record added after a delay while the checker is already polling (target <= 2 s);
//  2. preflight of 50 names against the local DNS fixture (target < 1 s, bounded concurrency).
#include "core/dns/Preflight.h"
#include "core/dns/PropagationChecker.h"
#include "core/dns/Rfc2136Updater.h"
#include "tests/support/KnotFixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace certdeck;
using namespace certdeck::dns;

namespace {

ResolverOptions resolverFor(const test::KnotFixture& knot) {
    ResolverOptions o;
    o.servers = {NameServer{knot.address(), knot.port(), {}}};
    o.recursionDesired = false;
    o.authoritativePort = knot.port();
    return o;
}

// A free coroutine (not a capturing lambda: its captures would die with the timer callback).
QCoro::Task<void> addRecord(Rfc2136Updater updater, QString name, QString value, const QElapsedTimer* clock,
                            qint64* servedAt) {
    const CancelToken cancel;
    auto task = updater.addTxt(name, value, 60, cancel);
    const Status s = co_await task;
    if (s)
        *servedAt = clock->elapsed();
    else
        std::fprintf(stderr, "update failed: %s\n", qPrintable(s.error().toString()));
}

QCoro::Task<qint64> oneRound(const test::KnotFixture& knot, int round, int delayMs) {
    Rfc2136Options uo;
    uo.server = NameServer{knot.address(), knot.port(), {}};
    uo.key.name = knot.tsigKeyName();
    uo.key.secretBase64 = SecureBytes(knot.tsigSecret());
    const Rfc2136Updater updater(uo);
    PropagationOptions po;
    po.resolver = resolverFor(knot);
    const PropagationChecker checker(po);
    const QString name = QStringLiteral("_acme-challenge.bench%1.example.test").arg(round);
    const QString value = QStringLiteral("value-%1").arg(round);
    QElapsedTimer clock;
    clock.start();
    qint64 servedAt = -1;
    // The record appears `delayMs` after the checker started polling.
    QTimer::singleShot(
        delayMs, [updater, name, value, &clock, &servedAt]() { addRecord(updater, name, value, &clock, &servedAt); });
    const CancelToken cancel;
    auto waiting = checker.waitForTxt(name, value, Progress::null(), cancel);
    const auto r = co_await waiting;
    const qint64 readyAt = clock.elapsed();
    if (!r || servedAt < 0) {
        std::fprintf(stderr, "round %d failed: %s\n", round, r ? "no update" : qPrintable(r.error().toString()));
        co_return -1;
    }
    co_return readyAt - servedAt;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    test::KnotFixture::Options ko;
    for (int i = 0; i < 50; ++i)
        ko.extraRecords << QStringLiteral("host%1 A 127.0.0.1").arg(i);
    test::KnotFixture knot(ko);
    QString error;
    if (!knot.start(&error)) {
        std::fprintf(stderr, "Knot fixture: %s\n", qPrintable(error));
        return 1;
    }

    // 1. Propagation.
    QList<qint64> latencies;
    const int delays[] = {700, 1300, 1900, 2500, 3100, 900, 1500, 2100};
    int round = 0;
    for (int d : delays) {
        const qint64 ms = QCoro::waitFor(oneRound(knot, round++, d));
        if (ms >= 0)
            latencies << ms;
    }
    std::sort(latencies.begin(), latencies.end());
    if (!latencies.isEmpty())
        std::printf("propagation: served-by-every-NS -> ready over %lld rounds: min %lld ms, median %lld ms, max %lld "
                    "ms (target <= 2000 ms)\n",
                    static_cast<long long>(latencies.size()), static_cast<long long>(latencies.first()),
                    static_cast<long long>(latencies.at(latencies.size() / 2)),
                    static_cast<long long>(latencies.last()));

    // 2. Preflight of 50 names.
    PreflightOptions po;
    po.resolver = resolverFor(knot);
    po.serverAddresses = {QStringLiteral("127.0.0.1")};
    po.caIdentities = {QStringLiteral("letsencrypt.org")};
    po.method = QStringLiteral("http-01");
    QStringList names;
    for (int i = 0; i < 50; ++i)
        names << QStringLiteral("host%1.example.test").arg(i);
    const Preflight preflight(po);
    QList<qint64> runs;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const PreflightReport report = QCoro::waitFor(preflight.run(names, CancelToken()));
        runs << t.elapsed();
        if (report.verdict() != PreflightVerdict::Ok)
            std::fprintf(stderr, "unexpected verdict %s\n", qPrintable(preflightVerdictName(report.verdict())));
    }
    std::sort(runs.begin(), runs.end());
    std::printf("preflight: 50 names (A, AAAA, CAA walk each; concurrency %d) over 5 runs: min %lld ms, median %lld "
                "ms, max %lld ms (target < 1000 ms)\n",
                po.concurrency, static_cast<long long>(runs.first()), static_cast<long long>(runs.at(2)),
                static_cast<long long>(runs.last()));
    return 0;
}
