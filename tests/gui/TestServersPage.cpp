// SPDX-License-Identifier: GPL-3.0-or-later
// The Servers screen against a real sshd: add a server through the dialog, Test shows the fixture's
// host key fingerprint for confirmation; Cancel records nothing and never logs in; Trust records the
// key (Certdeck's known_hosts and the server row) and the login works; a regenerated host key is a
// red stop with no trust button, and nothing changes. A key passphrase typed in the dialog goes to the
// keychain (a private gnome-keyring), never into the SQLite file.
#include "core/store/StoreExecutor.h"
#include "tests/support/KeyringFixture.h"
#include "tests/support/SshdFixture.h"
#include "ui/HostKeyDialog.h"
#include "ui/Resources.h"
#include "ui/ServerDialog.h"
#include "ui/ServersPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace certdeck;
using certdeck::ui::HostKeyDialog;
using certdeck::ui::ServerDialog;
using certdeck::ui::ServersPage;

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

// sshd logs "Connection closed" / "Disconnected" when it is done with a connection; after that its log
// tells everything the client did on it (the same wait as TestSshHostKeys).
bool waitForClosedConnections(const test::SshdFixture& sshd, int count) {
    QDeadlineTimer deadline(std::chrono::seconds(20));
    while (!deadline.hasExpired()) {
        const QString log = sshd.log();
        if (log.count(QLatin1String("Connection closed by")) + log.count(QLatin1String("Disconnected from")) >= count)
            return true;
        QTest::qWait(20);
    }
    return false;
}

int closedConnections(const test::SshdFixture& sshd) {
    const QString log = sshd.log();
    return int(log.count(QLatin1String("Connection closed by")) + log.count(QLatin1String("Disconnected from")));
}

void fillServerDialog(ServerDialog* d, const test::SshdFixture& sshd, const QString& keyFile, const QString& secret) {
    d->findChild<QLineEdit*>(QStringLiteral("serverName"))->setText(QStringLiteral("web1"));
    d->findChild<QLineEdit*>(QStringLiteral("serverHost"))->setText(sshd.host());
    d->findChild<QSpinBox*>(QStringLiteral("serverPort"))->setValue(sshd.port());
    d->findChild<QLineEdit*>(QStringLiteral("serverUser"))->setText(sshd.user());
    auto* auth = d->findChild<QComboBox*>(QStringLiteral("serverAuth"));
    auth->setCurrentIndex(auth->findData(QStringLiteral("key")));
    d->findChild<QLineEdit*>(QStringLiteral("serverKeyFile"))->setText(keyFile);
    d->findChild<QLineEdit*>(QStringLiteral("serverSecret"))->setText(secret);
    // Isolation: the test machine's ~/.ssh/config must not change where or how it connects.
    d->findChild<QCheckBox*>(QStringLiteral("serverSshConfig"))->setChecked(false);
}

// The store may answer before the page awaits it (then the signal comes at once): count, don't wait.
void reloadAndWait(ServersPage& page, QSignalSpy& loaded) {
    const auto before = loaded.count();
    page.reload();
    QTRY_VERIFY(loaded.count() > before);
}

} // namespace

class TestServersPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        // ~/.ssh/known_hosts and ~/.ssh/config of whoever runs the tests stay out of it.
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        ui::initResources();
    }

    void emptyStateOffersAdd() {
        QTemporaryDir data;
        store::StoreExecutor executor(data.path());
        ServersPage page(&executor);
        QSignalSpy loaded(&page, &ServersPage::serversLoaded);
        page.show();
        QTRY_VERIFY(loaded.count() > 0);
        auto* empty = page.findChild<QWidget*>(QStringLiteral("serversEmptyState"));
        QVERIFY(empty && empty->isVisible());
        auto* add = page.findChild<QPushButton*>(QStringLiteral("serversEmptyStateAction"));
        QVERIFY(add && add->isVisible() && add->isEnabled());
        add->click();
        QTRY_VERIFY(visibleChild<ServerDialog>(&page));
        // An invalid entry stays in the dialog with a message instead of being saved.
        auto* d = visibleChild<ServerDialog>(&page);
        d->findChild<QPushButton*>(QStringLiteral("serverDialogOk"))->click();
        QVERIFY(d->isVisible());
        QVERIFY(d->findChild<QLabel*>(QStringLiteral("serverDialogError"))->isVisible());
        d->findChild<QPushButton*>(QStringLiteral("serverDialogCancel"))->click();
        QTRY_VERIFY(!visibleChild<ServerDialog>(&page));
        QVERIFY(empty->isVisible());
    }

    void hostKeyConfirmationTrustAndChangedKey() {
        test::SshdFixture sshd;
        QString error;
        CERTDECK_REQUIRE(sshd.start(&error), error);
        QTemporaryDir data;
        const QString knownHosts = QDir(data.path()).filePath(QStringLiteral("known_hosts"));
        store::StoreExecutor executor(data.path());
        ServersPage page(&executor);
        QSignalSpy loaded(&page, &ServersPage::serversLoaded);
        page.show();
        QTRY_VERIFY(loaded.count() > 0);

        page.addServer();
        QTRY_VERIFY(visibleChild<ServerDialog>(&page));
        fillServerDialog(visibleChild<ServerDialog>(&page), sshd, sshd.clientKeyPath(), QString());
        visibleChild<ServerDialog>(&page)->findChild<QPushButton*>(QStringLiteral("serverDialogOk"))->click();
        auto* table = page.findChild<QTableWidget*>(QStringLiteral("serversTable"));
        QVERIFY(table);
        QTRY_COMPARE(table->rowCount(), 1);
        QTRY_VERIFY(table->isVisible());
        QCOMPARE(page.servers().size(), 1);
        QCOMPARE(page.servers().first().host, sshd.host());
        QCOMPARE(page.servers().first().port, int(sshd.port()));
        QVERIFY(page.servers().first().hostKeyFingerprint.isEmpty());

        // Test → the host key dialog with the fixture's fingerprint, as `ssh` prints it.
        QSignalSpy finished(&page, &ServersPage::testFinished);
        qsizetype n = 0;
        const int authBefore = sshd.authRequestCount();
        const int closedBefore = closedConnections(sshd);
        auto* test = page.findChild<QPushButton*>(QStringLiteral("serversTest"));
        QVERIFY(test && test->isEnabled());
        n = finished.count();
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<HostKeyDialog>(&page), 20000);
        auto* dialog = visibleChild<HostKeyDialog>(&page);
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("hostKeyFingerprint"))->text(), sshd.hostKeyFingerprint());
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("hostKeyType"))->text().contains(QLatin1String("ED25519")));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("hostKeyExplanation"))
                    ->text()
                    .contains(QLatin1String("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub")));
        auto* trust = dialog->findChild<QPushButton*>(QStringLiteral("hostKeyTrust"));
        auto* cancel = dialog->findChild<QPushButton*>(QStringLiteral("hostKeyCancel"));
        QVERIFY(trust && cancel);
        QVERIFY2(!trust->isDefault(), "Enter must not trust a key");
        QVERIFY(cancel->isDefault());

        // Cancel: nothing recorded, and no login was ever attempted.
        cancel->click();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > n, 30000);
        QCOMPARE(finished.last().at(0).toBool(), false);
        QVERIFY(waitForClosedConnections(sshd, closedBefore + 1));
        QCOMPARE(sshd.authRequestCount(), authBefore);
        QVERIFY(!readAll(knownHosts).contains(sshd.hostKeyFingerprint().toUtf8()));
        QVERIFY(!readAll(knownHosts).contains(sshd.knownHostsLine().section(QLatin1Char(' '), 2).toUtf8()));
        reloadAndWait(page, loaded);
        QVERIFY(page.servers().first().hostKeyFingerprint.isEmpty());
        auto* message = page.findChild<QLabel*>(QStringLiteral("serversMessageText"));
        QVERIFY(message);
        QVERIFY2(message->text().contains(QLatin1String("Not trusted")), qPrintable(message->text()));

        // Trust: recorded in Certdeck's known_hosts and on the server row; the login works.
        n = finished.count();
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<HostKeyDialog>(&page), 20000);
        visibleChild<HostKeyDialog>(&page)->findChild<QPushButton*>(QStringLiteral("hostKeyTrust"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > n, 30000);
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(message->text()));
        QVERIFY2(message->text().contains(QStringLiteral("Connected to web1 as %1; host key trusted").arg(sshd.user())),
                 qPrintable(message->text()));
        QVERIFY(readAll(knownHosts).contains(sshd.knownHostsLine().section(QLatin1Char(' '), 2).toUtf8()));
        QVERIFY(sshd.authRequestCount() > authBefore);
        QTRY_COMPARE(page.servers().first().hostKeyFingerprint, sshd.hostKeyFingerprint());
        QTRY_COMPARE(table->item(0, 4)->text(), sshd.hostKeyFingerprint());

        // A second test goes straight through: the key is known now.
        n = finished.count();
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > n, 30000);
        QVERIFY(finished.last().at(0).toBool());
        QVERIFY(!visibleChild<HostKeyDialog>(&page));

        // The server presents another key: a red stop, no trust button, nothing recorded, no login.
        const QString oldFingerprint = sshd.hostKeyFingerprint();
        const QByteArray knownBefore = readAll(knownHosts);
        CERTDECK_REQUIRE(sshd.regenerateHostKey(&error), error);
        QVERIFY(sshd.hostKeyFingerprint() != oldFingerprint);
        const int authAfterTrust = sshd.authRequestCount();
        const int closedAfterTrust = closedConnections(sshd);
        n = finished.count();
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<HostKeyDialog>(&page), 20000);
        dialog = visibleChild<HostKeyDialog>(&page);
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("hostKeyFingerprint"))->text(), sshd.hostKeyFingerprint());
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("hostKeyRecordedFingerprint"))->text(), oldFingerprint);
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("hostKeyHeading"))->text().startsWith(QLatin1String("Stop")));
        QVERIFY2(!dialog->findChild<QPushButton*>(QStringLiteral("hostKeyTrust")), "a changed key offers no trust");
        auto* replace = dialog->findChild<QPushButton*>(QStringLiteral("hostKeyReplace"));
        QVERIFY(replace);
        QVERIFY2(!replace->isEnabled(), "replacing needs the explicit second confirmation");
        auto* close = dialog->findChild<QPushButton*>(QStringLiteral("hostKeyClose"));
        QVERIFY(close && close->isDefault());
        close->click();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > n, 30000);
        QCOMPARE(finished.last().at(0).toBool(), false);
        QVERIFY(waitForClosedConnections(sshd, closedAfterTrust + 1));
        QCOMPARE(sshd.authRequestCount(), authAfterTrust);
        QCOMPARE(readAll(knownHosts), knownBefore);
        reloadAndWait(page, loaded);
        QCOMPARE(page.servers().first().hostKeyFingerprint, oldFingerprint);
        QVERIFY2(message->text().contains(QLatin1String("nothing was trusted")), qPrintable(message->text()));

        // After checking on the console: tick, replace — the new key is recorded and the login works.
        n = finished.count();
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<HostKeyDialog>(&page), 20000);
        dialog = visibleChild<HostKeyDialog>(&page);
        dialog->findChild<QCheckBox*>(QStringLiteral("hostKeyConfirmChecked"))->setChecked(true);
        QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("hostKeyReplace"))->isEnabled());
        dialog->findChild<QPushButton*>(QStringLiteral("hostKeyReplace"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > n, 30000);
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(message->text()));
        QTRY_COMPARE(page.servers().first().hostKeyFingerprint, sshd.hostKeyFingerprint());
    }

    void passphraseGoesToTheKeychain() {
        test::KeyringFixture keyring;
        QString error;
        CERTDECK_REQUIRE(keyring.start(&error), error);
        test::SshdFixture sshd;
        CERTDECK_REQUIRE(sshd.start(&error), error);
        QTemporaryDir data;
        {
            store::StoreExecutor executor(data.path());
            ServersPage page(&executor);
            QSignalSpy loaded(&page, &ServersPage::serversLoaded);
            page.show();
            QTRY_VERIFY(loaded.count() > 0);
            page.addServer();
            QTRY_VERIFY(visibleChild<ServerDialog>(&page));
            fillServerDialog(visibleChild<ServerDialog>(&page), sshd, sshd.passphraseKeyPath(),
                             QString::fromUtf8(sshd.passphrase()));
            visibleChild<ServerDialog>(&page)->findChild<QPushButton*>(QStringLiteral("serverDialogOk"))->click();
            QTRY_COMPARE(page.servers().size(), 1);
            QCOMPARE(page.servers().first().authMethod, QStringLiteral("key"));

            QSignalSpy finished(&page, &ServersPage::testFinished);
            const auto n = finished.count();
            page.testServer(QStringLiteral("web1"));
            QTRY_VERIFY_WITH_TIMEOUT(visibleChild<HostKeyDialog>(&page), 20000);
            visibleChild<HostKeyDialog>(&page)->findChild<QPushButton*>(QStringLiteral("hostKeyTrust"))->click();
            QTRY_VERIFY_WITH_TIMEOUT(finished.count() > n, 30000);
            auto* message = page.findChild<QLabel*>(QStringLiteral("serversMessageText"));
            // The login needed the passphrase, which only the keychain had.
            QVERIFY2(finished.last().at(0).toBool(), qPrintable(message->text()));
        }
        for (const QString& f : QDir(data.path()).entryList({QStringLiteral("certdeck.sqlite*")}, QDir::Files))
            QVERIFY2(!readAll(QDir(data.path()).filePath(f)).contains(sshd.passphrase()), qPrintable(f));
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestServersPage)
#include "TestServersPage.moc"
