// SPDX-License-Identifier: GPL-3.0-or-later
// The wizard's CA page after the challenge page: the local test CA validates only this computer, so
// choosing it while the challenge is a DNS record (Manual) or a web server folder on an SSH server shows
// a plain note saying what to do and keeps Next off; a real CA, or going Back to the built-in responder,
// lets the wizard go on. No real CA is contacted: the "real CA" here is a custom directory on a closed
// loopback port, so the page's profile read fails as it would offline, and Next must still be allowed.
#include "core/store/Store.h"
#include "core/store/StoreExecutor.h"
#include "ui/AddDomainWizard.h"
#include "ui/Resources.h"
#include "ui/SandboxService.h"
#include "ui/WizardCaPage.h"
#include "ui/WizardChallengePage.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace certdeck;
using certdeck::ui::AddDomainWizard;
using certdeck::ui::CaChoice;
using certdeck::ui::WizardCaPage;
using certdeck::ui::WizardChallengePage;

namespace {

/// Opens a wizard on the challenge page for `name`, with the servers and providers read.
WizardChallengePage* toChallengePage(AddDomainWizard& wizard, const QString& name) {
    wizard.show();
    QTest::keyClicks(wizard.findChild<QPlainTextEdit*>(QStringLiteral("wizardNames")), name);
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    if (wizard.currentId() != AddDomainWizard::ChallengePageId)
        return nullptr;
    auto* page = qobject_cast<WizardChallengePage*>(wizard.currentPage());
    if (page && !QTest::qWaitFor([page] { return page->isLoaded(); }, 30000))
        return nullptr;
    return page;
}

void chooseCa(AddDomainWizard& wizard, CaChoice choice) {
    auto* ca = wizard.findChild<QComboBox*>(QStringLiteral("wizardCa"));
    QVERIFY(ca);
    const int index = ca->findData(static_cast<int>(choice));
    QVERIFY(index >= 0);
    ca->setCurrentIndex(index);
}

bool nextEnabled(AddDomainWizard& wizard) {
    return wizard.button(QWizard::NextButton)->isEnabled();
}

} // namespace

