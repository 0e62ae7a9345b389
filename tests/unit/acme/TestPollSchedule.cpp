// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/PollSchedule.h"

#include <QTest>

using namespace certdeck::acme;
using namespace std::chrono_literals;

class TestPollSchedule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void growsFromShortToCap() {
        PollSchedule s;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        std::chrono::milliseconds prev{0};
        for (int i = 0; i < 30; ++i) {
            auto d = s.next(std::nullopt, now);
            QVERIFY(d >= prev);
            // Never a fixed sleep of a second or more right away when the server says nothing.
            if (i == 0)
                QVERIFY(d < 100ms);
            QVERIFY(d <= 2000ms);
            prev = d;
        }
        QCOMPARE(prev, std::chrono::milliseconds(2000));
    }

    void honoursRetryAfter() {
        PollSchedule s;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(s.next(now.addSecs(3), now), std::chrono::milliseconds(3000));
        // A date in the past means "now".
        QCOMPARE(s.next(now.addSecs(-10), now), std::chrono::milliseconds(0));
        // A hostile Retry-After is bounded.
        QCOMPARE(s.next(now.addDays(30), now), std::chrono::milliseconds(std::chrono::minutes(5)));
    }

    void exhaustsItsBudget() {
        PollSchedule::Options o;
        o.total = 10s;
        PollSchedule s(o);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        int n = 0;
        while (!s.exhausted() && n < 1000) {
            s.next(std::nullopt, now);
            ++n;
        }
        QVERIFY(s.exhausted());
        QVERIFY(n < 20);
    }
};

QTEST_GUILESS_MAIN(TestPollSchedule)
#include "TestPollSchedule.moc"
