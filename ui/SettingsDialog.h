// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/IssuanceSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QPushButton;
class QSettings;
class QSpinBox;
class QTabWidget;

namespace certdeck::store {
class StoreExecutor;
}

namespace certdeck::ui {

class MessageBar;
class NotifierListWidget;
class SettingsDataLocation;

/// Preferences, in tabs. General (QSettings, never secrets): default CA and key type for new
/// certificates, start minimised to the tray, keep running in the tray on close. Notifications: how many
/// days before expiry the first notice comes (settingsNotifyDays: kept in the store's settings,
/// SettingRepository::kFirstExpiryNoticeDays, so `certdeck-cli renew` on the timer obeys it too;
/// QSettings only when there is no store), and the stored notification targets (NotifierListWidget:
/// the store's notifiers, secrets in the keychain, shared with `certdeck-cli renew`). Data location
/// (SettingsDataLocation). Tabs: objectName settingsTabs; pages settingsGeneralTab,
/// settingsNotificationsTab, settingsDataTab.
/// The stored value is read when the dialog opens (storedSettingsLoaded() once it is shown); OK writes
/// it back through the StoreExecutor and closes once it is kept (an error stays in the dialog, in
/// settingsNotifyMessage).
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

    [[nodiscard]] bool isStoredSettingsLoaded() const { return m_loaded; }

    void accept() override;

    static CaChoice defaultCa(const QSettings& settings);
    static crypto::KeyType defaultKeyType(const QSettings& settings);
    static int notifyDaysBefore(const QSettings& settings);
    static bool startMinimised(const QSettings& settings);
    static bool keepInTray(const QSettings& settings);

Q_SIGNALS:
    /// The store's settings are shown (or could not be read: the error is in settingsNotifyMessage).
    void storedSettingsLoaded();

private:
    void loadStoredSettings();
    void finishAccept();

    QTabWidget* m_tabs = nullptr;
    NotifierListWidget* m_notifiers = nullptr;
    SettingsDataLocation* m_dataLocation = nullptr;
    QComboBox* m_ca = nullptr;
    QComboBox* m_keyType = nullptr;
    QSpinBox* m_days = nullptr;
    MessageBar* m_notifyMessage = nullptr;
    QWidget* m_notificationsTab = nullptr;
    QPushButton* m_ok = nullptr;
    store::StoreExecutor* m_store = nullptr;
    int m_storedDays = -1;     ///< in the store when it opened; -1: not set there (or not read yet)
    bool m_loaded = false;     ///< the store's value has been read
    bool m_daysEdited = false; ///< the user changed the days (a late store answer must not undo that)
    bool m_saving = false;
    QCheckBox* m_startMinimised = nullptr;
    QCheckBox* m_keepInTray = nullptr;
};

} // namespace certdeck::ui
