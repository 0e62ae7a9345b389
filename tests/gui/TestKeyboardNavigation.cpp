// SPDX-License-Identifier: GPL-3.0-or-later
// The main window from the keyboard alone: Tab walks from the sidebar through the toolbar into the
// current page and every widget it stops on has a name a screen reader can say (an accessible name or
// its own visible text); every section is reachable with the sidebar's arrow keys and with Ctrl+1…6.
// Real widgets over a real store with saved certificates; offscreen; QTRY_*.
#include "StoreSamples.h"
#include "ui/MainWindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QSet>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace certdeck;

namespace {

/// What a screen reader would announce for a focusable widget.
QString spokenName(const QWidget* w) {
    if (!w->accessibleName().isEmpty())
        return w->accessibleName();
    if (const auto* b = qobject_cast<const QAbstractButton*>(w))
        return QString(b->text()).remove(QLatin1Char('&'));
    return {};
}

QString describe(const QWidget* w) {
    return QStringLiteral("%1 '%2'").arg(QLatin1String(w->metaObject()->className()), w->objectName());
}

} // namespace

class TestKeyboardNavigation : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;

    /// Tabs from the sidebar until the focus comes back to it (or 300 steps): the widgets visited.
    /// `backToStart` says whether it did come back (no widget keeps Tab to itself).
    static QList<QWidget*> tabWalk(ui::MainWindow& w, QListWidget* sidebar, bool* backToStart) {
        sidebar->setFocus(Qt::TabFocusReason);
        QList<QWidget*> visited;
        *backToStart = false;
        for (int i = 0; i < 300; ++i) {
            QWidget* focus = QApplication::focusWidget();
            if (!focus)
                break;
            QTest::keyClick(focus, Qt::Key_Tab);
            QWidget* next = QApplication::focusWidget();
            if (next == sidebar) {
                *backToStart = true;
                break;
            }
            if (!next || !w.isAncestorOf(next) || visited.contains(next))
                break;
            visited << next;
        }
        return visited;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CertdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("certdeck-keyboard-test"));
        auto st = store::Store::open(m_data.path());
        QVERIFY(st);
        QCOMPARE(test::saveLineage(**st, QStringLiteral("example.org"),
                                   {QStringLiteral("example.org"), QStringLiteral("www.example.org")}, 60),
                 QString());
        QCOMPARE(test::saveLineage(**st, QStringLiteral("shop.example.net"), {QStringLiteral("shop.example.net")}, 5),
                 QString());
    }

    void tabReachesToolbarAndPageWithNames() {
        ui::MainWindow::Options o;
        o.dataDir = m_data.path();
        o.backgroundRenewal = false;
        o.systemd = false;
        ui::MainWindow w(o);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setActiveWindow(&w);
        QTRY_VERIFY(w.isActiveWindow());
        auto* sidebar = w.findChild<QListWidget*>(QStringLiteral("sidebar"));
        auto* pages = w.findChild<QStackedWidget*>(QStringLiteral("pages"));
        auto* toolbar = w.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
        QVERIFY(sidebar && pages && toolbar);
        QTRY_VERIFY(w.findChild<QWidget*>(QStringLiteral("dashboardContent"))->isVisible());

        for (int section = 0; section < sidebar->count(); ++section) {
            sidebar->setCurrentRow(section);
            QTRY_COMPARE(pages->currentIndex(), section);
            QWidget* page = pages->currentWidget();
            const QString where = sidebar->item(section)->text();
            // Pages that read the store when shown: walk them with their rows in.
            if (auto* table = page->findChild<QTableWidget*>(QStringLiteral("certificatesTable")))
                QTRY_COMPARE(table->rowCount(), 2);
            bool backToStart = false;
            const QList<QWidget*> visited = tabWalk(w, sidebar, &backToStart);

            // The toolbar right after the sidebar: Add domain first.
            QVERIFY2(!visited.isEmpty(), qPrintable(where));
            QVERIFY2(toolbar->isAncestorOf(visited.first()),
                     qPrintable(where + QStringLiteral(": ") + describe(visited.first())));
            QVERIFY2(spokenName(visited.first()).contains(QLatin1String("Add domain")),
                     qPrintable(spokenName(visited.first())));
            // Then into the current page (unless it has nothing to focus).
            const bool pageHasFocusable =
                std::any_of(visited.cbegin(), visited.cend(), [page](QWidget* v) { return page->isAncestorOf(v); });
            const QList<QWidget*> focusable = page->findChildren<QWidget*>();
            const bool pageCanFocus = std::any_of(focusable.cbegin(), focusable.cend(), [](QWidget* c) {
                return c->isVisible() && c->isEnabled() && (c->focusPolicy() & Qt::TabFocus);
            });
            QVERIFY2(pageHasFocusable || !pageCanFocus,
                     qPrintable(where + QStringLiteral(": Tab never enters the page")));

            QStringList stops;
            for (QWidget* v : visited)
                stops << describe(v) + QStringLiteral("=") + spokenName(v);
            qInfo().noquote() << where << ":" << stops.join(QStringLiteral(", "));
            QVERIFY2(backToStart, qPrintable(where + QStringLiteral(": Tab does not come back to the sidebar: ") +
                                             stops.join(QStringLiteral(", "))));
            // Every stop has a name.
            for (QWidget* v : visited)
                QVERIFY2(!spokenName(v).trimmed().isEmpty(),
                         qPrintable(where + QStringLiteral(": no accessible name or text on ") + describe(v)));
        }
    }

    void everySectionFromTheKeyboard() {
        ui::MainWindow::Options o;
        o.dataDir = m_data.path();
        o.backgroundRenewal = false;
        o.systemd = false;
        ui::MainWindow w(o);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setActiveWindow(&w);
        QTRY_VERIFY(w.isActiveWindow());
        auto* sidebar = w.findChild<QListWidget*>(QStringLiteral("sidebar"));
        auto* pages = w.findChild<QStackedWidget*>(QStringLiteral("pages"));
        QVERIFY(sidebar && pages);

        // Arrow keys in the sidebar: down through every section, then Home back to the first.
        sidebar->setFocus(Qt::TabFocusReason);
        QCOMPARE(pages->currentIndex(), 0);
        for (int section = 1; section < sidebar->count(); ++section) {
            QTest::keyClick(sidebar, Qt::Key_Down);
            QTRY_COMPARE(pages->currentIndex(), section);
        }
        QTest::keyClick(sidebar, Qt::Key_Home);
        QTRY_COMPARE(pages->currentIndex(), 0);

        // Ctrl+1…6 from wherever the focus is (here: the dashboard's filter).
        auto* filter = w.findChild<QLineEdit*>(QStringLiteral("dashboardFilter"));
        QVERIFY(filter);
        for (int section = sidebar->count() - 1; section >= 0; --section) {
            QWidget* focus = QApplication::focusWidget() ? QApplication::focusWidget() : &w;
            QTest::keyClick(focus, static_cast<Qt::Key>(Qt::Key_1 + section), Qt::ControlModifier);
            QTRY_COMPARE(pages->currentIndex(), section);
            QVERIFY(pages->currentWidget()->isVisible());
        }
        // And the toolbar's own shortcuts exist for its actions.
        const QList<QAction*> actions = w.findChild<QToolBar*>(QStringLiteral("mainToolBar"))->actions();
        QSet<QString> withShortcut;
        for (QAction* a : actions)
            if (!a->shortcut().isEmpty())
                withShortcut.insert(a->objectName());
        QVERIFY(withShortcut.contains(QStringLiteral("actionAddDomain")));
        QVERIFY(withShortcut.contains(QStringLiteral("actionRenew")));
        QVERIFY(withShortcut.contains(QStringLiteral("actionDeploy")));
    }
};

QTEST_MAIN(TestKeyboardNavigation)
#include "TestKeyboardNavigation.moc"
