// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Progress.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/PrivateKey.h"
#include "core/deploy/DeployResult.h"
#include "core/deploy/DeployTarget.h"
#include "core/ssh/AuthOptions.h"

#include <QCoroTask>
#include <QList>

#include <chrono>
#include <memory>

namespace certdeck::ssh {
class SshSession;
}

namespace certdeck::deploy {

/// A certificate and its key, ready to install.
struct DeployMaterial {
    /// Leaf first, then the CA certificates (as the CA sent them).
    QList<crypto::Certificate> chain;
    crypto::PrivateKey key;
};

/// Installs a certificate on servers over SSH and proves it is served, or puts everything back.
///
/// Per target, over one SSH connection (one handshake):
///  1. check the certificate matches the key, the target is valid, and every folder exists;
///  2. note which certificate the verify address serves now (for the rollback check);
///  3. upload every file to a temporary name next to it (mode set before content; chown if asked);
///  4. keep the current files as `<path>.certdeck-backup` (same mode);
///  5. rename the new files into place (posix-rename: atomic per file);
///  6. run the configuration test (`nginx -t`), then the reload command;
///  7. verify with TLS handshakes (SNI) that the served fingerprint is the new one: polled until
///     `verifyTimeout` because reloads finish asynchronously, and only when three handshakes in a
///     row see it (old nginx workers still accept for a moment after a reload).
/// With DeployTarget::useSudo (or when logged in as root) steps 1 and 3–6 are one exec, one
/// `sudo -n sh -c` batch (ssh::SudoFiles::runBatch; without sudo for root): every folder and file
/// checked as root, the new files written beside their targets from the command's standard input
/// (never a command line, never a file elsewhere; each checked whole by an end marker), backups,
/// renames, config test and reload, stopping at the first failure and reporting each finished step
/// (a failed command with its exit status and output), so a rollback (one more batch) undoes
/// exactly what was done. sudo refusing stops it before anything ran, with the sudoers advice.
/// Other logins use SFTP for the files and one exec for the config test and the reload.
/// A failure in 1–3 leaves the server untouched (temporary files are removed). A failure in 5–7
/// rolls back: backups renamed into place (new files removed where there were none before),
/// reload again, and verify the previous certificate is served again. The result says which.
///
/// Many targets run concurrently, at most Options::maxConcurrent at a time, each with its own
/// result; one failing server never stops the others. Runs on the calling thread (SSH and TLS work
/// on workers); Progress ids are "deploy:<target>:<step>".
class Deployer {
public:
    struct Options {
        int maxConcurrent = 8;
        /// How long to wait for the reloaded server to serve the new (or, after a rollback, old) certificate.
        std::chrono::milliseconds verifyTimeout{20000};
        /// Per remote command (config test, reload, chown).
        std::chrono::seconds commandTimeout{120};
        /// PEM CA certificates the verification trusts for its report (it compares fingerprints, so
        /// trust is never required).
        QByteArray verifyCaPem;
        /// Secrets for SSH logins (password, passphrase callback).
        ssh::AuthOptions auth;
    };

    Deployer();
    explicit Deployer(Options options);

    /// One target. With `session` (connected to target.server), it is used and no new connection is
    /// made; otherwise one is opened and closed again.
    QCoro::Task<DeployResult> deploy(DeployTarget target, DeployMaterial material, Progress& progress,
                                     CancelToken cancel, std::shared_ptr<ssh::SshSession> session);
    /// Many targets, bounded concurrency; results in the order of `targets`.
    QCoro::Task<QList<DeployResult>> deployAll(QList<DeployTarget> targets, DeployMaterial material, Progress& progress,
                                               CancelToken cancel);

    /// Suffixes of the temporary and backup files next to each target file.
    static QString stagingPath(const QString& path);
    static QString backupPath(const QString& path);

private:
    Options m_options;
};

} // namespace certdeck::deploy
