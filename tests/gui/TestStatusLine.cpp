// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's status line: the next planned renewal comes from the certificates in the store,
// and "Install…" sets up unattended renewal — the systemd user units written under $XDG_CONFIG_HOME
// (the test does not start the timer: systemd --user does not run here), or, without systemd, the
// crontab line to copy. Offscreen; waits with QTRY_*.
#include "StoreSamples.h"
#include "core/store/Store.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using certdeck::ui::MainWindow;
using namespace certdeck;

namespace {
QString readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
} // namespace

class TestStatusLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_config.isValid());
        // Settings and unit files land in this temporary folder, never in the user's ~/.config.
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("CertdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("certdeck-status-test"));
    }

    void nextRenewalFromTheStore() {
        QTemporaryDir data;
        {
            auto st = store::Store::open(data.path());
            QVERIFY(st);
            const QString e1 = test::saveLineage(**st, QStringLiteral("soon.example"),
                                                 QStringList{QStringLiteral("soon.example")}, 30);
            QVERIFY2(e1.isEmpty(), qPrintable(e1));
            const QString e2 = test::saveLineage(**st, QStringLiteral("later.example"),
                                                 QStringList{QStringLiteral("later.example")}, 90);
            QVERIFY2(e2.isEmpty(), qPrintable(e2));
        }
        MainWindow::Options o;
        o.dataDir = data.path();
        o.systemd = true;
        MainWindow w(o);
        w.show();
        auto* next = w.findChild<QLabel*>(QStringLiteral("statusNextRenewal"));
        QVERIFY(next);
        // A 30-day certificate is renewed with ten days left: "in 20 days" (give or take the jitter).
        QTRY_VERIFY_WITH_TIMEOUT(next->text().contains(QLatin1String("soon.example")), 10000);
        QVERIFY2(next->text().contains(QLatin1String("19 days")) || next->text().contains(QLatin1String("20 days")),
                 qPrintable(next->text()));
    }

    void installWritesTheSystemdUnits() {
        QTemporaryDir data;
        MainWindow::Options o;
        o.dataDir = data.path();
        o.systemd = true;
        o.enableTimer = false; // no systemd --user here to enable it in
        o.cliProgram = QStringLiteral("/usr/bin/certdeck-cli");
        MainWindow w(o);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* status = w.findChild<QLabel*>(QStringLiteral("statusUnattended"));
        auto* install = w.findChild<QPushButton*>(QStringLiteral("installTimerButton"));
        QVERIFY(status && install);
        QVERIFY2(status->text().contains(QLatin1String("off")), qPrintable(status->text()));
        QVERIFY(install->isVisible());

        QTest::mouseClick(install, Qt::LeftButton);
        const QString units = m_config.path() + QStringLiteral("/systemd/user/");
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(units + QStringLiteral("certdeck-renew.timer")), 10000);
        QTRY_VERIFY2(status->text().contains(QLatin1String("installed")), qPrintable(status->text()));
        QVERIFY(!install->isVisible());

        const QString service = readFile(units + QStringLiteral("certdeck-renew.service"));
        QVERIFY2(
            service.contains(
                QStringLiteral("ExecStart=\"/usr/bin/certdeck-cli\" --data-dir \"%1\" renew --all").arg(data.path())),
            qPrintable(service));
        const QString timer = readFile(units + QStringLiteral("certdeck-renew.timer"));
        QVERIFY2(timer.contains(QLatin1String("OnCalendar=")) &&
                     timer.contains(QLatin1String("WantedBy=timers.target")),
                 qPrintable(timer));
        QCOMPARE(QFile::permissions(units + QStringLiteral("certdeck-renew.timer")) & QFileDevice::WriteOther,
                 QFileDevice::Permissions());

        // The next start sees it installed.
        MainWindow again(o);
        auto* status2 = again.findChild<QLabel*>(QStringLiteral("statusUnattended"));
        QVERIFY(status2->text().contains(QLatin1String("installed")));

        // Started on another data folder, the app says the timer renews the other one and offers to
        // install it for this one.
        QTemporaryDir otherData;
        MainWindow::Options other = o;
        other.dataDir = otherData.path();
        MainWindow elsewhere(other);
        elsewhere.show();
        QVERIFY(QTest::qWaitForWindowExposed(&elsewhere));
        auto* status3 = elsewhere.findChild<QLabel*>(QStringLiteral("statusUnattended"));
        auto* install3 = elsewhere.findChild<QPushButton*>(QStringLiteral("installTimerButton"));
        QVERIFY2(status3->text().contains(QLatin1String("another folder")), qPrintable(status3->text()));
        QVERIFY(status3->toolTip().contains(data.path()));
        QVERIFY(install3->isVisible());
        QTest::mouseClick(install3, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(readFile(units + QStringLiteral("certdeck-renew.service")).contains(otherData.path()),
                                 10000);
        QTRY_VERIFY2(status3->text().contains(QLatin1String("installed")), qPrintable(status3->text()));
        QVERIFY(!install3->isVisible());
        QVERIFY(QFile::remove(units + QStringLiteral("certdeck-renew.timer")));
        QVERIFY(QFile::remove(units + QStringLiteral("certdeck-renew.service")));
    }

    void withoutSystemdShowsTheCrontabLine() {
        QTemporaryDir data;
        MainWindow::Options o;
        o.dataDir = data.path();
        o.systemd = false;
        o.cliProgram = QStringLiteral("/opt/certdeck/bin/certdeck-cli");
        MainWindow w(o);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* install = w.findChild<QPushButton*>(QStringLiteral("installTimerButton"));
        QVERIFY(install);
        QTest::mouseClick(install, Qt::LeftButton);
        QLineEdit* line = nullptr;
        QTRY_VERIFY((line = w.findChild<QLineEdit*>(QStringLiteral("crontabLine"))) != nullptr);
        QVERIFY2(line->text().endsWith(
                     QStringLiteral("'/opt/certdeck/bin/certdeck-cli' --data-dir '%1' renew --all").arg(data.path())),
                 qPrintable(line->text()));
        QVERIFY(!QFile::exists(m_config.path() + QStringLiteral("/systemd/user/certdeck-renew.timer")));
        auto* copy = w.findChild<QPushButton*>(QStringLiteral("crontabCopy"));
        QVERIFY(copy);
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestStatusLine)
#include "TestStatusLine.moc"
