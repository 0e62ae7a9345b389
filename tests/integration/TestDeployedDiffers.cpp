// SPDX-License-Identifier: GPL-3.0-or-later
// "Deployed certificate differs from the stored one" (issue 6's notification), against a real Pebble,
// sshd, nginx and webhook receiver: the renewal run asks every stored deploy target what it serves;
// a server serving another certificate is reported (JSON), recorded as an event and notified once a
// day, not on every run; after the stored certificate is deployed, nothing is reported.
#include "app/cli/Cli.h"
#include "core/ssh/SshSession.h"
#include "core/store/Store.h"
#include "core/workflow/LineageDeployment.h"
#include "tests/support/CliRun.h"
#include "tests/support/NginxFixture.h"
#include "tests/support/PebbleFixture.h"
#include "tests/support/SshdFixture.h"
#include "tests/support/WebhookReceiverFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;

namespace {

using Run = test::CliRun;
using test::runCli;

} // namespace

class TestDeployedDiffers : public QObject {
    Q_OBJECT

    test::PebbleFixture m_pebble;
    test::SshdFixture m_sshd;
    test::NginxFixture m_nginx{[] {
        test::NginxFixture::Options o;
        o.masterProcess = true;
        return o;
    }()};
    test::WebhookReceiverFixture m_receiver;

    int differsNotices() const {
        int n = 0;
        for (const auto& r : m_receiver.requests())
            if (QJsonDocument::fromJson(r.body).object().value(QStringLiteral("event")).toString() ==
                QLatin1String("deployed-differs"))
                ++n;
        return n;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_pebble.start(&error), error);
        CERTDECK_REQUIRE(m_sshd.start(&error), error);
        CERTDECK_REQUIRE(m_nginx.start(&error), error);
        CERTDECK_REQUIRE(m_receiver.start(&error), error);
    }

    void aServerServingAnotherCertificateIsNoticedOnce() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString name = QStringLiteral("drift.example.test");
        Run issued =
            runCli(data, {QStringLiteral("issue"), QStringLiteral("-d"), name, QStringLiteral("--server"),
                          m_pebble.directoryUrl().toString(), QStringLiteral("--ca-file"), m_pebble.listenerCaFile(),
                          QStringLiteral("--standalone"), QStringLiteral("127.0.0.1:%1").arg(m_pebble.httpPort()),
                          QStringLiteral("--agree-tos")});
        QVERIFY2(issued.code == 0, qPrintable(issued.err));

        // nginx serves its own test certificate, not the one just issued: the stored target points there.
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
            auto store = store::Store::open(data);
            QVERIFY(store.has_value());
            QVERIFY((*store)->servers().save(web1).has_value());
            auto lineage = (*store)->lineages().byName(name);
            QVERIFY(lineage.has_value());
            QJsonArray configTest;
            for (const QString& a : m_nginx.testCommand())
                configTest.append(a);
            QJsonArray reload;
            for (const QString& a : m_nginx.reloadCommand())
                reload.append(a);
            lineage->deployTargets =
                QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("web1-nginx")},
                                       {QStringLiteral("server"), QStringLiteral("web1")},
                                       {QStringLiteral("preset"), QStringLiteral("nginx")},
                                       {QStringLiteral("configTest"), configTest},
                                       {QStringLiteral("reload"), reload},
                                       {QStringLiteral("verifyHost"), QStringLiteral("127.0.0.1")},
                                       {QStringLiteral("verifyPort"), m_nginx.httpsPort()},
                                       {QStringLiteral("serverName"), name},
                                       {QStringLiteral("files"),
                                        QJsonArray{QJsonObject{{QStringLiteral("content"), QStringLiteral("fullchain")},
                                                               {QStringLiteral("path"), m_nginx.tlsCertPath()},
                                                               {QStringLiteral("mode"), 0644}},
                                                   QJsonObject{{QStringLiteral("content"), QStringLiteral("privkey")},
                                                               {QStringLiteral("path"), m_nginx.tlsKeyPath()},
                                                               {QStringLiteral("mode"), 0600}}}}}};
            QVERIFY((*store)->lineages().update(*lineage).has_value());
        }
        const ssh::SshTarget target = workflow::sshTargetFor(web1, data);
        QVERIFY(QCoro::waitFor(ssh::SshSession::trustHostKey(target, m_sshd.hostKeyFingerprint())).has_value());

        const QStringList renew{QStringLiteral("--json"),
                                QStringLiteral("renew"),
                                name,
                                QStringLiteral("--ca-file"),
                                m_pebble.listenerCaFile(),
                                QStringLiteral("--webhook"),
                                m_receiver.url(QStringLiteral("/drift")).toString()};
        const int before = differsNotices();
        Run first = runCli(data, renew);
        QVERIFY2(first.code == 0, qPrintable(first.out + first.err));
        const QJsonArray differs = first.json().value(QStringLiteral("deployedDiffers")).toArray();
        QCOMPARE(differs.size(), 1);
        QCOMPARE(differs.first().toObject().value(QStringLiteral("target")).toString(), QStringLiteral("web1-nginx"));
        QTRY_COMPARE(differsNotices(), before + 1);
        const QJsonObject note = QJsonDocument::fromJson(m_receiver.requests().last().body).object();
        QCOMPARE(note.value(QStringLiteral("certificate")).toString(), name);
        QVERIFY(note.value(QStringLiteral("reason")).toString().contains(QLatin1String("--deploy-only")));
        {
            auto store = store::Store::open(data);
            QVERIFY(store.has_value());
            QCOMPARE(*(*store)->events().count(QStringLiteral("deployed-differs")), 1);
        }

        // The timer's next run the same day: still reported, not notified again (a notice is delivered
        // before the run ends: the receiver would have it).
        Run second = runCli(data, renew);
        QVERIFY2(second.code == 0, qPrintable(second.out + second.err));
        QCOMPARE(second.json().value(QStringLiteral("deployedDiffers")).toArray().size(), 1);
        QCOMPARE(differsNotices(), before + 1);

        // The way out the notice names: deploy the stored certificate; then nothing differs.
        Run deployOnly = runCli(data, {QStringLiteral("renew"), name, QStringLiteral("--deploy-only")});
        QVERIFY2(deployOnly.code == 0, qPrintable(deployOnly.out + deployOnly.err));
        Run third = runCli(data, renew);
        QVERIFY2(third.code == 0, qPrintable(third.out + third.err));
        QVERIFY(!third.json().contains(QStringLiteral("deployedDiffers")));
    }
};

QTEST_GUILESS_MAIN(TestDeployedDiffers)
#include "TestDeployedDiffers.moc"
