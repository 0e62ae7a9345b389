// SPDX-License-Identifier: GPL-3.0-or-later
// The add-domain wizard end to end, as a user drives it, against the sandbox (Pebble on loopback,
// started by the app itself): Add domain → names (an internationalised one shown with its punycode)
// → built-in responder → Local test CA → preflight against the sandbox's DNS → review → Issue with
// live steps → done. The certificate is saved (key 0600) and appears on the dashboard. A second run
// is cancelled from the Issue page, shows "Cancelled" and succeeds on Try again. Offscreen; every wait
// is a QTRY_* with a deadline.
#include "core/workflow/Sandbox.h"
#include "tests/support/ServerProcess.h"
#include "ui/AddDomainWizard.h"
#include "ui/CertificateTableModel.h"
#include "ui/DashboardPage.h"
#include "ui/IssueJob.h"
#include "ui/MainWindow.h"
#include "ui/SandboxService.h"
#include "ui/WizardIssuePage.h"
#include "ui/WizardPreflightPage.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace certdeck;
using ui::AddDomainWizard;

class TestAddDomainWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CertdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("certdeck-wizard-test"));
        QSettings().clear();
        CERTDECK_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("pebble")).isEmpty(),
                         QStringLiteral("pebble is not installed (Debian package pebble)"));
        QVERIFY(m_data.isValid());
        ui::MainWindow::Options options;
        options.sandboxMode = true;
        options.dataDir = m_data.path();
        options.loadCertificates = true;
        m_window = std::make_unique<ui::MainWindow>(options);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase() {
        m_window.reset();
        QSettings().clear();
    }

    void issuesThroughTheWholeWizard() {
        AddDomainWizard* wizard = openWizard();
        QVERIFY(wizard);

        // 1. Names, one of them internationalised.
        auto* names = wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardNames"));
        QVERIFY(names);
        QVERIFY(!nextButton(wizard)->isEnabled());
        QTest::keyClicks(names, QStringLiteral("wizard.example.com"));
        QTest::keyClick(names, Qt::Key_Return);
        names->insertPlainText(QStringLiteral("bücher.example.com")); // QTest types ASCII only
        auto* preview = wizard->findChild<QLabel*>(QStringLiteral("wizardNamesPreview"));
        QVERIFY(preview->text().contains(QStringLiteral("xn--bcher-kva.example.com")));
        QVERIFY(nextButton(wizard)->isEnabled());
        QTest::mouseClick(nextButton(wizard), Qt::LeftButton);

        // 2. Challenge: the built-in responder; the local test CA cannot reach an SSH webroot or DNS
        // records, so those are off with the reason (TestWizardChallengeServer has the details).
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::ChallengePageId));
        QVERIFY(wizard->findChild<QRadioButton*>(QStringLiteral("challengeBuiltIn"))->isChecked());
        QVERIFY(!wizard->findChild<QRadioButton*>(QStringLiteral("challengeDns01"))->isEnabled());
        QVERIFY(!wizard->findChild<QRadioButton*>(QStringLiteral("challengeRemoteWebroot"))->isEnabled());
        QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("challengeSandboxNote"))->isVisible());
        QTest::mouseClick(nextButton(wizard), Qt::LeftButton);

        // 3. CA and key: the sandbox is preselected in --sandbox mode.
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::CaPageId));
        auto* ca = wizard->findChild<QComboBox*>(QStringLiteral("wizardCa"));
        QCOMPARE(ca->currentData().toInt(), int(ui::CaChoice::Sandbox));
        QVERIFY(nextButton(wizard)->isEnabled());
        QTest::mouseClick(nextButton(wizard), Qt::LeftButton);

        // 4. Preflight runs as the page opens (starting the sandbox the first time), for the chosen CA.
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::PreflightPageId));
        auto* preflight = qobject_cast<ui::WizardPreflightPage*>(wizard->currentPage());
        QVERIFY(preflight);
        QTRY_VERIFY_WITH_TIMEOUT(!preflight->isRunning(), 60000);
        auto* results = wizard->findChild<QTreeWidget*>(QStringLiteral("wizardPreflightResults"));
        const QString status = wizard->findChild<QLabel*>(QStringLiteral("wizardPreflightStatus"))->text();
        QVERIFY2(results->topLevelItemCount() == 2, qPrintable(status));
        QVERIFY2(!preflight->hasBlockers(), qPrintable(status));
        QVERIFY(m_window->sandbox()->isRunning());
        QVERIFY2(results->topLevelItem(0)->text(1).contains(QStringLiteral("127.0.0.1")),
                 qPrintable(results->topLevelItem(0)->text(0) + QStringLiteral(" | ") +
                            results->topLevelItem(0)->text(1) + QStringLiteral(" | ") + status + QStringLiteral(" | ") +
                            (results->topLevelItem(0)->childCount() ? results->topLevelItem(0)->child(0)->text(1)
                                                                    : QString())));
        QVERIFY(nextButton(wizard)->isEnabled());
        QTest::mouseClick(nextButton(wizard), Qt::LeftButton);

        // 5. Review, then Issue.
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::ReviewPageId));
        QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("wizardReviewSummary"))
                    ->text()
                    .contains(QStringLiteral("xn--bcher-kva.example.com")));
        QAbstractButton* issue = wizard->button(QWizard::CommitButton);
        QVERIFY(issue->isVisible());
        QCOMPARE(issue->text().remove(QLatin1Char('&')), QStringLiteral("Issue"));
        QTest::mouseClick(issue, Qt::LeftButton);

        // 6. Live steps, then the done page.
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::IssuePageId));
        auto* steps = wizard->findChild<QListWidget*>(QStringLiteral("wizardIssueSteps"));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentId() == AddDomainWizard::DeployPageId ||
                                     !wizard->findChild<QPushButton*>(QStringLiteral("wizardIssueRetry"))->isHidden(),
                                 120000);
        QVERIFY2(
            wizard->currentId() == AddDomainWizard::DeployPageId,
            qPrintable(wizard->findChild<QLabel*>(QStringLiteral("wizardIssueStatus"))->text() + QLatin1Char('\n') +
                       wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardIssueDetailText"))->toPlainText()));
        QVERIFY2(steps->count() >= 4, qPrintable(QString::number(steps->count())));
        // Deploying is optional: Next skips it.
        QVERIFY(nextButton(wizard)->isEnabled());
        QTest::mouseClick(nextButton(wizard), Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::DonePageId));
        QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("wizardDoneText"))
                    ->text()
                    .contains(QStringLiteral("wizard.example.com")));

        // The certificate is saved and on the dashboard.
        const QString folder =
            ui::IssueJob::certificateFolder(m_data.path(), QStringLiteral("wizard.example.com"), true);
        QVERIFY(QFile::exists(folder + QStringLiteral("/fullchain.pem")));
        QCOMPARE(QFile::permissions(folder + QStringLiteral("/privkey.pem")) & 0x0077, QFileDevice::Permissions());
        ui::CertificateTableModel* model = m_window->dashboard()->model();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->rowAt(0).names,
                 (QStringList{QStringLiteral("wizard.example.com"), QStringLiteral("xn--bcher-kva.example.com")}));
        QVERIFY(model->rowAt(0).sandbox);
        QVERIFY(!m_window->dashboard()->isEmptyState());
        QPointer<AddDomainWizard> closed(wizard);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY(!closed); // closed and gone
    }

    void cancelThenTryAgain() {
        AddDomainWizard* wizard = openWizard();
        QVERIFY(wizard);
        QTest::keyClicks(wizard->findChild<QPlainTextEdit*>(QStringLiteral("wizardNames")),
                         QStringLiteral("cancel.example.net"));
        for (int page :
             {AddDomainWizard::ChallengePageId, AddDomainWizard::CaPageId, AddDomainWizard::PreflightPageId}) {
            QTest::mouseClick(nextButton(wizard), Qt::LeftButton);
            QCOMPARE(wizard->currentId(), page);
        }
        auto* preflight = qobject_cast<ui::WizardPreflightPage*>(wizard->currentPage());
        QVERIFY(preflight);
        QTRY_VERIFY_WITH_TIMEOUT(!preflight->isRunning(), 60000);
        QTest::mouseClick(nextButton(wizard), Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(AddDomainWizard::ReviewPageId));
        QTest::mouseClick(wizard->button(QWizard::CommitButton), Qt::LeftButton);
        auto* issuePage = qobject_cast<ui::WizardIssuePage*>(wizard->currentPage());
        QVERIFY(issuePage && issuePage->isRunning());
        auto* cancel = wizard->findChild<QPushButton*>(QStringLiteral("wizardIssueCancel"));
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!issuePage->isRunning(), 60000);
        QVERIFY(!issuePage->succeeded());
        QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("wizardIssueStatus"))
                    ->text()
                    .contains(QStringLiteral("Cancelled")));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        auto* retry = wizard->findChild<QPushButton*>(QStringLiteral("wizardIssueRetry"));
        QVERIFY(retry->isVisible());
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentId() == AddDomainWizard::DeployPageId || !issuePage->isRunning(),
                                 120000);
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(AddDomainWizard::DeployPageId), 5000);
        QCOMPARE(m_window->dashboard()->model()->rowCount(), 2);
        wizard->close();
    }

private:
    AddDomainWizard* openWizard() {
        auto* add = m_window->findChild<QAction*>(QStringLiteral("actionAddDomain"));
        if (!add)
            return nullptr;
        add->trigger();
        auto* wizard = m_window->findChild<AddDomainWizard*>(QStringLiteral("addDomainWizard"));
        if (wizard && !QTest::qWaitForWindowExposed(wizard))
            return nullptr;
        return wizard;
    }
    static QAbstractButton* nextButton(QWizard* w) { return w->button(QWizard::NextButton); }

    QTemporaryDir m_data;
    std::unique_ptr<ui::MainWindow> m_window;
};

QTEST_MAIN(TestAddDomainWizard)
#include "TestAddDomainWizard.moc"
