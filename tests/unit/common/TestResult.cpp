// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/Async.h"
#include "core/common/CancelToken.h"
#include "core/common/Clock.h"
#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace certdeck;

namespace {
Result<int> parsePositive(int v) {
    if (v <= 0)
        return Error(ErrorCode::InvalidInput, QStringLiteral("must be positive"));
    return v;
}
} // namespace

class TestResult : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valueAndError() {
        auto ok = parsePositive(3);
        QVERIFY(ok.has_value());
        QCOMPARE(*ok, 3);
        auto bad = parsePositive(-1);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::InvalidInput);
        QCOMPARE(bad.value_or(7), 7);
        auto doubled = ok.transform([](int v) { return v * 2; });
        QCOMPARE(*doubled, 6);
        auto chained = bad.and_then([](int v) { return Result<int>(v + 1); });
        QVERIFY(!chained);
        QCOMPARE(chained.error().userMessage, QStringLiteral("must be positive"));
        Status s = Error(ErrorCode::Io, QStringLiteral("disk full"));
        QVERIFY(!s);
        QCOMPARE(s.error().withContext(QStringLiteral("saving key")).toString(),
                 QStringLiteral("saving key: disk full"));
    }

    void exitCodesAreDistinctPerFamily() {
        QCOMPARE(exitCodeFor(ErrorCode::InvalidInput), 2);
        QVERIFY(exitCodeFor(ErrorCode::AcmeCaa) != exitCodeFor(ErrorCode::Network));
        QCOMPARE(errorCodeName(ErrorCode::AcmeRateLimited), QStringLiteral("acme-rate-limited"));
    }

    void manualClockMovesOnlyWhenTold() {
        const QDateTime start(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        ManualClock clock(start);
        QCOMPARE(clock.now(), start);
        clock.advance(3600);
        QCOMPARE(clock.now(), start.addSecs(3600));
        clock.set(start.addDays(10));
        QCOMPARE(clock.now(), start.addDays(10));
    }

    void progressKeepsLatestStatePerId() {
        Progress p;
        QSignalSpy spy(&p, &Progress::stepChanged);
        p.report(QStringLiteral("order"), QStringLiteral("Creating order"));
        p.report(QStringLiteral("authz:a"), QStringLiteral("Validating a"));
        p.done(QStringLiteral("order"), QStringLiteral("Order created"));
        QCOMPARE(spy.count(), 3);
        QCOMPARE(p.steps().size(), 2);
        QCOMPARE(p.steps().first().state, ProgressStep::State::Done);
        QCOMPARE(p.steps().first().text, QStringLiteral("Order created"));
    }

    void cancelWakesASleep() {
        CancelToken token;
        QTimer::singleShot(50, [token] { token.cancel(); });
        QElapsedTimer t;
        t.start();
        bool completed = QCoro::waitFor(sleepFor(std::chrono::seconds(30), token));
        QVERIFY(!completed);
        QVERIFY(token.isCancelled());
        QVERIFY(t.elapsed() < 30000); // woke by cancel, not by the timer
        QVERIFY(QCoro::waitFor(sleepFor(std::chrono::milliseconds(1), CancelToken())));
    }

    void runBlockingReturnsOnCallerThread() {
        QThread* caller = QThread::currentThread();
        QThread* worker = nullptr;
        auto future = runBlocking([&worker] {
            worker = QThread::currentThread();
            return 42;
        });
        auto wait = [&future]() -> QCoro::Task<int> {
            co_return co_await future;
        };
        int v = QCoro::waitFor(wait());
        QCOMPARE(v, 42);
        QVERIFY(worker != caller);
    }

    void secureBytesWipesItsOwnCopy() {
        SecureBytes a(QByteArrayLiteral("hunter2"));
        SecureBytes b = a;
        a.clear();
        QVERIFY(a.isEmpty());
        QCOMPARE(b.bytes(), QByteArrayLiteral("hunter2"));
        QByteArray raw("secret");
        SecureBytes::wipe(raw);
        QCOMPARE(raw, QByteArray(6, '\0'));
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "TestResult.moc"
