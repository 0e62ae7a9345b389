// SPDX-License-Identifier: GPL-3.0-or-later
// Unattended renewal of a certificate validated through a server's webroot over SSH (what the wizard
// stores for "http-01 through a server's webroot"), against a real Pebble, sshd and nginx: the CLI's
// `renew` and the desktop app's path (renewLineage without a solver factory) both log in to the stored
// server only when the renewal presents a token, put it in nginx's webroot, and get the certificate.
// A lineage whose server is gone fails with a message naming it; a manual dns-01 lineage says it
// cannot renew unattended.
#include "app/cli/Cli.h"
#include "core/net/HttpClient.h"
#include "core/ssh/SshSession.h"
#include "core/store/Store.h"
#include "core/workflow/LineageDeployment.h"
#include "core/workflow/LineageSolvers.h"
#include "core/workflow/RenewCertificate.h"
#include "tests/support/CliRun.h"
#include "tests/support/NginxFixture.h"
#include "tests/support/PebbleFixture.h"
#include "tests/support/SshdFixture.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace certdeck;

namespace {

using Run = test::CliRun;
using test::runCli;

} // namespace

class TestRenewRemoteWebroot : public QObject {
    Q_OBJECT

    test::NginxFixture m_nginx;
    std::unique_ptr<test::PebbleFixture> m_pebble; ///< validates http-01 on nginx's port: made once nginx runs
    test::SshdFixture m_sshd;

    /// Issues `name` through nginx's webroot on this machine, stores the sshd fixture as server "web1"
    /// (key login, host key confirmed), then makes the lineage's challenge the remote webroot on web1,
    /// as the wizard stores it.
    void prepare(const QString& data, const QString& name, const QString& server) {
        Run issued =
            runCli(data, {QStringLiteral("issue"), QStringLiteral("-d"), name, QStringLiteral("--server"),
                          m_pebble->directoryUrl().toString(), QStringLiteral("--ca-file"), m_pebble->listenerCaFile(),
                          QStringLiteral("--webroot"), m_nginx.webroot(), QStringLiteral("--agree-tos")});
        QVERIFY2(issued.code == 0, qPrintable(issued.err));
        // The server as the Servers screen stores it, its host key confirmed into Certdeck's known_hosts.
        store::ServerRecord web1;
        web1.name = QStringLiteral("web1");
        web1.host = m_sshd.host();
        web1.port = m_sshd.port();
        web1.userName = m_sshd.user();
        web1.authMethod = QStringLiteral("key");
        web1.identityFile = m_sshd.clientKeyPath();
        web1.useAgent = false;
        web1.sshConfig = false;
        {
            auto opened = store::Store::open(data);
            QVERIFY(opened.has_value());
            QVERIFY((*opened)->servers().save(web1).has_value());
        }
        const ssh::SshTarget target = workflow::sshTargetFor(web1, data);
        QVERIFY(QCoro::waitFor(ssh::SshSession::trustHostKey(target, m_sshd.hostKeyFingerprint())).has_value());

        auto store = store::Store::open(data);
        QVERIFY(store.has_value());
        auto lineage = (*store)->lineages().byName(name);
        QVERIFY(lineage.has_value());
        QJsonObject c = lineage->challenge;
        c.insert(QStringLiteral("method"), QStringLiteral("remote-webroot"));
        c.insert(QStringLiteral("server"), server);
        c.insert(QStringLiteral("webroot"), m_nginx.webroot());
        // The test names resolve only inside Pebble's DNS: the self-check from here cannot reach them.
        c.insert(QStringLiteral("selfCheck"), false);
        c.remove(QStringLiteral("address"));
        c.remove(QStringLiteral("port"));
        lineage->challenge = c;
        QVERIFY((*store)->lineages().update(*lineage).has_value());
    }

