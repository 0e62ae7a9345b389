// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the README screenshots from real widgets: the dashboard with a few hundred certificates in
// every state, the wizard's preflight page with a realistic report (a CAA blocker, an IPv6 warning),
// the certificate details dialog of a stored lineage (renewal history, deploy targets, Check servers,
// Export, Revoke) and the Servers page with two servers. Run offscreen (or under xvfb-run) with the
// output folder:
//   QT_QPA_PLATFORM=offscreen build/ci/tests/bench/gui/gui_screenshots docs/screenshots
// The same instant and seed every time, so the pictures only change when the UI does.
#include "core/crypto/CertificateAuthority.h"
#include "core/crypto/PrivateKey.h"
#include "core/dns/PreflightReport.h"
#include "core/store/Store.h"
#include "core/store/StoreExecutor.h"
#include "tests/gui/SampleCertificates.h"
#include "ui/AddDomainWizard.h"
#include "ui/CertificateDetailsDialog.h"
#include "ui/CertificateTableModel.h"
#include "ui/DashboardPage.h"
#include "ui/ExpiryTimelineWidget.h"
#include "ui/MainWindow.h"
#include "ui/Resources.h"
#include "ui/StoreCertificateRows.h"
#include "ui/WizardPreflightPage.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QCursor>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QListWidget>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

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

/// Lets the event loop run until `done()` (store reads, page loads), at most 10 s.
template <typename F> bool waitUntil(F done) {
    QDeadlineTimer deadline(10000);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(20);
    }
    return true;
}

