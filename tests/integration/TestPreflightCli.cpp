// SPDX-License-Identifier: GPL-3.0-or-later
// `certdeck-cli check` as a user runs it, against a local zone on Knot: exit code 5 and the exact
// record to add for a blocker, 0 when nothing blocks, JSON for scripts.
#include "app/cli/Cli.h"
#include "tests/support/KnotFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

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

class TestPreflightCli : public QObject {
    Q_OBJECT

    std::unique_ptr<test::KnotFixture> m_knot;

    QStringList common() const {
        return {QStringLiteral("check"),
                QStringLiteral("--dns-server"),
                QStringLiteral("127.0.0.1:%1").arg(m_knot->port()),
                QStringLiteral("--caa-identity"),
                QStringLiteral("letsencrypt.org"),
                QStringLiteral("--server-ip"),
                QStringLiteral("127.0.0.1"),
                QStringLiteral("--method"),
                QStringLiteral("http-01")};
    }

private Q_SLOTS:
    void initTestCase() {
        test::KnotFixture::Options o;
        o.extraRecords = {QStringLiteral("good A 127.0.0.1"), QStringLiteral("bad A 127.0.0.1"),
                          QStringLiteral("bad CAA 0 issue \"sectigo.com\"")};
        m_knot = std::make_unique<test::KnotFixture>(o);
        QString error;
        CERTDECK_REQUIRE(m_knot->start(&error), error);
    }
    void cleanupTestCase() { m_knot.reset(); }

    void blockerGivesExitCode5AndTheRecord() {
        const Run r =
            runCli(common() + QStringList{QStringLiteral("good.example.test"), QStringLiteral("bad.example.test")});
        QVERIFY2(r.code == 5, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("bad.example.test. CAA 0 issue \"letsencrypt.org\"")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("[BLOCKER]")));
    }

    void nothingBlockingGivesZero() {
        const Run r = runCli(common() + QStringList{QStringLiteral("good.example.test")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QLatin1String("Nothing blocks issuance.")));
    }

    void json() {
        const Run r = runCli(QStringList{QStringLiteral("--json")} + common() +
                             QStringList{QStringLiteral("bad.example.test"), QStringLiteral("*.example.test")});
        QCOMPARE(r.code, 5);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("blocker"));
        const QJsonArray names = o.value(QStringLiteral("names")).toArray();
        QCOMPARE(names.size(), 2);
        QCOMPARE(names.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("*.example.test"));
        bool wildcardBlocked = false;
        for (const QJsonValue& f : names.at(1).toObject().value(QStringLiteral("findings")).toArray())
            wildcardBlocked = wildcardBlocked ||
                              (f.toObject().value(QStringLiteral("check")).toString() == QLatin1String("method") &&
                               f.toObject().value(QStringLiteral("verdict")).toString() == QLatin1String("blocker"));
        QVERIFY(wildcardBlocked);
    }

    void badArguments() {
        QCOMPARE(runCli({QStringLiteral("check")}).code, 2);
        QCOMPARE(runCli({QStringLiteral("check"), QStringLiteral("--method"), QStringLiteral("tls-alpn-01"),
                         QStringLiteral("a.example")})
                     .code,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestPreflightCli)
#include "TestPreflightCli.moc"
