// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ssh/internal/SshErrors.h"

#include <QObject>

namespace certdeck::ssh::internal {

QString lastError(ssh_session session) {
    if (!session)
        return {};
    const char* text = ssh_get_error(session);
    return text ? QString::fromUtf8(text) : QString();
}

Error connectError(ssh_session session, const QString& where, std::chrono::milliseconds timeout) {
    const QString detail = lastError(session);
    const QString lower = detail.toLower();
    if (lower.contains(QLatin1String("refused")))
        return Error(ErrorCode::Network,
                     QObject::tr("Nothing accepts SSH connections at %1 (connection refused): check the host name "
                                 "and port, and that the SSH server is running.")
                         .arg(where),
                     detail);
    if (lower.contains(QLatin1String("timeout")) || lower.contains(QLatin1String("timed out")))
        return Error(ErrorCode::Timeout,
                     QObject::tr("%1 did not answer within %2 seconds: check the host name and port, and that no "
                                 "firewall blocks SSH.")
                         .arg(where)
                         .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count()),
                     detail);
    if (lower.contains(QLatin1String("resolve")) || lower.contains(QLatin1String("name or service")))
        return Error(ErrorCode::Network,
                     QObject::tr("The host name of %1 cannot be resolved: check its spelling and your DNS.").arg(where),
                     detail);
    if (lower.contains(QLatin1String("no match for method")) || lower.contains(QLatin1String("kex")))
        return Error(ErrorCode::Ssh,
                     QObject::tr("Certdeck and the SSH server at %1 have no encryption method in common: the server "
                                 "may be very old or restricted to algorithms Certdeck does not offer.")
                         .arg(where),
                     detail);
    if (lower.contains(QLatin1String("unreachable")))
        return Error(ErrorCode::Network,
                     QObject::tr("%1 cannot be reached from this computer: check the network.").arg(where), detail);
    return Error(ErrorCode::Network, QObject::tr("Cannot connect to %1 over SSH.").arg(where), detail);
}

Error sessionError(ssh_session session, const QString& where, const QString& doing) {
    const QString detail = lastError(session);
    if (session && !ssh_is_connected(session))
        return Error(ErrorCode::Network,
                     QObject::tr("The SSH connection to %1 was lost while %2: connect again.").arg(where, doing),
                     detail);
    if (detail.contains(QLatin1String("imeout")) || detail.contains(QLatin1String("timed out")))
        return Error(ErrorCode::Timeout, QObject::tr("%1 stopped answering while %2.").arg(where, doing), detail);
    return Error(ErrorCode::Ssh, QObject::tr("The SSH server at %1 failed while %2.").arg(where, doing), detail);
}

} // namespace certdeck::ssh::internal
