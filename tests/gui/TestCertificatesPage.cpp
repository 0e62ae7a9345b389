// SPDX-License-Identifier: GPL-3.0-or-later
// The Certificates screen over a real store: each lineage one row with its names, CA, key type,
// challenge, deploy targets, expiry and state; the empty state offers "Add domain"; double-click asks
// for the details of exactly that certificate (the id the dashboard uses).
#include "core/store/StoreExecutor.h"
#include "ui/CertificatesPage.h"
#include "ui/Formatting.h"
#include "ui/Resources.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;
using certdeck::ui::CertificatesPage;

namespace {

Status addLineage(store::StoreExecutor& executor, const QString& name, const QStringList& names, int daysLeft,
                  int failures, const QJsonObject& challenge, const QJsonArray& targets) {
    auto job = executor.run([=](store::Store& s) -> Status {
        store::Lineage l;
        l.name = name;
        l.names = names;
        l.directoryUrl = QUrl(QStringLiteral("https://acme-v02.api.letsencrypt.org/directory"));
        l.keyType = QStringLiteral("p384");
        l.challenge = challenge;
        l.deployTargets = targets;
        if (auto inserted = s.lineages().insert(l); !inserted)
            return inserted;
        l.failureCount = failures;
        if (auto updated = s.lineages().update(l); !updated)
            return updated;
        if (daysLeft == 0)
            return {};
        store::CertificateRecord c;
        c.lineageId = l.id;
        c.version = 1;
        c.serial = QStringLiteral("01");
        c.sha256 = QStringLiteral("AB:CD");
        c.names = names;
        c.issuer = QStringLiteral("CN=R11, O=Let's Encrypt, C=US");
        c.notBefore = QDateTime::currentDateTimeUtc().addDays(daysLeft - 90);
        c.notAfter = QDateTime::currentDateTimeUtc().addDays(daysLeft);
        c.fullchainPem = QByteArray("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        return s.certificates().add(c);
    });
    job.waitForFinished();
    return job.result();
}

int rowOf(QTableWidget* table, const QString& text) {
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == text)
            return row;
    return -1;
}

} // namespace

class TestCertificatesPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::initResources();
    }

    void emptyStateOffersAddDomain() {
        QTemporaryDir data;
        store::StoreExecutor executor(data.path());
        CertificatesPage page(&executor);
        QSignalSpy loaded(&page, &CertificatesPage::rowsLoaded);
        QSignalSpy add(&page, &CertificatesPage::addDomainRequested);
        page.show();
        QTRY_VERIFY(loaded.count() > 0);
        QVERIFY(page.findChild<QWidget*>(QStringLiteral("certificatesEmptyState"))->isVisible());
        page.findChild<QPushButton*>(QStringLiteral("certificatesEmptyStateAction"))->click();
        QCOMPARE(add.count(), 1);
    }

    void lineagesAsRows() {
        QTemporaryDir data;
        store::StoreExecutor executor(data.path());
        QVERIFY(addLineage(executor, QStringLiteral("example.com"),
                           {QStringLiteral("example.com"), QStringLiteral("www.example.com")}, 60, 0,
                           QJsonObject{{QStringLiteral("method"), QStringLiteral("webroot")},
                                       {QStringLiteral("server"), QStringLiteral("web1")}},
                           QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("web1-nginx")},
                                                  {QStringLiteral("server"), QStringLiteral("web1")}}}));
        QVERIFY(addLineage(executor, QStringLiteral("shop.example"), {QStringLiteral("shop.example")}, 20, 3,
                           QJsonObject{{QStringLiteral("method"), QStringLiteral("dns-01")},
                                       {QStringLiteral("provider"), QStringLiteral("pdns")}},
                           QJsonArray{}));
        QVERIFY(addLineage(executor, QStringLiteral("new.example"), {QStringLiteral("new.example")}, 0, 0,
                           QJsonObject{}, QJsonArray{}));

        CertificatesPage page(&executor);
        QSignalSpy loaded(&page, &CertificatesPage::rowsLoaded);
        QSignalSpy activated(&page, &CertificatesPage::certificateActivated);
        page.show();
        QTRY_VERIFY(loaded.count() > 0);
        auto* table = page.findChild<QTableWidget*>(QStringLiteral("certificatesTable"));
        QVERIFY(table && table->isVisible());
        QCOMPARE(table->rowCount(), 3);

        const int ok = rowOf(table, QStringLiteral("example.com and www.example.com"));
        QVERIFY(ok >= 0);
        QCOMPARE(table->item(ok, 1)->text(), QStringLiteral("Let's Encrypt"));
        QCOMPARE(table->item(ok, 2)->text(), QStringLiteral("ECDSA P-384"));
        QCOMPARE(table->item(ok, 3)->text(), QStringLiteral("webroot (web1)"));
        QCOMPARE(table->item(ok, 4)->text(), QStringLiteral("web1-nginx"));
        QVERIFY2(table->item(ok, 5)->text().contains(QLatin1String("in 5")) ||
                     table->item(ok, 5)->text().contains(QLatin1String("60")),
                 qPrintable(table->item(ok, 5)->text()));
        QCOMPARE(table->item(ok, 6)->text(), ui::Formatting::stateLabel(ui::CertificateState::Fine));

        const int failing = rowOf(table, QStringLiteral("shop.example"));
        QCOMPARE(table->item(failing, 3)->text(), QStringLiteral("dns-01 (pdns)"));
        QCOMPARE(table->item(failing, 6)->text(), ui::Formatting::stateLabel(ui::CertificateState::RenewalFailed));
        const int fresh = rowOf(table, QStringLiteral("new.example"));
        QCOMPARE(table->item(fresh, 5)->text(), QStringLiteral("not issued yet"));

        // Double-click: the details of that certificate, by the dashboard's id.
        const QRect cell = table->visualItemRect(table->item(failing, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
        QTRY_VERIFY(activated.count() >= 1);
        QCOMPARE(activated.last().at(0).toString(), QStringLiteral("lineage:shop.example"));
    }
};

QTEST_MAIN(TestCertificatesPage)
#include "TestCertificatesPage.moc"
