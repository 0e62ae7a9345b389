// SPDX-License-Identifier: GPL-3.0-or-later
// The Watched endpoints screen against a real nginx serving a test certificate: typing 127.0.0.1:PORT
// and Watch adds the endpoint to the store and checks it at once; the row shows the served subject,
// issuer and the expiry with days left; a closed port shows its problem; Remove forgets it.
#include "core/monitor/TlsProbe.h"
#include "core/store/Store.h"
#include "core/store/StoreExecutor.h"
#include "tests/support/NginxFixture.h"
#include "ui/EndpointsPage.h"
#include "ui/Formatting.h"
#include "ui/MessageBar.h"
#include "ui/Resources.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;
using certdeck::ui::EndpointsPage;

class TestEndpointsPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::initResources();
    }

    void parsesAddresses() {
        QCOMPARE(EndpointsPage::parseAddress(QStringLiteral("example.com"), {})->port, 443);
        QCOMPARE(EndpointsPage::parseAddress(QStringLiteral("Example.COM:8443"), {})->host,
                 QStringLiteral("example.com"));
        QCOMPARE(EndpointsPage::parseAddress(QStringLiteral("[::1]:993"), {})->host, QStringLiteral("::1"));
        QCOMPARE(EndpointsPage::parseAddress(QStringLiteral("[::1]:993"), {})->port, 993);
        QCOMPARE(EndpointsPage::parseAddress(QStringLiteral("bücher.example"), {})->host,
                 QStringLiteral("xn--bcher-kva.example"));
        QVERIFY(!EndpointsPage::parseAddress(QStringLiteral("example.com:0"), {}));
        QVERIFY(!EndpointsPage::parseAddress(QStringLiteral("exa mple.com"), {}));
        QVERIFY(!EndpointsPage::parseAddress(QStringLiteral("example.com"), QStringLiteral("a b")));
    }

    void addCheckAndRemove() {
        test::NginxFixture nginx;
        QString error;
        CERTDECK_REQUIRE(nginx.start(&error), error);
        // What nginx serves, seen by the same probe the page uses: the page must show exactly this.
        monitor::TlsProbe::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = nginx.httpsPort();
        const auto served = monitor::TlsProbe::probeBlocking(o);
        QVERIFY2(served, qPrintable(served ? QString() : served.error().toString()));

        QTemporaryDir data;
        store::StoreExecutor executor(data.path());
        EndpointsPage page(&executor);
        QSignalSpy loaded(&page, &EndpointsPage::endpointsLoaded);
        QSignalSpy checked(&page, &EndpointsPage::checkFinished);
        page.show();
        QTRY_VERIFY(loaded.count() > 0);
        auto* empty = page.findChild<QWidget*>(QStringLiteral("endpointsEmptyState"));
        QVERIFY(empty && empty->isVisible());
        QVERIFY(page.findChild<QPushButton*>(QStringLiteral("endpointsEmptyStateAction"))->isVisible());

        // A typo stays in the field with the reason.
        auto* address = page.findChild<QLineEdit*>(QStringLiteral("endpointsAddress"));
        auto* add = page.findChild<QPushButton*>(QStringLiteral("endpointsAdd"));
        QVERIFY(address && add);
        address->setText(QStringLiteral("127.0.0.1:99999"));
        add->click();
        auto* message = page.findChild<QLabel*>(QStringLiteral("endpointsMessageText"));
        QVERIFY(message);
        QTRY_VERIFY(message->text().contains(QLatin1String("1 to 65535")));
        QCOMPARE(address->text(), QStringLiteral("127.0.0.1:99999"));

        address->setText(QStringLiteral("127.0.0.1:%1").arg(nginx.httpsPort()));
        add->click();
        QTRY_VERIFY_WITH_TIMEOUT(checked.count() == 1, 30000);
        auto* table = page.findChild<QTableWidget*>(QStringLiteral("endpointsTable"));
        QVERIFY(table && table->isVisible());
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("127.0.0.1:%1").arg(nginx.httpsPort()));
        QCOMPARE(table->item(0, 1)->text(), served->subject);
        QCOMPARE(table->item(0, 2)->text(), served->issuer);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString expires = table->item(0, 3)->text();
        QVERIFY2(expires.contains(ui::Formatting::date(served->notAfter)), qPrintable(expires));
        QVERIFY2(expires.contains(QStringLiteral("%1 days left").arg(served->daysLeft(now))) ||
                     expires.contains(QStringLiteral("%1 days left").arg(served->daysLeft(now) - 1)),
                 qPrintable(expires));
        QVERIFY(table->item(0, 5)->text().isEmpty());

        // Recorded in the store: another reader sees the scan.
        {
            auto direct = store::Store::open(data.path());
            QVERIFY(direct);
            const auto all = (*direct)->endpoints().all();
            QVERIFY(all && all->size() == 1);
            QCOMPARE(all->first().lastNotAfter, served->notAfter);
            QVERIFY(all->first().lastScannedAt.isValid());
        }

        // A port nobody serves: the problem is shown in its row, the other row keeps its facts.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 closedPort = closed.serverPort();
        closed.close();
        address->setText(QStringLiteral("127.0.0.1:%1").arg(closedPort));
        add->click();
        QTRY_VERIFY_WITH_TIMEOUT(checked.count() == 2, 30000);
        QCOMPARE(table->rowCount(), 2);
        int closedRow = -1;
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, 0)->text().endsWith(QStringLiteral(":%1").arg(closedPort)))
                closedRow = row;
        QVERIFY(closedRow >= 0);
        QVERIFY(!table->item(closedRow, 5)->text().isEmpty());
        QCOMPARE(ui::MessageBar::Kind::Error,
                 page.findChild<ui::MessageBar*>(QStringLiteral("endpointsMessage"))->kind());

        // Check now re-checks both.
        page.findChild<QPushButton*>(QStringLiteral("endpointsCheck"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(checked.count() == 3, 30000);
        QCOMPARE(table->rowCount(), 2);

        // Remove the broken one.
        table->selectRow(closedRow);
        auto* remove = page.findChild<QPushButton*>(QStringLiteral("endpointsRemove"));
        QVERIFY(remove->isEnabled());
        remove->click();
        QTRY_COMPARE(table->rowCount(), 1);
        QCOMPARE(page.endpoints().size(), 1);
        QCOMPARE(page.endpoints().first().port, int(nginx.httpsPort()));
    }
};

QTEST_MAIN(TestEndpointsPage)
#include "TestEndpointsPage.moc"
