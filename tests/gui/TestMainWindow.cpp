// SPDX-License-Identifier: GPL-3.0-or-later
// The main window as a user first meets it: six sections in the sidebar, the dashboard with its empty
// state, "Add domain" ready, a click in the sidebar changing the page, and the window coming back
// where the user left it. Runs offscreen; waits with QTRY_*, never sleeps.
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QListWidget>
#include <QLocale>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using certdeck::ui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        // Settings go to ~/.qttest/config under a test-only name: the user's real settings are untouched.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CertdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("certdeck-gui-test"));
        QSettings settings;
        QVERIFY2(settings.fileName().contains(QLatin1String(".qttest")), qPrintable(settings.fileName()));
        settings.clear();
        settings.sync();
    }

    void cleanupTestCase() {
        QSettings settings;
        settings.clear();
    }

    void firstScreen() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        auto* sidebar = w.findChild<QListWidget*>(QStringLiteral("sidebar"));
        QVERIFY(sidebar);
        QVERIFY(sidebar->isVisible());
        const QStringList expected{QStringLiteral("Dashboard"),         QStringLiteral("Certificates"),
                                   QStringLiteral("Servers"),           QStringLiteral("DNS providers"),
                                   QStringLiteral("Watched endpoints"), QStringLiteral("Activity")};
        QStringList sections;
        for (int i = 0; i < sidebar->count(); ++i)
            sections << sidebar->item(i)->text();
        QCOMPARE(sections, expected);
        QCOMPARE(sidebar->currentRow(), 0);

        auto* pages = w.findChild<QStackedWidget*>(QStringLiteral("pages"));
        QVERIFY(pages);
        QCOMPARE(pages->count(), expected.size());
        auto* dashboard = w.findChild<QWidget*>(QStringLiteral("dashboardPage"));
        QVERIFY(dashboard);
        QCOMPARE(pages->currentWidget(), dashboard);
        QVERIFY(dashboard->isVisible());
        auto* empty = w.findChild<QWidget*>(QStringLiteral("dashboardEmptyState"));
        QVERIFY(empty);
        QVERIFY(empty->isVisible());

        auto* addDomain = w.findChild<QAction*>(QStringLiteral("actionAddDomain"));
        QVERIFY(addDomain);
        QVERIFY(addDomain->isEnabled());
        QVERIFY(addDomain->isVisible());
    }

    void iconsAreEmbedded() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* sidebar = w.findChild<QListWidget*>(QStringLiteral("sidebar"));
        auto* addDomain = w.findChild<QAction*>(QStringLiteral("actionAddDomain"));
        QVERIFY(sidebar && addDomain);
        QVERIFY2(!w.windowIcon().pixmap(32, 32).isNull(), "the window icon is missing");
        for (int i = 0; i < sidebar->count(); ++i)
            QVERIFY2(!sidebar->item(i)->icon().pixmap(20, 20).isNull(), qPrintable(sidebar->item(i)->text()));
        QVERIFY(!addDomain->icon().pixmap(20, 20).isNull());
    }

    void translationsAreEmbedded() {
        // What app/gui/main.cpp loads: certdeck_<language>.qm under :/i18n, built from the committed .ts.
        for (const char* lang : {"en", "de"}) {
            QTranslator translator;
            QVERIFY2(translator.load(QStringLiteral(":/i18n/certdeck_%1.qm").arg(QLatin1String(lang))), lang);
        }
        QTranslator german;
        QVERIFY(german.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("certdeck"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    }

    void sidebarSwitchesPages() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* sidebar = w.findChild<QListWidget*>(QStringLiteral("sidebar"));
        auto* pages = w.findChild<QStackedWidget*>(QStringLiteral("pages"));
        auto* dashboard = w.findChild<QWidget*>(QStringLiteral("dashboardPage"));
        QVERIFY(sidebar && pages && dashboard);
        QCOMPARE(pages->currentIndex(), 0);

        const QRect row = sidebar->visualItemRect(sidebar->item(2));
        QVERIFY(!row.isEmpty());
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, Qt::NoModifier, row.center());
        QTRY_COMPARE(pages->currentIndex(), 2);
        QCOMPARE(sidebar->currentRow(), 2);
        QTRY_VERIFY(pages->currentWidget()->isVisible());
        QVERIFY(!dashboard->isVisible());

        // Back to the dashboard from the keyboard.
        sidebar->setFocus();
        QTest::keyClick(sidebar, Qt::Key_Home);
        QTRY_COMPARE(pages->currentIndex(), 0);
        QTRY_VERIFY(dashboard->isVisible());
    }

    void geometryIsRestored() {
        const QSize size(640, 480);
        {
            MainWindow first;
            first.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first));
            // The default is larger; this size can only come back from the saved settings.
            QVERIFY(first.size() != size);
            first.resize(size);
            QTRY_COMPARE(first.size(), size);
            QVERIFY(first.close());
        }
        QVERIFY(QSettings().contains(QStringLiteral("mainWindow/geometry")));

        MainWindow second;
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QTRY_COMPARE(second.size(), size);
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
