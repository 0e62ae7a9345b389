// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;
class QMenu;

namespace certdeck::ui {

/// The tray icon and desktop notifications. The icon (only when the desktop has a tray) shows the
/// status: any certificate in trouble turns it red. Notifications go to the freedesktop service
/// (org.freedesktop.Notifications over the session D-Bus, asynchronously — never blocking the GUI)
/// and fall back to a tray balloon when that service is missing or refuses.
class TrayNotifier : public QObject {
    Q_OBJECT
public:
    enum class Channel { None, DBus, Tray };
    Q_ENUM(Channel)

    explicit TrayNotifier(QObject* parent = nullptr);
    ~TrayNotifier() override;

    [[nodiscard]] bool isAvailable() const { return m_tray != nullptr; }
    /// `trouble`: certificates expired, expiring within 7 days or whose renewal failed.
    void setStatus(int total, int trouble);
    [[nodiscard]] bool isAlarmed() const { return m_trouble > 0; }
    [[nodiscard]] QString statusText() const;

    void notify(const QString& title, const QString& body);
    /// Where the last notification went (known once the D-Bus call answered).
    [[nodiscard]] Channel lastChannel() const { return m_lastChannel; }

Q_SIGNALS:
    void showWindowRequested();
    void addDomainRequested();
    /// A notification was delivered (or handed to the tray) through `channel`.
    void notified(certdeck::ui::TrayNotifier::Channel channel);

private:
    void fallback(const QString& title, const QString& body);
    void updateIcon();

    QSystemTrayIcon* m_tray = nullptr;
    QMenu* m_menu = nullptr;
    int m_total = 0;
    int m_trouble = 0;
    Channel m_lastChannel = Channel::None;
};

} // namespace certdeck::ui
