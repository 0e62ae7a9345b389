// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ssh/SshTarget.h"

#include <QDir>

namespace certdeck::ssh {

QString SshTarget::displayName() const {
    QString out = user.isEmpty() ? host : user + QLatin1Char('@') + host;
    if (port > 0 && port != 22)
        out += QLatin1Char(':') + QString::number(port);
    return out;
}

QString SshTarget::defaultUserKnownHostsFile() {
    return QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
}

} // namespace certdeck::ssh
