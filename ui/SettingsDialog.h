// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/IssuanceSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSettings;
class QSpinBox;
class QTabWidget;

namespace certdeck::store {
class StoreExecutor;
}

namespace certdeck::ui {

class NotifierListWidget;
class SettingsDataLocation;

/// Preferences, in tabs. General (QSettings, never secrets): default CA and key type for new
/// certificates, start minimised to the tray, keep running in the tray on close. Notifications: how many
/// days before expiry to warn, and the stored notification targets (NotifierListWidget: the store's
/// notifiers, secrets in the keychain, shared with `certdeck-cli renew`). Data location
/// (SettingsDataLocation). Tabs: objectName settingsTabs; pages settingsGeneralTab,
/// settingsNotificationsTab, settingsDataTab.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    /// Reads and writes notification targets through `store` (null: the targets cannot be edited).
    SettingsDialog(store::StoreExecutor* store, QWidget* parent);
    /// With the store of the MainWindow `parent` belongs to (none when there is no such window).
    explicit SettingsDialog(QWidget* parent = nullptr);

    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    [[nodiscard]] NotifierListWidget* notifiers() const { return m_notifiers; }
    [[nodiscard]] SettingsDataLocation* dataLocation() const { return m_dataLocation; }

    void accept() override;

    static CaChoice defaultCa(const QSettings& settings);
    static crypto::KeyType defaultKeyType(const QSettings& settings);
    static int notifyDaysBefore(const QSettings& settings);
    static bool startMinimised(const QSettings& settings);
    static bool keepInTray(const QSettings& settings);

private:
    QTabWidget* m_tabs = nullptr;
    NotifierListWidget* m_notifiers = nullptr;
    SettingsDataLocation* m_dataLocation = nullptr;
    QComboBox* m_ca = nullptr;
    QComboBox* m_keyType = nullptr;
    QSpinBox* m_days = nullptr;
    QCheckBox* m_startMinimised = nullptr;
    QCheckBox* m_keepInTray = nullptr;
};

} // namespace certdeck::ui
