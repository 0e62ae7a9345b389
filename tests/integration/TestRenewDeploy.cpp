// SPDX-License-Identifier: GPL-3.0-or-later
// A renewal deploys to the lineage's stored targets, against a real Pebble, sshd and nginx (master
// process, reloaded over SSH): the user's path through the CLI (issue, server add + trust, target add,
// renew --force, deploy NAME) ends with nginx serving the renewed certificate and a "deployed" event; a target
// whose reload fails keeps the renewed certificate stored, rolls the server back, and records a
// "deploy-failed" event and sends a deploy-failed notification (real webhook receiver).
#include "app/cli/Cli.h"
#include "core/monitor/TlsProbe.h"
#include "core/schedule/WebhookNotifier.h"
#include "core/ssh/SshSession.h"
#include "core/store/Store.h"
#include "core/workflow/LineageDeployment.h"
#include "core/workflow/RenewCertificate.h"
#include "tests/support/CliRun.h"
#include "tests/support/NginxFixture.h"
#include "tests/support/PebbleFixture.h"
#include "tests/support/SshdFixture.h"
#include "tests/support/WebhookReceiverFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;

namespace {

using Run = test::CliRun;
using test::runCli;

template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : r.error().toString() + QStringLiteral(" | ") + r.error().detail;
}

} // namespace

class TestRenewDeploy : public QObject {
    Q_OBJECT

    test::PebbleFixture m_pebble;
    test::SshdFixture m_sshd;
    test::NginxFixture m_nginx{[] {
        test::NginxFixture::Options o;
        o.masterProcess = true;
        return o;
    }()};
    test::WebhookReceiverFixture m_receiver;

    [[nodiscard]] QString served(const QString& sni) const {
        monitor::TlsProbe::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = m_nginx.httpsPort();
        o.serverName = sni;
        auto r = monitor::TlsProbe::probeBlocking(o);
        return r ? r->leafSha256Hex : QString();
    }

