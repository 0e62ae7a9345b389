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
        ko.extraRecords = {QStringLiteral("blocked A 127.0.0.1"), QStringLiteral("blocked CAA 0 issue \";\"")};
        m_knot = std::make_unique<test::KnotFixture>(ko);
        QString error;
        CERTDECK_REQUIRE(m_knot->start(&error), error);
        test::PebbleFixture::Options po;
        po.dnsServer = QStringLiteral("127.0.0.1:%1").arg(m_knot->port());
        m_pebble = std::make_unique<test::PebbleFixture>(po);
        CERTDECK_REQUIRE(m_pebble->start(&error), error);
        m_store = std::make_unique<store::StoreExecutor>(m_data.path());
    }

    void cleanupTestCase() {
        m_store.reset();
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

    void continueAnywayShowsTheFailureAndTheWayForward() {
        // The user stops waiting before adding the record: the CA looks, finds nothing and the order
        // fails; the page says why in plain words, what to do next, and keeps the CA's answer behind
        // Details….
        std::unique_ptr<AddDomainWizard> wizard = openWizard();
        QTest::keyClicks(wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardNames")),
                         QStringLiteral("www.example.test"));
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
        ctx.caTrustFile = m_pebble->listenerCaFile();
        ctx.dnsResolver = QStringLiteral("127.0.0.1:%1").arg(m_knot->port());
        auto wizard = std::make_unique<AddDomainWizard>(ctx);
        wizard->show();
        if (!QTest::qWaitForWindowExposed(wizard.get()))
            return nullptr;
        return wizard;
    }

    void chooseTestCa(AddDomainWizard* wizard) {
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::CaPageId));
        auto* ca = wizard->findChild<QComboBox*>(QStringLiteral("wizardCa"));
        QCOMPARE(ca->currentData().toInt(), int(ui::CaChoice::Custom));
        auto* url = wizard->findChild<QLineEdit*>(QStringLiteral("wizardCaUrl"));
        url->setText(m_pebble->directoryUrl().toString());
        Q_EMIT url->editingFinished();
        // The profiles come from the CA's directory; Pebble 2.4 lists none. A custom CA has no staging twin.
        auto* page = qobject_cast<ui::WizardCaPage*>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isReadingProfiles(), 30000);
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
    std::unique_ptr<store::StoreExecutor> m_store;
};

QTEST_MAIN(TestWizardManualDns)
#include "TestWizardManualDns.moc"
