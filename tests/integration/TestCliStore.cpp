// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI with the store, as a user (or the timer) runs it, against a real Pebble: issue keeps a
// lineage, list/show/events report it, renew is a no-op until due and renews with --force, export
// writes PEM and PKCS#12, watch adds/lists/removes endpoints, install-timer writes units or prints a
// crontab line, certdeck-cli processes and this process write one store at once, and a directory made
// by the real certbot against Pebble is imported (lineages and certbot's account) and renewed with it.
#include "app/cli/Cli.h"
#include "core/crypto/Certificate.h"
#include "core/store/Store.h"
#include "tests/support/CliRun.h"
#include "tests/support/PebbleFixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;

namespace {

using Run = test::CliRun;
using test::runCli;

QString cliBinary() {
    return QCoreApplication::applicationDirPath() + QStringLiteral("/../app/cli/certdeck-cli");
}

} // namespace

class TestCliStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void issueListShowRenewExportEvents() {
        test::PebbleFixture pebble;
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString standalone = QStringLiteral("127.0.0.1:%1").arg(pebble.httpPort());
        Run issue =
            runCli(data, {QStringLiteral("issue"), QStringLiteral("-d"), QStringLiteral("cli.example.test"),
                          QStringLiteral("-d"), QStringLiteral("www.cli.example.test"), QStringLiteral("--server"),
                          pebble.directoryUrl().toString(), QStringLiteral("--ca-file"), pebble.listenerCaFile(),
                          QStringLiteral("--standalone"), standalone, QStringLiteral("--agree-tos")});
        QVERIFY2(issue.code == 0, qPrintable(issue.err));
        QVERIFY(issue.out.contains(QLatin1String("as 'cli.example.test'")));
        const QString live = data + QStringLiteral("/live/cli.example.test");
        QVERIFY(QFileInfo(live + QStringLiteral("/fullchain.pem")).isSymLink());
        QVERIFY(QFile::exists(live + QStringLiteral("/privkey.pem")));

        // The same name again is refused before ordering anything.
        const int before = pebble.requestCount();
        Run again =
            runCli(data, {QStringLiteral("issue"), QStringLiteral("-d"), QStringLiteral("cli.example.test"),
                          QStringLiteral("--server"), pebble.directoryUrl().toString(), QStringLiteral("--ca-file"),
                          pebble.listenerCaFile(), QStringLiteral("--standalone"), standalone});
        QCOMPARE(again.code, 2);
        QCOMPARE(pebble.requestCount(), before);

