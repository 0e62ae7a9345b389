// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"
#include "ui/Resources.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

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
    parser.process(app);

    certdeck::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
