// SPDX-License-Identifier: GPL-3.0-or-later
// Unattended renewal against a real Pebble with the store: not renewed before it is due; renewed once
// the (manual) clock passes the planned time, with the lineage's settings, a new KeyVault version and
// history, an event and a webhook notification; validation failures back off, record events, notify,
// and pause after repeated authorization failures (no further orders); a lineage locked by another
// live process is not ordered twice; renew --all runs several at once; the first expiry notice comes
// as many days ahead as the stored setting says.
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

#include <QFile>
#include <QJsonDocument>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;

namespace {

template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : r.error().toString() + QStringLiteral(" | ") + r.error().detail;
}

/// Serves a wrong key authorization, so the CA's validation fails (an "unauthorized" problem).
class WrongContentSolver final : public acme::ChallengeSolver {
public:
    explicit WrongContentSolver(quint16 port)
        : m_inner(QHostAddress::LocalHost, port) {}
    QString challengeType() const override { return m_inner.challengeType(); }
    QString description() const override { return QStringLiteral("wrong content"); }
    QCoro::Task<Status> present(const acme::ChallengeTask& task, Progress& p, const CancelToken& c) override {
        acme::ChallengeTask t = task;
        t.keyAuthorization = "not-the-key-authorization";
        auto presenting = m_inner.present(t, p, c);
        const Status s = co_await presenting;
        co_return s;
    }
    QCoro::Task<Status> cleanUp(const acme::ChallengeTask& task) override {
        auto cleaning = m_inner.cleanUp(task);
        const Status s = co_await cleaning;
        co_return s;
    }

private:
    challenge::StandaloneSolver m_inner;
};

struct Harness {
    test::PebbleFixture pebble;
    test::WebhookReceiverFixture receiver;
    QTemporaryDir dir;
    std::unique_ptr<store::Store> store;
    net::HttpClient http;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(QDateTime::currentDateTimeUtc());
    std::unique_ptr<schedule::WebhookNotifier> webhook;
    workflow::RenewalEnvironment env;
    Progress progress;
    QSet<QString> failing;

    bool start(QString* error) {
        if (!pebble.start(error) || !receiver.start(error))
            return false;
        auto s = store::Store::open(dir.path());
        if (!s) {
            *error = why(s);
            return false;
        }
        store = std::move(*s);
        if (!http.addTrustedCertificatesFromFile(pebble.listenerCaFile()))
            return false;
        webhook = std::make_unique<schedule::WebhookNotifier>(http, receiver.url(QStringLiteral("/hook")),
                                                              schedule::WebhookNotifier::Format::Json);
        env.store = store.get();
        env.http = &http;
        env.clock = clock;
        env.notifiers = {webhook.get()};
        env.accountOptions.termsOfServiceAgreed = true;
        const quint16 port = pebble.httpPort();
        env.solvers = [this, port](const store::Lineage& l) -> Result<workflow::SolverList> {
            if (!failing.contains(l.name))
                return workflow::solversFromSettings(l, &env.responders);
            workflow::SolverList list;
            list.push_back(std::make_shared<WrongContentSolver>(port));
            return list;
        };
        return true;
    }

    /// The first issuance, as `certdeck-cli issue` does it with the store.
    bool issue(const QString& name, QString* error) {
        acme::AcmeClient client(http);
        workflow::AccountOptions options;
        options.termsOfServiceAgreed = true;
        const QUrl directory = pebble.directoryUrl();
        auto account =
            QCoro::waitFor(workflow::openStoreAccount(client, *store, directory, options, progress, CancelToken()));
        if (!account) {
            *error = why(account);
            return false;
        }
        workflow::IssueRequest request;
        request.identifiers = *acme::parseIdentifiers({name});
        challenge::StandaloneSolver solver(QHostAddress::LocalHost, pebble.httpPort());
        request.solvers = {&solver};
        auto issued = QCoro::waitFor(workflow::issueCertificate(client, request, progress, CancelToken()));
        if (!issued) {
            *error = why(issued);
            return false;
        }
        const QJsonObject challenge{{QStringLiteral("method"), QStringLiteral("standalone")},
                                    {QStringLiteral("address"), QStringLiteral("127.0.0.1")},
                                    {QStringLiteral("port"), pebble.httpPort()}};
        store::Lineage lineage = workflow::lineageFor(request, directory, challenge);
        auto v = workflow::saveIssuedCertificate(*store, lineage, *issued, QStringLiteral("issued"), clock->now());
        if (!v)
            *error = why(v);
        return v.has_value();
    }

