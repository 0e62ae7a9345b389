// SPDX-License-Identifier: GPL-3.0-or-later
// dns-01 from the command line as a user does it: store an RFC 2136 provider (settings in the store,
// TSIG secret in the keychain), then issue a wildcard certificate from Pebble validating against the
// real Knot server. The secret must never land in the database.
#include "app/cli/Cli.h"
#include "core/crypto/Certificate.h"
#include "tests/support/KeyringFixture.h"
#include "tests/support/KnotFixture.h"
#include "tests/support/PebbleFixture.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
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
} // namespace

class TestDnsProviderCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_keyring.start(&error), error);
        CERTDECK_REQUIRE(m_knot.start(&error), error);
        test::PebbleFixture::Options po;
        po.dnsServer = QStringLiteral("127.0.0.1:%1").arg(m_knot.port());
        m_pebble = std::make_unique<test::PebbleFixture>(po);
        CERTDECK_REQUIRE(m_pebble->start(&error), error);
    }

    void credentialsAreNotSettings() {
        auto r = runCli({QStringLiteral("--data-dir"), m_data.path(), QStringLiteral("dns-provider"),
                         QStringLiteral("add"), QStringLiteral("leaky"), QStringLiteral("--type"),
                         QStringLiteral("cloudflare"), QStringLiteral("--set"), QStringLiteral("apiToken=abc")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("--secret-file")), qPrintable(r.err));
        auto missing =
            runCli({QStringLiteral("--data-dir"), m_data.path(), QStringLiteral("dns-provider"), QStringLiteral("add"),
                    QStringLiteral("nosecret"), QStringLiteral("--type"), QStringLiteral("rfc2136"),
                    QStringLiteral("--set"), QStringLiteral("server=127.0.0.1:53")});
        QCOMPARE(missing.code, 2);
    }

    void wildcardThroughStoredRfc2136Provider() {
        QTemporaryDir secretDir;
        const QString secretFile = secretDir.filePath(QStringLiteral("tsig"));
        {
            QFile f(secretFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(m_knot.tsigSecret());
        }
        const QString server = QStringLiteral("127.0.0.1:%1").arg(m_knot.port());
        auto added = runCli({QStringLiteral("--data-dir"), m_data.path(), QStringLiteral("dns-provider"),
                             QStringLiteral("add"), QStringLiteral("knot"), QStringLiteral("--type"),
                             QStringLiteral("rfc2136"), QStringLiteral("--set"), QStringLiteral("server=") + server,
                             QStringLiteral("--set"), QStringLiteral("keyName=") + m_knot.tsigKeyName(),
                             QStringLiteral("--set"), QStringLiteral("algorithm=") + m_knot.tsigAlgorithm(),
                             QStringLiteral("--secret-file"), secretFile});
        QVERIFY2(added.code == 0, qPrintable(added.err));
        QVERIFY2(added.out.contains(QLatin1String("keychain")), qPrintable(added.out));
        QFile::remove(secretFile); // the keychain has it now

        QTemporaryDir out;
        auto issued =
            runCli({QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data.path(), QStringLiteral("issue"),
                    QStringLiteral("-d"), QStringLiteral("*.example.test"), QStringLiteral("-d"),
                    QStringLiteral("example.test"), QStringLiteral("--server"), m_pebble->directoryUrl().toString(),
                    QStringLiteral("--ca-file"), m_pebble->listenerCaFile(), QStringLiteral("--agree-tos"),
                    QStringLiteral("--dns"), QStringLiteral("knot"), QStringLiteral("--dns-resolver"), server,
                    QStringLiteral("--out"), out.path()});
        QVERIFY2(issued.code == 0, qPrintable(issued.err));
        QFile certFile(out.filePath(QStringLiteral("cert.pem")));
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        auto cert = crypto::Certificate::fromPem(certFile.readAll());
        QVERIFY(cert);
        QVERIFY(cert->coversName(QStringLiteral("anything.example.test")));
        QVERIFY(cert->coversName(QStringLiteral("example.test")));
        // Propagation was watched per name server, not slept through.
        QVERIFY2(issued.err.contains(QLatin1String("127.0.0.1")), qPrintable(issued.err));

        // The TSIG secret is in no file of the store.
        const QByteArray secret = m_knot.tsigSecret();
        QDirIterator it(m_data.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(secret), qPrintable(f.fileName()));
        }
    }

private:
    test::KeyringFixture m_keyring;
    test::KnotFixture m_knot;
    std::unique_ptr<test::PebbleFixture> m_pebble;
    QTemporaryDir m_data;
};

QTEST_GUILESS_MAIN(TestDnsProviderCli)
#include "TestDnsProviderCli.moc"
