// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Error.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace certdeck::deploy {

/// How one deployment to one server went. `deployed` alone means success; otherwise `error` says
/// what failed and the rollback fields what was done about it.
struct DeployResult {
    QString target; ///< DeployTarget::displayName()
    bool deployed = false;
    /// The new files were put in place, then a later step failed and the previous files were put
    /// back (or removed where there were none).
    bool rolledBack = false;
    /// After the rollback the previously served certificate is served again (checked by TLS).
    bool rollbackVerified = false;
    /// Nothing on the server was replaced (failed before the first rename): the old files are there.
    bool untouched = true;
    std::optional<Error> error;
    std::optional<Error> rollbackError;
    /// SHA-256 fingerprints ("AB:CD:...") served before and after; empty when not checked.
    QString previousFingerprint;
    QString servedFingerprint;
    /// What was done, in order, in words (for the report and the event log).
    QStringList steps;
    /// SSH handshakes this deployment made (0 when it was given a connected session).
    int handshakes = 0;
    /// Wall time of the SSH connection set-up and of the whole deployment, in milliseconds.
    qint64 connectMs = 0;
    qint64 totalMs = 0;
};

} // namespace certdeck::deploy
