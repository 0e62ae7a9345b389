// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the README screenshots from real widgets: the dashboard with a few hundred certificates in
// every state, the wizard's preflight page with a realistic report (a CAA blocker, an IPv6 warning),
// and the certificate details dialog. Run offscreen (or under xvfb-run) with the output folder:
//   QT_QPA_PLATFORM=offscreen build/ci/tests/bench/gui/gui_screenshots docs/screenshots
// The same instant and seed every time, so the pictures only change when the UI does.
#include "core/dns/PreflightReport.h"
#include "tests/gui/SampleCertificates.h"
#include "ui/AddDomainWizard.h"
#include "ui/CertificateDetailsDialog.h"
#include "ui/CertificateTableModel.h"
#include "ui/DashboardPage.h"
#include "ui/ExpiryTimelineWidget.h"
#include "ui/MainWindow.h"
#include "ui/Resources.h"
#include "ui/WizardPreflightPage.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QCursor>
#include <QDir>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace certdeck;

namespace {

bool save(QWidget* w, const QString& path) {
    QCoreApplication::processEvents();
    const QPixmap pixmap = w->grab();
    if (!pixmap.save(path, "PNG", 9)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s  %dx%d\n", qPrintable(path), pixmap.width(), pixmap.height());
    return true;
}

dns::PreflightFinding finding(const char* check, dns::PreflightVerdict verdict, const QString& message,
                              const QString& advice, const QString& record = {}) {
    dns::PreflightFinding f;
    f.check = QLatin1String(check);
    f.verdict = verdict;
    f.message = message;
    f.advice = advice;
    f.record = record;
    return f;
}

/// What core/dns Preflight reports for a small shop whose zone allows only another CA for one name
/// and still has a stale AAAA record on another (the wording is Preflight's own).
dns::PreflightReport sampleReport() {
    using V = dns::PreflightVerdict;
    dns::PreflightReport report;
    dns::PreflightNameReport apex;
    apex.name = QStringLiteral("example.com");
    apex.ipv4 = QStringList{QStringLiteral("203.0.113.10")};
    apex.findings << finding("address", V::Ok, QStringLiteral("example.com points to your server (203.0.113.10)."),
                             QStringLiteral("Nothing to do."))
                  << finding("caa", V::Ok,
                             QStringLiteral("The CAA records at example.com allow letsencrypt.org to issue for "
                                            "example.com."),
                             QStringLiteral("Nothing to do."));
    dns::PreflightNameReport www;
    www.name = QStringLiteral("www.example.com");
    www.ipv4 = QStringList{QStringLiteral("203.0.113.10")};
    www.ipv6 = QStringList{QStringLiteral("2001:db8::7")};
    www.findings << finding("address", V::Warning,
                            QStringLiteral("www.example.com has the IPv6 address 2001:db8::7, which is not your "
                                           "server's; CAs try IPv6 first, so validation may fail."),
                            QStringLiteral("Remove `www.example.com. AAAA 2001:db8::7`, or point it at your "
                                           "server's IPv6 address."))
                 << finding("caa", V::Ok,
                            QStringLiteral("The CAA records at example.com allow letsencrypt.org to issue for "
                                           "www.example.com."),
                            QStringLiteral("Nothing to do."));
    dns::PreflightNameReport shop;
    shop.name = QStringLiteral("shop.example.com");
    shop.ipv4 = QStringList{QStringLiteral("203.0.113.10")};
    shop.caaOwner = QStringLiteral("shop.example.com.");
    shop.caaRecords = QStringList{QStringLiteral("0 issue \"sectigo.com\"")};
    shop.findings << finding("address", V::Ok, QStringLiteral("shop.example.com points to your server (203.0.113.10)."),
                             QStringLiteral("Nothing to do."))
                  << finding("caa", V::Blocker,
                             QStringLiteral("The CAA records at shop.example.com allow only sectigo.com to issue for "
                                            "shop.example.com, not letsencrypt.org."),
                             QStringLiteral("Add `shop.example.com. CAA 0 issue \"letsencrypt.org\"`."),
                             QStringLiteral("shop.example.com. CAA 0 issue \"letsencrypt.org\""));
    dns::PreflightNameReport idn;
    idn.name = QStringLiteral("xn--bcher-kva.example.com");
    idn.ipv4 = QStringList{QStringLiteral("203.0.113.10")};
    idn.findings << finding("address", V::Ok,
                            QStringLiteral("bücher.example.com points to your server (203.0.113.10)."),
                            QStringLiteral("Nothing to do."));
    report.names << apex << www << shop << idn;
    return report;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no saved geometry or settings from a real user
    QCoreApplication::setOrganizationName(QStringLiteral("CertdeckScreenshots"));
    QCoreApplication::setApplicationName(QStringLiteral("certdeck-screenshots"));
    QSettings().clear();
    ui::initResources();
    const QString outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    QDir().mkpath(outDir);
    QTemporaryDir data;

    const QDateTime now(QDate(2025, 6, 16), QTime(9, 30), Qt::UTC);
    // A few hundred certificates; a real user rarely keeps more than a handful expired, so keep three.
    QList<ui::CertificateRow> rows;
    int expired = 0;
    for (ui::CertificateRow& r : test::sampleCertificates(340, now, 11)) {
        if (r.stateAt(now) == ui::CertificateState::Expired && ++expired > 3)
            continue;
        // Full SHA-256 fingerprints, as real certificates have.
        r.fingerprint = QString::fromLatin1(
            QCryptographicHash::hash(r.names.first().toUtf8() + r.serial.toLatin1(), QCryptographicHash::Sha256)
                .toHex()
                .toUpper());
        rows << r;
    }

    ui::MainWindow::Options options;
    options.dataDir = data.path();
    options.loadCertificates = false;
    ui::MainWindow window(options);
    window.resize(1280, 800);
    window.dashboard()->setCertificates(rows);
    window.dashboard()->setNow(now);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    // The pointer away from every widget (offscreen puts it at 0,0, over the first toolbar button).
    QCursor::setPos(window.mapToGlobal(QPoint(window.width() + 200, window.height() + 200)));
    // By name: the states mix as they do in a real list (the default order, by expiry, puts the
    // troubled ones first, all in the same colour).
    window.dashboard()->table()->sortByColumn(ui::CertificateTableModel::NamesColumn, Qt::AscendingOrder);
    window.dashboard()->table()->selectRow(5);
    window.dashboard()->table()->setFocus();
    bool ok = save(&window, outDir + QStringLiteral("/dashboard.png"));

    // Details of a certificate the user would open: one with the CA's renewal window, renewal due.
    int pick = 0;
    for (int i = 0; i < rows.size(); ++i) {
        if (rows[i].ariWindowStart.isValid() && rows[i].names.size() > 1 &&
            rows[i].stateAt(now) == ui::CertificateState::RenewalDue) {
            pick = i;
            break;
        }
    }
    ui::CertificateDetailsDialog details(rows[pick], now, nullptr, &window);
    details.show();
    if (!QTest::qWaitForWindowExposed(&details))
        return 1;
    ok = save(&details, outDir + QStringLiteral("/details.png")) && ok;
    details.close();

    ui::AddDomainWizard::Context ctx;
    ctx.dataDir = data.path();
    ui::AddDomainWizard wizard(ctx, &window);
    wizard.show();
    if (!QTest::qWaitForWindowExposed(&wizard))
        return 1;
    auto* names = wizard.findChild<QPlainTextEdit*>(QStringLiteral("wizardNames"));
    if (!names)
        return 1;
    names->setPlainText(QStringLiteral("example.com\nwww.example.com\nshop.example.com\nbücher.example.com"));
    wizard.next();
    auto* preflight = qobject_cast<ui::WizardPreflightPage*>(wizard.currentPage());
    if (!preflight)
        return 1;
    preflight->setReport(sampleReport());
    ok = save(&wizard, outDir + QStringLiteral("/wizard-preflight.png")) && ok;
    return ok ? 0 : 1;
}