class TestWizardCaSandbox : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CertdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("certdeck-wizard-ca-sandbox-test"));
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        ui::initResources();
    }

    void sandboxWithManualDnsIsRefusedUntilResolved() {
        QTemporaryDir data;
        store::StoreExecutor executor(data.path());
        // Offered, never started: nothing on these pages needs Pebble.
        ui::SandboxService sandbox(data.path());
        AddDomainWizard::Context ctx;
        ctx.dataDir = data.path();
        ctx.store = &executor;
        ctx.sandbox = &sandbox;
        // A custom CA with no URL yet: the CA page reads no directory when it opens.
        ctx.defaultCa = CaChoice::Custom;
        AddDomainWizard wizard(ctx);
        WizardChallengePage* challenge = toChallengePage(wizard, QStringLiteral("site.example.test"));
        QVERIFY(challenge);
        QVERIFY(!challenge->sandboxCa());

        // dns-01 by hand (Manual is the provider list's first entry).
        auto* dns = wizard.findChild<QRadioButton*>(QStringLiteral("challengeDns01"));
        QVERIFY(dns && dns->isEnabled());
        dns->click();
        auto* provider = wizard.findChild<QComboBox*>(QStringLiteral("challengeDnsProvider"));
        QCOMPARE(provider->currentData().toString(), QString());
        QVERIFY(nextEnabled(wizard));
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(AddDomainWizard::CaPageId));
        auto* caPage = qobject_cast<WizardCaPage*>(wizard.currentPage());
        QVERIFY(caPage);

        auto* note = wizard.findChild<QLabel*>(QStringLiteral("wizardCaSandboxNote"));
        QVERIFY(note);
        QVERIFY(!note->isVisible());

        // The local test CA: the note says why and what to do, and Next is off.
        chooseCa(wizard, CaChoice::Sandbox);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QLatin1String("DNS record")), qPrintable(note->text()));
        QVERIFY2(note->text().contains(QLatin1String("Go Back")), qPrintable(note->text()));
        QVERIFY2(note->text().contains(QLatin1String("built-in responder")), qPrintable(note->text()));
        QVERIFY2(note->text().contains(QLatin1String("real CA")), qPrintable(note->text()));
        QVERIFY(caPage->sandboxConflict());
        QVERIFY(!caPage->isComplete());
        QVERIFY(!nextEnabled(wizard));

        // A real CA: the note goes, and Next comes on once its terms are agreed to, even though its
        // directory cannot be read (as when offline) and so lists no profiles.
        chooseCa(wizard, CaChoice::Custom);
        auto* url = wizard.findChild<QLineEdit*>(QStringLiteral("wizardCaUrl"));
        url->setText(QStringLiteral("https://127.0.0.1:1/directory"));
        Q_EMIT url->editingFinished();
        wizard.findChild<QCheckBox*>(QStringLiteral("wizardTerms"))->setChecked(true);
        QVERIFY(!note->isVisible());
        QVERIFY(!caPage->sandboxConflict());
        QVERIFY(nextEnabled(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(!caPage->isReadingProfiles(), 60000);
        auto* profileNote = wizard.findChild<QLabel*>(QStringLiteral("wizardProfileNote"));
        QVERIFY2(profileNote->text().contains(QLatin1String("Could not read")), qPrintable(profileNote->text()));
        QVERIFY(nextEnabled(wizard));

        // Back to the local test CA, then Back on the wizard to the built-in responder: resolved.
        chooseCa(wizard, CaChoice::Sandbox);
        QVERIFY(!nextEnabled(wizard));
        QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(AddDomainWizard::ChallengePageId));
        wizard.findChild<QRadioButton*>(QStringLiteral("challengeBuiltIn"))->click();
        QVERIFY(nextEnabled(wizard));
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(AddDomainWizard::CaPageId));
        QCOMPARE(wizard.findChild<QComboBox*>(QStringLiteral("wizardCa"))->currentData().toInt(),
                 int(CaChoice::Sandbox));
        QVERIFY(!note->isVisible());
        QVERIFY(nextEnabled(wizard));
    }

    void sandboxWithSshWebrootIsRefused() {
        QTemporaryDir data;
        store::StoreExecutor executor(data.path());
        // A stored server to pick; the CA page never connects to it.
        store::ServerRecord server;
        server.name = QStringLiteral("web1");
        server.host = QStringLiteral("127.0.0.1");
        auto job = executor.run([server](store::Store& s) { return s.servers().save(server); });
        job.waitForFinished();
        const Result<qint64> saved = job.result();
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        ui::SandboxService sandbox(data.path());
        AddDomainWizard::Context ctx;
        ctx.dataDir = data.path();
        ctx.store = &executor;
        ctx.sandbox = &sandbox;
        ctx.defaultCa = CaChoice::Custom;
        AddDomainWizard wizard(ctx);
        WizardChallengePage* challenge = toChallengePage(wizard, QStringLiteral("site.example.test"));
        QVERIFY(challenge);
        auto* remote = wizard.findChild<QRadioButton*>(QStringLiteral("challengeRemoteWebroot"));
        QVERIFY(remote && remote->isEnabled());
        remote->click();
        QCOMPARE(wizard.findChild<QComboBox*>(QStringLiteral("challengeServer"))->currentData().toString(),
                 QStringLiteral("web1"));
        QVERIFY(nextEnabled(wizard));
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(AddDomainWizard::CaPageId));

        chooseCa(wizard, CaChoice::Sandbox);
        auto* note = wizard.findChild<QLabel*>(QStringLiteral("wizardCaSandboxNote"));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QLatin1String("SSH server")), qPrintable(note->text()));
        QVERIFY(!nextEnabled(wizard));
    }
};

QTEST_MAIN(TestWizardCaSandbox)
#include "TestWizardCaSandbox.moc"
