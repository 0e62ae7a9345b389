// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Notifications → "Warn me N days before expiry": the dialog shows the value kept in the
// store (the one `certdeck-cli renew` on the timer obeys), OK writes the chosen value there, Cancel
// leaves it; a value the CLI stored meanwhile is what the next dialog shows; without a store the
// desktop's own QSettings keep it.
#include "core/store/StoreExecutor.h"
#include "ui/Resources.h"
#include "ui/SettingsDialog.h"

#include <QFuture>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;
using certdeck::ui::SettingsDialog;

namespace {
const QString kKey = QString::fromLatin1(store::SettingRepository::kFirstExpiryNoticeDays);

/// The stored value, read on the executor's thread as any screen would ("" when unset).
QString storedDays(store::StoreExecutor& executor) {
    auto job = executor.run([](store::Store& s) { return s.settings().value(kKey); });
    job.waitForFinished();
    const Result<QString> r = job.result();
    return r ? *r : QStringLiteral("error: ") + r.error().toString();
}

bool storeDays(store::StoreExecutor& executor, const QString& value) {
    auto job = executor.run([value](store::Store& s) { return s.settings().setValue(kKey, value); });
    job.waitForFinished();
    return job.result().has_value();
}
} // namespace

class TestSettingsWarnDays : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CertdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("certdeck-settings-warn-days-test"));
        ui::initResources();
        QSettings settings;
        QVERIFY2(settings.fileName().contains(QLatin1String(".qttest")), qPrintable(settings.fileName()));
        settings.clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void okWritesTheStoreCancelDoesNot() {
        QTemporaryDir data;
        store::StoreExecutor executor(data.path());
        {
            SettingsDialog dialog(&executor, nullptr);
            dialog.show();
            QTRY_VERIFY(dialog.isStoredSettingsLoaded());
            auto* days = dialog.findChild<QSpinBox*>(QStringLiteral("settingsNotifyDays"));
            QVERIFY(days);
            QCOMPARE(days->value(), 14); // nothing chosen yet: the default the renewals use
            QCOMPARE(days->minimum(), 1);
            QCOMPARE(days->maximum(), 60);
            auto* note = dialog.findChild<QLabel*>(QStringLiteral("settingsNotifyDaysNote"));
            QVERIFY(note && note->text().contains(QLatin1String("certdeck-cli renew")));
            days->setValue(30);
            QSignalSpy accepted(&dialog, &QDialog::accepted);
            dialog.findChild<QPushButton*>(QStringLiteral("settingsOk"))->click();
            QTRY_COMPARE(accepted.size(), 1);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(storedDays(executor), QStringLiteral("30"));

        // Opened again: the stored value; Cancel keeps it.
        {
            SettingsDialog dialog(&executor, nullptr);
            QSignalSpy loaded(&dialog, &SettingsDialog::storedSettingsLoaded);
            QVERIFY(loaded.wait());
            auto* days = dialog.findChild<QSpinBox*>(QStringLiteral("settingsNotifyDays"));
            QCOMPARE(days->value(), 30);
            days->setValue(5);
            dialog.findChild<QPushButton*>(QStringLiteral("settingsCancel"))->click();
        }
        QCOMPARE(storedDays(executor), QStringLiteral("30"));

        // Set from the command line meanwhile (`certdeck-cli notify settings --warn-days`): the dialog shows that, not
        // the desktop's last choice, and OK without a change leaves it.
        QVERIFY(storeDays(executor, QStringLiteral("45")));
        {
            SettingsDialog dialog(&executor, nullptr);
            QTRY_VERIFY(dialog.isStoredSettingsLoaded());
            QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("settingsNotifyDays"))->value(), 45);
            QSignalSpy accepted(&dialog, &QDialog::accepted);
            dialog.findChild<QPushButton*>(QStringLiteral("settingsOk"))->click();
            QTRY_COMPARE(accepted.size(), 1);
        }
        QCOMPARE(storedDays(executor), QStringLiteral("45"));
    }

    void aStoreThatCannotOpenKeepsTheDialogOpen() {
        // A data folder that is a file: the store cannot open, OK says why and stays.
        QTemporaryDir dir;
        const QString notADir = dir.filePath(QStringLiteral("file"));
        QFile f(notADir);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        store::StoreExecutor executor(notADir);
        SettingsDialog dialog(&executor, nullptr);
        dialog.show();
        QTRY_VERIFY(dialog.isStoredSettingsLoaded());
        auto* text = dialog.findChild<QLabel*>(QStringLiteral("settingsNotifyMessageText"));
        QVERIFY(text);
        QTRY_VERIFY(!text->text().isEmpty());
        dialog.findChild<QSpinBox*>(QStringLiteral("settingsNotifyDays"))->setValue(21);
        text->clear();
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        auto* ok = dialog.findChild<QPushButton*>(QStringLiteral("settingsOk"));
        ok->click();
        QTRY_VERIFY(!text->text().isEmpty());
        QTRY_VERIFY(ok->isEnabled());
        QCOMPARE(accepted.size(), 0);
        QVERIFY(dialog.isVisible());
    }

    void withoutAStoreTheDesktopKeepsIt() {
        QSettings().clear();
        {
            SettingsDialog dialog(nullptr, nullptr);
            QVERIFY(dialog.isStoredSettingsLoaded());
            auto* days = dialog.findChild<QSpinBox*>(QStringLiteral("settingsNotifyDays"));
            QCOMPARE(days->value(), 14);
            days->setValue(9);
            dialog.findChild<QPushButton*>(QStringLiteral("settingsOk"))->click();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(SettingsDialog::notifyDaysBefore(QSettings()), 9);
        SettingsDialog dialog(nullptr, nullptr);
        QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("settingsNotifyDays"))->value(), 9);
    }
};

QTEST_MAIN(TestSettingsWarnDays)
#include "TestSettingsWarnDays.moc"