    /// `issue` into the store through the CLI, with the built-in responder on Pebble's http port.
    bool issue(const QString& data, const QString& name, QString* error) {
        Run r = runCli(data, {QStringLiteral("issue"), QStringLiteral("-d"), name, QStringLiteral("--server"),
                              m_pebble.directoryUrl().toString(), QStringLiteral("--ca-file"),
                              m_pebble.listenerCaFile(), QStringLiteral("--standalone"),
                              QStringLiteral("127.0.0.1:%1").arg(m_pebble.httpPort()), QStringLiteral("--agree-tos")});
        if (r.code != 0)
            *error = r.err;
        return r.code == 0;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_pebble.start(&error), error);
        CERTDECK_REQUIRE(m_sshd.start(&error), error);
        CERTDECK_REQUIRE(m_nginx.start(&error), error);
        CERTDECK_REQUIRE(m_receiver.start(&error), error);
    }

    void renewDeploysThroughTheCli() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString name = QStringLiteral("deploy.example.test");
        QString error;
        QVERIFY2(issue(data, name, &error), qPrintable(error));

        // The user's steps: a server (key login, no agent, isolated from ~/.ssh/config), its host key
        // confirmed, a deploy target on the certificate.
        Run add = runCli(data, {QStringLiteral("server"), QStringLiteral("add"), QStringLiteral("web1"),
                                QStringLiteral("--host"), m_sshd.host(), QStringLiteral("--port"),
                                QString::number(m_sshd.port()), QStringLiteral("--user"), m_sshd.user(),
                                QStringLiteral("--identity"), m_sshd.clientKeyPath(), QStringLiteral("--no-agent"),
                                QStringLiteral("--no-ssh-config")});
        QVERIFY2(add.code == 0, qPrintable(add.err));
        Run trust = runCli(data, {QStringLiteral("server"), QStringLiteral("trust"), QStringLiteral("web1"),
                                  QStringLiteral("--fingerprint"), m_sshd.hostKeyFingerprint()});
        QVERIFY2(trust.code == 0, qPrintable(trust.err));
        QStringList target{QStringLiteral("target"),
                           QStringLiteral("add"),
                           name,
                           QStringLiteral("--server"),
                           QStringLiteral("web1"),
                           QStringLiteral("--preset"),
                           QStringLiteral("nginx"),
                           QStringLiteral("--name"),
                           QStringLiteral("web1-nginx"),
                           QStringLiteral("--file"),
                           QStringLiteral("fullchain=") + m_nginx.tlsCertPath(),
                           QStringLiteral("--file"),
                           QStringLiteral("privkey=") + m_nginx.tlsKeyPath(),
                           QStringLiteral("--verify-host"),
                           QStringLiteral("127.0.0.1"),
                           QStringLiteral("--verify-port"),
                           QString::number(m_nginx.httpsPort()),
                           QStringLiteral("--server-name"),
                           name};
        for (const QString& a : m_nginx.testCommand())
            target << QStringLiteral("--config-test") << a;
        for (const QString& a : m_nginx.reloadCommand())
            target << QStringLiteral("--reload") << a;
        Run added = runCli(data, target);
        QVERIFY2(added.code == 0, qPrintable(added.err));
        // A relative path is refused when the target is added, not during a renewal at night.
        Run bad = runCli(data, {QStringLiteral("target"), QStringLiteral("add"), name, QStringLiteral("--server"),
                                QStringLiteral("web1"), QStringLiteral("--dir"), QStringLiteral("relative/dir"),
                                QStringLiteral("--name"), QStringLiteral("bad")});
        QCOMPARE(bad.code, 2);
        Run listed = runCli(data, {QStringLiteral("--json"), QStringLiteral("target"), QStringLiteral("list"), name});
        QCOMPARE(listed.code, 0);
        QCOMPARE(listed.json().value(QStringLiteral("targets")).toArray().size(), 1);

        const QString before = served(name);
        QVERIFY(!before.isEmpty());
        Run renew = runCli(data, {QStringLiteral("--json"), QStringLiteral("renew"), name, QStringLiteral("--force"),
                                  QStringLiteral("--ca-file"), m_pebble.listenerCaFile()});
        QVERIFY2(renew.code == 0, qPrintable(renew.out + renew.err));
        const QJsonObject result = renew.json().value(QStringLiteral("results")).toArray().first().toObject();
        QCOMPARE(result.value(QStringLiteral("result")).toString(), QStringLiteral("renewed"));
        const QJsonArray deployments = result.value(QStringLiteral("deployments")).toArray();
        QCOMPARE(deployments.size(), 1);
        QVERIFY(deployments.first().toObject().value(QStringLiteral("deployed")).toBool());

        auto store = store::Store::open(data);
        QVERIFY2(store, qPrintable(why(store)));
        auto lineage = (*store)->lineages().byName(name);
        QVERIFY(lineage);
        auto latest = (*store)->certificates().latest(lineage->id);
        QVERIFY(latest);
        QCOMPARE(latest->version, 2);
        // What nginx serves now is the renewed certificate, by a fresh handshake from here.
        QCOMPARE(served(name), latest->sha256);
        QVERIFY(served(name) != before);
        auto events = (*store)->events().recent(10, lineage->id);
        QVERIFY(events && !events->isEmpty());
        QCOMPARE(events->first().kind, QStringLiteral("deployed"));
        QCOMPARE(events->first().data.value(QStringLiteral("target")).toString(), QStringLiteral("web1-nginx"));
        // `server add` and `trust` wrote the store's row (no servers.json), with the confirmed key.
        auto web1 = (*store)->servers().byName(QStringLiteral("web1"));
        QVERIFY(web1);
        QCOMPARE(web1->identityFile, m_sshd.clientKeyPath());
        QCOMPARE(web1->hostKeyFingerprint, m_sshd.hostKeyFingerprint());
        QVERIFY(!QFile::exists(QDir(data).filePath(QStringLiteral("servers.json"))));

        // `deploy NAME` installs the current certificate on the stored targets again, with an event.
        Run deployed = runCli(data, {QStringLiteral("--json"), QStringLiteral("deploy"), name});
        QVERIFY2(deployed.code == 0, qPrintable(deployed.out + deployed.err));
        const QJsonArray again = deployed.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.first().toObject().value(QStringLiteral("certificate")).toString(), name);
        QCOMPARE(again.first().toObject().value(QStringLiteral("target")).toString(), QStringLiteral("web1-nginx"));
        QCOMPARE(again.first().toObject().value(QStringLiteral("servedFingerprint")).toString(), latest->sha256);
        auto afterDeploy = (*store)->events().recent(10, lineage->id);
        QVERIFY(afterDeploy && afterDeploy->size() > events->size());
        QCOMPARE(afterDeploy->first().kind, QStringLiteral("deployed"));
        // A certificate without targets says how to add one.
        Run none = runCli(data, {QStringLiteral("deploy"), QStringLiteral("nope.example.test")});
        QVERIFY(none.code != 0);
    }

    void failedReloadKeepsTheRenewalAndNotifies() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString name = QStringLiteral("reloadfail.example.test");
        QString error;
        QVERIFY2(issue(data, name, &error), qPrintable(error));

        auto opened = store::Store::open(data);
        QVERIFY2(opened, qPrintable(why(opened)));
        store::Store& store = **opened;
        // Headless secrets backend: no keychain in this test, and this server has no passphrase anyway.
        QVERIFY(store.setSecretsBackend(store::Secrets::Backend::File));
        store::ServerRecord server;
        server.name = QStringLiteral("web2");
        server.host = m_sshd.host();
        server.port = m_sshd.port();
        server.userName = m_sshd.user();
        server.authMethod = QStringLiteral("key");
        server.identityFile = m_sshd.clientKeyPath();
        server.useAgent = false;
        server.sshConfig = false;
        QVERIFY(store.servers().save(server));
        const auto sshTarget = workflow::sshTargetFor(server, data);
        QVERIFY(QCoro::waitFor(ssh::SshSession::trustHostKey(sshTarget, m_sshd.hostKeyFingerprint())));
        auto lineage = store.lineages().byName(name);
        QVERIFY(lineage);
        QJsonArray configTest;
        for (const QString& a : m_nginx.testCommand())
            configTest.append(a);
        // A reload that fails: the deployer must roll back and say so.
        lineage->deployTargets = QJsonArray{QJsonObject{
            {QStringLiteral("name"), QStringLiteral("web2-nginx")},
            {QStringLiteral("server"), QStringLiteral("web2")},
            {QStringLiteral("preset"), QStringLiteral("nginx")},
            {QStringLiteral("files"), QJsonArray{QJsonObject{{QStringLiteral("content"), QStringLiteral("fullchain")},
                                                             {QStringLiteral("path"), m_nginx.tlsCertPath()}},
                                                 QJsonObject{{QStringLiteral("content"), QStringLiteral("privkey")},
                                                             {QStringLiteral("path"), m_nginx.tlsKeyPath()}}}},
            {QStringLiteral("configTest"), configTest},
            {QStringLiteral("reload"), QJsonArray{QStringLiteral("false")}},
            {QStringLiteral("verifyHost"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("verifyPort"), m_nginx.httpsPort()},
            {QStringLiteral("serverName"), name}}};
        QVERIFY(store.lineages().update(*lineage));

        const QString before = served(name);
        QVERIFY(!before.isEmpty());
        net::HttpClient http;
        QVERIFY(http.addTrustedCertificatesFromFile(m_pebble.listenerCaFile()));
        schedule::WebhookNotifier hook(http, m_receiver.url(QStringLiteral("/deploy")),
                                       schedule::WebhookNotifier::Format::Json);
        workflow::RenewalEnvironment env;
        env.store = &store;
        env.http = &http;
        env.notifiers = {&hook};
        env.deployOptions.verifyTimeout = std::chrono::seconds(10);
        Progress progress;
        workflow::RenewOptions options;
        options.force = true;
        const qsizetype hooksBefore = m_receiver.requests().size();
        auto outcome = QCoro::waitFor(workflow::renewLineage(env, name, options, progress, CancelToken()));
        // Renewed and stored, whatever the server did.
        QVERIFY2(outcome.state == workflow::RenewOutcome::State::Renewed, qPrintable(outcome.message));
        QCOMPARE(outcome.version, 2);
        QCOMPARE(store.vault().currentVersion(name), 2);
        QCOMPARE(outcome.deployments.size(), 1);
        QCOMPARE(outcome.deployFailures(), 1);
        const deploy::DeployResult& d = outcome.deployments.first();
        QVERIFY(!d.deployed);
        QVERIFY(d.rolledBack);
        // nginx still serves the previous certificate (rolled back), not a half-installed one.
        QCOMPARE(served(name), before);
        auto events = store.events().recent(10, lineage->id);
        QVERIFY(events && !events->isEmpty());
        QCOMPARE(events->first().kind, QStringLiteral("deploy-failed"));
        QVERIFY(events->first().isFailure());
        QVERIFY(events->first().message.contains(QLatin1String("web2-nginx")));
        QCOMPARE(events->at(1).kind, QStringLiteral("renewed"));
        // Two notifications: renewed, then deploy failed with the target and the way out.
        QTRY_COMPARE(m_receiver.requests().size(), hooksBefore + 2);
        const QJsonObject note = QJsonDocument::fromJson(m_receiver.requests().last().body).object();
        QCOMPARE(note.value(QStringLiteral("event")).toString(), QStringLiteral("deploy-failed"));
        QCOMPARE(note.value(QStringLiteral("certificate")).toString(), name);
        QVERIFY(note.value(QStringLiteral("reason")).toString().contains(QLatin1String("web2-nginx")));
    }
};

QTEST_GUILESS_MAIN(TestRenewDeploy)
#include "TestRenewDeploy.moc"
