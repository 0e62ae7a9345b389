// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/SandboxSupport.h"

#include "app/cli/commands/CommandSupport.h"

namespace certdeck::cli {

QCoro::Task<Result<std::unique_ptr<SandboxSession>>> SandboxSession::start(CliContext& ctx) {
    auto sb = co_await workflow::Sandbox::start(dataDirFor(ctx));
    if (!sb)
        co_return sb.error();
    auto session = std::unique_ptr<SandboxSession>(new SandboxSession);
    session->m_sandbox = std::move(*sb);
    *ctx.err << "[    ] Sandbox: local test CA at " << session->directoryUrl().toString()
             << " (certificates from it are trusted nowhere)\n";
    ctx.err->flush();
    co_return session;
}

} // namespace certdeck::cli
