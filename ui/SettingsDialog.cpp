// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SettingsDialog.h"

#include "core/schedule/RenewalPlanner.h"
#include "core/store/StoreExecutor.h"
#include "core/workflow/AccountFiles.h"
#include "ui/MainWindow.h"
#include "ui/MessageBar.h"
#include "ui/NotifierListWidget.h"
#include "ui/SettingsDataLocation.h"
#include "ui/StoreCall.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {
const QString kCa = QStringLiteral("general/defaultCa");
const QString kKey = QStringLiteral("general/keyType");
const QString kDays = QStringLiteral("notifications/daysBefore");
const QString kMinimised = QStringLiteral("general/startMinimised");
const QString kTray = QStringLiteral("general/keepInTray");
} // namespace

namespace {
store::StoreExecutor* storeOfWindow(QWidget* w) {
    for (; w; w = w->parentWidget())
        if (auto* main = qobject_cast<MainWindow*>(w))
            return main->store();
    return nullptr;
}
} // namespace

SettingsDialog::SettingsDialog(QWidget* parent)
    : SettingsDialog(storeOfWindow(parent), parent) {}

SettingsDialog::SettingsDialog(store::StoreExecutor* store, QWidget* parent)
    : QDialog(parent)
    , m_store(store) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    const QSettings settings;
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    layout->addWidget(m_tabs);

    auto* general = new QWidget(m_tabs);
    general->setObjectName(QStringLiteral("settingsGeneralTab"));
    auto* form = new QFormLayout(general);

    m_ca = new QComboBox(general);
    m_ca->setObjectName(QStringLiteral("settingsCa"));
    m_ca->setAccessibleName(tr("Default certificate authority"));
    for (CaChoice c : {CaChoice::LetsEncrypt, CaChoice::LetsEncryptStaging, CaChoice::ZeroSsl,
                       CaChoice::GoogleTrustServices, CaChoice::Buypass, CaChoice::Sandbox})
        m_ca->addItem(IssuanceSettings::caName(c), static_cast<int>(c));
    m_ca->setCurrentIndex(std::max(0, m_ca->findData(static_cast<int>(defaultCa(settings)))));
    form->addRow(tr("Default &CA:"), m_ca);

    m_keyType = new QComboBox(general);
    m_keyType->setObjectName(QStringLiteral("settingsKeyType"));
    m_keyType->setAccessibleName(tr("Default key type"));
    for (auto k : {crypto::KeyType::P256, crypto::KeyType::P384, crypto::KeyType::Rsa2048, crypto::KeyType::Rsa3072,
                   crypto::KeyType::Rsa4096})
        m_keyType->addItem(IssuanceSettings::keyTypeLabel(k), crypto::keyTypeName(k));
    m_keyType->setCurrentIndex(std::max(0, m_keyType->findData(crypto::keyTypeName(defaultKeyType(settings)))));
    form->addRow(tr("Default &key type:"), m_keyType);

    const bool tray = QSystemTrayIcon::isSystemTrayAvailable();
    m_startMinimised = new QCheckBox(tr("Start minimised to the tray"), general);
    m_startMinimised->setObjectName(QStringLiteral("settingsStartMinimised"));
    m_startMinimised->setChecked(startMinimised(settings));
    m_keepInTray = new QCheckBox(tr("Keep running in the tray when the window is closed (renewals continue)"), general);
    m_keepInTray->setObjectName(QStringLiteral("settingsKeepInTray"));
    m_keepInTray->setChecked(keepInTray(settings));
    for (QCheckBox* c : {m_startMinimised, m_keepInTray}) {
        c->setEnabled(tray);
        if (!tray)
            c->setToolTip(tr("This desktop has no system tray."));
        form->addRow(QString(), c);
    }
    m_tabs->addTab(general, tr("&General"));

    auto* notifications = new QWidget(m_tabs);
    m_notificationsTab = notifications;
    notifications->setObjectName(QStringLiteral("settingsNotificationsTab"));
    auto* notifyLayout = new QVBoxLayout(notifications);
    auto* notifyForm = new QFormLayout;
    m_days = new QSpinBox(notifications);
    m_days->setObjectName(QStringLiteral("settingsNotifyDays"));
    m_days->setAccessibleName(tr("First expiry notice, days before expiry"));
    m_days->setRange(1, schedule::RenewalPlanner::kMaxFirstNoticeDays);
    m_days->setSuffix(tr(" days before expiry"));
    // Until the store answers (or when there is none): what this desktop chose last.
    m_days->setValue(notifyDaysBefore(settings));
    connect(m_days, &QSpinBox::valueChanged, this, [this] { m_daysEdited = true; });
    notifyForm->addRow(tr("&Warn me:"), m_days);
    auto* daysNote = new QLabel(
        store ? tr("The first notice; then 14, 7, 3 and 1 days before expiry. The unattended renewal timer "
                   "(certdeck-cli renew) uses this too.")
              : tr("The first notice; then 14, 7, 3 and 1 days before expiry. There is no data folder, so this "
                   "stays on this desktop; set the renewal timer's with certdeck-cli notify settings "
                   "--warn-days."),
        notifications);
    daysNote->setObjectName(QStringLiteral("settingsNotifyDaysNote"));
    daysNote->setWordWrap(true);
    notifyForm->addRow(QString(), daysNote);
    notifyLayout->addLayout(notifyForm);
    m_notifyMessage = new MessageBar(QStringLiteral("settingsNotifyMessage"), notifications);
    notifyLayout->addWidget(m_notifyMessage);
    auto* targetsText = new QLabel(tr("Besides the desktop, renewal notices (renewed, failed, expiring, a server "
                                      "serving another certificate) go to these targets — also from the "
                                      "unattended renewal timer:"),
                                   notifications);
    targetsText->setWordWrap(true);
    notifyLayout->addWidget(targetsText);
    m_notifiers = new NotifierListWidget(store, notifications);
    notifyLayout->addWidget(m_notifiers, 1);
    m_tabs->addTab(notifications, tr("&Notifications"));

    m_dataLocation = new SettingsDataLocation(store ? store->dataDir() : workflow::AccountFiles::defaultDataDir(),
                                              QString(), m_tabs);
    m_dataLocation->setObjectName(QStringLiteral("settingsDataTab"));
    m_tabs->addTab(m_dataLocation, tr("&Data location"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("settingsOk"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("settingsCancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(640);
    loadStoredSettings();
}

void SettingsDialog::loadStoredSettings() {
    if (!m_store) {
        m_loaded = true;
        return;
    }
    auto job = m_store->run([](store::Store& s) {
        return s.settings().value(QString::fromLatin1(store::SettingRepository::kFirstExpiryNoticeDays));
    });
    whenReady(job, this, [this](const Result<QString>& r) {
        m_loaded = true;
        if (!r) {
            m_notifyMessage->showError(r.error());
            Q_EMIT storedSettingsLoaded();
            return;
        }
        bool numeric = false;
        const int stored = r->toInt(&numeric);
        // Not set in the store yet: the value shown (this desktop's earlier choice) is stored on OK.
        m_storedDays = numeric ? std::clamp(stored, 1, schedule::RenewalPlanner::kMaxFirstNoticeDays) : -1;
        if (numeric && !m_daysEdited) {
            const QSignalBlocker quiet(m_days);
            m_days->setValue(m_storedDays);
        }
        Q_EMIT storedSettingsLoaded();
    });
}

void SettingsDialog::accept() {
    if (m_saving)
        return;
    QSettings settings;
    settings.setValue(kCa, m_ca->currentData().toInt());
    settings.setValue(kKey, m_keyType->currentData().toString());
    settings.setValue(kDays, m_days->value());
    settings.setValue(kMinimised, m_startMinimised->isChecked());
    settings.setValue(kTray, m_keepInTray->isChecked());
    m_dataLocation->save(settings);
    // The store's value is what renewals obey. It is written when the user changed it, or when the store
    // had none yet; OK pressed before the store answered, untouched, leaves the store as it is.
    const int days = m_days->value();
    if (!m_store || !(m_daysEdited || (m_loaded && days != m_storedDays))) {
        QDialog::accept();
        return;
    }
    m_saving = true;
    m_ok->setEnabled(false);
    m_notifyMessage->clear();
    const QString value = QString::number(days);
    auto job = m_store->run([value](store::Store& s) {
        return s.settings().setValue(QString::fromLatin1(store::SettingRepository::kFirstExpiryNoticeDays), value);
    });
    whenReady(job, this, [this, days](const Status& written) {
        m_saving = false;
        m_ok->setEnabled(true);
        if (!written) {
            m_tabs->setCurrentWidget(m_notificationsTab);
            m_notifyMessage->showError(written.error());
            return;
        }
        m_storedDays = days;
        m_daysEdited = false;
        QDialog::accept();
    });
}

CaChoice SettingsDialog::defaultCa(const QSettings& settings) {
    const int v = settings.value(kCa, static_cast<int>(CaChoice::LetsEncrypt)).toInt();
    if (v < 0 || v > static_cast<int>(CaChoice::Sandbox))
        return CaChoice::LetsEncrypt;
    return static_cast<CaChoice>(v);
}

crypto::KeyType SettingsDialog::defaultKeyType(const QSettings& settings) {
    return crypto::parseKeyType(settings.value(kKey).toString()).value_or(crypto::KeyType::P256);
}

int SettingsDialog::notifyDaysBefore(const QSettings& settings) {
    return std::clamp(settings.value(kDays, schedule::RenewalPlanner::kDefaultFirstNoticeDays).toInt(), 1,
                      schedule::RenewalPlanner::kMaxFirstNoticeDays);
}

bool SettingsDialog::startMinimised(const QSettings& settings) {
    return settings.value(kMinimised, false).toBool();
}

bool SettingsDialog::keepInTray(const QSettings& settings) {
    return settings.value(kTray, false).toBool();
}

} // namespace certdeck::ui