    static int versionOf(const QString& data, const QString& name) {
        auto store = store::Store::open(data);
        if (!store)
            return -1;
        auto l = (*store)->lineages().byName(name);
        auto versions = l ? (*store)->certificates().history(l->id) : Result<QList<store::CertificateRecord>>();
        return versions ? static_cast<int>(versions->size()) : -1;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_nginx.start(&error), error);
        test::PebbleFixture::Options o;
        o.httpPort = m_nginx.httpPort();
        m_pebble = std::make_unique<test::PebbleFixture>(o);
        CERTDECK_REQUIRE(m_pebble->start(&error), error);
        CERTDECK_REQUIRE(m_sshd.start(&error), error);
    }

    void cliRenewalLogsInAndAnswersInTheRemoteWebroot() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString name = QStringLiteral("remote-cli.example.test");
        prepare(data, name, QStringLiteral("web1"));
        if (QTest::currentTestFailed())
            return;
        const int logins = m_sshd.authRequestCount();
        Run renewed = runCli(data, {QStringLiteral("renew"), name, QStringLiteral("--force")});
        QVERIFY2(renewed.code == 0, qPrintable(renewed.out + renewed.err));
        QCOMPARE(versionOf(data, name), 2);
        // Through the server: sshd saw the login; the token file is gone again (cleanUp).
        QVERIFY(m_sshd.authRequestCount() > logins);
        QDir challenges(m_nginx.webroot() + QStringLiteral("/.well-known/acme-challenge"));
        QCOMPARE(challenges.entryList(QDir::Files), QStringList());
    }

    void appRenewalWithoutASolverFactory() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString name = QStringLiteral("remote-app.example.test");
        prepare(data, name, QStringLiteral("web1"));
        if (QTest::currentTestFailed())
            return;
        auto store = store::Store::open(data);
        QVERIFY(store.has_value());
        net::HttpClient http;
        QVERIFY(http.addTrustedCertificatesFromFile(m_pebble->listenerCaFile()).has_value());
        workflow::RenewalEnvironment env;
        env.store = store->get();
        env.http = &http;
        workflow::RenewOptions options;
        options.force = true;
        Progress progress;
        const int logins = m_sshd.authRequestCount();
        const workflow::RenewOutcome out =
            QCoro::waitFor(workflow::renewLineage(env, name, options, progress, CancelToken()));
        QVERIFY2(out.state == workflow::RenewOutcome::State::Renewed, qPrintable(out.message));
        QCOMPARE(out.version, 2);
        QVERIFY(m_sshd.authRequestCount() > logins);
    }

    void aServerThatIsGoneIsNamed() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString name = QStringLiteral("remote-gone.example.test");
        prepare(data, name, QStringLiteral("web9"));
        if (QTest::currentTestFailed())
            return;
        Run renewed = runCli(data, {QStringLiteral("renew"), name, QStringLiteral("--force")});
        QVERIFY(renewed.code != 0);
        QVERIFY2((renewed.out + renewed.err).contains(QLatin1String("web9")), qPrintable(renewed.out + renewed.err));
        QCOMPARE(versionOf(data, name), 1);
    }

    void manualDnsCannotRenewUnattended() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        auto store = store::Store::open(data);
        QVERIFY(store.has_value());
        store::Lineage l;
        l.name = QStringLiteral("manual.example.test");
        l.names = {l.name};
        l.directoryUrl = m_pebble->directoryUrl();
        l.keyType = QStringLiteral("p256");
        l.challenge = QJsonObject{{QStringLiteral("method"), QStringLiteral("dns-01")},
                                  {QStringLiteral("provider"), QString()},
                                  {QStringLiteral("manual"), true}};
        workflow::SharedResponders shared;
        auto solvers = workflow::solversForLineage(**store, l, &shared);
        QVERIFY(!solvers.has_value());
        QVERIFY2(solvers.error().userMessage.contains(QLatin1String("by hand")),
                 qPrintable(solvers.error().userMessage));
    }
};

QTEST_GUILESS_MAIN(TestRenewRemoteWebroot)
#include "TestRenewRemoteWebroot.moc"
