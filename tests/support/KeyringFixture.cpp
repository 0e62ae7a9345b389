// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/KeyringFixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

namespace certdeck::test {

using namespace std::chrono_literals;

KeyringFixture::KeyringFixture() = default;

KeyringFixture::~KeyringFixture() {
    stop();
}

bool KeyringFixture::start(QString* error) {
    const QString dbus = findBinary(QStringLiteral("dbus-daemon"), QStringLiteral("dbus-daemon"), error);
    if (dbus.isEmpty())
        return false;
    const QString keyring = findBinary(QStringLiteral("gnome-keyring-daemon"), QStringLiteral("gnome-keyring"), error);
    if (keyring.isEmpty())
        return false;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    const QString home = m_dir.filePath(QStringLiteral("home"));
    const QString run = m_dir.filePath(QStringLiteral("run"));
    QDir().mkpath(home);
    QDir().mkpath(run);
    QFile::setPermissions(run, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString socket = m_dir.filePath(QStringLiteral("bus"));
    m_address = QStringLiteral("unix:path=") + socket;

    // A minimal session bus: anyone (only this user can reach the socket) may own and call anything.
    QFile conf(m_dir.filePath(QStringLiteral("bus.conf")));
    if (!conf.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write bus.conf");
        return false;
    }
    conf.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
               "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n<busconfig>\n<type>session</type>\n");
    conf.write("<listen>" + m_address.toUtf8() + "</listen>\n<auth>EXTERNAL</auth>\n");
    conf.write("<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
               "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy>\n</busconfig>\n");
    conf.close();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), run);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);

    m_bus = std::make_unique<ServerProcess>(QStringLiteral("dbus-daemon"), m_dir.filePath(QStringLiteral("dbus.log")));
    if (!m_bus->start(dbus,
                      {QStringLiteral("--config-file=") + conf.fileName(), QStringLiteral("--nofork"),
                       QStringLiteral("--nopidfile")},
                      env, error))
        return false;
    // The socket appears once the daemon listens.
    QDeadlineTimer busUp(10s);
    while (!QFile::exists(socket)) {
        if (busUp.hasExpired() || !m_bus->isRunning()) {
            *error = QStringLiteral("dbus-daemon did not start: ") + m_bus->log();
            return false;
        }
        QThread::msleep(20);
    }

    // --unlock reads the password from stdin (PLATFORM-NOTES); with it gnome-keyring creates and unlocks
    // a fresh login keyring in the private HOME. ServerProcess gives a server no stdin, so this one is
    // a QProcess of our own, stopped by its own PID and killed with us (PR_SET_PDEATHSIG).
    m_keyring = std::make_unique<QProcess>();
    m_keyring->setProcessEnvironment(env);
    m_keyring->setProcessChannelMode(QProcess::MergedChannels);
    m_keyring->setStandardOutputFile(m_dir.filePath(QStringLiteral("keyring.log")));
    m_keyring->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_keyring->start(
        keyring, {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
    if (!m_keyring->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start gnome-keyring-daemon: ") + m_keyring->errorString();
        return false;
    }
    m_keyring->write("test-keyring-password");
    m_keyring->waitForBytesWritten(5000); // no event loop runs here to flush it
    m_keyring->closeWriteChannel();
    QDeadlineTimer keyringUp(20s);
    while (!nameHasOwner(QStringLiteral("org.freedesktop.secrets"))) {
        if (keyringUp.hasExpired() || m_keyring->state() != QProcess::Running) {
            QFile log(m_dir.filePath(QStringLiteral("keyring.log")));
            log.open(QIODevice::ReadOnly);
            *error = QStringLiteral("gnome-keyring-daemon did not register the Secret Service: ") +
                     QString::fromLocal8Bit(log.readAll());
            return false;
        }
        QThread::msleep(50);
    }

    m_hadPrevious = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
    m_previousAddress = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    m_exported = true;
    return true;
}

bool KeyringFixture::nameHasOwner(const QString& name) const {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("dbus-send"),
            {QStringLiteral("--session"), QStringLiteral("--print-reply"),
             QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
             QStringLiteral("org.freedesktop.DBus.NameHasOwner"), QStringLiteral("string:") + name});
    if (!p.waitForFinished(5000))
        return false;
    return p.readAllStandardOutput().contains("boolean true");
}

void KeyringFixture::stop() {
    if (m_exported) {
        if (m_hadPrevious)
            qputenv("DBUS_SESSION_BUS_ADDRESS", m_previousAddress);
        else
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        m_exported = false;
    }
    if (m_keyring && m_keyring->state() != QProcess::NotRunning) {
        m_keyring->terminate();
        if (!m_keyring->waitForFinished(5000)) {
            m_keyring->kill();
            m_keyring->waitForFinished(5000);
        }
    }
    if (m_bus)
        m_bus->stop();
}

} // namespace certdeck::test
