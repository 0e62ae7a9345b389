// SPDX-License-Identifier: GPL-3.0-or-later
// The add-domain wizard against real servers on loopback, as a user drives it: Knot is the zone's
// authoritative server and Pebble (a custom CA directory, its listener CA trusted) validates through it.
//  - Manual dns-01: the Issue page shows the exact TXT record with Copy buttons and the name server
//    "waiting"; the test then adds the record to Knot with an RFC 2136 update (as a user would at their
//    DNS host); the view turns to "serves it" on every name server and the order completes by itself.
//  - A CAA record forbidding every CA: the preflight shows the blocker with the record to add and keeps
//    Next disabled until "Continue anyway" is ticked.
// Offscreen; every wait is a QTRY_* with a deadline.
#include "core/dns/providers/Rfc2136Provider.h"
#include "core/store/StoreExecutor.h"
#include "tests/support/KnotFixture.h"
#include "tests/support/PebbleFixture.h"
#include "ui/AddDomainWizard.h"
#include "ui/IssueJob.h"
#include "ui/PropagationView.h"
#include "ui/WizardCaDirectory.h"
#include "ui/WizardCaPage.h"
#include "ui/WizardChallengePage.h"
#include "ui/WizardIssuePage.h"
#include "ui/WizardPreflightPage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace certdeck;
using ui::AddDomainWizard;

