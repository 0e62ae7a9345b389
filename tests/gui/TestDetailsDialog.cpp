// SPDX-License-Identifier: GPL-3.0-or-later
// The certificate details dialog for a lineage issued by the REAL Pebble: the history and the
// fingerprint come from the store; Export writes PEM files and a PKCS#12 file (password typed twice)
// readable only by the user; Revoke asks first (naming the certificate), then revokes at the CA and
// records it. Offscreen; waits with QTRY_*.
#include "PebbleLineage.h"
#include "core/crypto/Certificate.h"
#include "core/store/Store.h"
#include "core/store/StoreExecutor.h"
#include "ui/CertificateDetailsDialog.h"
#include "ui/StoreCertificateRows.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace certdeck;

namespace {
const QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QWidget* topLevel(const QString& objectName) {
    for (QWidget* w : QApplication::topLevelWidgets())
        if (w->objectName() == objectName && w->isVisible())
            return w;
    return nullptr;
}
} // namespace

class TestDetailsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_pebble.start(&error), qPrintable(error));
        auto st = store::Store::open(m_data.path());
        QVERIFY(st);
        error = test::issueIntoStore(m_pebble, **st, m_name);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto row = ui::StoreCertificateRows::readLineage(**st, m_name);
        QVERIFY(row);
        m_row = *row;
        m_row.fingerprint.clear(); // as the dashboard has it: the dialog reads it from the store
        auto chain = (*st)->vault().loadChain(m_name);
        QVERIFY(chain && !chain->isEmpty());
        m_sha256 = chain->first().sha256FingerprintHex();
        m_executor = std::make_unique<store::StoreExecutor>(m_data.path());
    }

    void historyAndFingerprintFromTheStore() {
        ui::CertificateDetailsDialog dialog(m_row, QDateTime::currentDateTimeUtc(), m_executor.get());
        dialog.show();
        auto* history = dialog.findChild<QTreeWidget*>(QStringLiteral("detailsHistory"));
        auto* fingerprint = dialog.findChild<QLabel*>(QStringLiteral("detailsFingerprint"));
        QVERIFY(history && fingerprint);
        QTRY_COMPARE(history->topLevelItemCount(), 1);
        QCOMPARE(history->topLevelItem(0)->text(0), QStringLiteral("1"));
        QVERIFY2(fingerprint->text().remove(QLatin1Char('\n')).remove(QLatin1Char(':')) ==
                     QString(m_sha256).remove(QLatin1Char(':')),
                 qPrintable(fingerprint->text()));
    }

    void exportPemAndPkcs12OwnerOnly() {
        ui::CertificateDetailsDialog dialog(m_row, QDateTime::currentDateTimeUtc(), m_executor.get());
        dialog.show();
        auto* message = dialog.findChild<QLabel*>(QStringLiteral("detailsMessage"));
        QVERIFY(message);
        QTemporaryDir out;

        // PEM folder.
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("detailsExport")), Qt::LeftButton);
        QWidget* exp = nullptr;
        QTRY_VERIFY((exp = dialog.findChild<QWidget*>(QStringLiteral("exportDialog"))) && exp->isVisible());
        exp->findChild<QLineEdit*>(QStringLiteral("exportFolder"))->setText(out.filePath(QStringLiteral("pem")));
        QTest::mouseClick(exp->findChild<QPushButton*>(QStringLiteral("exportOk")), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(message->text().startsWith(QLatin1String("Exported")), qPrintable(message->text()),
                                  10000);
        for (const char* f : {"privkey.pem", "cert.pem", "chain.pem", "fullchain.pem"}) {
            const QString path = out.filePath(QStringLiteral("pem/") + QLatin1String(f));
            QVERIFY2(QFile::exists(path), f);
            QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), kOwnerOnly);
        }
        QFile cert(out.filePath(QStringLiteral("pem/cert.pem")));
        QVERIFY(cert.open(QIODevice::ReadOnly));
        auto parsed = crypto::Certificate::fromPem(cert.readAll());
        QVERIFY(parsed);
        QCOMPARE(parsed->sha256FingerprintHex(), m_sha256);

        // PKCS#12: the Export button waits for the same password twice.
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("detailsExport")), Qt::LeftButton);
        QTRY_VERIFY((exp = topLevel(QStringLiteral("exportDialog"))) ||
                    ((exp = dialog.findChild<QWidget*>(QStringLiteral("exportDialog"))) && exp->isVisible()));
        exp->findChild<QComboBox*>(QStringLiteral("exportFormat"))->setCurrentIndex(1);
        exp->findChild<QLineEdit*>(QStringLiteral("exportFolder"))->setText(out.filePath(QStringLiteral("p12")));
        auto* ok = exp->findChild<QPushButton*>(QStringLiteral("exportOk"));
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(exp->findChild<QLineEdit*>(QStringLiteral("exportPassword")), QStringLiteral("correct horse"));
        QTest::keyClicks(exp->findChild<QLineEdit*>(QStringLiteral("exportPasswordRepeat")), QStringLiteral("correct"));
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(exp->findChild<QLineEdit*>(QStringLiteral("exportPasswordRepeat")), QStringLiteral(" horse"));
        QVERIFY(ok->isEnabled());
        message->clear();
        QTest::mouseClick(ok, Qt::LeftButton);
        const QString p12 = out.filePath(QStringLiteral("p12/%1.p12").arg(m_name));
        QTRY_VERIFY2_WITH_TIMEOUT(message->text().startsWith(QLatin1String("Exported")), qPrintable(message->text()),
                                  10000);
        QVERIFY(QFile::exists(p12));
        QCOMPARE(QFile::permissions(p12) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), kOwnerOnly);
        QVERIFY(QFileInfo(p12).size() > 500);
    }

    void revokeAsksThenRevokes() {
        ui::CertificateDetailsDialog dialog(m_row, QDateTime::currentDateTimeUtc(), m_executor.get());
        QSignalSpy revoked(&dialog, &ui::CertificateDetailsDialog::revoked);
        dialog.show();
        auto* revoke = dialog.findChild<QPushButton*>(QStringLiteral("detailsRevoke"));
        QVERIFY(revoke);

        // Cancel changes nothing.
        QTest::mouseClick(revoke, Qt::LeftButton);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = dialog.findChild<QMessageBox*>(QStringLiteral("revokeConfirm"))) && box->isVisible());
        QVERIFY2(box->text().contains(m_name), qPrintable(box->text()));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!dialog.findChild<QMessageBox*>(QStringLiteral("revokeConfirm")));
        QVERIFY(!dialog.isRevoked());
        QCOMPARE(revoked.count(), 0);

        QTest::mouseClick(revoke, Qt::LeftButton);
        QTRY_VERIFY((box = dialog.findChild<QMessageBox*>(QStringLiteral("revokeConfirm"))) && box->isVisible());
        QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("revokeConfirmYes")), Qt::LeftButton);
        auto* message = dialog.findChild<QLabel*>(QStringLiteral("detailsMessage"));
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.isRevoked(), qPrintable(message->text()), 20000);
        QCOMPARE(revoked.count(), 1);
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("detailsState"))->text(), QStringLiteral("Revoked"));
        QVERIFY(!revoke->isEnabled());

        // Recorded: the event names the certificate, and a new dialog shows it revoked.
        auto st = store::Store::open(m_data.path());
        QVERIFY(st);
        auto events = (*st)->events().recent(10);
        QVERIFY(events);
        QVERIFY(std::any_of(events->cbegin(), events->cend(), [this](const store::EventRecord& e) {
            return e.kind == QLatin1String("revoked") && e.data.value(QStringLiteral("sha256")).toString() == m_sha256;
        }));
        ui::CertificateDetailsDialog again(m_row, QDateTime::currentDateTimeUtc(), m_executor.get());
        QTRY_VERIFY(again.isRevoked());

        // Nothing left to revoke: the button stays off.
        QTest::mouseClick(revoke, Qt::LeftButton); // disabled: no second prompt
        QVERIFY(!dialog.findChild<QMessageBox*>(QStringLiteral("revokeConfirm")));
    }

    void cleanupTestCase() { m_executor.reset(); }

private:
    test::PebbleFixture m_pebble;
    QTemporaryDir m_data;
    const QString m_name = QStringLiteral("details.example");
    ui::CertificateRow m_row;
    QString m_sha256;
    std::unique_ptr<store::StoreExecutor> m_executor;
};

QTEST_MAIN(TestDetailsDialog)
#include "TestDetailsDialog.moc"
