// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/ServerProcess.h"

#include <QByteArray>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace certdeck::test {

/// A private Secret Service for QtKeychain tests (PLATFORM-NOTES "QtKeychain in tests"): its own
/// dbus-daemon (session bus on a socket in a temporary folder, with its own configuration) and
/// gnome-keyring-daemon with only the secrets component, unlocked, inside it. start() points this
/// process's DBUS_SESSION_BUS_ADDRESS at it (restored by the destructor), so QtKeychain/libsecret in
/// the test talk to it and never to the user's real keyring.
class KeyringFixture {
public:
    KeyringFixture();
    ~KeyringFixture();

    /// False + error when a binary is missing (dbus-daemon: package dbus-daemon; gnome-keyring-daemon:
    /// gnome-keyring) or the service does not come up.
    bool start(QString* error);
    void stop();

    [[nodiscard]] QString busAddress() const { return m_address; }
    /// The folder gnome-keyring keeps its keyring files in (to grep for secrets).
    [[nodiscard]] QString keyringDir() const { return m_dir.filePath(QStringLiteral("home")); }

private:
    bool nameHasOwner(const QString& name) const;

    QTemporaryDir m_dir;
    QString m_address;
    QByteArray m_previousAddress;
    bool m_hadPrevious = false;
    bool m_exported = false;
    std::unique_ptr<ServerProcess> m_bus;
    std::unique_ptr<QProcess> m_keyring;
};

} // namespace certdeck::test
