// SPDX-License-Identifier: GPL-3.0-or-later
// The wizard's challenge page: "Add server…" next to the server picker opens the ServerDialog, saves the
// server through the store (key file sign-in against the REAL sshd fixture), shows the host key dialog at
// once and, trusted, records the key and selects the new server; a second server of the same name is
// refused. With the local test CA (sandbox mode) the SSH webroot and dns-01 are disabled with the reason.
#include "core/store/Store.h"
#include "core/store/StoreExecutor.h"
#include "tests/support/SshdFixture.h"
#include "ui/AddDomainWizard.h"
#include "ui/HostKeyDialog.h"
#include "ui/Resources.h"
#include "ui/ServerDialog.h"
#include "ui/WizardChallengePage.h"

#include <QAbstractButton>
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
};

QTEST_MAIN(TestWizardChallengeServer)
#include "TestWizardChallengeServer.moc"
