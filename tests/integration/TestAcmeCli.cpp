// SPDX-License-Identifier: GPL-3.0-or-later
// certdeck-cli's ACME commands as a user runs them (in-process, same code path as the binary),
// against a real Pebble: register, issue (files and modes), reuse a key, revoke, key rollover,
// deactivate, and the refusals a user meets first.
#include "app/cli/Cli.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/PrivateKey.h"
#include "tests/support/PebbleFixture.h"

#include <QFile>
#include <QFileInfo>
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
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
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

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestAcmeCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_pebble.start(&error), error);
        QVERIFY(m_data.isValid());
        m_common = {QStringLiteral("--server"), m_pebble.directoryUrl().toString(), QStringLiteral("--ca-file"),
                    m_pebble.listenerCaFile()};
    }

    void registerNeedsExplicitTerms() {
        auto r = runCli(QStringList{QStringLiteral("--data-dir"), m_data.path(), QStringLiteral("account"),
                                    QStringLiteral("register")} +
                        m_common);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("terms of service")), qPrintable(r.err));
    }

    void registerAndShow() {
        auto r =
            runCli(QStringList{QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data.path(),
                               QStringLiteral("account"), QStringLiteral("register"), QStringLiteral("--agree-tos"),
                               QStringLiteral("--email"), QStringLiteral("ops@example.test")} +
                   m_common);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("valid"));
        QVERIFY(r.json().value(QStringLiteral("account")).toString().startsWith(QLatin1String("https://127.0.0.1:")));
        m_thumbprint = r.json().value(QStringLiteral("keyThumbprint")).toString();
        QVERIFY(!m_thumbprint.isEmpty());
        // The account key is private to the user.
        const auto keys =
            QDir(m_data.path() + QStringLiteral("/accounts")).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(keys.size(), 1);
        QCOMPARE(QFileInfo(keys.first().filePath() + QStringLiteral("/account.key")).permissions() & 0x7077,
                 QFile::ReadOwner | QFile::WriteOwner);
    }

    void issueWritesFilesWithSafeModes() {
        QTemporaryDir out;
        const QString dir = out.filePath(QStringLiteral("certs"));
        auto r = runCli(
            QStringList{QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data.path(), QStringLiteral("issue"),
                        QStringLiteral("-d"), QStringLiteral("cli.example.test"), QStringLiteral("-d"),
                        QStringLiteral("www.cli.example.test"), QStringLiteral("--standalone"),
                        QStringLiteral("127.0.0.1:%1").arg(m_pebble.httpPort()), QStringLiteral("--out"), dir} +
            m_common);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.json().value(QStringLiteral("ok")).toBool());
        QVERIFY(r.err.contains(QLatin1String("[  ok] Certificate issued"))); // progress on stderr
        for (const auto* f : {"cert.pem", "chain.pem", "fullchain.pem", "privkey.pem"})
            QVERIFY2(QFile::exists(dir + QLatin1Char('/') + QLatin1String(f)), f);
        QCOMPARE(QFileInfo(dir + QStringLiteral("/privkey.pem")).permissions() & 0x7077,
                 QFile::ReadOwner | QFile::WriteOwner);
        auto cert = crypto::Certificate::fromPem(readAll(dir + QStringLiteral("/cert.pem")));
        auto key = crypto::PrivateKey::fromPem(readAll(dir + QStringLiteral("/privkey.pem")));
        QVERIFY(cert && key);
        QVERIFY(cert->matchesKey(*key));
        QVERIFY(cert->coversName(QStringLiteral("www.cli.example.test")));
        QCOMPARE(readAll(dir + QStringLiteral("/fullchain.pem")),
                 readAll(dir + QStringLiteral("/cert.pem")) + readAll(dir + QStringLiteral("/chain.pem")));
        QVERIFY(crypto::checkChainOrder(
            *crypto::Certificate::chainFromPem(readAll(dir + QStringLiteral("/fullchain.pem")))));

        // --reuse-key keeps the key; a fresh issuance does not.
        auto again =
            runCli(QStringList{QStringLiteral("--data-dir"), m_data.path(), QStringLiteral("issue"),
                               QStringLiteral("-d"), QStringLiteral("cli.example.test"), QStringLiteral("--standalone"),
                               QStringLiteral("127.0.0.1:%1").arg(m_pebble.httpPort()), QStringLiteral("--out"), dir,
                               QStringLiteral("--reuse-key")} +
                   m_common);
        QVERIFY2(again.code == 0, qPrintable(again.err));
        auto cert2 = crypto::Certificate::fromPem(readAll(dir + QStringLiteral("/cert.pem")));
        QVERIFY(cert2->matchesKey(*key));
        QVERIFY(cert2->serialNumber() != cert->serialNumber());
        m_certFile = dir + QStringLiteral("/cert.pem");
        m_keep = std::make_unique<QTemporaryDir>();
        QFile::copy(m_certFile, m_keep->filePath(QStringLiteral("cert.pem")));
        m_certFile = m_keep->filePath(QStringLiteral("cert.pem"));
    }

    void revoke() {
        auto r =
            runCli(QStringList{QStringLiteral("--data-dir"), m_data.path(), QStringLiteral("revoke"),
                               QStringLiteral("--cert"), m_certFile, QStringLiteral("--reason"), QStringLiteral("4")} +
                   m_common);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        auto twice = runCli(QStringList{QStringLiteral("--data-dir"), m_data.path(), QStringLiteral("revoke"),
                                        QStringLiteral("--cert"), m_certFile} +
                            m_common);
        QCOMPARE(twice.code, 4); // the CA refused: already revoked
        QVERIFY2(twice.err.contains(QLatin1String("already revoked")), qPrintable(twice.err));
    }

    void rolloverThenDeactivate() {
        auto r = runCli(QStringList{QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data.path(),
                                    QStringLiteral("account"), QStringLiteral("rollover")} +
                        m_common);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString newThumb = r.json().value(QStringLiteral("keyThumbprint")).toString();
        QVERIFY(!newThumb.isEmpty());
        QVERIFY(newThumb != m_thumbprint);
        auto show = runCli(QStringList{QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data.path(),
                                       QStringLiteral("account"), QStringLiteral("show")} +
                           m_common);
        QVERIFY2(show.code == 0, qPrintable(show.err));
        QCOMPARE(show.json().value(QStringLiteral("keyThumbprint")).toString(), newThumb);

        auto unconfirmed = runCli(QStringList{QStringLiteral("--data-dir"), m_data.path(), QStringLiteral("account"),
                                              QStringLiteral("deactivate")} +
                                  m_common);
        QCOMPARE(unconfirmed.code, 2);
        auto done =
            runCli(QStringList{QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data.path(),
                               QStringLiteral("account"), QStringLiteral("deactivate"), QStringLiteral("--yes")} +
                   m_common);
        QVERIFY2(done.code == 0, qPrintable(done.err));
        QCOMPARE(done.json().value(QStringLiteral("status")).toString(), QStringLiteral("deactivated"));
    }

    void badInputIsExplained_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("hint");
        QTest::newRow("no server") << QStringList{QStringLiteral("issue"), QStringLiteral("-d"),
                                                  QStringLiteral("a.example.test"), QStringLiteral("--webroot"),
                                                  QStringLiteral("/tmp")}
                                   << "--server";
        QTest::newRow("bad name") << QStringList{QStringLiteral("issue"), QStringLiteral("-d"),
                                                 QStringLiteral("a b.example"), QStringLiteral("--out"),
                                                 QStringLiteral("/tmp/x")}
                                  << "not a valid domain name";
        QTest::newRow("two methods") << QStringList{QStringLiteral("issue"),
                                                    QStringLiteral("-d"),
                                                    QStringLiteral("a.example.test"),
                                                    QStringLiteral("--out"),
                                                    QStringLiteral("/tmp/x"),
                                                    QStringLiteral("--webroot"),
                                                    QStringLiteral("/tmp"),
                                                    QStringLiteral("--standalone"),
                                                    QStringLiteral("127.0.0.1:1"),
                                                    QStringLiteral("--server"),
                                                    QStringLiteral("https://127.0.0.1:1/dir")}
                                     << "Choose one of";
        QTest::newRow("plain http CA") << QStringList{QStringLiteral("issue"),
                                                      QStringLiteral("-d"),
                                                      QStringLiteral("a.example.test"),
                                                      QStringLiteral("--out"),
                                                      QStringLiteral("/tmp/x"),
                                                      QStringLiteral("--server"),
                                                      QStringLiteral("http://127.0.0.1:1/dir"),
                                                      QStringLiteral("--webroot"),
                                                      QStringLiteral("/tmp")}
                                       << "https://";
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << "unknown command";
    }
    void badInputIsExplained() {
        QFETCH(QStringList, args);
        QFETCH(QString, hint);
        auto r = runCli(QStringList{QStringLiteral("--data-dir"), m_data.path()} + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(hint), qPrintable(r.err));
    }

private:
    test::PebbleFixture m_pebble;
    QTemporaryDir m_data;
    QStringList m_common;
    QString m_thumbprint;
    QString m_certFile;
    std::unique_ptr<QTemporaryDir> m_keep;
};

QTEST_GUILESS_MAIN(TestAcmeCli)
#include "TestAcmeCli.moc"
