// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Notifications against real servers: a webhook (the webhook receiver) and two e-mail
// targets (aiosmtpd with STARTTLS required; one logging in) added through the dialog are stored as
// `certdeck-cli notify add` stores them — the real certdeck-cli lists them — with the webhook URL and
// the SMTP password only in the keychain (a private gnome-keyring), never in a file of the data folder.
// "Send test" arrives at the webhook and in the mailbox; a target the server cannot serve (it offers no
// login) shows the plain error with Details…; Edit keeps the stored secret; Remove drops the row and
// its keychain entry. Offscreen; waits with QTRY_* and signal spies.
#include "core/store/Secrets.h"
#include "core/store/Store.h"
#include "core/store/StoreExecutor.h"
#include "tests/support/KeyringFixture.h"
#include "tests/support/SmtpFixture.h"
#include "tests/support/WebhookReceiverFixture.h"
#include "ui/MessageBar.h"
#include "ui/NotifierDialog.h"
#include "ui/NotifierListWidget.h"
#include "ui/Resources.h"
#include "ui/SettingsDialog.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QCoroTask>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace certdeck;
using certdeck::ui::NotifierDialog;
using certdeck::ui::NotifierListWidget;
using certdeck::ui::SettingsDialog;

namespace {

const QByteArray kPassword = QByteArrayLiteral("pw-Settings-9Qz4k");
const QString kHookPath = QStringLiteral("/hooks/secret-path-5Jd8");

template <typename T> T* visibleChild(QWidget* parent) {
    for (T* w : parent->findChildren<T*>())
        if (w->isVisible())
            return w;
    return nullptr;
}

void setText(QWidget* d, const char* objectName, const QString& text) {
    auto* edit = d->findChild<QLineEdit*>(QLatin1String(objectName));
    QVERIFY2(edit && edit->isVisible(), objectName);
    edit->setText(text);
}

void choose(QWidget* d, const char* objectName, const QString& data) {
    auto* combo = d->findChild<QComboBox*>(QLatin1String(objectName));
    QVERIFY2(combo, objectName);
    const int i = combo->findData(data);
    QVERIFY2(i >= 0, qPrintable(data));
    combo->setCurrentIndex(i);
}

QPushButton* button(QWidget* w, const char* objectName) {
    return w->findChild<QPushButton*>(QLatin1String(objectName));
}

QString messageText(QWidget* w) {
    auto* label = w->findChild<QLabel*>(QStringLiteral("notifiersMessageText"));
    return label ? label->text() : QString();
}

/// Files under `dir` whose bytes contain `needle`.
QStringList filesContaining(const QString& dir, const QByteArray& needle) {
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

/// Runs the real certdeck-cli (built beside the tests) with `args`; its exit code, output in `*out`.
int runCliBinary(const QStringList& args, QString* out) {
    const QString program = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/cli/certdeck-cli");
    if (!QFileInfo(program).isExecutable()) {
        *out = QStringLiteral("certdeck-cli is not built at ") + program + QStringLiteral(" (ninja certdeck-cli)");
        return -1;
    }
    QProcess p;
    p.start(program, args); // inherits DBUS_SESSION_BUS_ADDRESS: the private keyring
    // The event loop keeps running meanwhile: the webhook receiver serves from it.
    if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60000)) {
        p.kill();
        p.waitForFinished();
        *out = QStringLiteral("certdeck-cli did not finish");
        return -1;
    }
    *out = QString::fromUtf8(p.readAllStandardOutput());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestSettingsNotifications : public QObject {
    Q_OBJECT

    std::unique_ptr<test::KeyringFixture> m_keyring;
    test::WebhookReceiverFixture m_receiver;
    std::unique_ptr<test::SmtpFixture> m_smtp;

    /// Clicks Add, fills the dialog with `fill`, accepts it; true when the target was saved.
    template <typename F> bool addTarget(SettingsDialog& dialog, F fill) {
        NotifierListWidget* list = dialog.notifiers();
        QSignalSpy saved(list, &NotifierListWidget::saved);
        button(list, "notifiersAdd")->click();
        NotifierDialog* d = nullptr;
        if (!QTest::qWaitFor([&] { return (d = visibleChild<NotifierDialog>(list)) != nullptr; }, 10000))
            return false;
        fill(d);
        button(d, "notifierDialogOk")->click();
        if (!QTest::qWaitFor([&] { return saved.count() > 0; }, 30000))
            return false;
        return saved.last().at(0).toBool();
    }

    /// Selects `name` and clicks Send test; whether it was sent.
    bool sendTest(SettingsDialog& dialog, const QString& name) {
        NotifierListWidget* list = dialog.notifiers();
        QSignalSpy finished(list, &NotifierListWidget::testFinished);
        list->selectByName(name);
        if (list->selectedName() != name)
            return false;
        button(list, "notifiersTest")->click();
        if (!QTest::qWaitFor([&] { return finished.count() > 0; }, 60000))
            return false;
        return finished.last().at(0).toBool();
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CertdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("certdeck-settings-notify-test"));
        ui::initResources();
        QString error;
        m_keyring = std::make_unique<test::KeyringFixture>();
        CERTDECK_REQUIRE(m_keyring->start(&error), error);
        CERTDECK_REQUIRE(m_receiver.start(&error), error);
        m_smtp = std::make_unique<test::SmtpFixture>(true);
        CERTDECK_REQUIRE(m_smtp->start(&error), error);
    }
    void cleanupTestCase() {
        m_smtp.reset();
        m_keyring.reset();
        QSettings().clear();
    }

