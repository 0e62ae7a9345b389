// SPDX-License-Identifier: GPL-3.0-or-later
// Renewal while the app is open: a lineage issued by the REAL Pebble whose CA window (ARI) says
// "renew now" is renewed by the main window's RenewalService without anyone clicking, the store gets
// version 2 and a "renewed" event, and the dashboard row follows; the stored notification target (a real
// webhook receiver) hears "renewed", as from the timer's renew --all. Offscreen; waits with QTRY_*.
#include "PebbleLineage.h"
#include "core/store/Store.h"
#include "tests/support/WebhookReceiverFixture.h"
#include "ui/CertificateTableModel.h"
#include "ui/DashboardPage.h"
#include "ui/MainWindow.h"
#include "ui/RenewalService.h"
#include "ui/StoreCertificateRows.h"

#include <QApplication>
#include <QCoroTask>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;

class TestBackgroundRenewal : public QObject {
    Q_OBJECT
    test::WebhookReceiverFixture m_receiver;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CertdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("certdeck-renewal-test"));
        QString error;
        CERTDECK_REQUIRE(m_receiver.start(&error), error);
    }

    void dueLineageIsRenewedWhileTheWindowIsOpen() {
        test::PebbleFixture pebble;
        QString error;
        QVERIFY2(pebble.start(&error), qPrintable(error));
        QTemporaryDir data;
        const QString name = QStringLiteral("renew-me.example");
        QDateTime firstNotAfter;
        {
            auto st = store::Store::open(data.path());
            QVERIFY(st);
            error = test::issueIntoStore(pebble, **st, name);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            // The CA's renewal window (RFC 9773) opened an hour ago: due now. Checked just now, so the
            // workflow does not ask again.
            auto lineage = (*st)->lineages().byName(name);
            QVERIFY(lineage);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            lineage->ariWindowStart = now.addSecs(-3600);
            lineage->ariWindowEnd = now.addSecs(-60);
            lineage->ariCheckedAt = now;
            QVERIFY((*st)->lineages().update(*lineage));
            auto current = (*st)->certificates().latest(lineage->id);
            QVERIFY(current);
            QCOMPARE(current->version, 1);
            firstNotAfter = current->notAfter;
            // A notification target stored as Settings → Notifications / `notify add` store it (its URL
            // in the store's Secrets; the file backend here, no keyring needed).
            QVERIFY((*st)->setSecretsBackend(store::Secrets::Backend::File));
            const SecureBytes url(m_receiver.url(QStringLiteral("/renewals")).toString().toUtf8());
            QVERIFY(QCoro::waitFor((*st)->secrets().write(QStringLiteral("notify/hook"), url)));
            store::NotifierRecord hook;
            hook.name = QStringLiteral("hook");
            hook.kind = QStringLiteral("webhook");
            hook.settings = QJsonObject{{QStringLiteral("format"), QStringLiteral("json")},
                                        {QStringLiteral("host"), QStringLiteral("127.0.0.1")}};
            QVERIFY((*st)->notifiers().save(hook));
        }

        ui::MainWindow::Options o;
        o.dataDir = data.path();
        ui::MainWindow w(o);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const ui::CertificateTableModel* model = w.dashboard()->model();
        const QString id = ui::StoreCertificateRows::lineageRowId(name);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfId(id) >= 0, 10000);

        // Renewed by the service on its own, and the row shows version 2 without a restart.
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfId(id) >= 0 && model->rowAt(model->rowOfId(id)).version == 2, 60000);
        const ui::CertificateRow row = model->rowAt(model->rowOfId(id));
        QVERIFY(row.lastError.isEmpty());
        QVERIFY(row.notAfter >= firstNotAfter);
        QCOMPARE(row.stateAt(QDateTime::currentDateTimeUtc()), ui::CertificateState::Fine);
        QTRY_VERIFY(!w.renewal()->isBusy());

        auto st = store::Store::open(data.path());
        QVERIFY(st);
        auto lineage = (*st)->lineages().byName(name);
        QVERIFY(lineage);
        auto history = (*st)->certificates().history(lineage->id);
        QVERIFY(history);
        QCOMPARE(history->size(), 2);
        auto events = (*st)->events().recent(10, lineage->id);
        QVERIFY(events);
        QVERIFY(std::any_of(events->cbegin(), events->cend(),
                            [](const store::EventRecord& e) { return e.kind == QLatin1String("renewed"); }));
        // The app's renewal also told the stored target, as the timer's renew --all would.
        QTRY_VERIFY(!m_receiver.requests().isEmpty());
        const QJsonObject note = QJsonDocument::fromJson(m_receiver.requests().last().body).object();
        QCOMPARE(note.value(QStringLiteral("event")).toString(), QStringLiteral("renewed"));
        QCOMPARE(note.value(QStringLiteral("certificate")).toString(), name);
        // Renewed once: the new certificate is not due again, so nothing else was ordered.
        QVERIFY(w.renewal()->nextDue() > QDateTime::currentDateTimeUtc().addDays(1));
    }
};

QTEST_MAIN(TestBackgroundRenewal)
#include "TestBackgroundRenewal.moc"
