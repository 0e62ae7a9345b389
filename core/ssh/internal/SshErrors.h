// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Module-private: included by core/ssh only.
#include "core/common/Error.h"
#include "core/ssh/SshPtr.h"

#include <QString>

#include <chrono>

namespace certdeck::ssh::internal {

/// libssh's last error text for a session ("" when none).
QString lastError(ssh_session session);
/// A failed ssh_connect, told as what to check (refused, timeout, name not found, no common algorithm).
Error connectError(ssh_session session, const QString& where, std::chrono::milliseconds timeout);
/// A failure after connecting: the connection dropped, timed out, or the server misbehaved.
Error sessionError(ssh_session session, const QString& where, const QString& doing);

} // namespace certdeck::ssh::internal
