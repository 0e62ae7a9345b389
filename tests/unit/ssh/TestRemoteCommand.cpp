// SPDX-License-Identifier: GPL-3.0-or-later
// RemoteCommand quoting: what the remote shell parses must be exactly the argv we built, whatever the
// bytes. Proven here with the local /bin/sh (dash on Debian, the strictest POSIX shell around).
#include "core/ssh/RemoteCommand.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;
using namespace certdeck::ssh;

namespace {

// Runs `sh -c LINE` where LINE is the rendered command and returns what it printed.
QByteArray runSh(const QByteArray& line, QString* error, int* exitCode = nullptr, const QString& workDir = {}) {
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QString::fromUtf8(line)});
    if (!p.waitForStarted(10000) || !p.waitForFinished(30000)) {
        *error = QStringLiteral("/bin/sh did not run: %1").arg(p.errorString());
        return {};
    }
    if (exitCode)
        *exitCode = p.exitCode();
    return p.readAllStandardOutput();
}

// Each argument NUL-terminated, as `printf '%s\0' ARGS...` prints them.
QByteArray nulJoined(const QStringList& args) {
    QByteArray out;
    for (const auto& a : args)
        out += a.toUtf8() + '\0';
    return out;
}

QStringList hostileArguments(const QString& marker) {
    return {
        QStringLiteral("plain"),
        QStringLiteral("two words"),
        QString(),
        QStringLiteral("it's"),
        QStringLiteral("'"),
        QStringLiteral("''"),
        QStringLiteral("\"double\""),
        QStringLiteral("back\\slash\\"),
        QStringLiteral("$(touch %1)").arg(marker),
        QStringLiteral("`touch %1`").arg(marker),
        QStringLiteral("; touch %1").arg(marker),
        QStringLiteral("&& touch %1 ||").arg(marker),
        QStringLiteral("| touch %1").arg(marker),
        QStringLiteral("line one\nline two\ntouch %1").arg(marker),
        QStringLiteral("$HOME ${HOME} $0 $@ $*"),
        QStringLiteral("* ? [a-z] ~ ~root"),
        QStringLiteral("> %1").arg(marker),
        QStringLiteral("tab\there\rcarriage"),
        QStringLiteral("-n"),
        QStringLiteral("--"),
        QStringLiteral("#not a comment"),
        QStringLiteral("!history"),
        QStringLiteral("ünïcödé ✓ 証明書"),
        QStringLiteral("'\\''"),
        QStringLiteral("a'b'c'\"d\"e"),
    };
}

} // namespace

class TestRemoteCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quoting_data() {
        QTest::addColumn<QString>("arg");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << QStringLiteral("nginx") << QStringLiteral("'nginx'");
        QTest::newRow("empty") << QString() << QStringLiteral("''");
        QTest::newRow("space") << QStringLiteral("a b") << QStringLiteral("'a b'");
        QTest::newRow("quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
        QTest::newRow("only quote") << QStringLiteral("'") << QStringLiteral("''\\'''");
        QTest::newRow("dollar") << QStringLiteral("$(id)") << QStringLiteral("'$(id)'");
    }
    void quoting() {
        QFETCH(QString, arg);
        QFETCH(QString, quoted);
        QCOMPARE(RemoteCommand::quote(arg), quoted);
    }

    void rendersEveryArgumentQuoted() {
        QCOMPARE(RemoteCommand({"nginx", "-t"}).render(), QByteArray("'nginx' '-t'"));
        QCOMPARE(RemoteCommand({"nginx", "-t"}).withSudo().render(), QByteArray("sudo -n -- 'nginx' '-t'"));
        const RemoteCommand chain =
            RemoteCommand({"nginx", "-t"}).andThen(RemoteCommand({"systemctl", "reload", "nginx"}).withSudo());
        QCOMPARE(chain.render(), QByteArray("'nginx' '-t' && sudo -n -- 'systemctl' 'reload' 'nginx'"));
        QVERIFY(chain.usesSudo());
        QVERIFY(!RemoteCommand({"true"}).usesSudo());
        QCOMPARE(chain.argvs().size(), 2);
        QCOMPARE(chain.argvs().at(1),
                 (QStringList{QStringLiteral("systemctl"), QStringLiteral("reload"), QStringLiteral("nginx")}));
        // withSudo on a chain covers every step.
        QCOMPARE(RemoteCommand({"a"}).andThen(RemoteCommand({"b"})).withSudo().render(),
                 QByteArray("sudo -n -- 'a' && sudo -n -- 'b'"));
    }

    void shellParsesExactlyTheOriginalArgv() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString marker = dir.filePath(QStringLiteral("pwned"));
        const QStringList args = hostileArguments(marker);
        QStringList argv{QStringLiteral("printf"), QStringLiteral("%s\\0")};
        argv << args;
        const RemoteCommand cmd(argv);
        QVERIFY(cmd.validate());
        QString error;
        const QByteArray out = runSh(cmd.render(), &error, nullptr, dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(out, nulJoined(args));
        QVERIFY2(!QFile::exists(marker), "an argument was executed by the shell");
        QVERIFY(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    }

    void eachHostileArgumentAloneIsInert_data() {
        QTest::addColumn<QString>("arg");
        for (const auto& a : hostileArguments(QStringLiteral("pwned")))
            QTest::newRow(qPrintable(QString(a).replace(QLatin1Char('\n'), QLatin1String("\\n")))) << a;
    }
    void eachHostileArgumentAloneIsInert() {
        // As the program name too: a quoted word is never an assignment, keyword or operator.
        QFETCH(QString, arg);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        runSh(RemoteCommand(QStringList{arg}).render(), &error, nullptr, dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        runSh(RemoteCommand(QStringList{QStringLiteral("printf"), QStringLiteral("%s"), arg}).render(), &error, nullptr,
              dir.path());
        QVERIFY(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    }

    void chainStopsAtTheFirstFailure() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString a = dir.filePath(QStringLiteral("a b"));
        const QString b = dir.filePath(QStringLiteral("c;d"));
        QString error;
        int code = 0;
        runSh(RemoteCommand(QStringList{QStringLiteral("touch"), a})
                  .andThen(RemoteCommand({"false"}))
                  .andThen(RemoteCommand(QStringList{QStringLiteral("touch"), b}))
                  .render(),
              &error, &code);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(QFile::exists(a));
        QVERIFY(!QFile::exists(b));
        QCOMPARE(code, 1);
    }

    void rejectsWhatCannotBeSent() {
        QCOMPARE(RemoteCommand().validate().error().code, ErrorCode::InvalidInput);
        QCOMPARE(RemoteCommand(QStringList{}).validate().error().code, ErrorCode::InvalidInput);
        QCOMPARE(RemoteCommand(QStringList{QString()}).validate().error().code, ErrorCode::InvalidInput);
        const auto nul =
            RemoteCommand(QStringList{QStringLiteral("echo"), QStringLiteral("a") + QChar(0) + QLatin1Char('b')});
        QCOMPARE(nul.validate().error().code, ErrorCode::InvalidInput);
        QVERIFY(nul.validate().error().userMessage.contains(QLatin1String("NUL")));
        const auto huge = RemoteCommand(QStringList{QStringLiteral("echo"), QString(70 * 1024, QLatin1Char('x'))});
        QCOMPARE(huge.validate().error().code, ErrorCode::InvalidInput);
        QVERIFY(RemoteCommand({"true"}).validate());
    }
};

QTEST_GUILESS_MAIN(TestRemoteCommand)
#include "TestRemoteCommand.moc"