        Run list = runCli(data, {QStringLiteral("--json"), QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        const QJsonArray certs = list.json().value(QStringLiteral("certificates")).toArray();
        QCOMPARE(certs.size(), 1);
        QCOMPARE(certs.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("cli.example.test"));
        QCOMPARE(certs.first().toObject().value(QStringLiteral("names")).toArray().size(), 2);
        Run listText = runCli(data, {QStringLiteral("list")});
        QVERIFY(listText.out.contains(QLatin1String("auto-renew")));

        Run show = runCli(data, {QStringLiteral("--json"), QStringLiteral("show"), QStringLiteral("cli.example.test")});
        QCOMPARE(show.code, 0);
        QCOMPARE(show.json().value(QStringLiteral("challenge")).toObject().value(QStringLiteral("method")).toString(),
                 QStringLiteral("standalone"));
        QCOMPARE(show.json().value(QStringLiteral("versions")).toArray().size(), 1);
        QCOMPARE(runCli(data, {QStringLiteral("show"), QStringLiteral("nope")}).code, exitCodeFor(ErrorCode::NotFound));

        Run notDue = runCli(data, {QStringLiteral("--json"), QStringLiteral("renew"), QStringLiteral("--all")});
        QVERIFY2(notDue.code == 0, qPrintable(notDue.err + notDue.out));
        QCOMPARE(
            notDue.json().value(QStringLiteral("results")).toArray().first().toObject().value(QStringLiteral("result")),
            QJsonValue(QStringLiteral("not-due")));
        Run forced =
            runCli(data, {QStringLiteral("renew"), QStringLiteral("cli.example.test"), QStringLiteral("--force")});
        QVERIFY2(forced.code == 0, qPrintable(forced.err + forced.out));
        QVERIFY(forced.out.contains(QLatin1String("renewed")));

        // A dry run against the sandbox CA keeps nothing but an event.
        Run dry = runCli(data, {QStringLiteral("--sandbox"), QStringLiteral("--json"), QStringLiteral("renew"),
                                QStringLiteral("cli.example.test"), QStringLiteral("--dry-run")});
        QVERIFY2(dry.code == 0, qPrintable(dry.err + dry.out));
        QCOMPARE(
            dry.json().value(QStringLiteral("results")).toArray().first().toObject().value(QStringLiteral("result")),
            QJsonValue(QStringLiteral("dry-run")));
        QCOMPARE(runCli(data, {QStringLiteral("--json"), QStringLiteral("show"), QStringLiteral("cli.example.test")})
                     .json()
                     .value(QStringLiteral("versions"))
                     .toArray()
                     .size(),
                 2);

        const QString pemDir = dir.filePath(QStringLiteral("export"));
        QCOMPARE(runCli(data,
                        {QStringLiteral("export"), QStringLiteral("cli.example.test"), QStringLiteral("--pem"), pemDir})
                     .code,
                 0);
        QFile full(pemDir + QStringLiteral("/fullchain.pem"));
        QVERIFY(full.open(QIODevice::ReadOnly));
        auto chain = crypto::Certificate::chainFromPem(full.readAll());
        QVERIFY(chain && chain->first().coversName(QStringLiteral("www.cli.example.test")));
        QCOMPARE(QFileInfo(pemDir + QStringLiteral("/privkey.pem")).permissions() &
                     (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
        QFile pw(dir.filePath(QStringLiteral("pw")));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write("export-pass\n");
        pw.close();
        QCOMPARE(runCli(data, {QStringLiteral("export"), QStringLiteral("cli.example.test"), QStringLiteral("--pkcs12"),
                               dir.filePath(QStringLiteral("c.p12"))})
                     .code,
                 2); // a key file needs a password
        QCOMPARE(runCli(data, {QStringLiteral("export"), QStringLiteral("cli.example.test"), QStringLiteral("--pkcs12"),
                               dir.filePath(QStringLiteral("c.p12")), QStringLiteral("--password-file"), pw.fileName()})
                     .code,
                 0);
        QString opensslError;
        QVERIFY2(
            test::runTool(QStringLiteral("openssl"),
                          {QStringLiteral("pkcs12"), QStringLiteral("-in"), dir.filePath(QStringLiteral("c.p12")),
                           QStringLiteral("-passin"), QStringLiteral("pass:export-pass"), QStringLiteral("-noout")},
                          &opensslError),
            qPrintable(opensslError));

        Run events = runCli(data, {QStringLiteral("--json"), QStringLiteral("events")});
        QCOMPARE(events.code, 0);
        QStringList kinds;
        for (const auto& e : events.json().value(QStringLiteral("events")).toArray())
            kinds << e.toObject().value(QStringLiteral("kind")).toString();
        QCOMPARE(kinds, (QStringList{QStringLiteral("dry-run"), QStringLiteral("renewed"), QStringLiteral("issued")}));
    }

    void watchAndTimer() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QCOMPARE(runCli(data, {QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("example.com"),
                               QStringLiteral("[2001:db8::1]:8443")})
                     .code,
                 0);
        Run list = runCli(data, {QStringLiteral("--json"), QStringLiteral("watch"), QStringLiteral("list")});
        const QJsonArray endpoints = list.json().value(QStringLiteral("endpoints")).toArray();
        QCOMPARE(endpoints.size(), 2);
        QCOMPARE(runCli(data, {QStringLiteral("watch"), QStringLiteral("remove"), QStringLiteral("example.com")}).code,
                 0);
        QCOMPARE(runCli(data, {QStringLiteral("watch"), QStringLiteral("remove"), QStringLiteral("example.com")}).code,
                 exitCodeFor(ErrorCode::NotFound));
        QCOMPARE(runCli(data, {QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("bad host:99999")}).code,
                 2);

        const QString units = dir.filePath(QStringLiteral("units"));
        Run timer = runCli(data, {QStringLiteral("install-timer"), QStringLiteral("--unit-dir"), units});
        QVERIFY2(timer.code == 0, qPrintable(timer.err));
        QFile service(units + QStringLiteral("/certdeck-renew.service"));
        QVERIFY(service.open(QIODevice::ReadOnly));
        const QByteArray unit = service.readAll();
        QVERIFY(unit.contains("renew --all"));
        QVERIFY(unit.contains("--data-dir \"" + QFile::encodeName(QDir(data).absolutePath()) + '"'));
        QFile timerUnit(units + QStringLiteral("/certdeck-renew.timer"));
        QVERIFY(timerUnit.open(QIODevice::ReadOnly));
        QVERIFY(timerUnit.readAll().contains("RandomizedDelaySec="));
        Run cron = runCli(data, {QStringLiteral("install-timer"), QStringLiteral("--cron")});
        QCOMPARE(cron.code, 0);
        QVERIFY(QRegularExpression(QStringLiteral("^\\d+ \\d+,\\d+ \\* \\* \\* '.*' --data-dir '.*' renew --all\\n$"))
                    .match(cron.out)
                    .hasMatch());
    }

    void scanServedCertificateAndWatched() {
        test::PebbleFixture pebble; // its HTTPS listener is a TLS server we did not issue for
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString port = QString::number(pebble.directoryUrl().port());
        Run scan = runCli(data, {QStringLiteral("--json"), QStringLiteral("scan"), QStringLiteral("localhost:") + port,
                                 QStringLiteral("--connect"), QStringLiteral("127.0.0.1"), QStringLiteral("--ca-file"),
                                 pebble.listenerCaFile()});
        QVERIFY2(scan.code == 0, qPrintable(scan.err + scan.out));
        const QJsonObject r = scan.json().value(QStringLiteral("results")).toArray().first().toObject();
        QVERIFY(r.value(QStringLiteral("trusted")).toBool());
        QVERIFY(r.value(QStringLiteral("names")).toArray().contains(QStringLiteral("localhost")));
        QVERIFY(r.value(QStringLiteral("daysLeft")).toDouble() > 0);
        // Untrusted without the private CA, and says so.
        Run untrusted =
            runCli(data, {QStringLiteral("--json"), QStringLiteral("scan"), QStringLiteral("127.0.0.1:") + port});
        QCOMPARE(untrusted.code, 0);
        QVERIFY(!untrusted.json()
                     .value(QStringLiteral("results"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("trusted"))
                     .toBool());
        // Watched endpoints are scanned without arguments and remember what they served.
        QCOMPARE(
            runCli(data, {QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("127.0.0.1:") + port}).code,
            0);
        QCOMPARE(runCli(data, {QStringLiteral("scan")}).code, 0);
        auto store = store::Store::open(data);
        QVERIFY(store);
        const auto endpoints = *(*store)->endpoints().all();
        QCOMPARE(endpoints.size(), 1);
        QCOMPARE(endpoints.first().lastSha256, r.value(QStringLiteral("sha256")).toString());
        QVERIFY(endpoints.first().lastScannedAt.isValid());
        // A refused connection is an error with the network exit code.
        Run refused = runCli(data, {QStringLiteral("scan"), QStringLiteral("127.0.0.1:1")});
        QCOMPARE(refused.code, exitCodeFor(ErrorCode::Network));
    }

    void cliProcessesAndGuiShareTheStore() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        auto store = store::Store::open(data);
        QVERIFY(store);
        QVERIFY(QFile::exists(cliBinary()));
        QList<QProcess*> children;
        for (int i = 0; i < 3; ++i) {
            auto* p = new QProcess(this);
            QStringList args{QStringLiteral("--data-dir"), data, QStringLiteral("watch"), QStringLiteral("add")};
            for (int j = 0; j < 20; ++j)
                args << QStringLiteral("h%1-%2.example").arg(i).arg(j);
            p->setProcessChannelMode(QProcess::MergedChannels);
            p->start(cliBinary(), args);
            children << p;
        }
        // Meanwhile this process (the GUI) writes and reads.
        for (int i = 0; i < 100; ++i) {
            store::EventRecord e;
            e.kind = QStringLiteral("gui");
            QVERIFY((*store)->events().append(e));
            QVERIFY((*store)->endpoints().all());
        }
        for (auto* p : children) {
            QVERIFY(p->waitForFinished(60000));
            QVERIFY2(p->exitCode() == 0, p->readAll().constData());
        }
        QCOMPARE((*store)->endpoints().all()->size(), 60);
        QCOMPARE(*(*store)->events().count(QStringLiteral("gui")), 100);
        QVERIFY((*store)->db().integrityOk());
    }

    void accountAndRevokeUseTheStoresAccount() {
        test::PebbleFixture pebble;
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString server = pebble.directoryUrl().toString();
        // `account register` creates the store's account; `issue` then uses that very account.
        Run reg = runCli(data, {QStringLiteral("--json"), QStringLiteral("account"), QStringLiteral("register"),
                                QStringLiteral("--server"), server, QStringLiteral("--ca-file"),
                                pebble.listenerCaFile(), QStringLiteral("--agree-tos")});
        QVERIFY2(reg.code == 0, qPrintable(reg.err));
        const QString accountUrl = reg.json().value(QStringLiteral("account")).toString();
        QVERIFY(!accountUrl.isEmpty());
        Run issue =
            runCli(data, {QStringLiteral("issue"), QStringLiteral("-d"), QStringLiteral("rv.example.test"),
                          QStringLiteral("--server"), server, QStringLiteral("--ca-file"), pebble.listenerCaFile(),
                          QStringLiteral("--standalone"), QStringLiteral("127.0.0.1:%1").arg(pebble.httpPort())});
        QVERIFY2(issue.code == 0, qPrintable(issue.err));
        QString sha256;
        {
            auto store = store::Store::open(data);
            QVERIFY(store);
            auto accounts = (*store)->accounts().all();
            QVERIFY(accounts && accounts->size() == 1);
            QCOMPARE(accounts->first().accountUrl.toString(), accountUrl);
            auto lineage = (*store)->lineages().byName(QStringLiteral("rv.example.test"));
            QVERIFY(lineage);
            sha256 = (*store)->certificates().latest(lineage->id)->sha256;
        }
        // `account show` without --server: the one CA the store has an account with.
        Run show = runCli(data, {QStringLiteral("--json"), QStringLiteral("account"), QStringLiteral("show"),
                                 QStringLiteral("--ca-file"), pebble.listenerCaFile()});
        QVERIFY2(show.code == 0, qPrintable(show.err));
        QCOMPARE(show.json().value(QStringLiteral("account")).toString(), accountUrl);
        QCOMPARE(show.json().value(QStringLiteral("keyThumbprint")).toString(),
                 reg.json().value(QStringLiteral("keyThumbprint")).toString());

        // `revoke NAME`: the lineage's current certificate, its CA, its CA file, the store's account.
        Run revoke = runCli(data, {QStringLiteral("--json"), QStringLiteral("revoke"),
                                   QStringLiteral("rv.example.test"), QStringLiteral("--reason"), QStringLiteral("4")});
        QVERIFY2(revoke.code == 0, qPrintable(revoke.err));
        QCOMPARE(revoke.json().value(QStringLiteral("sha256")).toString(), sha256);
        Run events = runCli(data, {QStringLiteral("--json"), QStringLiteral("events")});
        const QJsonObject latest = events.json().value(QStringLiteral("events")).toArray().first().toObject();
        QCOMPARE(latest.value(QStringLiteral("kind")).toString(), QStringLiteral("revoked"));
        QCOMPARE(latest.value(QStringLiteral("subject")).toString(), QStringLiteral("rv.example.test"));
        {
            auto store = store::Store::open(data);
            QVERIFY(store);
            auto lineage = (*store)->lineages().byName(QStringLiteral("rv.example.test"));
            auto recent = (*store)->events().recent(1, lineage->id);
            QVERIFY(recent && !recent->isEmpty());
            QCOMPARE(recent->first().data.value(QStringLiteral("sha256")).toString(), sha256);
        }
        // The CA really revoked it: a second request is refused as already revoked.
        Run twice = runCli(data, {QStringLiteral("revoke"), QStringLiteral("rv.example.test")});
        QCOMPARE(twice.code, 4);
        QVERIFY2(twice.err.contains(QLatin1String("already revoked")), qPrintable(twice.err));
        QCOMPARE(runCli(data, {QStringLiteral("revoke"), QStringLiteral("nope")}).code,
                 exitCodeFor(ErrorCode::NotFound));
    }

    void importCertbotDirectory() {
        test::PebbleFixture pebble;
        QString error;
        CERTDECK_REQUIRE(pebble.start(&error), error);
        const QString certbot = test::findBinary(QStringLiteral("certbot"), QStringLiteral("certbot"), &error);
        CERTDECK_REQUIRE(!certbot.isEmpty(), error);
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("letsencrypt"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REQUESTS_CA_BUNDLE"), pebble.listenerCaFile());
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(certbot, {QStringLiteral("certonly"),
                          QStringLiteral("--server"),
                          pebble.directoryUrl().toString(),
                          QStringLiteral("--config-dir"),
                          config,
                          QStringLiteral("--work-dir"),
                          dir.filePath(QStringLiteral("work")),
                          QStringLiteral("--logs-dir"),
                          dir.filePath(QStringLiteral("logs")),
                          QStringLiteral("--non-interactive"),
                          QStringLiteral("--agree-tos"),
                          QStringLiteral("--register-unsafely-without-email"),
                          QStringLiteral("--standalone"),
                          QStringLiteral("--http-01-address"),
                          QStringLiteral("127.0.0.1"),
                          QStringLiteral("--http-01-port"),
                          QString::number(pebble.httpPort()),
                          QStringLiteral("--key-type"),
                          QStringLiteral("ecdsa"),
                          QStringLiteral("--cert-name"),
                          QStringLiteral("cb.example.test"),
                          QStringLiteral("-d"),
                          QStringLiteral("cb.example.test"),
                          QStringLiteral("-d"),
                          QStringLiteral("www.cb.example.test")});
        QVERIFY(p.waitForFinished(180000));
        QVERIFY2(p.exitCode() == 0, p.readAll().constData());

        const QString data = dir.filePath(QStringLiteral("data"));
        Run imported =
            runCli(data, {QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("certbot"), config});
        QVERIFY2(imported.code == 0, qPrintable(imported.err + imported.out));
        const QJsonArray list = imported.json().value(QStringLiteral("imported")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(QStringLiteral("method")).toString(), QStringLiteral("standalone"));
        // The key and certificate certbot made are now Certdeck's, live/ like before.
        QFile certbotChain(config + QStringLiteral("/live/cb.example.test/fullchain.pem"));
        QFile ourChain(data + QStringLiteral("/live/cb.example.test/fullchain.pem"));
        QVERIFY(certbotChain.open(QIODevice::ReadOnly) && ourChain.open(QIODevice::ReadOnly));
        QCOMPARE(ourChain.readAll(), certbotChain.readAll());
        Run show = runCli(data, {QStringLiteral("--json"), QStringLiteral("show"), QStringLiteral("cb.example.test")});
        QCOMPARE(show.json().value(QStringLiteral("names")).toArray().size(), 2);
        QCOMPARE(show.json().value(QStringLiteral("ca")).toString(), pebble.directoryUrl().toString());
        // Importing twice changes nothing.
        Run twice =
            runCli(data, {QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("certbot"), config});
        QCOMPARE(twice.json().value(QStringLiteral("imported")).toArray().size(), 0);
        // certbot's account came along: the store's account for Pebble is certbot's (same URL, same key,
        // the key file private to the user).
        const QJsonArray accounts = imported.json().value(QStringLiteral("accounts")).toArray();
        QCOMPARE(accounts.size(), 1);
        QVERIFY(accounts.first().toObject().value(QStringLiteral("imported")).toBool());
        QDir certbotAccounts(config + QStringLiteral("/accounts/127.0.0.1:%1/dir").arg(pebble.directoryUrl().port()));
        const QStringList ids = certbotAccounts.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(ids.size(), 1);
        QFile regr(certbotAccounts.filePath(ids.first() + QStringLiteral("/regr.json")));
        QVERIFY(regr.open(QIODevice::ReadOnly));
        const QString certbotAccountUrl =
            QJsonDocument::fromJson(regr.readAll()).object().value(QStringLiteral("uri")).toString();
        QVERIFY(certbotAccountUrl.startsWith(QLatin1String("https://")));
        QCOMPARE(accounts.first().toObject().value(QStringLiteral("account")).toString(), certbotAccountUrl);
        {
            auto store = store::Store::open(data);
            QVERIFY(store);
            auto account = (*store)->accounts().find(pebble.directoryUrl());
            QVERIFY(account);
            QCOMPARE(account->accountUrl.toString(), certbotAccountUrl);
            const auto keyFiles =
                QDir(data + QStringLiteral("/accounts")).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
            QCOMPARE(keyFiles.size(), 1);
            QCOMPARE(QFileInfo(keyFiles.first().filePath() + QStringLiteral("/account.key")).permissions() & 0x7077,
                     QFile::ReadOwner | QFile::WriteOwner);
        }
        const auto newAccounts = [&pebble] {
            QFile log(pebble.workDir() + QStringLiteral("/pebble.log"));
            return log.open(QIODevice::ReadOnly) ? log.readAll().count("/sign-me-up -> calling handler()") : -1;
        };
        const qsizetype accountsBefore = newAccounts();
        QVERIFY(accountsBefore >= 1); // certbot's own registration is in the log
        // And Certdeck renews it with certbot's settings and certbot's account: Pebble accepts requests
        // signed with the imported key under certbot's account URL, and no account is created.
        Run renew = runCli(data, {QStringLiteral("renew"), QStringLiteral("cb.example.test"), QStringLiteral("--force"),
                                  QStringLiteral("--ca-file"), pebble.listenerCaFile()});
        QVERIFY2(renew.code == 0, qPrintable(renew.err + renew.out));
        QCOMPARE(newAccounts(), accountsBefore);
        Run accountShow = runCli(data, {QStringLiteral("--json"), QStringLiteral("account"), QStringLiteral("show"),
                                        QStringLiteral("--ca-file"), pebble.listenerCaFile()});
        QVERIFY2(accountShow.code == 0, qPrintable(accountShow.err));
        QCOMPARE(accountShow.json().value(QStringLiteral("account")).toString(), certbotAccountUrl);
        QCOMPARE(accountShow.json().value(QStringLiteral("status")).toString(), QStringLiteral("valid"));
    }
};

QTEST_GUILESS_MAIN(TestCliStore)
#include "TestCliStore.moc"
