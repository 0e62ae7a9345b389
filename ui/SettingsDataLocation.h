// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;

namespace certdeck::ui {

/// Settings → Data location: the folder this session uses (with "Open folder"), and the folder to use
/// from the next start (QSettings "general/dataDir"; empty: the default). Says that nothing is moved,
/// when --data-dir / CERTDECK_DATA_DIR overrides the setting, and when the installed unattended-renewal
/// timer renews another folder than the chosen one. Child objectNames: settingsDataDir (label),
/// settingsOpenDataDir, settingsNextDataDir (line edit), settingsChooseDataDir, settingsDefaultDataDir,
/// settingsDataDirNote.
class SettingsDataLocation : public QWidget {
    Q_OBJECT
public:
    /// `currentDir`: the folder this session uses; `unitDir`: where the timer's units are looked for
    /// (empty: UnattendedRenewal::defaultUnitDir()).
    SettingsDataLocation(QString currentDir, QString unitDir = {}, QWidget* parent = nullptr);

    /// The folder chosen for the next start (empty: the default).
    [[nodiscard]] QString chosenDir() const;
    void setChosenDir(const QString& dir);
    /// Writes the choice to `settings`.
    void save(QSettings& settings) const;

    /// The folder chosen in Settings (empty: none chosen).
    static QString storedDir(const QSettings& settings);
    /// Which folder the app uses: `flag` (--data-dir) wins, then `env` (CERTDECK_DATA_DIR), then the
    /// folder chosen in Settings, then AccountFiles' default. The CLI has no setting: the timer's unit
    /// names the folder with --data-dir.
    static QString resolve(const QString& flag, const QString& env, const QSettings& settings);
    /// The default folder, as the CLI finds it without --data-dir or CERTDECK_DATA_DIR.
    static QString defaultDir();

private:
    void updateNote();

    QString m_current;
    QString m_unitDir;
    QLineEdit* m_next = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace certdeck::ui
