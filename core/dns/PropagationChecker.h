// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/dns/NameServer.h"
#include "core/dns/Resolver.h"

#include <QCoroTask>
#include <QList>
#include <QString>

#include <chrono>

namespace certdeck::dns {

struct PropagationOptions {
    /// How the zone's authoritative servers are found (SOA/NS walk through these servers; the
    /// system resolver by default). `authoritativePort` is the port they are then asked on.
    ResolverOptions resolver;
    /// The servers to watch; empty: the zone's authoritative servers (Resolver::authoritativeServers).
    QList<NameServer> servers;
    /// Give up after this long (the default: 5 minutes).
    std::chrono::milliseconds timeout = std::chrono::minutes(5);
    /// The first check happens at once, then after `firstInterval`, doubling up to `interval`
    /// (1–2 s): a provider that publishes quickly is seen quickly, a slow one is not hammered.
    std::chrono::milliseconds firstInterval{250};
    std::chrono::milliseconds interval{1000};
    /// How long one server has for one answer.
    std::chrono::milliseconds queryTimeout{2000};
};

/// What one authoritative server last said about the TXT name.
struct NameServerState {
    NameServer server;
    bool seen = false;  ///< it serves the value
    QString lastAnswer; ///< its last answer, for people ("NOERROR: \"abc\"", "NXDOMAIN", "timeout")
    int queries = 0;
};

/// Waits until every authoritative server of a zone serves a TXT value — no fixed sleep (certbot's
/// DNS plugins sleep 10–60 s, Posh-ACME 120 s). Each server is asked directly (no recursion, so
/// no cache in between), all of them concurrently in each round.
///
/// Progress: one step per server, id "propagation:<name>:<server>", state Waiting until it serves the
/// value, then Done; `data` holds name, value, server, serverName, seen, lastAnswer, queries (a live
/// view can show a row per server). An overall step "propagation:<name>" has data seen/total.
///
/// Fails with Timeout naming the servers that never served it and what they said; Cancelled when
/// the token is; Dns when the authoritative servers cannot be found.
/// Threading: the caller's thread (coroutines); sockets on the pool.
class PropagationChecker {
public:
    explicit PropagationChecker(PropagationOptions options);

    [[nodiscard]] const PropagationOptions& options() const { return m_options; }

    /// Returns the final state of every server once all serve `value` at `name`.
    QCoro::Task<Result<QList<NameServerState>>> waitForTxt(QString name, QString value, Progress& progress,
                                                           CancelToken cancel) const;

    /// One look at one server: whether it serves `value` at `name`, and a line describing its answer.
    static QCoro::Task<NameServerState> checkOnce(NameServerState state, QString name, QString value,
                                                  std::chrono::milliseconds timeout, CancelToken cancel);

private:
    PropagationOptions m_options;
};

} // namespace certdeck::dns
