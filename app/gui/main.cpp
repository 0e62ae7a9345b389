// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"
#include "ui/Resources.h"
#include "ui/SettingsDataLocation.h"
#include "ui/SettingsDialog.h"
#include "ui/TrayNotifier.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    certdeck::ui::initResources();
    QApplication::setApplicationName(QStringLiteral("certdeck"));
    QApplication::setApplicationDisplayName(QStringLiteral("Certdeck"));
    QApplication::setOrganizationName(QStringLiteral("Certdeck"));
    QApplication::setApplicationVersion(QStringLiteral(CERTDECK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.certdeck.Certdeck"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/certdeck.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Get, deploy and watch HTTPS certificates."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption sandbox(QStringLiteral("sandbox"),
                               QApplication::translate("main", "Use a private local test CA (Pebble) on loopback."));
    parser.addOption(sandbox);
    QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QApplication::translate("main", "Keep certificates, keys and the database in DIR (wins over CERTDECK_DATA_DIR "
                                        "and the folder chosen in Settings)."),
        QStringLiteral("DIR"));
    parser.addOption(dataDir);
    parser.process(app);

    // Translations: Qt's own, then Certdeck's (embedded as :/i18n/certdeck_<lang>.qm).
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("certdeck"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    certdeck::ui::MainWindow::Options options;
    options.sandboxMode = parser.isSet(sandbox);
    const QSettings settings;
    // --data-dir, then CERTDECK_DATA_DIR, then Settings → Data location, then the default.
    options.dataDir = certdeck::ui::SettingsDataLocation::resolve(parser.value(dataDir),
                                                                  qEnvironmentVariable("CERTDECK_DATA_DIR"), settings);
    certdeck::ui::MainWindow window(options);
    if (certdeck::ui::SettingsDialog::startMinimised(settings) && window.tray()->isAvailable())
        window.hide();
    else
        window.show();
    return QApplication::exec();
}
