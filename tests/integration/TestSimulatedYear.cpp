// SPDX-License-Identifier: GPL-3.0-or-later
// A simulated year of unattended renewal: 20 lineages against a real Pebble, the clock driven forward
// the way the scheduler would wake (twice a day, and at each planned retry), with CA outages (the CA
// unreachable for days) and failing validations for days at a time. Checks: no certificate with
// auto-renewal ever passes its expiry; a lineage without auto-renewal is noticed (14/7/3/1-day notices
// before it expires); no retry storm (orders are counted); every failure produces an event and a
// notification.
//
// The one fiction: Pebble stamps certificates with the real time, so after each issuance the test
// re-dates the stored copy to the simulated "now" (as a CA on the simulated clock would have), with a
// 90-day lifetime (6 days for a few short-lived lineages).
#include "core/acme/AcmeClient.h"
#include "core/challenge/StandaloneSolver.h"
#include "core/schedule/WebhookNotifier.h"
#include "core/store/Store.h"
#include "core/workflow/IssueCertificate.h"
#include "core/workflow/RenewCertificate.h"
#include "core/workflow/StoreAccount.h"
#include "core/workflow/StoreLineage.h"
#include "tests/support/PebbleFixture.h"
#include "tests/support/WebhookReceiverFixture.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;

namespace {

constexpr int kLineages = 20;
constexpr qint64 kDay = 86400;

/// Serves a wrong key authorization: the CA's validation fails.
class WrongContentSolver final : public acme::ChallengeSolver {
public:
    explicit WrongContentSolver(std::shared_ptr<acme::ChallengeSolver> inner)
        : m_inner(std::move(inner)) {}
    QString challengeType() const override { return m_inner->challengeType(); }
    QString description() const override { return QStringLiteral("wrong content"); }
    QCoro::Task<Status> present(const acme::ChallengeTask& task, Progress& p, const CancelToken& c) override {
        acme::ChallengeTask t = task;
        t.keyAuthorization = "not-the-key-authorization";
        auto presenting = m_inner->present(t, p, c);
        const Status s = co_await presenting;
        co_return s;
    }
    QCoro::Task<Status> cleanUp(const acme::ChallengeTask& task) override {
        auto cleaning = m_inner->cleanUp(task);
        const Status s = co_await cleaning;
        co_return s;
    }

private:
    std::shared_ptr<acme::ChallengeSolver> m_inner;
};

QString nameOf(int i) {
    return QStringLiteral("year%1.example.test").arg(i, 2, 10, QLatin1Char('0'));
}

} // namespace

