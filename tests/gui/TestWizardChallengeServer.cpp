// SPDX-License-Identifier: GPL-3.0-or-later
// The wizard's challenge page: "Add server…" next to the server picker opens the ServerDialog, saves the
// server through the store (key file sign-in against the REAL sshd fixture), shows the host key dialog at
// once and, trusted, records the key and selects the new server; a second server of the same name is
// refused. With the local test CA (sandbox mode) the SSH webroot and dns-01 are disabled with the reason.
// Chosen later on the CA page while the challenge is dns-01 or an SSH webroot, the local test CA is
// refused with a note saying what to do, and Next stays off until the CA or the challenge changes. No
// real CA is contacted: the "real CA" is a custom directory on a closed loopback port, so the page's
// profile read fails as it would offline, and Next must still be allowed.
#include "core/store/Store.h"
#include "core/store/StoreExecutor.h"
#include "tests/support/SshdFixture.h"
#include "ui/AddDomainWizard.h"
#include "ui/HostKeyDialog.h"
#include "ui/Resources.h"
#include "ui/SandboxService.h"
#include "ui/ServerDialog.h"
#include "ui/WizardCaPage.h"
#include "ui/WizardChallengePage.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QCoroFuture>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace certdeck;
using certdeck::ui::AddDomainWizard;
using certdeck::ui::WizardChallengePage;

namespace {

template <typename T> T* visibleChild(QWidget* parent) {
    for (T* w : parent->findChildren<T*>())
        if (w->isVisible())
            return w;
    return nullptr;
}

/// Opens a wizard on the challenge page for `name`.
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

void chooseCa(AddDomainWizard& wizard, ui::CaChoice choice) {
    auto* ca = wizard.findChild<QComboBox*>(QStringLiteral("wizardCa"));
    ca->setCurrentIndex(ca->findData(static_cast<int>(choice)));
}

bool nextEnabled(AddDomainWizard& wizard) {
    return wizard.button(QWizard::NextButton)->isEnabled();
}

void clickNext(AddDomainWizard& wizard) {
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
}

} // namespace

