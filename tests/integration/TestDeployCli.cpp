// SPDX-License-Identifier: GPL-3.0-or-later
// `certdeck-cli server add|trust|test` and `certdeck-cli deploy --cert --key --server` as a user runs
// them, against a real sshd and nginx: nothing connects for real before the host key is confirmed, a
// wrong fingerprint is refused, the server and its confirmed key land in the store (no servers.json),
// and the deployment is verified on nginx's TLS port.
#include "app/cli/Cli.h"
#include "core/crypto/Certificate.h"
#include "core/monitor/TlsProbe.h"
#include "core/store/Store.h"
#include "tests/support/NginxFixture.h"
#include "tests/support/SshdFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args) {
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = QCoro::waitFor(cli::runCli(QStringList{QStringLiteral("certdeck-cli")} + args, out, err));
    out.flush();
    err.flush();
    return r;
}

bool writeLocal(const QString& path, const QByteArray& content) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

} // namespace

class TestDeployCli : public QObject {
    Q_OBJECT

    test::SshdFixture m_sshd;
    test::NginxFixture m_nginx{[] {
        test::NginxFixture::Options o;
        o.masterProcess = true;
        return o;
    }()};
    QTemporaryDir m_data;

    [[nodiscard]] QStringList base() const { return {QStringLiteral("--data-dir"), m_data.path()}; }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_sshd.start(&error), error);
        CERTDECK_REQUIRE(m_nginx.start(&error), error);
        QVERIFY(m_data.isValid());
    }

    void addTrustTestDeploy() {
        auto add = runCli(base() + QStringList{QStringLiteral("server"), QStringLiteral("add"), QStringLiteral("web1"),
                                               QStringLiteral("--host"), m_sshd.host(), QStringLiteral("--port"),
                                               QString::number(m_sshd.port()), QStringLiteral("--user"), m_sshd.user(),
                                               QStringLiteral("--identity"), m_sshd.clientKeyPath(),
                                               QStringLiteral("--no-agent"), QStringLiteral("--no-ssh-config")});
        QVERIFY2(add.code == 0, qPrintable(add.err));

        // Not trusted yet: no login is attempted.
        const int authBefore = m_sshd.authRequestCount();
        auto untrusted =
            runCli(base() + QStringList{QStringLiteral("server"), QStringLiteral("test"), QStringLiteral("web1")});
        QVERIFY(untrusted.code != 0);
        QVERIFY2(untrusted.err.contains(QLatin1String("SHA256:")) || untrusted.out.contains(QLatin1String("SHA256:")),
                 qPrintable(untrusted.err));
        QCOMPARE(m_sshd.authRequestCount(), authBefore);

        auto show =
            runCli(base() + QStringList{QStringLiteral("server"), QStringLiteral("trust"), QStringLiteral("web1")});
        QCOMPARE(show.code, 0);
        QVERIFY2(show.out.contains(m_sshd.hostKeyFingerprint()), qPrintable(show.out));
        QVERIFY(show.out.contains(QLatin1String("unknown")));
        QVERIFY(!QFile::exists(m_data.filePath(QStringLiteral("known_hosts"))) ||
                QFile(m_data.filePath(QStringLiteral("known_hosts"))).size() == 0);

        auto wrong = runCli(base() + QStringList{QStringLiteral("server"), QStringLiteral("trust"),
                                                 QStringLiteral("web1"), QStringLiteral("--fingerprint"),
                                                 QStringLiteral("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")});
        QVERIFY(wrong.code != 0);

        auto trust =
            runCli(base() + QStringList{QStringLiteral("server"), QStringLiteral("trust"), QStringLiteral("web1"),
                                        QStringLiteral("--fingerprint"), m_sshd.hostKeyFingerprint()});
        QVERIFY2(trust.code == 0, qPrintable(trust.err));

        auto tested = runCli(base() + QStringList{QStringLiteral("--json"), QStringLiteral("server"),
                                                  QStringLiteral("test"), QStringLiteral("web1")});
        QVERIFY2(tested.code == 0, qPrintable(tested.err));
        const QJsonObject t = QJsonDocument::fromJson(tested.out.toUtf8()).object();
        QCOMPARE(t.value(QStringLiteral("hostKey")).toString(), m_sshd.hostKeyFingerprint());
        QVERIFY(t.value(QStringLiteral("commands")).toBool());

        // The server lives in the store (the app's Servers screen shows it), with the confirmed key.
        {
            auto opened = store::Store::open(m_data.path());
            QVERIFY(opened);
            auto row = (*opened)->servers().byName(QStringLiteral("web1"));
            QVERIFY(row);
            QCOMPARE(row->hostKeyFingerprint, m_sshd.hostKeyFingerprint());
            QCOMPARE(row->authMethod, QStringLiteral("key"));
        }
        QVERIFY(!QFile::exists(m_data.filePath(QStringLiteral("servers.json"))));

        // The preset's names (fullchain.pem, privkey.pem) in the fixture's tls folder; point nginx at them.
        QByteArray certPem;
        QByteArray keyPem;
        QString error;
        QVERIFY(m_nginx.issueCertificate({QStringLiteral("example.test")}, &certPem, &keyPem, &error));
        QFile conf(m_nginx.confPath());
        QVERIFY(conf.open(QIODevice::ReadOnly));
        QByteArray text = conf.readAll();
        conf.close();
        text.replace(m_nginx.tlsCertPath().toUtf8(),
                     (m_nginx.prefix() + QStringLiteral("/tls/fullchain.pem")).toUtf8());
        text.replace(m_nginx.tlsKeyPath().toUtf8(), (m_nginx.prefix() + QStringLiteral("/tls/privkey.pem")).toUtf8());
        QVERIFY(writeLocal(m_nginx.prefix() + QStringLiteral("/tls/fullchain.pem"), readFile(m_nginx.tlsCertPath())));
        QVERIFY(writeLocal(m_nginx.prefix() + QStringLiteral("/tls/privkey.pem"), readFile(m_nginx.tlsKeyPath())));
        QFile::setPermissions(m_nginx.prefix() + QStringLiteral("/tls/privkey.pem"),
                              QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(writeLocal(m_nginx.confPath(), text));
        QVERIFY2(m_nginx.reload(&error), qPrintable(error));

        QVERIFY(writeLocal(m_data.filePath(QStringLiteral("new-fullchain.pem")), certPem));
        QVERIFY(writeLocal(m_data.filePath(QStringLiteral("new-privkey.pem")), keyPem));
        // Files to the stored server, nginx's own test and reload commands, verified on its TLS port.
        QStringList deployArgs{QStringLiteral("--json"),        QStringLiteral("deploy"),
                               QStringLiteral("--cert"),        m_data.filePath(QStringLiteral("new-fullchain.pem")),
                               QStringLiteral("--key"),         m_data.filePath(QStringLiteral("new-privkey.pem")),
                               QStringLiteral("--server"),      QStringLiteral("web1"),
                               QStringLiteral("--preset"),      QStringLiteral("nginx"),
                               QStringLiteral("--dir"),         m_nginx.prefix() + QStringLiteral("/tls"),
                               QStringLiteral("--verify-host"), QStringLiteral("127.0.0.1"),
                               QStringLiteral("--verify-port"), QString::number(m_nginx.httpsPort()),
                               QStringLiteral("--server-name"), QStringLiteral("example.test")};
        for (const QString& a : m_nginx.testCommand())
            deployArgs << QStringLiteral("--config-test") << a;
        for (const QString& a : m_nginx.reloadCommand())
            deployArgs << QStringLiteral("--reload") << a;
        auto deployed = runCli(base() + deployArgs);
        QVERIFY2(deployed.code == 0, qPrintable(deployed.out + deployed.err));
        const QJsonObject result = QJsonDocument::fromJson(deployed.out.toUtf8()).object();
        QVERIFY(result.value(QStringLiteral("ok")).toBool());
        const QString expected = crypto::Certificate::fromPem(certPem)->sha256FingerprintHex();
        QCOMPARE(result.value(QStringLiteral("results"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("servedFingerprint"))
                     .toString(),
                 expected);

        // A servers.json an earlier version left: its server (same name as a stored one) is not
        // imported over the stored row, and its named target still deploys, through the stored server.
        QJsonArray reload;
        for (const QString& a : m_nginx.reloadCommand())
            reload.append(a);
        QJsonArray configTest;
        for (const QString& a : m_nginx.testCommand())
            configTest.append(a);
        const QJsonObject legacyTarget{{QStringLiteral("server"), QStringLiteral("web1")},
                                       {QStringLiteral("preset"), QStringLiteral("nginx")},
                                       {QStringLiteral("directory"), m_nginx.prefix() + QStringLiteral("/tls")},
                                       {QStringLiteral("reload"), reload},
                                       {QStringLiteral("configTest"), configTest},
                                       {QStringLiteral("verifyHost"), QStringLiteral("127.0.0.1")},
                                       {QStringLiteral("verifyPort"), m_nginx.httpsPort()},
                                       {QStringLiteral("serverName"), QStringLiteral("example.test")}};
        const QJsonObject legacy{
            {QStringLiteral("servers"),
             QJsonObject{{QStringLiteral("web1"), QJsonObject{{QStringLiteral("host"), QStringLiteral("192.0.2.1")}}}}},
            {QStringLiteral("targets"), QJsonObject{{QStringLiteral("web1-nginx"), legacyTarget}}}};
        const QByteArray legacyBytes = QJsonDocument(legacy).toJson();
        QVERIFY(writeLocal(m_data.filePath(QStringLiteral("servers.json")), legacyBytes));
        auto viaFile =
            runCli(base() + QStringList{QStringLiteral("--json"), QStringLiteral("deploy"), QStringLiteral("--cert"),
                                        m_data.filePath(QStringLiteral("new-fullchain.pem")), QStringLiteral("--key"),
                                        m_data.filePath(QStringLiteral("new-privkey.pem")), QStringLiteral("--to"),
                                        QStringLiteral("web1-nginx")});
        QVERIFY2(viaFile.code == 0, qPrintable(viaFile.out + viaFile.err));
        QVERIFY2(viaFile.err.contains(QLatin1String("kept the stored web1")), qPrintable(viaFile.err));
        QCOMPARE(QJsonDocument::fromJson(viaFile.out.toUtf8())
                     .object()
                     .value(QStringLiteral("results"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("servedFingerprint"))
                     .toString(),
                 expected);
        {
            auto opened = store::Store::open(m_data.path());
            QVERIFY(opened);
            QCOMPARE((*opened)->servers().byName(QStringLiteral("web1"))->host, m_sshd.host());
        }
        QCOMPARE(readFile(m_data.filePath(QStringLiteral("servers.json"))), legacyBytes);

        // Unknown target: a clear error, nothing attempted.
        auto unknown =
            runCli(base() + QStringList{QStringLiteral("deploy"), QStringLiteral("--cert"),
                                        m_data.filePath(QStringLiteral("new-fullchain.pem")), QStringLiteral("--key"),
                                        m_data.filePath(QStringLiteral("new-privkey.pem")), QStringLiteral("--to"),
                                        QStringLiteral("nope")});
        QVERIFY(unknown.code != 0);
        QVERIFY2(unknown.err.contains(QLatin1String("nope")), qPrintable(unknown.err));
    }

private:
    static QByteArray readFile(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

QTEST_GUILESS_MAIN(TestDeployCli)
#include "TestDeployCli.moc"
