// SPDX-License-Identifier: GPL-3.0-or-later
// The expiry timeline as a user meets it on the dashboard: with 10,000 certificates it paints only
// the rows in view; today sits inside the view at every zoom; a click on a row asks for that
// certificate's details; the keyboard moves and opens; zoom buttons and the table stay in step; the
// tooltip states the facts; it follows a dark palette. Offscreen, no sleeps.
#include "SampleCertificates.h"
#include "ui/CertificateTableModel.h"
#include "ui/DashboardPage.h"
#include "ui/ExpiryTimelineWidget.h"
#include "ui/Formatting.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QToolTip>

using namespace certdeck;
using ui::CertificateTableModel;
using ui::DashboardPage;
using ui::ExpiryTimelineWidget;

namespace {
const QDateTime kNow(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
}

class TestExpiryTimeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyDashboardThenContent() {
        DashboardPage page;
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.isEmptyState());
        QVERIFY(!page.timeline()->isVisible());
        page.setNow(kNow);
        page.setCertificates(test::sampleCertificates(5, kNow));
        QVERIFY(!page.isEmptyState());
        QTRY_VERIFY(page.timeline()->isVisible());
        QVERIFY(page.table()->isVisible());
        page.setCertificates({});
        QVERIFY(page.isEmptyState());
    }

    void paintsOnlyVisibleRowsOfTenThousand() {
        DashboardPage page;
        page.resize(1200, 800);
        page.setNow(kNow);
        page.setCertificates(test::sampleCertificates(10000, kNow));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ExpiryTimelineWidget* t = page.timeline();
        QCOMPARE(t->model()->rowCount(), 10000);
        t->viewport()->repaint();
        const int visible = (t->viewport()->height() - t->headerHeight()) / t->rowHeight() + 2;
        QVERIFY(t->lastPaintedRows() > 0);
        QVERIFY2(t->lastPaintedRows() <= visible,
                 qPrintable(QStringLiteral("%1 rows painted, %2 fit").arg(t->lastPaintedRows()).arg(visible)));
        // Scrolled to the very end, the last rows are painted (and still only those in view).
        t->verticalScrollBar()->setValue(t->verticalScrollBar()->maximum());
        t->viewport()->repaint();
        QVERIFY(t->lastPaintedRows() <= visible);
        QCOMPARE(t->rowAt(QPoint(10, t->viewport()->height() - 2)), 9999);
    }

    void todayIsInViewAtEveryZoom() {
        ExpiryTimelineWidget t;
        t.resize(900, 400);
        t.setNow(kNow);
        t.show();
        QVERIFY(QTest::qWaitForWindowExposed(&t));
        QSignalSpy zoomed(&t, &ExpiryTimelineWidget::zoomChanged);
        for (auto zoom : {ExpiryTimelineWidget::Zoom::Days30, ExpiryTimelineWidget::Zoom::Year,
                          ExpiryTimelineWidget::Zoom::Days90}) {
            t.setZoom(zoom);
            const double x = t.xForTime(kNow);
            QVERIFY(x > t.labelWidth() && x < t.viewport()->width());
            // The chart spans exactly the zoom's number of days.
            const qint64 shown = t.viewStart().secsTo(t.timeAtX(t.viewport()->width()));
            QVERIFY(qAbs(shown - qint64(ExpiryTimelineWidget::zoomDays(zoom)) * 86400) < 3600);
        }
        QCOMPARE(zoomed.count(), 3);
        // Keyboard zoom: "+" narrows, "-" widens.
        t.setFocus();
        QTest::keyClick(&t, Qt::Key_Plus);
        QCOMPARE(t.zoom(), ExpiryTimelineWidget::Zoom::Days30);
        QTest::keyClick(&t, Qt::Key_Minus);
        QTest::keyClick(&t, Qt::Key_Minus);
        QCOMPARE(t.zoom(), ExpiryTimelineWidget::Zoom::Year);
    }

    void clickAndKeyboardOpenDetails() {
        DashboardPage page;
        page.resize(1100, 700);
        page.setNow(kNow);
        page.setCertificates(test::sampleCertificates(40, kNow));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ExpiryTimelineWidget* t = page.timeline();
        QSignalSpy opened(&page, &DashboardPage::certificateActivated);

        const QRect row2 = t->rowRect(2);
        QTest::mouseClick(t->viewport(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(t->labelWidth() + 50, row2.center().y()));
        QCOMPARE(opened.count(), 1);
        const QString expected = page.proxy()->index(2, 0).data(CertificateTableModel::IdRole).toString();
        QCOMPARE(opened.takeFirst().at(0).toString(), expected);
        QCOMPARE(t->currentRow(), 2);
        QTRY_COMPARE(page.table()->currentIndex().row(), 2); // the table follows the timeline

        t->setFocus();
        QTest::keyClick(t, Qt::Key_Down);
        QCOMPARE(t->currentRow(), 3);
        QTest::keyClick(t, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.takeFirst().at(0).toString(),
                 page.proxy()->index(3, 0).data(CertificateTableModel::IdRole).toString());
        QTest::keyClick(t, Qt::Key_End);
        QCOMPARE(t->currentRow(), 39);

        // The table's order is the timeline's order: sorting the table re-orders the rows.
        page.table()->sortByColumn(CertificateTableModel::NamesColumn, Qt::AscendingOrder);
        const QString first = page.proxy()->index(0, 0).data(CertificateTableModel::IdRole).toString();
        t->verticalScrollBar()->setValue(0);
        QTest::mouseClick(t->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(20, t->rowRect(0).center().y()));
        QCOMPARE(opened.takeFirst().at(0).toString(), first);

        // Filtering shrinks both.
        auto* filter = page.findChild<QLineEdit*>(QStringLiteral("dashboardFilter"));
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("expired"));
        QCOMPARE(t->model()->rowCount(), page.proxy()->rowCount());
        QVERIFY(t->model()->rowCount() < 40);
    }

    void zoomButtonsDriveTheTimeline() {
        DashboardPage page;
        page.setNow(kNow);
        page.setCertificates(test::sampleCertificates(3, kNow));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* year = page.findChild<QToolButton*>(QStringLiteral("zoomYear"));
        auto* month = page.findChild<QToolButton*>(QStringLiteral("zoom30"));
        QVERIFY(year && month);
        QTest::mouseClick(year, Qt::LeftButton);
        QCOMPARE(page.timeline()->zoom(), ExpiryTimelineWidget::Zoom::Year);
        page.timeline()->setZoom(ExpiryTimelineWidget::Zoom::Days30);
        QVERIFY(month->isChecked());
    }

    void tooltipStatesTheFacts() {
        CertificateTableModel model;
        model.setNow(kNow);
        ui::CertificateRow r;
        r.id = QStringLiteral("x");
        r.names = {QStringLiteral("shop.example.com")};
        r.notBefore = kNow.addDays(-80);
        r.notAfter = kNow.addDays(10);
        r.lastError = QStringLiteral("Connection refused");
        model.setRows({r});
        const QString tip = model.index(0, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("shop.example.com")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Renewal failed")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Connection refused")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("in 10 days")), qPrintable(tip));

        ExpiryTimelineWidget t;
        t.setModel(&model);
        t.setNow(kNow);
        t.resize(800, 300);
        t.show();
        QVERIFY(QTest::qWaitForWindowExposed(&t));
        const QPoint at(t.labelWidth() + 100, t.rowRect(0).center().y());
        QHelpEvent help(QEvent::ToolTip, at, t.viewport()->mapToGlobal(at));
        QApplication::sendEvent(t.viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("Connection refused")), qPrintable(QToolTip::text()));
        QToolTip::hideText();
    }

    void followsDarkPalette() {
        CertificateTableModel model;
        model.setNow(kNow);
        model.setRows(test::sampleCertificates(10, kNow));
        ExpiryTimelineWidget t;
        t.setModel(&model);
        t.setNow(kNow);
        t.resize(800, 400);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
        dark.setColor(QPalette::Base, QColor(0x18, 0x19, 0x1b));
        dark.setColor(QPalette::AlternateBase, QColor(0x1e, 0x20, 0x22));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        t.setPalette(dark);
        t.show();
        QVERIFY(QTest::qWaitForWindowExposed(&t));
        const QImage img = t.viewport()->grab().toImage();
        // An empty stretch of a row far from any bar is the dark base colour, not a light one.
        const QColor corner = img.pixelColor(img.width() - 3, img.height() - 3);
        QVERIFY2(corner.lightnessF() < 0.3, qPrintable(corner.name()));
        QVERIFY(ui::Formatting::stateColor(ui::CertificateState::Fine, dark) !=
                ui::Formatting::stateColor(ui::CertificateState::Fine, QPalette(Qt::white)));
    }
};

QTEST_MAIN(TestExpiryTimeline)
#include "TestExpiryTimeline.moc"