class TestWizardChallengeServer : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    test::SshdFixture m_sshd;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CertdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("certdeck-wizard-server-test"));
        // ~/.ssh/known_hosts and ~/.ssh/config of whoever runs the tests stay out of it.
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        ui::initResources();
        QString error;
        CERTDECK_REQUIRE(m_sshd.start(&error), error);
    }

    void addServerFromTheWizard() {
        QTemporaryDir data;
        store::StoreExecutor executor(data.path());
        AddDomainWizard::Context ctx;
        ctx.dataDir = data.path();
        ctx.store = &executor;
        ctx.defaultCa = ui::CaChoice::LetsEncryptStaging;
        AddDomainWizard wizard(ctx);
        WizardChallengePage* page = toChallengePage(wizard, QStringLiteral("site.example.test"));
        QVERIFY(page);
        QVERIFY(!page->sandboxCa());
        auto* remote = wizard.findChild<QRadioButton*>(QStringLiteral("challengeRemoteWebroot"));
        QVERIFY(remote->isEnabled());
        remote->click();
        auto* servers = wizard.findChild<QComboBox*>(QStringLiteral("challengeServer"));
        QCOMPARE(servers->count(), 0);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());

        QSignalSpy added(page, &WizardChallengePage::serverAdded);
        auto* add = wizard.findChild<QPushButton*>(QStringLiteral("challengeAddServer"));
        QVERIFY(add && add->isEnabled());
        QCOMPARE(add->accessibleName(), QStringLiteral("Add an SSH server"));
        add->click();
        ui::ServerDialog* d = nullptr;
        QTRY_VERIFY((d = visibleChild<ui::ServerDialog>(&wizard)) != nullptr);
        d->findChild<QLineEdit*>(QStringLiteral("serverName"))->setText(QStringLiteral("web1"));
        d->findChild<QLineEdit*>(QStringLiteral("serverHost"))->setText(m_sshd.host());
        d->findChild<QSpinBox*>(QStringLiteral("serverPort"))->setValue(m_sshd.port());
        d->findChild<QLineEdit*>(QStringLiteral("serverUser"))->setText(m_sshd.user());
        auto* auth = d->findChild<QComboBox*>(QStringLiteral("serverAuth"));
        auth->setCurrentIndex(auth->findData(QStringLiteral("key")));
        d->findChild<QLineEdit*>(QStringLiteral("serverKeyFile"))->setText(m_sshd.clientKeyPath());
        d->findChild<QPushButton*>(QStringLiteral("serverDialogOk"))->click();

        // The host key is asked about right away, with the server's real fingerprint.
        ui::HostKeyDialog* hostKey = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((hostKey = visibleChild<ui::HostKeyDialog>(&wizard)) != nullptr, 30000);
        QCOMPARE(hostKey->key().fingerprint, m_sshd.hostKeyFingerprint());
        hostKey->findChild<QPushButton*>(QStringLiteral("hostKeyTrust"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(added.count() > 0, 30000);
        QCOMPARE(added.last().at(0).toString(), QStringLiteral("web1"));
        QVERIFY(added.last().at(1).toBool());

        // Selected, and the page can go on (the nginx preset's folder is filled in).
        QCOMPARE(servers->currentData().toString(), QStringLiteral("web1"));
        QVERIFY(remote->isChecked());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        auto* note = wizard.findChild<QLabel*>(QStringLiteral("challengeServerNote"));
        QVERIFY2(note->text().contains(QLatin1String("trusted")), qPrintable(note->text()));

        // Stored as the Servers section stores it, with the confirmed key.
        auto job = executor.run([](store::Store& s) { return s.servers().byName(QStringLiteral("web1")); });
        job.waitForFinished();
        const auto stored = job.result();
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().toString()));
        QCOMPARE(stored->host, m_sshd.host());
        QCOMPARE(stored->port, int(m_sshd.port()));
        QCOMPARE(stored->authMethod, QStringLiteral("key"));
        QCOMPARE(stored->hostKeyFingerprint, m_sshd.hostKeyFingerprint());

        // The same name again: refused, nothing asked.
        add->click();
        QTRY_VERIFY((d = visibleChild<ui::ServerDialog>(&wizard)) != nullptr);
        d->findChild<QLineEdit*>(QStringLiteral("serverName"))->setText(QStringLiteral("web1"));
        d->findChild<QLineEdit*>(QStringLiteral("serverHost"))->setText(QStringLiteral("192.0.2.1"));
        d->findChild<QPushButton*>(QStringLiteral("serverDialogOk"))->click();
        QTRY_VERIFY(added.count() > 1);
        QCOMPARE(added.last().at(0).toString(), QString());
        QVERIFY2(note->text().contains(QLatin1String("already")), qPrintable(note->text()));
        QCOMPARE(servers->count(), 1);
    }

    void sandboxCaDisablesRemoteChoices() {
        QTemporaryDir data;
        store::StoreExecutor executor(data.path());
        AddDomainWizard::Context ctx;
        ctx.dataDir = data.path();
        ctx.store = &executor;
        ctx.sandboxMode = true;
        ctx.defaultCa = ui::CaChoice::Sandbox;
        AddDomainWizard wizard(ctx);
        WizardChallengePage* page = toChallengePage(wizard, QStringLiteral("sandbox.example.test"));
        QVERIFY(page);
        QVERIFY(page->sandboxCa());
        auto* remote = wizard.findChild<QRadioButton*>(QStringLiteral("challengeRemoteWebroot"));
        auto* dns = wizard.findChild<QRadioButton*>(QStringLiteral("challengeDns01"));
        QVERIFY(!remote->isEnabled());
        QVERIFY(!dns->isEnabled());
        QVERIFY(wizard.findChild<QRadioButton*>(QStringLiteral("challengeBuiltIn"))->isEnabled());
        QVERIFY(wizard.findChild<QRadioButton*>(QStringLiteral("challengeBuiltIn"))->isChecked());
        auto* note = wizard.findChild<QLabel*>(QStringLiteral("challengeSandboxNote"));
        QVERIFY(note && note->isVisible());
        QVERIFY(note->text().contains(QLatin1String("local test CA")));
        QCOMPARE(remote->toolTip(), note->text());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

        // The sandbox chosen as the default CA (not in --sandbox mode) does the same.
        ctx.sandboxMode = false;
        AddDomainWizard second(ctx);
        WizardChallengePage* page2 = toChallengePage(second, QStringLiteral("sandbox2.example.test"));
        QVERIFY(page2);
        QVERIFY(page2->sandboxCa());
        QVERIFY(!second.findChild<QRadioButton*>(QStringLiteral("challengeDns01"))->isEnabled());

        // A real CA: everything offered.
        ctx.defaultCa = ui::CaChoice::LetsEncrypt;
        AddDomainWizard third(ctx);
        WizardChallengePage* page3 = toChallengePage(third, QStringLiteral("real.example.test"));
        QVERIFY(page3);
        QVERIFY(!page3->sandboxCa());
        QVERIFY(third.findChild<QRadioButton*>(QStringLiteral("challengeDns01"))->isEnabled());
        QVERIFY(!third.findChild<QLabel*>(QStringLiteral("challengeSandboxNote"))->isVisible());
    }

    void caPageRefusesSandboxForRemoteChallenges() {
        QTemporaryDir data;
        store::StoreExecutor executor(data.path());
        // A stored server to pick for the SSH webroot; nothing here connects to it.
        store::ServerRecord server;
        server.name = QStringLiteral("web1");
        server.host = QStringLiteral("192.0.2.1");
        auto job = executor.run([server](store::Store& s) { return s.servers().save(server); });
        job.waitForFinished();
        const Result<qint64> saved = job.result();
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        // The sandbox offered on the CA page but never started: nothing before the preflight needs Pebble.
        ui::SandboxService sandbox(data.path());
        AddDomainWizard::Context ctx;
        ctx.dataDir = data.path();
        ctx.store = &executor;
        ctx.sandbox = &sandbox;
        // A custom CA with no URL yet: the CA page reads no directory when it opens.
        ctx.defaultCa = ui::CaChoice::Custom;
        AddDomainWizard wizard(ctx);
        WizardChallengePage* challenge = toChallengePage(wizard, QStringLiteral("site.example.test"));
        QVERIFY(challenge);
        QVERIFY(!challenge->sandboxCa());

        // dns-01 by hand (Manual is the provider list's first entry).
        auto* dns = wizard.findChild<QRadioButton*>(QStringLiteral("challengeDns01"));
        QVERIFY(dns->isEnabled());
        dns->click();
        QCOMPARE(wizard.findChild<QComboBox*>(QStringLiteral("challengeDnsProvider"))->currentData().toString(),
                 QString());
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(AddDomainWizard::CaPageId));
        auto* caPage = qobject_cast<ui::WizardCaPage*>(wizard.currentPage());
        QVERIFY(caPage);
        auto* note = wizard.findChild<QLabel*>(QStringLiteral("wizardCaSandboxNote"));
        QVERIFY(note && !note->isVisible());

        // The local test CA: the note says why and what to do, and Next is off.
        chooseCa(wizard, ui::CaChoice::Sandbox);
        QVERIFY(note->isVisible());
        for (const char* words : {"DNS record", "Go Back", "built-in responder", "real CA"})
            QVERIFY2(note->text().contains(QLatin1String(words)), qPrintable(note->text()));
        QVERIFY(caPage->sandboxConflict());
        QVERIFY(!caPage->isComplete());
        QVERIFY(!nextEnabled(wizard));

        // A real CA: the note goes, and Next comes on once its terms are agreed to, even though its
        // directory cannot be read (as when offline) and so lists no profiles.
        chooseCa(wizard, ui::CaChoice::Custom);
        auto* url = wizard.findChild<QLineEdit*>(QStringLiteral("wizardCaUrl"));
        url->setText(QStringLiteral("https://127.0.0.1:1/directory"));
        Q_EMIT url->editingFinished();
        wizard.findChild<QCheckBox*>(QStringLiteral("wizardTerms"))->setChecked(true);
        QVERIFY(!note->isVisible());
        QVERIFY(nextEnabled(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(!caPage->isReadingProfiles(), 60000);
        auto* profileNote = wizard.findChild<QLabel*>(QStringLiteral("wizardProfileNote"));
        QVERIFY2(profileNote->text().contains(QLatin1String("Could not read")), qPrintable(profileNote->text()));
        QVERIFY(nextEnabled(wizard));

        // Back to the local test CA; then Back on the wizard to the SSH webroot: refused too, saying so.
        chooseCa(wizard, ui::CaChoice::Sandbox);
        QVERIFY(!nextEnabled(wizard));
        QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(AddDomainWizard::ChallengePageId));
        wizard.findChild<QRadioButton*>(QStringLiteral("challengeRemoteWebroot"))->click();
        QCOMPARE(wizard.findChild<QComboBox*>(QStringLiteral("challengeServer"))->currentData().toString(),
                 QStringLiteral("web1"));
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(AddDomainWizard::CaPageId));
        QCOMPARE(wizard.findChild<QComboBox*>(QStringLiteral("wizardCa"))->currentData().toInt(),
                 int(ui::CaChoice::Sandbox));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QLatin1String("SSH server")), qPrintable(note->text()));
        QVERIFY(!nextEnabled(wizard));

        // Back to the built-in responder: the local test CA can check it, so Next is on.
        QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
        wizard.findChild<QRadioButton*>(QStringLiteral("challengeBuiltIn"))->click();
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(AddDomainWizard::CaPageId));
        QVERIFY(!note->isVisible());
        QVERIFY(nextEnabled(wizard));
    }
};

QTEST_MAIN(TestWizardChallengeServer)
#include "TestWizardChallengeServer.moc"