class TestSimulatedYear : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aYearOfRenewals() {
        test::PebbleFixture pebble;
        test::WebhookReceiverFixture receiver;
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);
        QVERIFY2(receiver.start(&error), qPrintable(error));
        QTemporaryDir dir;
        auto opened = store::Store::open(dir.path());
        QVERIFY(opened);
        store::Store& store = **opened;
        net::HttpClient http;            // trusts Pebble
        net::HttpClient unreachableHttp; // does not: the CA looks down (TLS refused) during outages
        QVERIFY(http.addTrustedCertificatesFromFile(pebble.listenerCaFile()));
        const QDateTime start = QDateTime::currentDateTimeUtc();
        auto clock = std::make_shared<ManualClock>(start);
        schedule::WebhookNotifier webhook(http, receiver.url(QStringLiteral("/hook")),
                                          schedule::WebhookNotifier::Format::Json);
        Progress progress;

        // Lifetimes: most 90 days, three short-lived (6 days), one without auto-renewal.
        auto lifetimeDays = [](int i) {
            return i < 3 ? 6 : 90;
        };
        const int manual = kLineages - 1;
        auto redate = [&](const QString& name, int days) {
            const qint64 id = store.lineages().byName(name)->id;
            const qint64 certId = store.certificates().latest(id)->id;
            const QDateTime nb = clock->now();
            QVERIFY(
                store.db().exec(QStringLiteral("UPDATE certificates SET not_before = ?, not_after = ? WHERE id = ?"),
                                {nb.toUTC().toString(Qt::ISODateWithMs),
                                 nb.addDays(days).toUTC().toString(Qt::ISODateWithMs), certId}));
        };

        // The first issuance of every lineage.
        {
            acme::AcmeClient client(http);
            workflow::AccountOptions options;
            options.termsOfServiceAgreed = true;
            const QUrl directory = pebble.directoryUrl();
            auto account =
                QCoro::waitFor(workflow::openStoreAccount(client, store, directory, options, progress, CancelToken()));
            QVERIFY(account);
            challenge::StandaloneSolver solver(QHostAddress::LocalHost, pebble.httpPort());
            for (int i = 0; i < kLineages; ++i) {
                workflow::IssueRequest request;
                request.identifiers = *acme::parseIdentifiers({nameOf(i)});
                request.solvers = {&solver};
                auto issued = QCoro::waitFor(workflow::issueCertificate(client, request, progress, CancelToken()));
                QVERIFY(issued);
                const QJsonObject challenge{{QStringLiteral("method"), QStringLiteral("standalone")},
                                            {QStringLiteral("address"), QStringLiteral("127.0.0.1")},
                                            {QStringLiteral("port"), pebble.httpPort()}};
                store::Lineage lineage = workflow::lineageFor(request, directory, challenge);
                lineage.autoRenew = i != manual;
                QVERIFY(
                    workflow::saveIssuedCertificate(store, lineage, *issued, QStringLiteral("issued"), clock->now()));
                redate(nameOf(i), lifetimeDays(i));
            }
        }

        // Trouble: the CA unreachable for two days (40-42) and a day and a half (200-201.5); lineages 5-7
        // fail validation for a day and a half around their second renewal (days 119-120.5: a few failures,
        // then fine); lineage 8 fails validation from its fourth renewal on (due around day 240), which
        // pauses it; the user, notified, fixes it once it is paused. Lineage 8's trouble follows its own
        // state, not a window of days, so slow runs (sanitizers) that shift when attempts happen cannot
        // make the injection miss.
        auto inDays = [&](double from, double to) {
            const double d = static_cast<double>(start.secsTo(clock->now())) / kDay;
            return d >= from && d < to;
        };
        auto outage = [&] {
            return inDays(40, 42) || inDays(200, 201.5);
        };
        int renewalsOf8 = 0;
        bool fixedLineage8 = false;
        auto failingValidation = [&](int i) {
            return ((i >= 5 && i <= 7) && inDays(119, 120.5)) || (i == 8 && renewalsOf8 >= 3 && !fixedLineage8);
        };
        workflow::RenewalEnvironment env;
        env.store = &store;
        env.http = &http;
        env.clock = clock;
        env.notifiers = {&webhook};
        auto currentDay = [&] {
            return start.secsTo(clock->now()) / kDay;
        };
        env.solvers = [&](const store::Lineage& l) -> Result<workflow::SolverList> {
            auto list = workflow::solversFromSettings(l, &env.responders);
            if (!list)
                return list;
            const int i = l.name.mid(4, 2).toInt();
            if (!failingValidation(i))
                return list;
            workflow::SolverList wrong;
            wrong.push_back(std::make_shared<WrongContentSolver>(list->front()));
            return wrong;
        };

        int orders = 0;
        int failures = 0;
        int renewals = 0;
        QMap<QString, int> ordersPerLineage;
        int attemptsDuringOutages = 0;
        QMap<QString, int> outageAttempts;
        QMap<QString, QDateTime> nextCheck;
        const QDateTime end = start.addDays(365);
        QDateTime nextTimer = start;
        while (clock->now() < end) {
            // Wake like the scheduler: the twice-daily timer, or the earliest planned retry/renewal.
            QDateTime wake = nextTimer;
            for (const QDateTime& t : std::as_const(nextCheck))
                if (t.isValid() && t > clock->now() && t < wake)
                    wake = t;
            if (wake > clock->now())
                clock->set(wake);
            if (clock->now() >= nextTimer)
                nextTimer = clock->now().addSecs(12 * 3600);
            const qint64 day = currentDay();
            const bool down = outage();
            env.http = down ? &unreachableHttp : &http;

            const bool paused8 = !store.lineages().byName(nameOf(8))->pausedReason.isEmpty();
            // Paused well before its certificate (renewed around day 180, 90 days) runs out.
            if (!fixedLineage8 && renewalsOf8 >= 3 && (paused8 || day >= 250)) {
                // The user read the notification, fixed the web server and asked for a renewal.
                fixedLineage8 = true;
                if (store.lineages().byName(nameOf(8))->pausedReason.isEmpty()) {
                    const auto recent = store.events().recent(50, store.lineages().byName(nameOf(8))->id);
                    for (const auto& e : *recent)
                        qWarning() << e.at << e.kind << e.message;
                }
                QVERIFY(!store.lineages().byName(nameOf(8))->pausedReason.isEmpty());
                workflow::RenewOptions force;
                force.force = true;
                auto r = QCoro::waitFor(workflow::renewLineage(env, nameOf(8), force, progress, CancelToken()));
                QVERIFY2(r.state == workflow::RenewOutcome::State::Renewed, qPrintable(r.message));
                orders += r.orders;
                ++renewals;
                redate(nameOf(8), lifetimeDays(8));
            }

            const workflow::RenewOptions options;
            auto results = QCoro::waitFor(workflow::renewAll(env, options, 4, progress, CancelToken()));
            QCOMPARE(results.size(), kLineages);
            for (const auto& r : results) {
                orders += r.orders;
                ordersPerLineage[r.lineage] += r.orders;
                if (down) {
                    attemptsDuringOutages += r.orders;
                    outageAttempts[r.lineage] += r.orders;
                }
                nextCheck[r.lineage] = r.nextCheck;
                if (r.state == workflow::RenewOutcome::State::Failed) {
                    ++failures;
                    QVERIFY(r.error);
                } else if (r.state == workflow::RenewOutcome::State::Renewed) {
                    ++renewals;
                    if (r.lineage == nameOf(8))
                        ++renewalsOf8;
                    redate(r.lineage, lifetimeDays(r.lineage.mid(4, 2).toInt()));
                    nextCheck.remove(r.lineage);
                }
            }
            // No certificate with auto-renewal passes its expiry.
            for (int i = 0; i < kLineages; ++i) {
                if (i == manual)
                    continue;
                auto l = store.lineages().byName(nameOf(i));
                const auto cert = store.certificates().latest(l->id);
                QVERIFY2(cert->notAfter > clock->now(),
                         qPrintable(nameOf(i) + QStringLiteral(" expired on day %1").arg(currentDay())));
            }
        }

        // Every renewal and every failure was recorded and announced.
        QCOMPARE(*store.events().count(QStringLiteral("renewal-failed")), failures);
        if (*store.events().count(QStringLiteral("renewed")) != renewals) {
            const auto all = store.events().recent(100000);
            for (const auto& e : *all)
                if (e.kind != QLatin1String("renewed") && e.kind != QLatin1String("issued"))
                    qWarning() << e.at << e.kind << e.subject << e.message;
        }
        QCOMPARE(*store.events().count(QStringLiteral("renewed")), renewals);
        const int expiring = *store.events().count(QStringLiteral("expiring"));
        QTRY_COMPARE(receiver.requests().size(), renewals + failures + expiring);
        QMap<QString, int> notices;
        for (const auto& r : receiver.requests())
            ++notices[QJsonDocument::fromJson(r.body).object().value(QStringLiteral("event")).toString()];
        QCOMPARE(notices.value(QStringLiteral("renewal-failed")), failures);
        QCOMPARE(notices.value(QStringLiteral("renewed")), renewals);
        QCOMPARE(notices.value(QStringLiteral("expiring")), expiring);
        // The one without auto-renewal was noticed: 14, 7, 3 and 1 days before it expired.
        QList<int> manualNotices;
        const auto manualEvents = store.events().recent(1000, store.lineages().byName(nameOf(manual))->id);
        for (const auto& e : *manualEvents) {
            if (e.kind == QLatin1String("expiring"))
                manualNotices.prepend(e.data.value(QStringLiteral("daysLeft")).toInt());
        }
        QCOMPARE(manualNotices, (QList<int>{14, 7, 3, 1}));
        QCOMPARE(ordersPerLineage.value(nameOf(manual)), 0);

        // No retry storm: one order per renewal plus a few retries per incident (1 min, 10 min, 100 min,
        // then daily), however long the CA is away.
        qInfo("simulated year: %d renewals, %d failures, %d attempts (%d while the CA was down)", renewals, failures,
              orders, attemptsDuringOutages);
        QVERIFY(renewals >= 3 * 100 + 15 * 5);
        QCOMPARE(orders, renewals + failures);
        for (auto it = outageAttempts.cbegin(); it != outageAttempts.cend(); ++it)
            QVERIFY2(it.value() <= 2 * (4 + 2),
                     qPrintable(it.key() + QStringLiteral(": ") + QString::number(it.value())));
        QVERIFY2(failures <= 60, qPrintable(QString::number(failures)));
        QVERIFY(failures >= 8);
        QVERIFY(fixedLineage8);
    }
};

QTEST_GUILESS_MAIN(TestSimulatedYear)
#include "TestSimulatedYear.moc"
