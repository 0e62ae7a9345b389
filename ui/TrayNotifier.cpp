// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TrayNotifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QIcon>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace certdeck::ui {

TrayNotifier::TrayNotifier(QObject* parent)
    : QObject(parent) {
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(this);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    m_menu = new QMenu;
    m_menu->addAction(tr("Show Certdeck"), this, &TrayNotifier::showWindowRequested);
    m_menu->addAction(tr("Add domain…"), this, &TrayNotifier::addDomainRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showWindowRequested();
    });
    updateIcon();
    m_tray->show();
}

TrayNotifier::~TrayNotifier() {
    delete m_menu;
}

QString TrayNotifier::statusText() const {
    if (m_total == 0)
        return tr("Certdeck: no certificates yet");
    if (m_trouble == 0)
        return tr("Certdeck: all %1 certificates fine").arg(m_total);
    return tr("Certdeck: %1 of %2 certificates need attention").arg(m_trouble).arg(m_total);
}

void TrayNotifier::setStatus(int total, int trouble) {
    m_total = total;
    m_trouble = trouble;
    updateIcon();
}

void TrayNotifier::updateIcon() {
    if (!m_tray)
        return;
    const QIcon base(QStringLiteral(":/icons/certdeck.svg"));
    if (m_trouble == 0) {
        m_tray->setIcon(base);
    } else {
        // The app icon with a red dot: noticeable at tray size without a second icon set.
        QIcon alarmed;
        for (int size : {16, 22, 24, 32, 48, 64}) {
            QPixmap pm = base.pixmap(size, size);
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(Qt::white, size / 16.0));
            p.setBrush(QColor(0xe0, 0x31, 0x31));
            const double d = size * 0.5;
            p.drawEllipse(QRectF(size - d - 0.5, size - d - 0.5, d, d));
            p.end();
            alarmed.addPixmap(pm);
        }
        m_tray->setIcon(alarmed);
    }
    m_tray->setToolTip(statusText());
}

void TrayNotifier::notify(const QString& title, const QString& body) {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        fallback(title, body);
        return;
    }
    // Desktop Notifications Specification 1.2: Notify(app_name, replaces_id, app_icon, summary, body,
    // actions, hints, expire_timeout).
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    call << QStringLiteral("Certdeck") << uint(0) << QStringLiteral("org.certdeck.Certdeck") << title << body
         << QStringList() << QVariantMap() << int(-1);
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, title, body] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            fallback(title, body);
            return;
        }
        m_lastChannel = Channel::DBus;
        Q_EMIT notified(Channel::DBus);
    });
}

void TrayNotifier::fallback(const QString& title, const QString& body) {
    if (m_tray && QSystemTrayIcon::supportsMessages()) {
        m_tray->showMessage(title, body, m_trouble > 0 ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
        m_lastChannel = Channel::Tray;
    } else {
        m_lastChannel = Channel::None; // nowhere to show it: the dashboard and status line still say it
    }
    Q_EMIT notified(m_lastChannel);
}

} // namespace certdeck::ui