    void addTestListEditRemove() {
        QTemporaryDir data;
        store::StoreExecutor executor(data.path());
        SettingsDialog dialog(&executor, nullptr);
        QSignalSpy loaded(dialog.notifiers(), &NotifierListWidget::loaded);
        dialog.show();
        auto* tabs = dialog.findChild<QTabWidget*>(QStringLiteral("settingsTabs"));
        QVERIFY(tabs);
        tabs->setCurrentWidget(dialog.findChild<QWidget*>(QStringLiteral("settingsNotificationsTab")));
        QTRY_VERIFY(loaded.count() > 0);
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("notifiersTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(!button(&dialog, "notifiersTest")->isEnabled()); // nothing selected

        // A webhook: its URL (a credential for Slack/Discord) goes to the keychain.
        QVERIFY2(addTarget(dialog,
                           [this](NotifierDialog* d) {
                               choose(d, "notifierKind", QStringLiteral("webhook"));
                               setText(d, "notifierWebhookUrl", m_receiver.url(kHookPath).toString());
                               choose(d, "notifierWebhookFormat", QStringLiteral("json"));
                               setText(d, "notifierName", QStringLiteral("hook"));
                           }),
                 qPrintable(messageText(&dialog)));
        // E-mail through the STARTTLS-only server (its self-signed certificate trusted for this target).
        QVERIFY2(addTarget(dialog,
                           [this](NotifierDialog* d) {
                               setText(d, "notifierName", QStringLiteral("mail"));
                               choose(d, "notifierKind", QStringLiteral("smtp"));
                               setText(d, "notifierSmtpHost", QStringLiteral("127.0.0.1"));
                               d->findChild<QSpinBox*>(QStringLiteral("notifierSmtpPort"))->setValue(m_smtp->port());
                               choose(d, "notifierSmtpSecurity", QStringLiteral("starttls"));
                               setText(d, "notifierSmtpFrom", QStringLiteral("certdeck@example.test"));
                               setText(d, "notifierSmtpTo", QStringLiteral("admin@example.test"));
                               setText(d, "notifierSmtpCaFile", m_smtp->certificateFile());
                           }),
                 qPrintable(messageText(&dialog)));
        // E-mail that logs in: the password goes to the keychain only.
        QVERIFY2(addTarget(dialog,
                           [this](NotifierDialog* d) {
                               setText(d, "notifierName", QStringLiteral("authmail"));
                               choose(d, "notifierKind", QStringLiteral("smtp"));
                               setText(d, "notifierSmtpHost", QStringLiteral("127.0.0.1"));
                               d->findChild<QSpinBox*>(QStringLiteral("notifierSmtpPort"))->setValue(m_smtp->port());
                               setText(d, "notifierSmtpFrom", QStringLiteral("certdeck@example.test"));
                               setText(d, "notifierSmtpTo", QStringLiteral("admin@example.test"));
                               setText(d, "notifierSmtpUser", QStringLiteral("alice"));
                               setText(d, "notifierSmtpPassword", QString::fromUtf8(kPassword));
                               setText(d, "notifierSmtpCaFile", m_smtp->certificateFile());
                           }),
                 qPrintable(messageText(&dialog)));
        QTRY_COMPARE(table->rowCount(), 3);

        // A second target of the same name is refused, nothing changes.
        QVERIFY(!addTarget(dialog, [](NotifierDialog* d) {
            setText(d, "notifierName", QStringLiteral("hook"));
            setText(d, "notifierWebhookUrl", QStringLiteral("https://ntfy.example.test/other"));
        }));
        QVERIFY2(messageText(&dialog).contains(QLatin1String("already")), qPrintable(messageText(&dialog)));

        // Send test arrives at the webhook and in the mailbox.
        const qsizetype hooksBefore = m_receiver.requests().size();
        QVERIFY2(sendTest(dialog, QStringLiteral("hook")), qPrintable(messageText(&dialog)));
        QTRY_COMPARE(m_receiver.requests().size(), hooksBefore + 1);
        QCOMPARE(m_receiver.requests().last().path, kHookPath.toUtf8());
        const QJsonObject note = QJsonDocument::fromJson(m_receiver.requests().last().body).object();
        QCOMPARE(note.value(QStringLiteral("certificate")).toString(), QStringLiteral("certdeck-test"));
        QVERIFY2(messageText(&dialog).startsWith(QLatin1String("Sent")), qPrintable(messageText(&dialog)));

        const qsizetype mailsBefore = m_smtp->messages().size();
        QVERIFY2(sendTest(dialog, QStringLiteral("mail")), qPrintable(messageText(&dialog)));
        QTRY_COMPARE(m_smtp->messages().size(), mailsBefore + 1);
        QVERIFY(m_smtp->messages().last().contains("admin@example.test"));

        // The test server offers no login: a plain message, the server's answer behind Details….
        QVERIFY(!sendTest(dialog, QStringLiteral("authmail")));
        auto* message = dialog.findChild<ui::MessageBar*>(QStringLiteral("notifiersMessage"));
        QVERIFY(message);
        QCOMPARE(message->kind(), ui::MessageBar::Kind::Error);
        QVERIFY(!message->text().isEmpty());
        QCOMPARE(m_smtp->messages().size(), mailsBefore + 1);

        // The real CLI sees the same targets (what `certdeck-cli renew` on the timer sends to).
        QString out;
        const int code = runCliBinary({QStringLiteral("--data-dir"), data.path(), QStringLiteral("--json"),
                                       QStringLiteral("notify"), QStringLiteral("list")},
                                      &out);
        QVERIFY2(code == 0, qPrintable(out));
        const QJsonArray all =
            QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("notifiers")).toArray();
        QStringList names;
        for (const QJsonValue& v : all)
            names << v.toObject().value(QStringLiteral("name")).toString();
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("authmail"), QStringLiteral("hook"), QStringLiteral("mail")}));
        for (const QJsonValue& v : all) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("name")).toString() == QLatin1String("authmail")) {
                QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("smtp"));
                QCOMPARE(o.value(QStringLiteral("settings")).toObject().value(QStringLiteral("user")).toString(),
                         QStringLiteral("alice"));
                QCOMPARE(o.value(QStringLiteral("settings")).toObject().value(QStringLiteral("security")).toString(),
                         QStringLiteral("starttls"));
            }
        }
        // And its `notify test` sends through the webhook the app stored (URL read from the keychain).
        const qsizetype hooksBeforeCli = m_receiver.requests().size();
        QVERIFY2(runCliBinary({QStringLiteral("--data-dir"), data.path(), QStringLiteral("notify"),
                               QStringLiteral("test"), QStringLiteral("hook")},
                              &out) == 0,
                 qPrintable(out));
        QTRY_COMPARE(m_receiver.requests().size(), hooksBeforeCli + 1);

        // Secrets only in the keychain: neither the password nor the webhook's secret path in any file of
        // the data folder (SQLite, its WAL, everything else).
        QCOMPARE(filesContaining(data.path(), kPassword), QStringList());
        QCOMPARE(filesContaining(data.path(), kHookPath.toUtf8()), QStringList());
        {
            const store::Secrets keychain = store::Secrets::keychain();
            auto pw = QCoro::waitFor(keychain.read(QStringLiteral("notify/authmail")));
            QVERIFY(pw);
            QCOMPARE(pw->bytes(), kPassword);
        }

        // Edit without retyping the URL: the format changes, the stored URL stays and still works.
        {
            NotifierListWidget* list = dialog.notifiers();
            QSignalSpy saved(list, &NotifierListWidget::saved);
            list->selectByName(QStringLiteral("hook"));
            button(list, "notifiersEdit")->click();
            NotifierDialog* d = nullptr;
            QTRY_VERIFY((d = visibleChild<NotifierDialog>(list)) != nullptr);
            QVERIFY(d->findChild<QLineEdit*>(QStringLiteral("notifierWebhookUrl"))->text().isEmpty());
            choose(d, "notifierWebhookFormat", QStringLiteral("slack"));
            button(d, "notifierDialogOk")->click();
            QTRY_VERIFY(saved.count() > 0);
            QVERIFY2(saved.last().at(0).toBool(), qPrintable(messageText(&dialog)));
            const qsizetype before = m_receiver.requests().size();
            QVERIFY2(sendTest(dialog, QStringLiteral("hook")), qPrintable(messageText(&dialog)));
            QTRY_COMPARE(m_receiver.requests().size(), before + 1);
            QCOMPARE(m_receiver.requests().last().path, kHookPath.toUtf8());
            // Slack's shape now (a "text" field), not the generic JSON.
            QVERIFY(
                QJsonDocument::fromJson(m_receiver.requests().last().body).object().contains(QStringLiteral("text")));
        }

        // Remove (confirmed): the row and the keychain entry go.
        {
            NotifierListWidget* list = dialog.notifiers();
            QSignalSpy saved(list, &NotifierListWidget::saved);
            list->selectByName(QStringLiteral("authmail"));
            button(list, "notifiersRemove")->click();
            QMessageBox* box = nullptr;
            QTRY_VERIFY((box = visibleChild<QMessageBox>(list)) != nullptr);
            QCOMPARE(box->objectName(), QStringLiteral("notifiersRemoveConfirm"));
            box->findChild<QPushButton*>(QStringLiteral("notifiersRemoveConfirmYes"))->click();
            QTRY_VERIFY(saved.count() > 0);
            QVERIFY(saved.last().at(0).toBool());
            QTRY_COMPARE(table->rowCount(), 2);
            const store::Secrets keychain = store::Secrets::keychain();
            auto pw = QCoro::waitFor(keychain.read(QStringLiteral("notify/authmail")));
            QVERIFY(!pw);
            QCOMPARE(pw.error().code, ErrorCode::NotFound);
        }
    }

    void dialogRefusesIncompleteTargets() {
        NotifierDialog d(std::nullopt);
        d.show();
        setText(&d, "notifierName", QStringLiteral("x"));
        setText(&d, "notifierWebhookUrl", QStringLiteral("ftp://example.test/x"));
        button(&d, "notifierDialogOk")->click();
        QVERIFY(d.isVisible());
        auto* problem = d.findChild<QLabel*>(QStringLiteral("notifierDialogError"));
        QVERIFY(problem && problem->isVisible());
        QVERIFY(problem->text().contains(QLatin1String("https://")));
        choose(&d, "notifierKind", QStringLiteral("smtp"));
        setText(&d, "notifierSmtpHost", QStringLiteral("smtp.example.test"));
        setText(&d, "notifierSmtpFrom", QStringLiteral("me@example.test"));
        setText(&d, "notifierSmtpTo", QStringLiteral("you@example.test"));
        setText(&d, "notifierSmtpUser", QStringLiteral("me"));
        button(&d, "notifierDialogOk")->click();
        QVERIFY(d.isVisible());
        QVERIFY(problem->text().contains(QLatin1String("password")));
        setText(&d, "notifierSmtpPassword", QStringLiteral("pw"));
        button(&d, "notifierDialogOk")->click();
        QVERIFY(!d.isVisible());
        QCOMPARE(d.record().settings.value(QStringLiteral("user")).toString(), QStringLiteral("me"));
        QVERIFY(!d.record().settings.contains(QStringLiteral("password")));
        QVERIFY(d.secret().has_value());
    }
};

QTEST_MAIN(TestSettingsNotifications)
#include "TestSettingsNotifications.moc"
