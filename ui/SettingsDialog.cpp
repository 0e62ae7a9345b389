// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSettings>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {
const QString kCa = QStringLiteral("general/defaultCa");
const QString kKey = QStringLiteral("general/keyType");
const QString kDays = QStringLiteral("notifications/daysBefore");
const QString kMinimised = QStringLiteral("general/startMinimised");
const QString kTray = QStringLiteral("general/keepInTray");
} // namespace

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    const QSettings settings;
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    m_ca = new QComboBox(this);
    m_ca->setObjectName(QStringLiteral("settingsCa"));
    m_ca->setAccessibleName(tr("Default certificate authority"));
    for (CaChoice c : {CaChoice::LetsEncrypt, CaChoice::LetsEncryptStaging, CaChoice::ZeroSsl,
                       CaChoice::GoogleTrustServices, CaChoice::Buypass, CaChoice::Sandbox})
        m_ca->addItem(IssuanceSettings::caName(c), static_cast<int>(c));
    m_ca->setCurrentIndex(std::max(0, m_ca->findData(static_cast<int>(defaultCa(settings)))));
    form->addRow(tr("Default &CA:"), m_ca);

    m_keyType = new QComboBox(this);
    m_keyType->setObjectName(QStringLiteral("settingsKeyType"));
    m_keyType->setAccessibleName(tr("Default key type"));
    for (auto k : {crypto::KeyType::P256, crypto::KeyType::P384, crypto::KeyType::Rsa2048, crypto::KeyType::Rsa3072,
                   crypto::KeyType::Rsa4096})
        m_keyType->addItem(IssuanceSettings::keyTypeLabel(k), crypto::keyTypeName(k));
    m_keyType->setCurrentIndex(std::max(0, m_keyType->findData(crypto::keyTypeName(defaultKeyType(settings)))));
    form->addRow(tr("Default &key type:"), m_keyType);

    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("settingsNotifyDays"));
    m_days->setAccessibleName(tr("Warn this many days before expiry"));
    m_days->setRange(1, 60);
    m_days->setSuffix(tr(" days before expiry"));
    m_days->setValue(notifyDaysBefore(settings));
    form->addRow(tr("&Warn me:"), m_days);

    const bool tray = QSystemTrayIcon::isSystemTrayAvailable();
    m_startMinimised = new QCheckBox(tr("Start minimised to the tray"), this);
    m_startMinimised->setObjectName(QStringLiteral("settingsStartMinimised"));
    m_startMinimised->setChecked(startMinimised(settings));
    m_keepInTray = new QCheckBox(tr("Keep running in the tray when the window is closed (renewals continue)"), this);
    m_keepInTray->setObjectName(QStringLiteral("settingsKeepInTray"));
    m_keepInTray->setChecked(keepInTray(settings));
    for (QCheckBox* c : {m_startMinimised, m_keepInTray}) {
        c->setEnabled(tray);
        if (!tray)
            c->setToolTip(tr("This desktop has no system tray."));
        form->addRow(QString(), c);
    }
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);
}

void SettingsDialog::accept() {
    QSettings settings;
    settings.setValue(kCa, m_ca->currentData().toInt());
    settings.setValue(kKey, m_keyType->currentData().toString());
    settings.setValue(kDays, m_days->value());
    settings.setValue(kMinimised, m_startMinimised->isChecked());
    settings.setValue(kTray, m_keepInTray->isChecked());
    QDialog::accept();
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
    return std::clamp(settings.value(kDays, 14).toInt(), 1, 60);
}

bool SettingsDialog::startMinimised(const QSettings& settings) {
    return settings.value(kMinimised, false).toBool();
}

bool SettingsDialog::keepInTray(const QSettings& settings) {
    return settings.value(kTray, false).toBool();
}

} // namespace certdeck::ui
