// SPDX-License-Identifier: GPL-3.0-or-later
// The Activity screen over a real store: events appended to the store appear newest first when the page
// is shown or refreshed; the text filter and the kind filter narrow the rows; Copy puts the chosen rows
// on the clipboard as text, failures with their error code and detail.
#include "core/store/StoreExecutor.h"
#include "ui/ActivityPage.h"
#include "ui/Resources.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCoroFuture>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;
using certdeck::ui::ActivityPage;

namespace {

Status append(store::StoreExecutor& executor, store::EventRecord e) {
    auto job = executor.run([e](store::Store& s) mutable { return s.events().append(e); });
    job.waitForFinished();
    return job.result();
}

store::EventRecord makeEvent(const QString& kind, const QString& subject, const QString& message, int minutesAgo) {
    store::EventRecord e;
    e.kind = kind;
    e.subject = subject;
    e.message = message;
    e.at = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    return e;
}

void reloadAndWait(ActivityPage& page, QSignalSpy& loaded) {
    const auto before = loaded.count();
    page.reload();
    QTRY_VERIFY(loaded.count() > before);
}

} // namespace

class TestActivityPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::initResources();
    }

    void eventsFilterAndCopy() {
        QTemporaryDir data;
        store::StoreExecutor executor(data.path());
        ActivityPage page(&executor);
        QSignalSpy loaded(&page, &ActivityPage::eventsLoaded);
        page.show();
        QTRY_VERIFY(loaded.count() > 0);
        QVERIFY(page.findChild<QWidget*>(QStringLiteral("activityEmptyState"))->isVisible());

        QVERIFY(append(executor, makeEvent(QStringLiteral("issued"), QStringLiteral("example.com"),
                                           QStringLiteral("Issued example.com"), 30)));
        QVERIFY(append(executor, makeEvent(QStringLiteral("deployed"), QStringLiteral("example.com"),
                                           QStringLiteral("Deployed to web1"), 20)));
        const Error failure(ErrorCode::AcmeCaa,
                            QStringLiteral("The CAA record of shop.example allows only sectigo.com."),
                            QStringLiteral("urn:ietf:params:acme:error:caa: CAA record forbids issuance"));
        store::EventRecord failed =
            store::EventRecord::failure(QStringLiteral("renewal-failed"), QStringLiteral("shop.example"), failure);
        failed.at = QDateTime::currentDateTimeUtc().addSecs(-600);
        QVERIFY(append(executor, failed));
        QVERIFY(append(executor, makeEvent(QStringLiteral("renewed"), QStringLiteral("blog.example"),
                                           QStringLiteral("Renewed blog.example"), 5)));

        // Shown again (or refreshed): the new events, newest first.
        page.hide();
        const auto before = loaded.count();
        page.show();
        QTRY_VERIFY(loaded.count() > before);
        auto* table = page.findChild<QTableWidget*>(QStringLiteral("activityTable"));
        QVERIFY(table && table->isVisible());
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("blog.example"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("renewal-failed"));
        QCOMPARE(table->item(3, 1)->text(), QStringLiteral("issued"));

        // The text filter narrows.
        auto* filter = page.findChild<QLineEdit*>(QStringLiteral("activityFilter"));
        QTest::keyClicks(filter, QStringLiteral("example.com"));
        QCOMPARE(page.visibleCount(), 2);
        QVERIFY(table->isRowHidden(0));
        filter->clear();
        QCOMPARE(page.visibleCount(), 4);

        // The kind filter: failures only, then deployments.
        auto* kind = page.findChild<QComboBox*>(QStringLiteral("activityKind"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("failures")));
        QCOMPARE(page.visibleCount(), 1);
        QVERIFY(!table->isRowHidden(1));

        // Copy with nothing selected: the shown rows, with the error's code and detail.
        table->clearSelection();
        page.findChild<QPushButton*>(QStringLiteral("activityCopy"))->click();
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains(QLatin1String("renewal-failed\tshop.example\t")), qPrintable(copied));
        QVERIFY2(copied.contains(failure.userMessage), qPrintable(copied));
        QVERIFY2(copied.contains(QLatin1String("CAA record forbids issuance")), qPrintable(copied));
        QVERIFY(!copied.contains(QLatin1String("blog.example")));

        kind->setCurrentIndex(kind->findData(QStringLiteral("deploy")));
        QCOMPARE(page.visibleCount(), 1);

        // Everything, two selected rows copied.
        kind->setCurrentIndex(0);
        table->clearSelection();
        table->setSelectionMode(QAbstractItemView::MultiSelection);
        table->selectRow(0);
        table->selectRow(3);
        const QString two = page.copySelection();
        QCOMPARE(QApplication::clipboard()->text().trimmed(), two);
        QCOMPARE(two.count(QLatin1Char('\n')), 1);
        QVERIFY(two.startsWith(QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate)) ||
                two.contains(QLatin1String("blog.example")));
        QVERIFY(two.contains(QLatin1String("Issued example.com")));

        // Refresh picks up what arrives while the page is open.
        QVERIFY(append(executor, makeEvent(QStringLiteral("expiring"), QStringLiteral("old.example"),
                                           QStringLiteral("old.example expires in 5 days"), 0)));
        reloadAndWait(page, loaded);
        QCOMPARE(table->rowCount(), 5);
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("old.example"));
    }
};

QTEST_MAIN(TestActivityPage)
#include "TestActivityPage.moc"
