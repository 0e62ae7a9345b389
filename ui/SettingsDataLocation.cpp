// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SettingsDataLocation.h"

#include "core/workflow/UnattendedRenewal.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {
const QString kDataDir = QStringLiteral("general/dataDir");

QString clean(const QString& dir) {
    return dir.trimmed().isEmpty() ? QString() : QDir::cleanPath(QDir(dir.trimmed()).absolutePath());
}
} // namespace

QString SettingsDataLocation::storedDir(const QSettings& settings) {
    return clean(settings.value(kDataDir).toString());
}

QString SettingsDataLocation::defaultDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString SettingsDataLocation::resolve(const QString& flag, const QString& env, const QSettings& settings) {
    if (!flag.trimmed().isEmpty())
        return clean(flag);
    if (!env.trimmed().isEmpty())
        return clean(env);
    const QString chosen = storedDir(settings);
    return chosen.isEmpty() ? defaultDir() : chosen;
}

SettingsDataLocation::SettingsDataLocation(QString currentDir, QString unitDir, QWidget* parent)
    : QWidget(parent)
    , m_current(clean(currentDir))
    , m_unitDir(std::move(unitDir)) {
    setObjectName(QStringLiteral("settingsDataLocation"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    auto* currentRow = new QHBoxLayout;
    auto* current = new QLabel(QDir::toNativeSeparators(m_current), this);
    current->setObjectName(QStringLiteral("settingsDataDir"));
    current->setAccessibleName(tr("Data folder in use"));
    current->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    current->setWordWrap(true);
    auto* open = new QPushButton(tr("&Open folder"), this);
    open->setObjectName(QStringLiteral("settingsOpenDataDir"));
    open->setAccessibleName(tr("Open the data folder in the file manager"));
    connect(open, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_current)); });
    currentRow->addWidget(current, 1);
    currentRow->addWidget(open);
    form->addRow(tr("In use now:"), currentRow);

    auto* nextRow = new QHBoxLayout;
    m_next = new QLineEdit(this);
    m_next->setObjectName(QStringLiteral("settingsNextDataDir"));
    m_next->setAccessibleName(tr("Data folder from the next start"));
    m_next->setPlaceholderText(QDir::toNativeSeparators(defaultDir()) + tr(" (default)"));
    auto* choose = new QPushButton(tr("&Choose…"), this);
    choose->setObjectName(QStringLiteral("settingsChooseDataDir"));
    choose->setAccessibleName(tr("Choose the data folder for the next start"));
    auto* reset = new QPushButton(tr("De&fault"), this);
    reset->setObjectName(QStringLiteral("settingsDefaultDataDir"));
    reset->setAccessibleName(tr("Use the default data folder from the next start"));
    nextRow->addWidget(m_next, 1);
    nextRow->addWidget(choose);
    nextRow->addWidget(reset);
    form->addRow(tr("&From the next start:"), nextRow);
    layout->addLayout(form);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("settingsDataDirNote"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_note);
    layout->addStretch(1);

    connect(choose, &QPushButton::clicked, this, [this] {
        const QString start = chosenDir().isEmpty() ? m_current : chosenDir();
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Data folder"), start);
        if (!dir.isEmpty())
            setChosenDir(dir);
    });
    connect(reset, &QPushButton::clicked, this, [this] { setChosenDir(QString()); });
    connect(m_next, &QLineEdit::textChanged, this, &SettingsDataLocation::updateNote);
    const QSettings settings;
    setChosenDir(storedDir(settings));
    updateNote();
}

QString SettingsDataLocation::chosenDir() const {
    return clean(QDir::fromNativeSeparators(m_next->text()));
}

void SettingsDataLocation::setChosenDir(const QString& dir) {
    m_next->setText(QDir::toNativeSeparators(clean(dir)));
}

void SettingsDataLocation::save(QSettings& settings) const {
    const QString dir = chosenDir();
    if (dir.isEmpty() || dir == clean(defaultDir()))
        settings.remove(kDataDir);
    else
        settings.setValue(kDataDir, dir);
}

void SettingsDataLocation::updateNote() {
    const QString next = chosenDir().isEmpty() ? clean(defaultDir()) : chosenDir();
    QStringList lines;
    if (!qEnvironmentVariableIsEmpty("CERTDECK_DATA_DIR"))
        lines << tr("CERTDECK_DATA_DIR is set: it wins over this choice as long as it is.");
    if (next != m_current)
        lines << tr("Certdeck uses %1 from its next start. Nothing is moved: to keep your certificates, quit "
                    "Certdeck and copy the contents of %2 there first.")
                     .arg(QDir::toNativeSeparators(next), QDir::toNativeSeparators(m_current));
    else
        lines << tr("Certificates, keys, the database and the SSH known_hosts file live here. Secrets (passwords, "
                    "API tokens) are in your keychain, not in this folder.");
    // The timer's unit names its folder with --data-dir: it does not read this setting.
    const QString timerDir = clean(workflow::UnattendedRenewal::installedDataDir(m_unitDir));
    if (!timerDir.isEmpty() && timerDir != next)
        lines << tr("The unattended renewal timer renews the certificates in %1. After the restart, install it again "
                    "for the new folder: certdeck-cli --data-dir %2 install-timer")
                     .arg(QDir::toNativeSeparators(timerDir), QDir::toNativeSeparators(next));
    m_note->setText(lines.join(QLatin1Char('\n')));
}

} // namespace certdeck::ui
