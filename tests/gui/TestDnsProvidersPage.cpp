// SPDX-License-Identifier: GPL-3.0-or-later
// The DNS providers screen against real servers: a PowerDNS provider added through the dialog (API
// key to the keychain — a private gnome-keyring — never into the SQLite file) passes Test, which wrote
// and removed _certdeck-check.<zone> (PowerDNS answers no TXT there afterwards); a wrong API key is a
// plain error with Details…; an RFC 2136 provider against Knot (TSIG) with no zone of its own asks for
// one and passes; the dialog shows only the fields of the chosen type; Remove drops the keychain entry;
// a provider added here works in the real certdeck-cli (`dns-provider test`) and one added there passes Test here.
#include "core/dns/Resolver.h"
#include "core/store/Secrets.h"
#include "core/store/StoreExecutor.h"
#include "tests/support/KeyringFixture.h"
#include "tests/support/KnotFixture.h"
#include "tests/support/PowerDnsFixture.h"
#include "ui/DnsProviderDialog.h"
#include "ui/DnsProvidersPage.h"
#include "ui/MessageBar.h"
#include "ui/Resources.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace certdeck;
using certdeck::ui::DnsProviderDialog;
using certdeck::ui::DnsProvidersPage;

namespace {

template <typename T> T* visibleChild(QWidget* parent) {
    for (T* w : parent->findChildren<T*>())
        if (w->isVisible())
            return w;
    return nullptr;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// TXT values at `name` as the authoritative server on 127.0.0.1:`port` answers ("<error>" without answer).
QStringList txtAt(quint16 port, const QString& name) {
    dns::ResolverOptions ro;
    ro.servers = {dns::NameServer{QStringLiteral("127.0.0.1"), port, {}}};
    ro.recursionDesired = false;
    const dns::Resolver resolver(ro);
    auto r = QCoro::waitFor(resolver.query(name, dns::RecordType::TXT));
    return r ? r->values(dns::RecordType::TXT) : QStringList{QStringLiteral("<error>")};
}

void setType(DnsProviderDialog* d, const QString& type) {
    auto* combo = d->findChild<QComboBox*>(QStringLiteral("dnsProviderType"));
    combo->setCurrentIndex(combo->findData(type));
}

void setText(DnsProviderDialog* d, const char* objectName, const QString& text) {
    auto* edit = d->findChild<QLineEdit*>(QLatin1String(objectName));
    QVERIFY2(edit && edit->isVisible(), objectName);
    edit->setText(text);
}

/// Runs the real certdeck-cli (built beside the tests) with `args`; its exit code, output in `*out`.
int runCliBinary(const QStringList& args, QString* out) {
    const QString program = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/cli/certdeck-cli");
    if (!QFileInfo(program).isExecutable()) {
        *out = QStringLiteral("certdeck-cli is not built at ") + program + QStringLiteral(" (ninja certdeck-cli)");
        return -1;
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args); // inherits DBUS_SESSION_BUS_ADDRESS: the private keyring
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        *out = QStringLiteral("certdeck-cli did not finish");
        return -1;
    }
    *out = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool shown(DnsProviderDialog* d, const char* objectName) {
    auto* w = d->findChild<QWidget*>(QLatin1String(objectName));
    return w && w->isVisible();
}

QString messageText(DnsProvidersPage& page) {
    auto* label = page.findChild<QLabel*>(QStringLiteral("dnsProvidersMessageText"));
    return label ? label->text() : QString();
}

/// Clicks Test for `name` and waits for the end; returns whether it succeeded.
bool runTest(DnsProvidersPage& page, QSignalSpy& finished, const QString& name) {
    const auto n = finished.count();
    page.testProvider(name);
    if (!QTest::qWaitFor([&] { return finished.count() > n; }, 30000))
        return false;
    return finished.last().at(0).toBool();
}

} // namespace

class TestDnsProvidersPage : public QObject {
    Q_OBJECT

    std::unique_ptr<test::KeyringFixture> m_keyring;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::initResources();
        m_keyring = std::make_unique<test::KeyringFixture>();
        QString error;
        CERTDECK_REQUIRE(m_keyring->start(&error), error);
    }
    void cleanupTestCase() { m_keyring.reset(); }

