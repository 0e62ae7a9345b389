// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/IssuanceSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSettings;
class QSpinBox;

namespace certdeck::ui {

/// Preferences kept in QSettings (never secrets): default CA and key type for new certificates, how
/// many days before expiry to warn, start minimised to the tray, keep running in the tray on close.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    void accept() override;

    static CaChoice defaultCa(const QSettings& settings);
    static crypto::KeyType defaultKeyType(const QSettings& settings);
    static int notifyDaysBefore(const QSettings& settings);
    static bool startMinimised(const QSettings& settings);
    static bool keepInTray(const QSettings& settings);

private:
    QComboBox* m_ca = nullptr;
    QComboBox* m_keyType = nullptr;
    QSpinBox* m_days = nullptr;
    QCheckBox* m_startMinimised = nullptr;
    QCheckBox* m_keepInTray = nullptr;
};

} // namespace certdeck::ui