class TestWizardManualDns : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_data.isValid());
        test::KnotFixture::Options ko;
        // A name whose CAA record lets no CA issue (RFC 8659 §4.2: an empty issuer domain).
        ko.extraRecords = {QStringLiteral("blocked A 127.0.0.1"), QStringLiteral("blocked CAA 0 issue \";\""),
                           QStringLiteral("later A 127.0.0.1")};
        m_knot = std::make_unique<test::KnotFixture>(ko);
        QString error;
        CERTDECK_REQUIRE(m_knot->start(&error), error);
        test::PebbleFixture::Options po;
        po.dnsServer = QStringLiteral("127.0.0.1:%1").arg(m_knot->port());
        m_pebble = std::make_unique<test::PebbleFixture>(po);
        CERTDECK_REQUIRE(m_pebble->start(&error), error);
        m_store = std::make_unique<store::StoreExecutor>(m_data.path());

        // A second CA that requires External Account Binding (RFC 8555 §7.3.4), validating through Knot too.
        QCoreApplication::setOrganizationName(QStringLiteral("CertdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("certdeck-wizard-dns-test"));
        QSettings().clear();
        test::PebbleFixture::Options eo;
        eo.dnsServer = po.dnsServer;
        eo.eabKeys.insert(QStringLiteral("kid-1"), QString::fromLatin1(m_eabHmac));
        m_eabPebble = std::make_unique<test::PebbleFixture>(eo);
        CERTDECK_REQUIRE(m_eabPebble->start(&error), error);
        // Both test CAs' HTTPS listeners are trusted through one PEM file, as a user would bundle them.
        QFile bundle(m_data.filePath(QStringLiteral("test-cas.pem")));
        QVERIFY(bundle.open(QIODevice::WriteOnly));
        for (const QString& f : {m_pebble->listenerCaFile(), m_eabPebble->listenerCaFile()}) {
            QFile ca(f);
            QVERIFY(ca.open(QIODevice::ReadOnly));
            bundle.write(ca.readAll() + '\n');
        }
        bundle.close();
        m_caBundle = bundle.fileName();
        // This machine has no keychain daemon: the store keeps secrets in its 0600 file backend.
        auto backend = m_store->run([](store::Store& s) { return s.setSecretsBackend(store::Secrets::Backend::File); });
        backend.waitForFinished();
        QVERIFY(backend.result());
    }

    void cleanupTestCase() {
        QSettings().clear();
        m_store.reset();
        m_eabPebble.reset();
        m_pebble.reset();
        m_knot.reset();
    }

    void manualDns01AgainstKnot() {
        std::unique_ptr<AddDomainWizard> wizard = openWizard();
        QTest::keyClicks(wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardNames")),
                         QStringLiteral("www.example.test"));
        next(wizard.get());

        // Challenge: dns-01, Manual.
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::ChallengePageId));
        auto* challenge = qobject_cast<ui::WizardChallengePage*>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(challenge->isLoaded(), 30000);
        wizard->findChild<QRadioButton*>(QStringLiteral("challengeDns01"))->click();
        auto* provider = wizard->findChild<QComboBox*>(QStringLiteral("challengeDnsProvider"));
        QVERIFY(provider->isEnabled());
        QCOMPARE(provider->currentData().toString(), QString()); // Manual
        next(wizard.get());

        chooseTestCa(wizard.get());

        // Preflight against Knot, for dns-01.
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::PreflightPageId));
        auto* preflight = qobject_cast<ui::WizardPreflightPage*>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(!preflight->isRunning(), 60000);
        QVERIFY2(!preflight->hasBlockers(),
                 qPrintable(wizard->findChild<QLabel*>(QStringLiteral("wizardPreflightStatus"))->text()));
        next(wizard.get());
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::ReviewPageId));
        QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("wizardReviewSummary"))
                    ->text()
                    .contains(QStringLiteral("Manual")));
        QTest::mouseClick(wizard->button(QWizard::CommitButton), Qt::LeftButton);

        // The Issue page shows the exact record and the name server waiting for it.
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::IssuePageId));
        auto* issuePage = qobject_cast<ui::WizardIssuePage*>(wizard->currentPage());
        ui::PropagationView* view = issuePage->propagationView();
        auto* records = wizard->findChild<QTreeWidget*>(QStringLiteral("wizardManualDnsRecords"));
        QTRY_VERIFY_WITH_TIMEOUT(records->topLevelItemCount() == 1 || !issuePage->isRunning(), 60000);
        QVERIFY2(issuePage->isRunning(), qPrintable(issueStatus(wizard.get())));
        QVERIFY(view->isVisible());
        const QString fqdn = records->topLevelItem(0)->text(0);
        const QString value = records->topLevelItem(0)->text(1);
        QCOMPARE(fqdn, QStringLiteral("_acme-challenge.www.example.test."));
        QCOMPARE(value.size(), 43); // base64url of a SHA-256 (RFC 8555 §8.4)
        auto* copyValue = wizard->findChild<QPushButton*>(QStringLiteral("wizardManualDnsCopyValue"));
        QVERIFY(copyValue);
        copyValue->click();
        QCOMPARE(QApplication::clipboard()->text(), value);
        QTRY_VERIFY_WITH_TIMEOUT(view->serverCount() == 1, 30000);
        QVERIFY(!view->allSeen());
        auto* servers = wizard->findChild<QTreeWidget*>(QStringLiteral("wizardPropagation"));
        QVERIFY(servers->topLevelItem(0)->text(0).contains(QString::number(m_knot->port())));
        QCOMPARE(servers->topLevelItem(0)->text(2), QStringLiteral("waiting"));
        QVERIFY(wizard->findChild<QPushButton*>(QStringLiteral("wizardPropagationCheckNow"))->isVisible());
        QVERIFY(wizard->findChild<QPushButton*>(QStringLiteral("wizardPropagationContinue"))->isVisible());

        // The user adds the record at their DNS host (here: Knot, through RFC 2136 with TSIG).
        dns::Rfc2136Options ro;
        ro.server = dns::NameServer{m_knot->address(), m_knot->port(), {}};
        ro.key.name = m_knot->tsigKeyName();
        ro.key.secretBase64 = SecureBytes(m_knot->tsigSecret());
        dns::Rfc2136Provider knot(ro);
        dns::TxtRecord record;
        record.fqdn = fqdn;
        record.value = value;
        record.domain = QStringLiteral("www.example.test");
        Progress quiet;
        const Status added = QCoro::waitFor(knot.addTxt(record, quiet, CancelToken()));
        QVERIFY2(added, qPrintable(added ? QString() : added.error().toString()));
        // "Check now" asks again at once rather than at the next poll.
        QTest::mouseClick(wizard->findChild<QPushButton*>(QStringLiteral("wizardPropagationCheckNow")), Qt::LeftButton);

        // Seen on every name server; the order goes on by itself and completes.
        QTRY_VERIFY_WITH_TIMEOUT(view->allSeen(), 60000);
        QCOMPARE(servers->topLevelItem(0)->text(2), QStringLiteral("serves it"));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentId() == AddDomainWizard::DeployPageId || !issuePage->isRunning(),
                                 120000);
        QVERIFY2(wizard->currentId() == AddDomainWizard::DeployPageId,
                 qPrintable(issueStatus(wizard.get()) + QStringLiteral("\nPebble:\n") + m_pebble->log().right(2000)));
        const QString folder =
            ui::IssueJob::certificateFolder(m_data.path(), QStringLiteral("www.example.test"), false);
        QVERIFY(QFile::exists(folder + QStringLiteral("/fullchain.pem")));
        QVERIFY(QFile::exists(folder + QStringLiteral("/privkey.pem")));
        QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("wizardPropagationSummary"))
                    ->text()
                    .contains(QStringLiteral("delete")));
        const Status removed = QCoro::waitFor(knot.removeTxt(record, quiet, CancelToken()));
        QVERIFY(removed);
    }

    void eabCredentialsAskedByTheDirectoryAndKeptInTheKeychain() {
        // A custom CA whose directory says externalAccountRequired: the CA page shows the EAB fields and
        // will not go on without them; after the order the key ID is remembered and the HMAC key is in
        // the secrets store, so the next wizard for this CA needs only the terms ticked.
        std::unique_ptr<AddDomainWizard> wizard = openWizard();
        QTest::keyClicks(wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardNames")),
                         QStringLiteral("www.example.test"));
        next(wizard.get());
        auto* challenge = qobject_cast<ui::WizardChallengePage*>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(challenge->isLoaded(), 30000);
        wizard->findChild<QRadioButton*>(QStringLiteral("challengeDns01"))->click();
        next(wizard.get());
        setCaUrl(wizard.get(), m_eabPebble->directoryUrl());
        auto* kid = wizard->findChild<QLineEdit*>(QStringLiteral("wizardEabKid"));
        auto* hmac = wizard->findChild<QLineEdit*>(QStringLiteral("wizardEabHmac"));
        QVERIFY(kid->isVisible());
        QVERIFY(hmac->isVisible());
        wizard->findChild<QCheckBox*>(QStringLiteral("wizardTerms"))->setChecked(true);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        kid->setText(QStringLiteral("kid-1"));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        hmac->setText(QString::fromLatin1(m_eabHmac));
        next(wizard.get());
        auto* preflight = qobject_cast<ui::WizardPreflightPage*>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(!preflight->isRunning(), 60000);
        next(wizard.get());
        QTest::mouseClick(wizard->button(QWizard::CommitButton), Qt::LeftButton);
        auto* issuePage = qobject_cast<ui::WizardIssuePage*>(wizard->currentPage());
        const dns::TxtRecord record = addRecordWhenShown(wizard.get());
        QVERIFY(!record.value.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentId() == AddDomainWizard::DeployPageId || !issuePage->isRunning(),
                                 120000);
        QVERIFY2(wizard->currentId() == AddDomainWizard::DeployPageId, qPrintable(issueStatus(wizard.get())));
        removeRecord(record);
        // Issued again under the same name: the lineage now renews from the CA it came from this time.
        auto lineageJob =
            m_store->run([](store::Store& s) { return s.lineages().byName(QStringLiteral("www.example.test")); });
        lineageJob.waitForFinished();
        QVERIFY(lineageJob.result());
        QCOMPARE(lineageJob.result()->directoryUrl, m_eabPebble->directoryUrl());
        QVERIFY(!lineageJob.result()->autoRenew); // a Manual record cannot be renewed unattended

        // Kept: the key ID in the settings, the HMAC key in the secrets store (not in the settings).
        QSettings settings;
        QCOMPARE(settings.value(ui::IssuanceSettings::eabKeyIdSetting(m_eabPebble->directoryUrl())).toString(),
                 QStringLiteral("kid-1"));
        for (const QString& k : settings.allKeys())
            QVERIFY(!settings.value(k).toString().contains(QString::fromLatin1(m_eabHmac)));
        auto secretsJob = m_store->run([](store::Store& s) { return Result<store::Secrets>(s.secrets()); });
        secretsJob.waitForFinished();
        const store::Secrets secrets = *secretsJob.result();
        const Result<SecureBytes> stored = QCoro::waitFor(
            secrets.read(ui::IssuanceSettings::eabSecretKey(m_eabPebble->directoryUrl(), QStringLiteral("kid-1"))));
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().toString()));
        QCOMPARE(stored->bytes(), m_eabHmac);
        wizard.reset();

        // The next wizard for this CA: key ID filled in, HMAC key not needed again.
        wizard = openWizard();
        QTest::keyClicks(wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardNames")),
                         QStringLiteral("www.example.test"));
        next(wizard.get());
        next(wizard.get());
        setCaUrl(wizard.get(), m_eabPebble->directoryUrl());
        QVERIFY(wizard->findChild<QLineEdit*>(QStringLiteral("wizardEabKid"))->isVisible());
        QCOMPARE(wizard->findChild<QLineEdit*>(QStringLiteral("wizardEabKid"))->text(), QStringLiteral("kid-1"));
        QVERIFY(wizard->findChild<QLineEdit*>(QStringLiteral("wizardEabHmac"))->text().isEmpty());
        wizard->findChild<QCheckBox*>(QStringLiteral("wizardTerms"))->setChecked(true);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    }

    void continueAnywayShowsTheFailureAndTheWayForward() {
        // The user stops waiting before adding the record: the CA looks, finds nothing and the order
        // fails; the page says why in plain words, what to do next, and keeps the CA's answer behind
        // Details…. A name of its own: once, in a CI run, this order for www.example.test
        // succeeded without the record; nothing an earlier test left for that name with this
        // account (an authorization, an order, the stored lineage) may decide this one.
        std::unique_ptr<AddDomainWizard> wizard = openWizard();
        QTest::keyClicks(wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardNames")),
                         QStringLiteral("later.example.test"));
        next(wizard.get());
        auto* challenge = qobject_cast<ui::WizardChallengePage*>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(challenge->isLoaded(), 30000);
        wizard->findChild<QRadioButton*>(QStringLiteral("challengeDns01"))->click();
        next(wizard.get());
        chooseTestCa(wizard.get());
        auto* preflight = qobject_cast<ui::WizardPreflightPage*>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(!preflight->isRunning(), 60000);
        next(wizard.get());
        QTest::mouseClick(wizard->button(QWizard::CommitButton), Qt::LeftButton);
        auto* issuePage = qobject_cast<ui::WizardIssuePage*>(wizard->currentPage());
        QVERIFY(issuePage);
        QTRY_VERIFY_WITH_TIMEOUT(issuePage->propagationView()->serverCount() == 1 || !issuePage->isRunning(), 60000);
        QVERIFY2(issuePage->isRunning(), qPrintable(issueStatus(wizard.get())));
        QTest::mouseClick(wizard->findChild<QPushButton*>(QStringLiteral("wizardPropagationContinue")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!issuePage->isRunning(), 120000);
        QVERIFY(!issuePage->succeeded());
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::IssuePageId));
        const QString status = wizard->findChild<QLabel*>(QStringLiteral("wizardIssueStatus"))->text();
        QVERIFY2(status.contains(QStringLiteral("TXT record")), qPrintable(status));
        QVERIFY(!status.contains(QStringLiteral("Cancelled")));
        auto* details = wizard->findChild<QPushButton*>(QStringLiteral("wizardIssueDetails"));
        QVERIFY(details->isVisible());
        auto* detailText = wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardIssueDetailText"));
        QVERIFY(!detailText->isVisible());
        details->click();
        QVERIFY(detailText->isVisible());
        QVERIFY(!detailText->toPlainText().isEmpty());
        QVERIFY(wizard->findChild<QPushButton*>(QStringLiteral("wizardIssueRetry"))->isVisible());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        // The record panel says it may be deleted (nothing to keep for a failed order).
        QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("wizardPropagationSummary"))
                    ->text()
                    .contains(QStringLiteral("delete")));
    }

    void caaBlockerNeedsOverride() {
        std::unique_ptr<AddDomainWizard> wizard = openWizard();
        QTest::keyClicks(wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardNames")),
                         QStringLiteral("blocked.example.test"));
        next(wizard.get());
        auto* challenge = qobject_cast<ui::WizardChallengePage*>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(challenge->isLoaded(), 30000);
        wizard->findChild<QRadioButton*>(QStringLiteral("challengeDns01"))->click();
        next(wizard.get());
        chooseTestCa(wizard.get());

        QCOMPARE(wizard->currentId(), int(AddDomainWizard::PreflightPageId));
        auto* preflight = qobject_cast<ui::WizardPreflightPage*>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(!preflight->isRunning(), 60000);
        const QString status = wizard->findChild<QLabel*>(QStringLiteral("wizardPreflightStatus"))->text();
        QVERIFY2(preflight->hasBlockers(), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("fail")), qPrintable(status));
        // The finding names CAA and says what to change.
        auto* results = wizard->findChild<QTreeWidget*>(QStringLiteral("wizardPreflightResults"));
        QCOMPARE(results->topLevelItemCount(), 1);
        bool caaFinding = false;
        for (int i = 0; i < results->topLevelItem(0)->childCount(); ++i)
            caaFinding = caaFinding || results->topLevelItem(0)->child(i)->text(0) == QLatin1String("caa");
        QVERIFY(caaFinding);
        // Next stays off until the blocker is deliberately overridden.
        auto* override = wizard->findChild<QCheckBox*>(QStringLiteral("wizardPreflightOverride"));
        QVERIFY(override->isVisible());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        override->click();
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        override->click();
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        // Check again finds it still there.
        QTest::mouseClick(wizard->findChild<QPushButton*>(QStringLiteral("wizardPreflightAgain")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!preflight->isRunning(), 60000);
        QVERIFY(preflight->hasBlockers());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    }

    void profileLines() {
        QCOMPARE(ui::WizardCaDirectory::profileLine(QStringLiteral("shortlived"), QStringLiteral("x")),
                 QStringLiteral("shortlived — 6-day certificates, renewed about every 3 days"));
        QCOMPARE(ui::WizardCaDirectory::profileLine(QStringLiteral("odd"), QStringLiteral("  Some\n text ")),
                 QStringLiteral("odd — Some text"));
        QCOMPARE(ui::IssuanceSettings::stagingTwin(ui::CaChoice::LetsEncrypt), ui::CaChoice::LetsEncryptStaging);
        QVERIFY(!ui::IssuanceSettings::stagingTwin(ui::CaChoice::Custom));
        QVERIFY(ui::IssuanceSettings::knownCaaIdentities(ui::CaChoice::LetsEncrypt)
                    .contains(QStringLiteral("letsencrypt.org")));
    }

    void wildcardForcesDns01() {
        std::unique_ptr<AddDomainWizard> wizard = openWizard();
        QTest::keyClicks(wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardNames")),
                         QStringLiteral("*.example.test"));
        next(wizard.get());
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::ChallengePageId));
        QVERIFY(wizard->findChild<QRadioButton*>(QStringLiteral("challengeDns01"))->isChecked());
        for (const char* http : {"challengeBuiltIn", "challengeLocalWebroot", "challengeRemoteWebroot"})
            QVERIFY(!wizard->findChild<QRadioButton*>(QLatin1String(http))->isEnabled());
        auto* note = wizard->findChild<QLabel*>(QStringLiteral("challengeWildcardNote"));
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("DNS record")));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    }

