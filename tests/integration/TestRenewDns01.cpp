// SPDX-License-Identifier: GPL-3.0-or-later
// Unattended renewal of a dns-01 lineage as the timer runs it: a wildcard issued into the store through
// a stored RFC 2136 provider (TSIG secret in the keychain) on a real Knot, then `renew` builds the
// same dns-01 solver from the stored settings and renews it against Pebble.
#include "app/cli/Cli.h"
#include "tests/support/KeyringFixture.h"
#include "tests/support/KnotFixture.h"
#include "tests/support/PebbleFixture.h"

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
    r.code = QCoro::waitFor(certdeck::cli::runCli(QStringList{QStringLiteral("certdeck-cli")} + args, out, err));
    out.flush();
    err.flush();
    return r;
}
} // namespace

class TestRenewDns01 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wildcardRenewsThroughStoredProvider() {
        test::KeyringFixture keyring;
        test::KnotFixture knot;
        QString error;
        CERTDECK_REQUIRE(keyring.start(&error), error);
        CERTDECK_REQUIRE(knot.start(&error), error);
        test::PebbleFixture::Options po;
        po.dnsServer = QStringLiteral("127.0.0.1:%1").arg(knot.port());
        test::PebbleFixture pebble(po);
        CERTDECK_REQUIRE(pebble.start(&error), error);
        QTemporaryDir data;
        QTemporaryDir secretDir;
        const QString secretFile = secretDir.filePath(QStringLiteral("tsig"));
        {
            QFile f(secretFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(knot.tsigSecret());
        }
        const QString server = QStringLiteral("127.0.0.1:%1").arg(knot.port());
        auto added =
            runCli({QStringLiteral("--data-dir"), data.path(), QStringLiteral("dns-provider"), QStringLiteral("add"),
                    QStringLiteral("knot"), QStringLiteral("--type"), QStringLiteral("rfc2136"),
                    QStringLiteral("--set"), QStringLiteral("server=") + server, QStringLiteral("--set"),
                    QStringLiteral("keyName=") + knot.tsigKeyName(), QStringLiteral("--set"),
                    QStringLiteral("algorithm=") + knot.tsigAlgorithm(), QStringLiteral("--secret-file"), secretFile});
        QVERIFY2(added.code == 0, qPrintable(added.err));
        auto issued = runCli({QStringLiteral("--data-dir"), data.path(), QStringLiteral("issue"), QStringLiteral("-d"),
                              QStringLiteral("*.example.test"), QStringLiteral("--name"), QStringLiteral("wild"),
                              QStringLiteral("--server"), pebble.directoryUrl().toString(), QStringLiteral("--ca-file"),
                              pebble.listenerCaFile(), QStringLiteral("--agree-tos"), QStringLiteral("--dns"),
                              QStringLiteral("knot"), QStringLiteral("--dns-resolver"), server});
        QVERIFY2(issued.code == 0, qPrintable(issued.err));

        auto renewed = runCli({QStringLiteral("--json"), QStringLiteral("--data-dir"), data.path(),
                               QStringLiteral("renew"), QStringLiteral("--all"), QStringLiteral("--force")});
        QVERIFY2(renewed.code == 0, qPrintable(renewed.err + renewed.out));
        const QJsonObject r = QJsonDocument::fromJson(renewed.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("results"))
                                  .toArray()
                                  .first()
                                  .toObject();
        QCOMPARE(r.value(QStringLiteral("name")).toString(), QStringLiteral("wild"));
        QCOMPARE(r.value(QStringLiteral("result")).toString(), QStringLiteral("renewed"));
        auto shown = runCli({QStringLiteral("--json"), QStringLiteral("--data-dir"), data.path(),
                             QStringLiteral("show"), QStringLiteral("wild")});
        QCOMPARE(
            QJsonDocument::fromJson(shown.out.toUtf8()).object().value(QStringLiteral("versions")).toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestRenewDns01)
#include "TestRenewDns01.moc"