    workflow::RenewOutcome renew(const QString& name, bool force = false) {
        workflow::RenewOptions options;
        options.force = force;
        return QCoro::waitFor(workflow::renewLineage(env, name, options, progress, CancelToken()));
    }
};

} // namespace

class TestRenewPebble : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void renewsWhenDueAndNotBefore() {
        Harness h;
        QString error;
        CERTDECK_REQUIRE(h.start(&error), error);
        QVERIFY2(h.issue(QStringLiteral("renew.example.test"), &error), qPrintable(error));
        const QString name = QStringLiteral("renew.example.test");
        auto lineage = h.store->lineages().byName(name);
        QVERIFY(lineage);
        auto first = h.store->certificates().latest(lineage->id);
        QVERIFY(first);

        auto notDue = h.renew(name);
        QCOMPARE(notDue.state, workflow::RenewOutcome::State::NotDue);
        QCOMPARE(notDue.orders, 0);
        QVERIFY(notDue.nextCheck > h.clock->now());
        QVERIFY(notDue.nextCheck < first->notAfter);

        h.clock->set(notDue.nextCheck.addSecs(60));
        auto renewed = h.renew(name);
        QVERIFY2(renewed.state == workflow::RenewOutcome::State::Renewed, qPrintable(renewed.message));
        QCOMPARE(renewed.version, 2);
        QCOMPARE(h.store->vault().currentVersion(name), 2);
        auto history = h.store->certificates().history(lineage->id);
        QVERIFY(history && history->size() == 2);
        QCOMPARE(history->first().names, QStringList{name});
        QVERIFY(history->first().serial != first->serial);
        auto key = h.store->vault().loadKey(name);
        auto chain = h.store->vault().loadChain(name);
        QVERIFY(key && chain && chain->first().matchesKey(*key));
        QCOMPARE(chain->first().sha256FingerprintHex(), history->first().sha256);
        // A fresh key (not reused) and the lineage's settings kept.
        QFile oldKey(h.store->vault().archiveDir(name) + QStringLiteral("/privkey1.pem"));
        QVERIFY(oldKey.open(QIODevice::ReadOnly));
        QVERIFY(!key->sameKeyAs(*crypto::PrivateKey::fromPem(oldKey.readAll())));
        QCOMPARE(h.store->lineages().byName(name)->challenge.value(QStringLiteral("method")).toString(),
                 QStringLiteral("standalone"));
        QVERIFY(!h.store->renewalLocks().find(lineage->id)->has_value());
        auto events = h.store->events().recent(10, lineage->id);
        QVERIFY(events && !events->isEmpty());
        QCOMPARE(events->first().kind, QStringLiteral("renewed"));
        QTRY_COMPARE(h.receiver.requests().size(), 1);
        const QJsonObject note = QJsonDocument::fromJson(h.receiver.requests().first().body).object();
        QCOMPARE(note.value(QStringLiteral("event")).toString(), QStringLiteral("renewed"));
        QCOMPARE(note.value(QStringLiteral("certificate")).toString(), name);
        // The fresh certificate is not due at the time it was issued. (Pebble dates certificates by the real
        // clock, so the test clock, moved years ahead above, is brought back to the issuance time first.)
        h.clock->set(QDateTime::currentDateTimeUtc());
        QCOMPARE(h.renew(name).state, workflow::RenewOutcome::State::NotDue);
    }

    void failuresBackOffNotifyAndPause() {
        Harness h;
        QString error;
        CERTDECK_REQUIRE(h.start(&error), error);
        const QString name = QStringLiteral("fail.example.test");
        QVERIFY2(h.issue(name, &error), qPrintable(error));
        h.failing.insert(name);
        const qint64 id = h.store->lineages().byName(name)->id;
        const auto due = h.renew(name).nextCheck;
        h.clock->set(due.addSecs(1));

        auto failed = h.renew(name);
        QCOMPARE(failed.state, workflow::RenewOutcome::State::Failed);
        QCOMPARE(failed.orders, 1);
        QVERIFY(failed.error);
        QCOMPARE(failed.error->code, ErrorCode::AcmeUnauthorized);
        QCOMPARE(failed.nextCheck, h.clock->now().addSecs(60));
        auto l = h.store->lineages().byName(name);
        QCOMPARE(l->failureCount, 1);
        QCOMPARE(l->authzFailureCount, 1);
        // Backing off: no new order before the minute is up.
        auto waiting = h.renew(name);
        QCOMPARE(waiting.state, workflow::RenewOutcome::State::NotDue);
        QCOMPARE(waiting.orders, 0);
        // Each retry when due; after 5 failed validations in a row it stops and asks.
        int orders = 1;
        for (int i = 0; i < 10; ++i) {
            h.clock->advance(86400);
            auto r = h.renew(name);
            orders += r.orders;
            if (r.state == workflow::RenewOutcome::State::Paused)
                break;
        }
        QCOMPARE(orders, 5);
        l = h.store->lineages().byName(name);
        QVERIFY(!l->pausedReason.isEmpty());
        QCOMPARE(h.renew(name).state, workflow::RenewOutcome::State::Paused);
        QCOMPARE(*h.store->events().count(QStringLiteral("renewal-failed")), 5);
        auto events = h.store->events().recent(1, id);
        QVERIFY(events->first().isFailure());
        int failureNotices = 0;
        for (const auto& r : h.receiver.requests())
            failureNotices += QJsonDocument::fromJson(r.body).object().value(QStringLiteral("event")).toString() ==
                              QLatin1String("renewal-failed");
        QCOMPARE(failureNotices, 5);
        // Once fixed, the user forces a renewal and all is well again.
        h.failing.remove(name);
        auto fixed = h.renew(name, true);
        QVERIFY2(fixed.state == workflow::RenewOutcome::State::Renewed, qPrintable(fixed.message));
        l = h.store->lineages().byName(name);
        QCOMPARE(l->failureCount, 0);
        QVERIFY(l->pausedReason.isEmpty());
    }

    void expiryNoticeFromTheStoredFirstWarning() {
        Harness h;
        QString error;
        CERTDECK_REQUIRE(h.start(&error), error);
        const QString name = QStringLiteral("warn.example.test");
        QVERIFY2(h.issue(name, &error), qPrintable(error));
        auto lineage = h.store->lineages().byName(name);
        QVERIFY(lineage);
        // Renewed by hand: only the notices speak for it.
        lineage->autoRenew = false;
        QVERIFY(h.store->lineages().update(*lineage));
        const QDateTime notAfter = h.store->certificates().latest(lineage->id)->notAfter;
        h.clock->set(notAfter.addDays(-20));
        // With the default first warning (14 days), 20 days left is not news yet.
        QCOMPARE(h.renew(name).state, workflow::RenewOutcome::State::NotDue);
        QCOMPARE(*h.store->events().count(QStringLiteral("expiring")), 0);
        // "Warn me 30 days before expiry", as the Settings dialog or `certdeck-cli notify settings --warn-days` stores
        // it.
        QVERIFY(h.store->settings().setValue(QString::fromLatin1(store::SettingRepository::kFirstExpiryNoticeDays),
                                             QStringLiteral("30")));
        QCOMPARE(h.renew(name).state, workflow::RenewOutcome::State::NotDue);
        QCOMPARE(*h.store->events().count(QStringLiteral("expiring")), 1);
        QTRY_COMPARE(h.receiver.requests().size(), 1);
        const QJsonObject note = QJsonDocument::fromJson(h.receiver.requests().first().body).object();
        QCOMPARE(note.value(QStringLiteral("event")).toString(), QStringLiteral("expiring"));
        QCOMPARE(note.value(QStringLiteral("certificate")).toString(), name);
        QCOMPARE(note.value(QStringLiteral("daysLeft")).toInt(), 20); // the days actually left
        // Once per certificate: the next run a day later says nothing new.
        h.clock->advance(86400);
        QCOMPARE(h.renew(name).state, workflow::RenewOutcome::State::NotDue);
        QCOMPARE(*h.store->events().count(QStringLiteral("expiring")), 1);
        // A value out of range is clamped (60 at most): nothing new either, since 30 was already sent.
        QVERIFY(h.store->settings().setValue(QString::fromLatin1(store::SettingRepository::kFirstExpiryNoticeDays),
                                             QStringLiteral("365")));
        QCOMPARE(h.renew(name).state, workflow::RenewOutcome::State::NotDue);
        QCOMPARE(*h.store->events().count(QStringLiteral("expiring")), 1);
        QCOMPARE(h.receiver.requests().size(), 1);
    }

    void lockedLineageIsNotOrderedTwice() {
        Harness h;
        QString error;
        CERTDECK_REQUIRE(h.start(&error), error);
        const QString name = QStringLiteral("lock.example.test");
        QVERIFY2(h.issue(name, &error), qPrintable(error));
        const qint64 id = h.store->lineages().byName(name)->id;
        const QString otherLiveProcess = QSysInfo::machineHostName() + QStringLiteral(":1");
        QVERIFY(h.store->renewalLocks().acquire(id, otherLiveProcess, h.clock->now(), 3600));
        auto busy = h.renew(name, true);
        QCOMPARE(busy.state, workflow::RenewOutcome::State::Busy);
        QCOMPARE(busy.orders, 0);
        // A killed process's lock (with no order recorded) is taken over: the renewal starts cleanly and
        // says the earlier one was interrupted.
        QVERIFY(h.store->renewalLocks().release(id, otherLiveProcess));
        QVERIFY(h.store->renewalLocks().acquire(id, QSysInfo::machineHostName() + QStringLiteral(":2147483646"),
                                                h.clock->now(), 3600));
        auto resumed = h.renew(name, true);
        QVERIFY2(resumed.state == workflow::RenewOutcome::State::Renewed, qPrintable(resumed.message));
        QCOMPARE(*h.store->events().count(QStringLiteral("renewal-interrupted")), 1);
        QCOMPARE(resumed.orders, 1);
    }

    void renewAllConcurrently() {
        Harness h;
        QString error;
        CERTDECK_REQUIRE(h.start(&error), error);
        for (int i = 0; i < 6; ++i)
            QVERIFY2(h.issue(QStringLiteral("all%1.example.test").arg(i), &error), qPrintable(error));
        workflow::RenewOptions options;
        options.force = true;
        auto results = QCoro::waitFor(workflow::renewAll(h.env, options, 4, h.progress, CancelToken()));
        QCOMPARE(results.size(), 6);
        for (const auto& r : results)
            QVERIFY2(r.state == workflow::RenewOutcome::State::Renewed, qPrintable(r.lineage + r.message));
        for (int i = 0; i < 6; ++i)
            QCOMPARE(h.store->vault().currentVersion(QStringLiteral("all%1.example.test").arg(i)), 2);
    }
};

QTEST_GUILESS_MAIN(TestRenewPebble)
#include "TestRenewPebble.moc"