    void emptyStateAndFieldsPerType() {
        QTemporaryDir data;
        store::StoreExecutor executor(data.path());
        DnsProvidersPage page(&executor);
        QSignalSpy loaded(&page, &DnsProvidersPage::providersLoaded);
        page.show();
        QTRY_VERIFY(loaded.count() > 0);
        auto* empty = page.findChild<QWidget*>(QStringLiteral("dnsProvidersEmptyState"));
        QVERIFY(empty && empty->isVisible());
        auto* add = page.findChild<QPushButton*>(QStringLiteral("dnsProvidersEmptyStateAction"));
        QVERIFY(add && add->isVisible() && add->isEnabled());
        add->click();
        QTRY_VERIFY(visibleChild<DnsProviderDialog>(&page));
        auto* d = visibleChild<DnsProviderDialog>(&page);

        setType(d, QStringLiteral("rfc2136"));
        for (const char* f : {"dnsProviderServer", "dnsProviderPort", "dnsProviderKeyName", "dnsProviderAlgorithm",
                              "dnsProviderZone", "dnsProviderSecret"})
            QVERIFY2(shown(d, f), f);
        for (const char* f : {"dnsProviderUrl", "dnsProviderProgram", "dnsProviderUsername"})
            QVERIFY2(!shown(d, f), f);
        setType(d, QStringLiteral("powerdns"));
        for (const char* f : {"dnsProviderUrl", "dnsProviderServerId", "dnsProviderZone", "dnsProviderSecret"})
            QVERIFY2(shown(d, f), f);
        for (const char* f : {"dnsProviderServer", "dnsProviderKeyName", "dnsProviderProgram"})
            QVERIFY2(!shown(d, f), f);
        setType(d, QStringLiteral("cloudflare"));
        QVERIFY(shown(d, "dnsProviderZone") && shown(d, "dnsProviderSecret"));
        QVERIFY(!shown(d, "dnsProviderUrl"));
        setType(d, QStringLiteral("hook"));
        QVERIFY(shown(d, "dnsProviderProgram") && shown(d, "dnsProviderArguments"));
        QVERIFY(!shown(d, "dnsProviderSecret"));
        setType(d, QStringLiteral("manual"));
        QVERIFY(!shown(d, "dnsProviderSecret") && !shown(d, "dnsProviderZone"));

        // A PowerDNS provider without its API key stays in the dialog with a message.
        setType(d, QStringLiteral("powerdns"));
        setText(d, "dnsProviderName", QStringLiteral("pdns"));
        setText(d, "dnsProviderUrl", QStringLiteral("http://127.0.0.1:1"));
        d->findChild<QPushButton*>(QStringLiteral("dnsProviderDialogOk"))->click();
        QVERIFY(d->isVisible());
        auto* problem = d->findChild<QLabel*>(QStringLiteral("dnsProviderDialogError"));
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(QLatin1String("API key")), qPrintable(problem->text()));
        d->findChild<QPushButton*>(QStringLiteral("dnsProviderDialogCancel"))->click();
        QTRY_VERIFY(!visibleChild<DnsProviderDialog>(&page));
        QVERIFY(empty->isVisible());
    }

    void powerDnsAddTestWrongKeyRemove() {
        test::PowerDnsFixture pdns;
        QString error;
        CERTDECK_REQUIRE(pdns.start(&error), error);
        QVERIFY2(pdns.createZone(QStringLiteral("example.test"), &error), qPrintable(error));
        QTemporaryDir data;
        const QByteArray apiKey = pdns.apiKey().toLatin1();
        {
            store::StoreExecutor executor(data.path());
            DnsProvidersPage page(&executor);
            QSignalSpy loaded(&page, &DnsProvidersPage::providersLoaded);
            QSignalSpy finished(&page, &DnsProvidersPage::testFinished);
            page.show();
            QTRY_VERIFY(loaded.count() > 0);

            page.addProvider();
            QTRY_VERIFY(visibleChild<DnsProviderDialog>(&page));
            auto* d = visibleChild<DnsProviderDialog>(&page);
            setType(d, QStringLiteral("powerdns"));
            setText(d, "dnsProviderName", QStringLiteral("pdns"));
            setText(d, "dnsProviderUrl", pdns.apiUrl().toString());
            setText(d, "dnsProviderZone", QStringLiteral("example.test"));
            setText(d, "dnsProviderSecret", QString::fromLatin1(apiKey));
            d->findChild<QPushButton*>(QStringLiteral("dnsProviderDialogOk"))->click();
            auto* table = page.findChild<QTableWidget*>(QStringLiteral("dnsProvidersTable"));
            QTRY_COMPARE(table->rowCount(), 1);
            QTRY_VERIFY(table->isVisible());
            QCOMPARE(table->item(0, 0)->text(), QStringLiteral("pdns"));
            QVERIFY(table->item(0, 2)->text().contains(QLatin1String("example.test")));

            // Stored the way `certdeck-cli dns-provider add pdns --type powerdns --set url=… --set zone=…` does.
            auto job = executor.run([](store::Store& s) { return s.dnsProviders().byName(QStringLiteral("pdns")); });
            job.waitForFinished(); // the store's own thread answers
            const auto stored = job.result();
            QVERIFY(stored);
            QCOMPARE(stored->kind, QStringLiteral("powerdns"));
            QCOMPARE(stored->settings.value(QStringLiteral("url")).toString(), pdns.apiUrl().toString());
            QCOMPARE(stored->settings.value(QStringLiteral("zone")).toString(), QStringLiteral("example.test"));
            QCOMPARE(stored->secretKey(), QStringLiteral("dns/pdns"));
            // The key is in the (private) keyring under the CLI's key name.
            const store::Secrets keychain = store::Secrets::keychain();
            auto inKeyring = QCoro::waitFor(keychain.read(QStringLiteral("dns/pdns")));
            QVERIFY2(inKeyring, qPrintable(inKeyring ? QString() : inKeyring.error().toString()));
            QCOMPARE(inKeyring->bytes(), apiKey);

            // The command line uses the provider added here: settings from the store, key from the keychain.
            QString cliOut;
            const int cliCode = runCliBinary({QStringLiteral("--data-dir"), data.path(), QStringLiteral("dns-provider"),
                                              QStringLiteral("test"), QStringLiteral("pdns")},
                                             &cliOut);
            QVERIFY2(cliCode == 0, qPrintable(cliOut));
            QVERIFY2(cliOut.contains(QLatin1String("DNS provider pdns is ready")), qPrintable(cliOut));

            // Test: wrote and removed the check record.
            QVERIFY2(runTest(page, finished, QStringLiteral("pdns")), qPrintable(messageText(page)));
            QCOMPARE(messageText(page), QStringLiteral("Wrote and removed a TXT record in example.test."));
            QVERIFY(txtAt(pdns.dnsPort(), QStringLiteral("_certdeck-check.example.test.")).isEmpty());

            // A wrong API key: Edit, type another key, Test → a plain error with the detail behind Details….
            table->selectRow(0);
            page.findChild<QPushButton*>(QStringLiteral("dnsProvidersEdit"))->click();
            QTRY_VERIFY(visibleChild<DnsProviderDialog>(&page));
            d = visibleChild<DnsProviderDialog>(&page);
            QVERIFY(d->findChild<QLineEdit*>(QStringLiteral("dnsProviderName"))->isReadOnly());
            QCOMPARE(d->findChild<QLineEdit*>(QStringLiteral("dnsProviderZone"))->text(),
                     QStringLiteral("example.test"));
            setText(d, "dnsProviderSecret", QStringLiteral("not-the-api-key"));
            d->findChild<QPushButton*>(QStringLiteral("dnsProviderDialogOk"))->click();
            QTRY_VERIFY(messageText(page).startsWith(QLatin1String("Saved pdns")));
            QVERIFY(!runTest(page, finished, QStringLiteral("pdns")));
            auto* bar = page.findChild<ui::MessageBar*>(QStringLiteral("dnsProvidersMessage"));
            QCOMPARE(bar->kind(), ui::MessageBar::Kind::Error);
            QVERIFY2(messageText(page).contains(QLatin1String("key"), Qt::CaseInsensitive),
                     qPrintable(messageText(page)));
            QVERIFY(!messageText(page).contains(QLatin1String("not-the-api-key")));
            QVERIFY(page.findChild<QPushButton*>(QStringLiteral("dnsProvidersMessageDetails"))->isVisible());
            QVERIFY(txtAt(pdns.dnsPort(), QStringLiteral("_certdeck-check.example.test.")).isEmpty());

            // Put the right key back (the old one stays in the keychain only as long as it is current).
            page.findChild<QPushButton*>(QStringLiteral("dnsProvidersEdit"))->click();
            QTRY_VERIFY(visibleChild<DnsProviderDialog>(&page));
            d = visibleChild<DnsProviderDialog>(&page);
            setText(d, "dnsProviderSecret", QString::fromLatin1(apiKey));
            d->findChild<QPushButton*>(QStringLiteral("dnsProviderDialogOk"))->click();
            QTRY_VERIFY(messageText(page).startsWith(QLatin1String("Saved pdns")));
            QVERIFY2(runTest(page, finished, QStringLiteral("pdns")), qPrintable(messageText(page)));

            // Remove: the provider and its keychain entry go.
            page.findChild<QPushButton*>(QStringLiteral("dnsProvidersRemove"))->click();
            QTRY_VERIFY(visibleChild<QMessageBox>(&page));
            visibleChild<QMessageBox>(&page)
                ->findChild<QPushButton*>(QStringLiteral("dnsProvidersRemoveConfirmYes"))
                ->click();
            QTRY_VERIFY(page.providers().isEmpty());
            QTRY_VERIFY(page.findChild<QWidget*>(QStringLiteral("dnsProvidersEmptyState"))->isVisible());
            auto gone = QCoro::waitFor(keychain.read(QStringLiteral("dns/pdns")));
            QVERIFY(!gone);
            QCOMPARE(gone.error().code, ErrorCode::NotFound);

            // And the other way: a provider added with certdeck-cli shows here and passes Test.
            QTemporaryDir secretDir;
            const QString secretFile = secretDir.filePath(QStringLiteral("key"));
            {
                QFile f(secretFile);
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(apiKey);
            }
            const int addCode = runCliBinary(
                {QStringLiteral("--data-dir"), data.path(), QStringLiteral("dns-provider"), QStringLiteral("add"),
                 QStringLiteral("from-cli"), QStringLiteral("--type"), QStringLiteral("powerdns"),
                 QStringLiteral("--set"), QStringLiteral("url=") + pdns.apiUrl().toString(), QStringLiteral("--set"),
                 QStringLiteral("zone=example.test"), QStringLiteral("--secret-file"), secretFile},
                &cliOut);
            QVERIFY2(addCode == 0, qPrintable(cliOut));
            page.reload();
            QTRY_COMPARE(page.providers().size(), 1);
            QCOMPARE(page.providers().first().name, QStringLiteral("from-cli"));
            QVERIFY2(runTest(page, finished, QStringLiteral("from-cli")), qPrintable(messageText(page)));
            QCOMPARE(messageText(page), QStringLiteral("Wrote and removed a TXT record in example.test."));
        }
        // The API key never reached the SQLite files.
        const QStringList files = QDir(data.path()).entryList({QStringLiteral("certdeck.sqlite*")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString& f : files)
            QVERIFY2(!readAll(QDir(data.path()).filePath(f)).contains(apiKey), qPrintable(f));
    }

    void rfc2136AgainstKnotAsksForAZone() {
        test::KnotFixture knot;
        QString error;
        CERTDECK_REQUIRE(knot.start(&error), error);
        QTemporaryDir data;
        {
            store::StoreExecutor executor(data.path());
            DnsProvidersPage page(&executor);
            QSignalSpy loaded(&page, &DnsProvidersPage::providersLoaded);
            QSignalSpy finished(&page, &DnsProvidersPage::testFinished);
            page.show();
            QTRY_VERIFY(loaded.count() > 0);
            page.addProvider();
            QTRY_VERIFY(visibleChild<DnsProviderDialog>(&page));
            auto* d = visibleChild<DnsProviderDialog>(&page);
            setType(d, QStringLiteral("rfc2136"));
            setText(d, "dnsProviderName", QStringLiteral("knot"));
            setText(d, "dnsProviderServer", knot.address());
            d->findChild<QSpinBox*>(QStringLiteral("dnsProviderPort"))->setValue(knot.port());
            setText(d, "dnsProviderKeyName", knot.tsigKeyName());
            auto* algorithm = d->findChild<QComboBox*>(QStringLiteral("dnsProviderAlgorithm"));
            algorithm->setCurrentIndex(algorithm->findData(knot.tsigAlgorithm()));
            setText(d, "dnsProviderSecret", QString::fromLatin1(knot.tsigSecret()));
            d->findChild<QPushButton*>(QStringLiteral("dnsProviderDialogOk"))->click();
            QTRY_COMPARE(page.providers().size(), 1);
            QCOMPARE(page.providers().first().settings.value(QStringLiteral("server")).toString(),
                     QStringLiteral("127.0.0.1:%1").arg(knot.port()));

            // No zone of its own: Test asks which zone to write in.
            const auto n = finished.count();
            page.testProvider(QStringLiteral("knot"));
            QTRY_VERIFY(visibleChild<QInputDialog>(&page));
            auto* ask = visibleChild<QInputDialog>(&page);
            QCOMPARE(ask->objectName(), QStringLiteral("dnsProvidersZonePrompt"));
            ask->setTextValue(QStringLiteral("example.test"));
            ask->accept();
            QTRY_VERIFY_WITH_TIMEOUT(finished.count() > n, 30000);
            QVERIFY2(finished.last().at(0).toBool(), qPrintable(messageText(page)));
            QCOMPARE(messageText(page), QStringLiteral("Wrote and removed a TXT record in example.test."));
            QVERIFY(txtAt(knot.port(), QStringLiteral("_certdeck-check.example.test.")).isEmpty());
        }
        for (const QString& f : QDir(data.path()).entryList({QStringLiteral("certdeck.sqlite*")}, QDir::Files))
            QVERIFY2(!readAll(QDir(data.path()).filePath(f)).contains(knot.tsigSecret()), qPrintable(f));
    }
};

QTEST_MAIN(TestDnsProvidersPage)
#include "TestDnsProvidersPage.moc"
