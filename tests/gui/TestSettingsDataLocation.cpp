// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Data location: the folder in use is shown; choosing another writes the setting the app
// reads at its next start (and Default removes it); the start-up order is --data-dir, then
// CERTDECK_DATA_DIR, then the chosen folder, then the default; the dialog says when the installed
// unattended-renewal timer renews another folder (read back from its unit's --data-dir).
#include "core/store/StoreExecutor.h"
#include "core/workflow/UnattendedRenewal.h"
#include "ui/Resources.h"
#include "ui/SettingsDataLocation.h"
#include "ui/SettingsDialog.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;
using certdeck::ui::SettingsDataLocation;
using certdeck::ui::SettingsDialog;

class TestSettingsDataLocation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CertdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("certdeck-settings-data-test"));
        ui::initResources();
        QSettings settings;
        QVERIFY2(settings.fileName().contains(QLatin1String(".qttest")), qPrintable(settings.fileName()));
        settings.clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void resolutionOrder() {
        QSettings settings;
        settings.clear();
        const QString flag = QStringLiteral("/tmp/certdeck-flag");
        const QString env = QStringLiteral("/tmp/certdeck-env");
        const QString chosen = QStringLiteral("/tmp/certdeck-chosen");
        QCOMPARE(SettingsDataLocation::resolve(QString(), QString(), settings), SettingsDataLocation::defaultDir());
        settings.setValue(QStringLiteral("general/dataDir"), chosen);
        QCOMPARE(SettingsDataLocation::resolve(QString(), QString(), settings), chosen);
        QCOMPARE(SettingsDataLocation::resolve(QString(), env, settings), env);
        QCOMPARE(SettingsDataLocation::resolve(flag, env, settings), flag);
        QCOMPARE(SettingsDataLocation::resolve(flag, QString(), settings), flag);
        settings.clear();
    }

    void choosingAFolderWritesTheSetting() {
        QTemporaryDir current;
        QTemporaryDir next;
        store::StoreExecutor executor(current.path());
        {
            SettingsDialog dialog(&executor, nullptr);
            dialog.show();
            auto* inUse = dialog.findChild<QLabel*>(QStringLiteral("settingsDataDir"));
            QVERIFY(inUse);
            QCOMPARE(QDir::fromNativeSeparators(inUse->text()), QDir(current.path()).absolutePath());
            QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("settingsOpenDataDir")));
            auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("settingsNextDataDir"));
            QVERIFY(edit);
            QVERIFY(edit->text().isEmpty()); // nothing chosen yet: the default
            edit->setText(next.path());
            auto* note = dialog.findChild<QLabel*>(QStringLiteral("settingsDataDirNote"));
            QVERIFY(note->text().contains(QLatin1String("next start")));
            QVERIFY(note->text().contains(QLatin1String("Nothing is moved")));
            dialog.findChild<QPushButton*>(QStringLiteral("settingsOk"))->click();
        }
        QSettings settings;
        QCOMPARE(SettingsDataLocation::storedDir(settings), QDir(next.path()).absolutePath());
        QCOMPARE(SettingsDataLocation::resolve(QString(), QString(), settings), QDir(next.path()).absolutePath());

        // Cancel leaves it; Default removes it.
        {
            SettingsDialog dialog(&executor, nullptr);
            auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("settingsNextDataDir"));
            QCOMPARE(QDir::fromNativeSeparators(edit->text()), QDir(next.path()).absolutePath());
            edit->setText(QStringLiteral("/somewhere/else"));
            dialog.findChild<QPushButton*>(QStringLiteral("settingsCancel"))->click();
        }
        QCOMPARE(SettingsDataLocation::storedDir(QSettings()), QDir(next.path()).absolutePath());
        {
            SettingsDialog dialog(&executor, nullptr);
            dialog.findChild<QPushButton*>(QStringLiteral("settingsDefaultDataDir"))->click();
            dialog.findChild<QPushButton*>(QStringLiteral("settingsOk"))->click();
        }
        QCOMPARE(SettingsDataLocation::storedDir(QSettings()), QString());
    }

    void timerRenewingAnotherFolderIsSaid() {
        QTemporaryDir units;
        QTemporaryDir current;
        const QString timerDir = QStringLiteral("/srv/old certdeck \"data\" 100%");
        workflow::UnattendedRenewal::Setup setup;
        setup.program = QStringLiteral("/usr/bin/certdeck-cli");
        setup.dataDir = timerDir;
        setup.unitDir = units.path();
        setup.enable = false;
        QVERIFY(workflow::UnattendedRenewal::install(setup));
        // Read back through systemd's quoting.
        QCOMPARE(workflow::UnattendedRenewal::installedDataDir(units.path()), timerDir);
        QCOMPARE(workflow::UnattendedRenewal::installedDataDir(current.path()), QString()); // no unit there

        SettingsDataLocation page(current.path(), units.path());
        auto* note = page.findChild<QLabel*>(QStringLiteral("settingsDataDirNote"));
        QVERIFY(note->text().contains(QLatin1String("unattended renewal timer")));
        QVERIFY(note->text().contains(QDir::toNativeSeparators(timerDir)));
        // Choosing the timer's folder: nothing to say about the timer.
        page.setChosenDir(timerDir);
        QVERIFY(!note->text().contains(QLatin1String("unattended renewal timer")));
    }
};

QTEST_MAIN(TestSettingsDataLocation)
#include "TestSettingsDataLocation.moc"
