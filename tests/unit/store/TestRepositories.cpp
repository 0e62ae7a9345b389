// SPDX-License-Identifier: GPL-3.0-or-later
// Each repository round-trips what a user relies on; DNS provider settings refuse secrets; renewal
// locks keep two orders for one lineage from running at once, and hand a dead owner's order on.
#include "core/crypto/CertificateAuthority.h"
#include "core/store/Store.h"

#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace certdeck;
using namespace certdeck::store;

namespace {
template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : r.error().toString() + QStringLiteral(" | ") + r.error().detail;
}

Lineage makeLineage(const QString& name) {
    Lineage l;
    l.name = name;
    l.names = {name, QStringLiteral("www.") + name};
    l.directoryUrl = QUrl(QStringLiteral("https://ca.test/directory"));
    l.keyType = QStringLiteral("rsa2048");
    l.profile = QStringLiteral("shortlived");
    l.challenge = QJsonObject{{QStringLiteral("method"), QStringLiteral("webroot")},
                              {QStringLiteral("webroot"), QStringLiteral("/var/www/html")}};
    l.deployTargets = QJsonArray{QStringLiteral("web1")};
    return l;
}
} // namespace

class TestRepositories : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;

private Q_SLOTS:
    void init() {
        QVERIFY(m_dir.isValid());
        auto s = Store::open(m_dir.path() + QStringLiteral("/data"));
        QVERIFY2(s, qPrintable(why(s)));
        m_store = std::move(*s);
    }
    void cleanup() {
        m_store.reset();
        QDir(m_dir.path() + QStringLiteral("/data")).removeRecursively();
    }

    void accountsPerDirectory() {
        AccountRecord a;
        a.directoryUrl = QUrl(QStringLiteral("https://ca.test/directory"));
        a.accountUrl = QUrl(QStringLiteral("https://ca.test/acct/1"));
        a.directory = QJsonObject{{QStringLiteral("newOrder"), QStringLiteral("https://ca.test/new-order")}};
        a.directoryFetchedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc());
        a.contact = {QStringLiteral("mailto:me@example.com")};
        auto id = m_store->accounts().save(a);
        QVERIFY2(id, qPrintable(why(id)));
        a.accountUrl = QUrl(QStringLiteral("https://ca.test/acct/2"));
        auto id2 = m_store->accounts().save(a);
        QCOMPARE(*id2, *id); // one account per CA: updated, not duplicated
        auto found = m_store->accounts().find(a.directoryUrl);
        QVERIFY(found);
        QCOMPARE(found->accountUrl, a.accountUrl);
        QCOMPARE(found->directoryFetchedAt, a.directoryFetchedAt);
        QCOMPARE(found->contact, a.contact);
        QCOMPARE(found->directory, a.directory);
        auto missing = m_store->accounts().find(QUrl(QStringLiteral("https://other.test/dir")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void lineageSettingsAndState() {
        Lineage l = makeLineage(QStringLiteral("example.com"));
        QVERIFY(m_store->lineages().insert(l));
        QVERIFY(l.id > 0);
        Lineage dup = makeLineage(QStringLiteral("example.com"));
        const Status s = m_store->lineages().insert(dup);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::InvalidInput);
        Lineage bad = makeLineage(QStringLiteral("../etc"));
        QVERIFY(!m_store->lineages().insert(bad));

        l.failureCount = 3;
        l.nextAttemptAt = QDateTime(QDate(2026, 5, 1), QTime(12, 0), QTimeZone::utc());
        l.pausedReason = QStringLiteral("authorization failed 5 times");
        QVERIFY(m_store->lineages().update(l));
        auto back = m_store->lineages().byName(QStringLiteral("example.com"));
        QVERIFY(back);
        QCOMPARE(back->names, l.names);
        QCOMPARE(back->keyType, QStringLiteral("rsa2048"));
        QCOMPARE(back->profile, QStringLiteral("shortlived"));
        QCOMPARE(back->challenge, l.challenge);
        QCOMPARE(back->deployTargets, l.deployTargets);
        QCOMPARE(back->failureCount, 3);
        QCOMPARE(back->nextAttemptAt, l.nextAttemptAt);
        QCOMPARE(back->pausedReason, l.pausedReason);
        QCOMPARE(Lineage::nameFor(QStringLiteral("*.Example.com")), QStringLiteral("wildcard.example.com"));
    }

    void certificateHistoryAndSummary() {
        Lineage l = makeLineage(QStringLiteral("hist.example"));
        QVERIFY(m_store->lineages().insert(l));
        auto ca = crypto::CertificateAuthority::createRoot(QStringLiteral("Test CA"), 30);
        QVERIFY(ca);
        auto key = crypto::PrivateKey::generate(crypto::KeyType::P256);
        QVERIFY(key);
        for (int v = 1; v <= 3; ++v) {
            auto cert = crypto::CertificateAuthority::issue(ca->first, ca->second, *key, l.names, 10 * v);
            QVERIFY(cert);
            CertificateRecord r = CertificateRecord::fromChain({*cert, ca->second}, l.id, v);
            QVERIFY(m_store->certificates().add(r));
        }
        auto latest = m_store->certificates().latest(l.id);
        QVERIFY(latest);
        QCOMPARE(latest->version, 3);
        QCOMPARE(latest->names, l.names);
        auto chain = crypto::Certificate::chainFromPem(latest->fullchainPem);
        QVERIFY(chain && chain->size() == 2);
        QCOMPARE(chain->first().sha256FingerprintHex(), latest->sha256);
        auto history = m_store->certificates().history(l.id);
        QVERIFY(history && history->size() == 3);
        QCOMPARE(history->last().version, 1);
        auto summaries = m_store->lineages().summaries();
        QVERIFY(summaries && summaries->size() == 1);
        QCOMPARE(summaries->first().version, 3);
        QCOMPARE(summaries->first().notAfter, latest->notAfter);
        QCOMPARE(summaries->first().issuer, QStringLiteral("Test CA"));
        // Deleting a lineage deletes its history.
        QVERIFY(m_store->lineages().remove(l.name));
        QCOMPARE(m_store->certificates().history(l.id)->size(), 0);
    }

    void serversProvidersEndpoints() {
        ServerRecord s;
        s.name = QStringLiteral("web1");
        s.host = QStringLiteral("192.0.2.10");
        s.userName = QStringLiteral("deploy");
        s.hostKeyFingerprint = QStringLiteral("SHA256:abc");
        QVERIFY(m_store->servers().save(s));
        QCOMPARE(m_store->servers().byName(QStringLiteral("web1"))->hostKeyFingerprint, QStringLiteral("SHA256:abc"));
        QCOMPARE(s.secretKey(), QStringLiteral("server/web1"));
        // How to log in without a secret (schema 3): key file, agent, ~/.ssh/config.
        s.authMethod = QStringLiteral("key");
        s.identityFile = QStringLiteral("/home/me/.ssh/deploy_ed25519");
        s.useAgent = false;
        s.sshConfig = false;
        QVERIFY(m_store->servers().save(s));
        auto reread = m_store->servers().byName(QStringLiteral("web1"));
        QVERIFY(reread);
        QCOMPARE(reread->identityFile, s.identityFile);
        QCOMPARE(reread->authMethod, QStringLiteral("key"));
        QVERIFY(!reread->useAgent);
        QVERIFY(!reread->sshConfig);

        DnsProviderRecord d;
        d.name = QStringLiteral("pdns");
        d.kind = QStringLiteral("powerdns");
        d.settings = QJsonObject{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:8081")}};
        QVERIFY(m_store->dnsProviders().save(d));
        d.settings.insert(QStringLiteral("apiToken"), QStringLiteral("s3cr3t"));
        auto refused = m_store->dnsProviders().save(d);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QVERIFY(!m_store->dnsProviders().byName(QStringLiteral("pdns"))->settings.contains(QStringLiteral("apiToken")));

        EndpointRecord e;
        e.host = QStringLiteral("Example.COM");
        QVERIFY(m_store->endpoints().add(e));
        QVERIFY(m_store->endpoints().add(e)); // idempotent
        auto all = m_store->endpoints().all();
        QVERIFY(all && all->size() == 1);
        QCOMPARE(all->first().display(), QStringLiteral("example.com:443"));
        QVERIFY(m_store->endpoints().remove(QStringLiteral("example.com"), 443));
        QCOMPARE(m_store->endpoints().remove(QStringLiteral("example.com"), 443).error().code, ErrorCode::NotFound);
    }

    void eventsNewestFirst() {
        for (int i = 0; i < 5; ++i) {
            EventRecord e;
            e.at = QDateTime(QDate(2026, 1, 1 + i), QTime(0, 0), QTimeZone::utc());
            e.kind = i == 4 ? QStringLiteral("renewal-failed") : QStringLiteral("renewed");
            e.subject = QStringLiteral("a");
            QVERIFY(m_store->events().append(e));
        }
        auto failure =
            EventRecord::failure(QStringLiteral("renewal-failed"), QStringLiteral("b"),
                                 Error(ErrorCode::AcmeDns, QStringLiteral("Fix DNS"), QStringLiteral("NXDOMAIN")));
        QVERIFY(m_store->events().append(failure));
        auto recent = m_store->events().recent(3);
        QVERIFY(recent && recent->size() == 3);
        QCOMPARE(recent->first().subject, QStringLiteral("b"));
        QVERIFY(recent->first().isFailure());
        QCOMPARE(recent->first().errorCode, QStringLiteral("acme-dns"));
        QCOMPARE(*m_store->events().count(QStringLiteral("renewal-failed")), 2);
    }

    void notifiersWithoutSecrets() {
        NotifierRecord hook;
        hook.name = QStringLiteral("ops");
        hook.kind = QStringLiteral("webhook");
        hook.settings = QJsonObject{{QStringLiteral("format"), QStringLiteral("slack")},
                                    {QStringLiteral("host"), QStringLiteral("hooks.slack.com")}};
        QVERIFY(m_store->notifiers().save(hook));
        NotifierRecord mail;
        mail.name = QStringLiteral("mail");
        mail.kind = QStringLiteral("smtp");
        mail.settings = QJsonObject{{QStringLiteral("host"), QStringLiteral("smtp.example")},
                                    {QStringLiteral("user"), QStringLiteral("me")}};
        QVERIFY(m_store->notifiers().save(mail));
        auto all = m_store->notifiers().all();
        QVERIFY(all && all->size() == 2);
        QCOMPARE(all->first().name, QStringLiteral("mail"));
        QCOMPARE(
            m_store->notifiers().byName(QStringLiteral("ops"))->settings.value(QStringLiteral("format")).toString(),
            QStringLiteral("slack"));
        QCOMPARE(mail.secretKey(), QStringLiteral("notify/mail"));
        // The password and the webhook URL (a credential for Slack and Discord) are refused here.
        for (const char* key : {"password", "webhookUrl", "url", "token"}) {
            NotifierRecord bad = mail;
            bad.settings.insert(QString::fromLatin1(key), QStringLiteral("s3cr3t"));
            auto refused = m_store->notifiers().save(bad);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        }
        NotifierRecord unknown = mail;
        unknown.kind = QStringLiteral("pager");
        QVERIFY(!m_store->notifiers().save(unknown));
        QVERIFY(m_store->notifiers().remove(QStringLiteral("ops")));
        QCOMPARE(m_store->notifiers().remove(QStringLiteral("ops")).error().code, ErrorCode::NotFound);
    }

    void settingsKeptWithoutSecrets() {
        SettingRepository& settings = m_store->settings();
        const QString key = QString::fromLatin1(SettingRepository::kFirstExpiryNoticeDays);
        QCOMPARE(*settings.value(key, QStringLiteral("14")), QStringLiteral("14"));
        QCOMPARE(*settings.value(key), QString());
        QVERIFY(settings.setValue(key, QStringLiteral("30")));
        QCOMPARE(*settings.value(key, QStringLiteral("14")), QStringLiteral("30"));
        QVERIFY(settings.setValue(key, QStringLiteral("7"))); // replaced, not duplicated
        QCOMPARE(*settings.value(key, QStringLiteral("14")), QStringLiteral("7"));
        // Another process (the timer-started CLI) opening the same folder sees it.
        {
            auto other = Store::open(m_dir.path() + QStringLiteral("/data"));
            QVERIFY2(other, qPrintable(why(other)));
            QCOMPARE(*(*other)->settings().value(key), QStringLiteral("7"));
        }
        // Secrets belong in the keychain: a key that names one is refused and nothing is written.
        for (const char* bad : {"smtp/password", "dns/apiToken", "eab/secret", "ssh/passphrase", "cf/apikey"}) {
            const Status refused = settings.setValue(QString::fromLatin1(bad), QStringLiteral("s3cr3t"));
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
            QCOMPARE(*settings.value(QString::fromLatin1(bad)), QString());
        }
        QVERIFY(!settings.setValue(QStringLiteral(" "), QStringLiteral("1")));
        QVERIFY(settings.remove(key));
        QCOMPARE(*settings.value(key, QStringLiteral("14")), QStringLiteral("14"));
        QVERIFY(settings.remove(key)); // forgetting an unset key is fine
    }

    void pendingOrderOnePerLineage() {
        Lineage l = makeLineage(QStringLiteral("pending.example"));
        QVERIFY(m_store->lineages().insert(l));
        auto none = m_store->pendingOrders().find(l.id);
        QVERIFY(none && !none->has_value());
        PendingOrder o;
        o.lineageId = l.id;
        o.orderUrl = QUrl(QStringLiteral("https://ca.test/order/1"));
        o.directoryUrl = QUrl(QStringLiteral("https://ca.test/dir"));
        o.names = {QStringLiteral("pending.example")};
        QVERIFY(m_store->pendingOrders().save(o));
        o.orderUrl = QUrl(QStringLiteral("https://ca.test/order/2"));
        o.keyFile = QStringLiteral("/data/pending/pending.example.key");
        o.stage = QStringLiteral("finalizing");
        QVERIFY(m_store->pendingOrders().save(o)); // replaces: one per lineage
        auto found = m_store->pendingOrders().find(l.id);
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->orderUrl, o.orderUrl);
        QCOMPARE((*found)->keyFile, o.keyFile);
        QCOMPARE((*found)->stage, QStringLiteral("finalizing"));
        QCOMPARE((*found)->names, o.names);
        QVERIFY(m_store->pendingOrders().remove(l.id));
        QVERIFY(m_store->pendingOrders().remove(l.id)); // idempotent
        QVERIFY(!m_store->pendingOrders().find(l.id)->has_value());
        // Removing the lineage removes its pending order.
        QVERIFY(m_store->pendingOrders().save(o));
        QVERIFY(m_store->lineages().remove(l.name));
        QVERIFY(!m_store->pendingOrders().find(l.id)->has_value());
    }

    void renewalLockOneOrderPerLineage() {
        Lineage l = makeLineage(QStringLiteral("lock.example"));
        QVERIFY(m_store->lineages().insert(l));
        auto& locks = m_store->renewalLocks();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString me = RenewalLockRepository::processOwner();
        auto first = locks.acquire(l.id, me, now, 3600);
        QVERIFY2(first, qPrintable(why(first)));
        QVERIFY(!first->stale);
        QVERIFY(locks.setOrderUrl(l.id, me, QUrl(QStringLiteral("https://ca.test/order/1"))));
        // A live other owner (pid 1 runs on every Linux) must wait.
        const QString other = QSysInfo::machineHostName() + QStringLiteral(":1");
        auto second = locks.acquire(l.id, other, now, 3600);
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::Busy);
        // Once the time is up, the next owner takes over and learns the order to resume.
        auto later = locks.acquire(l.id, other, now.addSecs(3601), 3600);
        QVERIFY2(later, qPrintable(why(later)));
        QVERIFY(later->stale);
        QCOMPARE(later->stale->orderUrl, QUrl(QStringLiteral("https://ca.test/order/1")));
        QCOMPARE(later->stale->owner, me);
        QVERIFY(locks.release(l.id, other));
        QVERIFY(!locks.find(l.id)->has_value());
        // An owner whose process is gone (a pid that cannot exist) frees the lock at once.
        const QString dead = QSysInfo::machineHostName() + QStringLiteral(":2147483646");
        QVERIFY(RenewalLockRepository::ownerIsGone(dead));
        QVERIFY(locks.acquire(l.id, dead, now, 3600));
        auto afterCrash = locks.acquire(l.id, me, now, 3600);
        QVERIFY(afterCrash && afterCrash->stale);
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "TestRepositories.moc"
