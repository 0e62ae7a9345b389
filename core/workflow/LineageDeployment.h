// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Progress.h"
#include "core/deploy/DeployResult.h"
#include "core/deploy/DeployTarget.h"
#include "core/store/ServerRepository.h"

#include <QCoroTask>
#include <QJsonObject>
#include <QList>

namespace certdeck::workflow {

struct RenewalEnvironment;

/// The SSH endpoint a stored server describes. Host keys are checked against Certdeck's own
/// `<dataDir>/known_hosts` (where `server trust` records the key the user confirmed) and the user's
/// ~/.ssh/known_hosts; an unknown or changed key refuses the connection.
ssh::SshTarget sshTargetFor(const store::ServerRecord& server, const QString& dataDir);

/// A deploy target as kept in Lineage::deployTargets:
///   {"name": "web1-nginx", "server": "web1", "preset": "nginx", "directory": "/etc/ssl/site",
///    "configTest": [...], "reload": [...], "owner": "", "group": "", "sudo": false, "verify": true,
///    "verifyHost": "", "verifyPort": 443, "serverName": "", "verifyStartTls": "smtp", "files": [{"content":
///    "fullchain", "path": "/abs", "mode": 420}]}
/// Everything but "server" and "preset" is optional (the preset fills it in). Validated
/// (DeployTarget::validate) so a stored entry cannot name a relative path or an empty argv entry.
Result<deploy::DeployTarget> deployTargetFromJson(const QJsonObject& entry, const ssh::SshTarget& server);
/// The stored entry's name ("name", else "<server>-<preset>").
QString deployTargetName(const QJsonObject& entry);

/// Installs the lineage's current certificate (KeyVault live version) on every stored deploy target,
/// at most env.deployOptions.maxConcurrent at once, through deploy::Deployer (upload, reload, TLS
/// verify, rollback). Servers come from the store with their secrets (password or key passphrase
/// under ServerRecord::secretKey()) read from the store's Secrets. Per target one event ("deployed",
/// or "deploy-failed" carrying the reason and what the rollback did) and, on failure, a DeployFailed
/// notification. A target that cannot even be resolved (server gone, invalid entry) is a failed
/// result too. Never touches the stored certificate. Results in the order of the stored targets.
QCoro::Task<QList<deploy::DeployResult>> deployLineage(RenewalEnvironment& env, QString lineageName, Progress& progress,
                                                       CancelToken cancel);

} // namespace certdeck::workflow