/// A stored lineage as a user has it after a few months: three versions (issued, then renewed twice)
/// signed by a throw-away root, deploy targets on two servers, and those two servers.
QString seedStore(const QString& dataDir, const QString& lineageName) {
    auto opened = store::Store::open(dataDir);
    if (!opened)
        return opened.error().toString();
    store::Store& st = **opened;
    auto root = crypto::CertificateAuthority::createRoot(QStringLiteral("Certdeck screenshots root"), 3650);
    if (!root)
        return root.error().toString();
    const QStringList names{QStringLiteral("example.com"), QStringLiteral("www.example.com")};
    store::Lineage l;
    l.name = lineageName;
    l.names = names;
    l.directoryUrl = QUrl(QStringLiteral("https://acme-v02.api.letsencrypt.org/directory"));
    l.challenge = QJsonObject{{QStringLiteral("method"), QStringLiteral("webroot")},
                              {QStringLiteral("server"), QStringLiteral("web1")}};
    const auto target = [](const QString& name, const QString& server, const QString& preset, int port) {
        return QJsonObject{{QStringLiteral("name"), name},
                           {QStringLiteral("server"), server},
                           {QStringLiteral("preset"), preset},
                           {QStringLiteral("directory"), QStringLiteral("/etc/ssl/example.com")},
                           {QStringLiteral("verifyPort"), port}};
    };
    l.deployTargets =
        QJsonArray{target(QStringLiteral("web1-nginx"), QStringLiteral("web1"), QStringLiteral("nginx"), 443),
                   target(QStringLiteral("mail-postfix"), QStringLiteral("mail"), QStringLiteral("postfix"), 25)};
    if (auto s = st.lineages().insert(l); !s)
        return s.error().toString();
    // 90-day certificates renewed a month before expiry: issued 120 days ago, renewed at 60 and now.
    const int versions[] = {-120, -60, 0};
    int version = 0;
    for (int ageDays : versions) {
        auto key = crypto::PrivateKey::generate(crypto::KeyType::P256);
        if (!key)
            return key.error().toString();
        auto cert = crypto::CertificateAuthority::issue(root->first, root->second, *key, names, 90);
        if (!cert)
            return cert.error().toString();
        store::CertificateRecord record = store::CertificateRecord::fromChain({*cert, root->second}, l.id, ++version);
        // The history shows the store's columns: date the earlier versions back as they were.
        record.notBefore = record.notBefore.addDays(ageDays);
        record.notAfter = record.notAfter.addDays(ageDays);
        record.source = version == 1 ? QStringLiteral("issued") : QStringLiteral("renewed");
        if (auto s = st.certificates().add(record); !s)
            return s.error().toString();
    }
    store::ServerRecord web1;
    web1.name = QStringLiteral("web1");
    web1.host = QStringLiteral("web1.example.com");
    web1.userName = QStringLiteral("deploy");
    web1.authMethod = QStringLiteral("agent");
    web1.hostKeyFingerprint = QStringLiteral("SHA256:q8Zb1m0Xn3Vb7Jp4cWfR2tYh9sKd6LgE5uAo1iNxT0M");
    store::ServerRecord mail;
    mail.name = QStringLiteral("mail");
    mail.host = QStringLiteral("mail.example.com");
    mail.port = 2222;
    mail.userName = QStringLiteral("root");
    mail.authMethod = QStringLiteral("key");
    mail.identityFile = QStringLiteral("~/.ssh/id_ed25519");
    for (const store::ServerRecord& server : {web1, mail})
        if (auto s = st.servers().save(server); !s)
            return s.error().toString();
    return {};
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

    const QString lineageName = QStringLiteral("example.com");
    if (const QString seeded = seedStore(data.path(), lineageName); !seeded.isEmpty()) {
        std::fprintf(stderr, "cannot fill the store: %s\n", qPrintable(seeded));
        return 1;
    }

    ui::MainWindow::Options options;
    options.dataDir = data.path();
    options.loadCertificates = false;
    options.backgroundRenewal = false;
    options.systemd = true;
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

    // The details of the stored lineage, read through the store as the app does: history, targets.
    auto* executor = window.store();
    QDateTime realNow = QDateTime::currentDateTimeUtc();
    ui::CertificateRow detailsRow;
    {
        auto opened = store::Store::open(data.path());
        auto row = opened ? ui::StoreCertificateRows::readLineage(**opened, lineageName)
                          : Result<ui::CertificateRow>(opened.error());
        if (!row) {
            std::fprintf(stderr, "cannot read the lineage: %s\n", qPrintable(row.error().toString()));
            return 1;
        }
        detailsRow = *row;
    }
    ui::CertificateDetailsDialog details(detailsRow, realNow, executor, &window);
    details.show();
    if (!QTest::qWaitForWindowExposed(&details))
        return 1;
    auto* history = details.findChild<QTreeWidget*>(QStringLiteral("detailsHistory"));
    auto* targets = details.findChild<QTreeWidget*>(QStringLiteral("detailsTargets"));
    if (!history || !targets ||
        !waitUntil([&] { return history->topLevelItemCount() == 3 && targets->topLevelItemCount() == 2; })) {
        std::fprintf(stderr, "the details dialog did not load its history\n");
        return 1;
    }
    details.resize(details.width(), details.sizeHint().height());
    ok = save(&details, outDir + QStringLiteral("/details.png")) && ok;
    details.close();

    // The Servers page with the two stored servers.
    auto* sidebar = window.findChild<QListWidget*>(QStringLiteral("sidebar"));
    if (!sidebar)
        return 1;
    sidebar->setCurrentRow(2);
    auto* servers = window.findChild<QTableWidget*>(QStringLiteral("serversTable"));
    if (!servers || !waitUntil([&] { return servers->isVisible() && servers->rowCount() == 2; })) {
        std::fprintf(stderr, "the Servers page did not load\n");
        return 1;
    }
    servers->selectRow(0);
    ok = save(&window, outDir + QStringLiteral("/servers.png")) && ok;
    sidebar->setCurrentRow(0);

    // The wizard: names, then Next through how to answer the CA and which CA, to the DNS check.
    ui::AddDomainWizard::Context ctx;
    ctx.dataDir = data.path();
    ctx.store = executor;
    ui::AddDomainWizard wizard(ctx, &window);
    wizard.show();
    if (!QTest::qWaitForWindowExposed(&wizard))
        return 1;
    auto* names = wizard.findChild<QPlainTextEdit*>(QStringLiteral("wizardNames"));
    if (!names)
        return 1;
    names->setPlainText(QStringLiteral("example.com\nwww.example.com\nshop.example.com\nbücher.example.com"));
    for (int step = 0; step < 5 && wizard.currentId() != ui::AddDomainWizard::PreflightPageId; ++step) {
        const int before = wizard.currentId();
        wizard.next();
        QCoreApplication::processEvents();
        if (wizard.currentId() == before) {
            std::fprintf(stderr, "the wizard stays on page %d\n", before);
            return 1;
        }
    }
    auto* preflight = qobject_cast<ui::WizardPreflightPage*>(wizard.currentPage());
    if (!preflight) {
        std::fprintf(stderr, "the wizard did not reach the DNS check\n");
        return 1;
    }
    preflight->setReport(sampleReport());
    ok = save(&wizard, outDir + QStringLiteral("/wizard-preflight.png")) && ok;
    return ok ? 0 : 1;
}
