// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"
#include "core/common/Result.h"
#include "core/workflow/Sandbox.h"

#include <QTemporaryDir>

#include <memory>

namespace certdeck::cli {

/// `--sandbox`: a private Pebble for the length of one command, announced on stderr.
class SandboxSession {
public:
    static QCoro::Task<Result<std::unique_ptr<SandboxSession>>> start(CliContext& ctx);
    [[nodiscard]] QUrl directoryUrl() const { return m_sandbox->directoryUrl(); }
    [[nodiscard]] QString caFile() const { return m_sandbox->caFile(); }
    [[nodiscard]] quint16 httpPort() const { return m_sandbox->httpPort(); }
    /// Accounts on a sandbox CA live as long as it does: kept in a temporary folder.
    [[nodiscard]] QString accountDataDir() const { return m_accounts.path(); }

private:
    std::unique_ptr<workflow::Sandbox> m_sandbox;
    QTemporaryDir m_accounts;
};

} // namespace certdeck::cli