private:
    std::unique_ptr<AddDomainWizard> openWizard() {
        AddDomainWizard::Context ctx;
        ctx.dataDir = m_data.path();
        ctx.store = m_store.get();
        ctx.defaultCa = ui::CaChoice::Custom;
        ctx.caTrustFile = m_caBundle;
        ctx.dnsResolver = QStringLiteral("127.0.0.1:%1").arg(m_knot->port());
        auto wizard = std::make_unique<AddDomainWizard>(ctx);
        wizard->show();
        if (!QTest::qWaitForWindowExposed(wizard.get()))
            return nullptr;
        return wizard;
    }

    // On the CA page: a custom directory URL, then wait until the page has read that directory.
    static void setCaUrl(AddDomainWizard* wizard, const QUrl& directory) {
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::CaPageId));
        auto* ca = wizard->findChild<QComboBox*>(QStringLiteral("wizardCa"));
        QCOMPARE(ca->currentData().toInt(), int(ui::CaChoice::Custom));
        auto* url = wizard->findChild<QLineEdit*>(QStringLiteral("wizardCaUrl"));
        url->setText(directory.toString());
        Q_EMIT url->editingFinished();
        auto* page = qobject_cast<ui::WizardCaPage*>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isReadingProfiles(), 30000);
    }

    // Waits for the Issue page to show the manual record, then adds it at "the DNS host" (Knot).
    dns::TxtRecord addRecordWhenShown(AddDomainWizard* wizard) {
        auto* records = wizard->findChild<QTreeWidget*>(QStringLiteral("wizardManualDnsRecords"));
        dns::TxtRecord record;
        if (!QTest::qWaitFor([records] { return records->topLevelItemCount() == 1; }, 60000))
            return record;
        record.fqdn = records->topLevelItem(0)->text(0);
        record.value = records->topLevelItem(0)->text(1);
        Progress quiet;
        dns::Rfc2136Provider knot(knotOptions());
        const Status added = QCoro::waitFor(knot.addTxt(record, quiet, CancelToken()));
        if (!added)
            record.value.clear();
        return record;
    }

    void removeRecord(const dns::TxtRecord& record) {
        Progress quiet;
        dns::Rfc2136Provider knot(knotOptions());
        QVERIFY(QCoro::waitFor(knot.removeTxt(record, quiet, CancelToken())));
    }

    dns::Rfc2136Options knotOptions() const {
        dns::Rfc2136Options ro;
        ro.server = dns::NameServer{m_knot->address(), m_knot->port(), {}};
        ro.key.name = m_knot->tsigKeyName();
        ro.key.secretBase64 = SecureBytes(m_knot->tsigSecret());
        return ro;
    }

    void chooseTestCa(AddDomainWizard* wizard) {
        setCaUrl(wizard, m_pebble->directoryUrl());
        // The profiles come from the CA's directory; Pebble 2.4 lists none. A custom CA has no staging twin.
        QVERIFY2(wizard->findChild<QLabel*>(QStringLiteral("wizardProfileNote"))
                     ->text()
                     .contains(QStringLiteral("one kind")),
                 qPrintable(wizard->findChild<QLabel*>(QStringLiteral("wizardProfileNote"))->text()));
        QCOMPARE(wizard->findChild<QComboBox*>(QStringLiteral("wizardProfile"))->count(), 1);
        QVERIFY(wizard->findChild<QCheckBox*>(QStringLiteral("wizardTryStaging"))->isHidden());
        wizard->findChild<QCheckBox*>(QStringLiteral("wizardTerms"))->setChecked(true);
        next(wizard);
    }

    static void next(AddDomainWizard* wizard) {
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    }

    static QString issueStatus(AddDomainWizard* wizard) {
        return wizard->findChild<QLabel*>(QStringLiteral("wizardIssueStatus"))->text() + QLatin1Char('\n') +
               wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardIssueDetailText"))->toPlainText();
    }

    QTemporaryDir m_data;
    std::unique_ptr<test::KnotFixture> m_knot;
    std::unique_ptr<test::PebbleFixture> m_pebble;
    std::unique_ptr<test::PebbleFixture> m_eabPebble;
    QString m_caBundle;
    const QByteArray m_eabHmac = QByteArray("wizard-eab-hmac-key-for-the-test-0123456789")
                                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    std::unique_ptr<store::StoreExecutor> m_store;
};

QTEST_MAIN(TestWizardManualDns)
#include "TestWizardManualDns.moc"
