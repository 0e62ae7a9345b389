// SPDX-License-Identifier: GPL-3.0-or-later
// Stored notification targets, as a user sets them up with the CLI: `notify add` keeps a webhook and
// two SMTP targets (one logging in) in the store with the webhook URL and the SMTP password in the
// keychain (a private Secret Service); `notify list` shows them without secrets; `notify test` reaches
// a real local webhook receiver and a real SMTP server (aiosmtpd, STARTTLS required); `renew` uses the
// stored targets; `notify remove` forgets one. Neither the password nor the webhook's secret path ever
// appears in the SQLite files or in the CLI's output and logs. `notify settings --warn-days N` keeps the
// first expiry notice's days in the store setting renewals read.
#include "app/cli/Cli.h"
#include "core/store/Store.h"
#include "tests/support/KeyringFixture.h"
#include "tests/support/PebbleFixture.h"
#include "tests/support/SmtpFixture.h"
#include "tests/support/WebhookReceiverFixture.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace certdeck;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

/// Every Qt log line of this process (the core's qCInfo/qCWarning ...), to grep for secrets.
QString& capturedLog() {
    static QString log;
    return log;
}

/// The same without debug messages (what a user's journal holds by default).
QString& capturedInfoLog() {
    static QString log;
    return log;
}

void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const QString line =
        QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message + QLatin1Char('\n');
    capturedLog() += line;
    if (type != QtDebugMsg)
        capturedInfoLog() += line;
    if (qEnvironmentVariableIsSet("CERTDECK_TEST_ECHO_LOG"))
        std::fprintf(stderr, "%s\n", qPrintable(message));
}

/// Every file under `dir` that contains `needle`.
QStringList filesContaining(const QString& dir, const QByteArray& needle) {
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

} // namespace

class TestNotifyStored : public QObject {
    Q_OBJECT

    test::KeyringFixture m_keyring;
    test::PebbleFixture m_pebble;
    test::WebhookReceiverFixture m_receiver;
    test::SmtpFixture m_smtp;
    QTemporaryDir m_dir;
    QString m_log; ///< everything the CLI printed, to grep for secrets

    Run cli(QStringList args) {
        Run r;
        QTextStream out(&r.out);
        QTextStream err(&r.err);
        args.prepend(m_dir.filePath(QStringLiteral("data")));
        args.prepend(QStringLiteral("--data-dir"));
        args.prepend(QStringLiteral("--verbose"));
        args.prepend(QStringLiteral("certdeck-cli"));
        r.code = QCoro::waitFor(cli::runCli(args, out, err));
        out.flush();
        err.flush();
        m_log += r.out + r.err;
        return r;
    }

    static QByteArray password() { return QByteArrayLiteral("pw-Notify-7Gx2q"); }
    static QString hookPath() { return QStringLiteral("/hook-secret-Zr81"); }

private Q_SLOTS:
    void initTestCase() {
        qInstallMessageHandler(captureLog);
        QLoggingCategory::setFilterRules(QStringLiteral("certdeck.*.debug=true"));
        QString error;
        CERTDECK_REQUIRE(m_keyring.start(&error), error);
        CERTDECK_REQUIRE(m_pebble.start(&error), error);
        CERTDECK_REQUIRE(m_receiver.start(&error), error);
        CERTDECK_REQUIRE(m_smtp.start(&error), error);
    }

