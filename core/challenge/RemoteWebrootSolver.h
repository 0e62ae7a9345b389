// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/ChallengeSolver.h"
#include "core/challenge/SelfCheck.h"

#include <memory>

namespace certdeck::ssh {
class SshSession;
}

namespace certdeck::challenge {

/// http-01 through the webroot of a web server reached over SSH (the laptop answers for the VPS):
/// `present` creates `<webroot>/.well-known/acme-challenge/` when missing, writes the token file
/// atomically over SFTP (mode 0644), then runs the SelfCheck from this machine; only when that sees
/// the answer does it return, so the CA is asked to validate only what will work. When the
/// self-check fails the token file is removed again and the error says why in plain words.
/// `cleanUp` removes that one file and nothing else.
///
/// Uses the given (connected) session for every step, so one issuance costs one SSH handshake per
/// server; the session is shared with whoever else works on that server in the same job (deploy).
/// Runs on the thread that connected the session.
class RemoteWebrootSolver final : public acme::ChallengeSolver {
public:
    struct Options {
        /// The folder the site serves, on the server (absolute).
        QString webroot;
        /// Skip for sites not reachable from this machine (an intranet name, a split-horizon DNS).
        bool selfCheck = true;
        SelfCheck::Options selfCheckOptions;
        /// Compare the name's addresses with the SSH server's for the "DNS points elsewhere" diagnosis
        /// (filled into selfCheckOptions.expectedAddresses when they are empty).
        bool compareAddresses = true;
        /// For a login user who cannot write the webroot: the token file is uploaded to a private
        /// staging folder, then installed with `sudo -n install -m 0644` (folders made with
        /// `sudo -n mkdir -p`), and cleanUp removes it with `sudo -n rm -f` (see ssh::SudoFiles).
        /// `sudo -n true` is checked before anything is written.
        bool useSudo = false;
    };

    RemoteWebrootSolver(std::shared_ptr<ssh::SshSession> session, Options options);
    ~RemoteWebrootSolver() override;

    [[nodiscard]] QString challengeType() const override { return QStringLiteral("http-01"); }
    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> present(const acme::ChallengeTask& task, Progress& progress,
                                const CancelToken& cancel) override;
    QCoro::Task<Status> cleanUp(const acme::ChallengeTask& task) override;

    /// Where the token file goes: "<webroot>/.well-known/acme-challenge/<token>".
    [[nodiscard]] QString tokenPath(const QString& token) const;

private:
    std::shared_ptr<ssh::SshSession> m_session;
    Options m_options;
};

} // namespace certdeck::challenge
