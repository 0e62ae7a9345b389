// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SandboxService.h"

#include "core/common/Async.h"
#include "core/dns/Resolver.h"
#include "core/workflow/Sandbox.h"

#include <QCoroSignal>

namespace certdeck::ui {

SandboxService::SandboxService(QString stateDir, QObject* parent)
    : QObject(parent)
    , m_stateDir(std::move(stateDir)) {}

SandboxService::~SandboxService() = default;

namespace {
dns::ResolverOptions probeOptions(quint16 port) {
    dns::ResolverOptions options;
    dns::NameServer server;
    server.address = QStringLiteral("127.0.0.1");
    server.port = port;
    options.servers = QList<dns::NameServer>{server};
    options.timeout = std::chrono::milliseconds(500);
    options.retries = 0;
    return options;
}

// Sandbox::start() waits for Pebble only; its DNS (pebble-challtestsrv) may still be binding. The
// wizard's preflight asks that DNS at once, so wait (bounded, ~5 s) until it answers.
QCoro::Task<bool> waitForDns(quint16 port) {
    const dns::Resolver resolver(probeOptions(port));
    const CancelToken never;
    const std::chrono::milliseconds pause(50);
    for (int i = 0; i < 100; ++i) {
        auto query = resolver.query(QStringLiteral("sandbox.test"), dns::RecordType::A, never);
        auto answer = co_await query;
        if (answer)
            co_return true;
        co_await sleepFor(pause, never);
    }
    co_return false;
}
} // namespace

QCoro::Task<void> SandboxService::start() {
    // No objects with destructors in nested scopes here: GCC 12 destroys such coroutine locals twice,
    // which for a shared_ptr<Sandbox> stopped Pebble behind our back.
    auto task = workflow::Sandbox::start(m_stateDir);
    auto started = co_await task;
    if (!started) {
        m_lastError = started.error();
        m_starting = false;
        Q_EMIT startFinished();
        co_return;
    }
    m_pending = std::shared_ptr<workflow::Sandbox>(std::move(*started));
    auto ready = waitForDns(m_pending->dnsPort());
    const bool answered = co_await ready;
    if (answered)
        m_sandbox = m_pending;
    else
        m_lastError = Error(ErrorCode::Network, tr("The local test CA's DNS server did not start."));
    m_pending.reset();
    m_starting = false;
    Q_EMIT startFinished();
}

QCoro::Task<Result<std::shared_ptr<workflow::Sandbox>>> SandboxService::ensureStarted() {
    // Never `co_return m_sandbox;`: QCoro 0.8's return_value(U&&) std::move()s its argument, so
    // returning a member of another type than the result moves it out (and stopped the sandbox).
    // Build the Result first.
    using Started = Result<std::shared_ptr<workflow::Sandbox>>;
    if (m_sandbox)
        co_return Started(m_sandbox);
    if (!m_starting) {
        m_starting = true;
        start(); // finishes by emitting startFinished(), which we wait for like any other caller
    }
    if (m_starting) {
        auto finished = qCoro(this, &SandboxService::startFinished);
        co_await finished;
    }
    if (m_sandbox)
        co_return Started(m_sandbox);
    co_return Started(m_lastError);
}

} // namespace certdeck::ui