    void addListTest() {
        Run hook =
            cli({QStringLiteral("notify"), QStringLiteral("add"), QStringLiteral("hook"), QStringLiteral("--webhook"),
                 m_receiver.url(hookPath()).toString(), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(hook.code == 0, qPrintable(hook.err));
        const QStringList mailArgs{QStringLiteral("--smtp-host"), QStringLiteral("127.0.0.1"),
                                   QStringLiteral("--smtp-port"), QString::number(m_smtp.port()),
                                   QStringLiteral("--from"),      QStringLiteral("certdeck@example.test"),
                                   QStringLiteral("--to"),        QStringLiteral("admin@example.test"),
                                   QStringLiteral("--ca-file"),   m_smtp.certificateFile()};
        Run mail = cli(QStringList{QStringLiteral("notify"), QStringLiteral("add"), QStringLiteral("mail")} + mailArgs);
        QVERIFY2(mail.code == 0, qPrintable(mail.err));
        const QString pwFile = m_dir.filePath(QStringLiteral("smtp-password"));
        {
            QFile f(pwFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(password() + '\n');
        }
        Run authMail = cli(
            QStringList{QStringLiteral("notify"), QStringLiteral("add"), QStringLiteral("authmail")} + mailArgs +
            QStringList{QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--password-file"), pwFile});
        QVERIFY2(authMail.code == 0, qPrintable(authMail.err));
        QFile::remove(pwFile);
        // Refused before anything is kept: plain http to another computer, STARTTLS-less security value.
        Run bad = cli({QStringLiteral("notify"), QStringLiteral("add"), QStringLiteral("bad"),
                       QStringLiteral("--webhook"), QStringLiteral("ftp://example.test/x")});
        QCOMPARE(bad.code, 2);

        Run list = cli({QStringLiteral("--json"), QStringLiteral("notify"), QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        const QJsonArray all = list.json().value(QStringLiteral("notifiers")).toArray();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("authmail"));
        QCOMPARE(all.at(0).toObject().value(QStringLiteral("settings")).toObject().value(QStringLiteral("user")),
                 QJsonValue(QStringLiteral("alice")));

        const qsizetype hooksBefore = m_receiver.requests().size();
        Run testHook = cli({QStringLiteral("notify"), QStringLiteral("test"), QStringLiteral("hook")});
        QVERIFY2(testHook.code == 0, qPrintable(testHook.out + testHook.err));
        QTRY_COMPARE(m_receiver.requests().size(), hooksBefore + 1);
        QCOMPARE(m_receiver.requests().last().path, hookPath().toUtf8());
        const qsizetype mailsBefore = m_smtp.messages().size();
        Run testMail = cli({QStringLiteral("notify"), QStringLiteral("test"), QStringLiteral("mail")});
        QVERIFY2(testMail.code == 0, qPrintable(testMail.out + testMail.err));
        QTRY_COMPARE(m_smtp.messages().size(), mailsBefore + 1);
        QVERIFY(m_smtp.messages().last().contains("admin@example.test"));
    }

    void renewUsesStoredTargets() {
        const QString name = QStringLiteral("notify.example.test");
        Run issue = cli({QStringLiteral("issue"), QStringLiteral("-d"), name, QStringLiteral("--server"),
                         m_pebble.directoryUrl().toString(), QStringLiteral("--ca-file"), m_pebble.listenerCaFile(),
                         QStringLiteral("--standalone"), QStringLiteral("127.0.0.1:%1").arg(m_pebble.httpPort()),
                         QStringLiteral("--agree-tos")});
        QVERIFY2(issue.code == 0, qPrintable(issue.err));
        const qsizetype hooksBefore = m_receiver.requests().size();
        const qsizetype mailsBefore = m_smtp.messages().size();
        Run renew = cli({QStringLiteral("renew"), name, QStringLiteral("--force")});
        QVERIFY2(renew.code == 0, qPrintable(renew.out + renew.err));
        QTRY_COMPARE(m_receiver.requests().size(), hooksBefore + 1);
        const QJsonObject note = QJsonDocument::fromJson(m_receiver.requests().last().body).object();
        QCOMPARE(note.value(QStringLiteral("event")).toString(), QStringLiteral("renewed"));
        QCOMPARE(note.value(QStringLiteral("certificate")).toString(), name);
        QTRY_VERIFY(m_smtp.messages().size() >= mailsBefore + 1);
        QVERIFY(m_smtp.messages().last().contains("admin@example.test"));
    }

    void removeForgets() {
        Run removed = cli({QStringLiteral("notify"), QStringLiteral("remove"), QStringLiteral("hook")});
        QVERIFY2(removed.code == 0, qPrintable(removed.err));
        Run list = cli({QStringLiteral("--json"), QStringLiteral("notify"), QStringLiteral("list")});
        QCOMPARE(list.json().value(QStringLiteral("notifiers")).toArray().size(), 2);
        Run again = cli({QStringLiteral("notify"), QStringLiteral("remove"), QStringLiteral("hook")});
        QVERIFY(again.code != 0);
    }

    void warnDaysSetting() {
        // Unset: the default the renewals use.
        Run shown = cli({QStringLiteral("--json"), QStringLiteral("notify"), QStringLiteral("settings")});
        QVERIFY2(shown.code == 0, qPrintable(shown.err));
        QCOMPARE(shown.json().value(QStringLiteral("warnDays")).toInt(), 14);
        Run set = cli({QStringLiteral("notify"), QStringLiteral("settings"), QStringLiteral("--warn-days"),
                       QStringLiteral("30")});
        QVERIFY2(set.code == 0, qPrintable(set.err));
        QVERIFY(set.out.contains(QLatin1String("30 days before expiry")));
        // Out of range or not a number: refused, the stored value unchanged.
        for (const char* bad : {"0", "61", "soon"}) {
            Run refused = cli({QStringLiteral("notify"), QStringLiteral("settings"), QStringLiteral("--warn-days"),
                               QString::fromLatin1(bad)});
            QVERIFY(refused.code != 0);
            QVERIFY(refused.err.contains(QLatin1String("--warn-days")));
        }
        shown = cli({QStringLiteral("--json"), QStringLiteral("notify"), QStringLiteral("settings")});
        QCOMPARE(shown.json().value(QStringLiteral("warnDays")).toInt(), 30);
        // The very setting renewals read (and the app's Settings dialog writes).
        auto store = store::Store::open(m_dir.filePath(QStringLiteral("data")));
        QVERIFY(store);
        QCOMPARE(*(*store)->settings().value(QString::fromLatin1(store::SettingRepository::kFirstExpiryNoticeDays)),
                 QStringLiteral("30"));
    }

    void secretsNeverInTheStoreOrLogs() {
        const QString data = m_dir.filePath(QStringLiteral("data"));
        // The SQLite file, its WAL and every other file of the data folder.
        QVERIFY(QFile::exists(data + QStringLiteral("/certdeck.sqlite")));
        QCOMPARE(filesContaining(data, password()), QStringList());
        QCOMPARE(filesContaining(data, hookPath().toUtf8()), QStringList());
        QVERIFY(!m_log.contains(QString::fromUtf8(password())));
        QVERIFY(!m_log.contains(hookPath()));
        QVERIFY(!capturedLog().isEmpty());
        QVERIFY(!capturedLog().contains(QString::fromUtf8(password())));
        // HttpClient's debug lines name every URL it requests (core/net), so the webhook's secret path is
        // only kept out of the log a user has by default.
        QVERIFY(!capturedInfoLog().contains(hookPath()));
        // Sanity check of the grep itself: the user name is a setting, so it is there.
        QVERIFY(!filesContaining(data, QByteArrayLiteral("alice")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNotifyStored)
#include "TestNotifyStored.moc"
