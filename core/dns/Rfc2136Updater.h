// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/dns/NameServer.h"
#include "core/dns/Transport.h"
#include "core/dns/TsigKey.h"

#include <QCoroTask>
#include <QString>

#include <chrono>
#include <memory>

namespace certdeck::dns {

struct Rfc2136Options {
    /// The zone's primary server: updates go there (RFC 2136 §4).
    NameServer server;
    /// The TSIG key the server allows updates with.
    TsigKey key;
    /// TCP by default: an update is one exchange and TCP makes the answer hard to spoof.
    Transport transport = Transport::Tcp;
    /// The zone to update. Empty: found by asking `server` for SOA records (Resolver::findZoneApex).
    QString zone;
    /// How long to wait for the server's answer (also for each SOA query when finding the zone).
    std::chrono::milliseconds timeout{5000};
    /// Time for TSIG signatures and their check (RFC 8945 §5.4). Null: the system clock.
    std::shared_ptr<Clock> clock;
};

/// Adds and removes single TXT values through RFC 2136 dynamic updates signed with TSIG
/// (RFC 8945; hmac-sha256/384/512), as dns-01 needs for `_acme-challenge` names.
///
/// addTxt() adds one value to the name's TXT RRset (RFC 2136 §2.5.1) and leaves other values
/// alone; deleteTxt() removes exactly that value (§2.5.4), so two orders for the same name (a
/// wildcard and its base) do not clobber each other. Both are idempotent on the server's side.
///
/// The server's answer must carry a valid TSIG over the request's MAC (RFC 8945 §5.3), or the
/// result is an error. Errors (ErrorCode::Dns unless noted) say what to do: a wrong key
/// ("the TSIG key is wrong (BADSIG) — check the key name and secret"), a clock too far off
/// (BADTIME), REFUSED (the server's policy does not allow this key to change this name), NOTAUTH
/// (not the zone's primary), NOTZONE; no answer is ErrorCode::Timeout naming the server; a bad
/// key or name is InvalidInput.
///
/// Threading: socket work runs on the waiting pool (certdeck::runWaiting); the tasks copy what
/// they need, so the updater may be destroyed while they run. The secret is never logged.
class Rfc2136Updater {
public:
    explicit Rfc2136Updater(Rfc2136Options options);

    [[nodiscard]] const Rfc2136Options& options() const { return m_options; }

    /// Adds `value` to the TXT RRset of `name` with `ttl` seconds. A value longer than 255 octets
    /// is split into several character-strings of one record (RFC 1035 §3.3.14).
    QCoro::Task<Status> addTxt(QString name, QString value, quint32 ttl = 60, CancelToken cancel = {}) const;
    /// Removes the TXT record of `name` holding exactly `value`; other values stay. Removing a
    /// value that is not there succeeds (RFC 2136 §3.4.2.4 ignores it).
    QCoro::Task<Status> deleteTxt(QString name, QString value, CancelToken cancel = {}) const;
    /// The zone an update of `name` goes to: the configured zone (checked to contain the name),
    /// else the apex found through the server.
    QCoro::Task<Result<QString>> zoneFor(QString name, CancelToken cancel = {}) const;

private:
    QCoro::Task<Status> update(QString name, QString value, quint32 ttl, bool add, CancelToken cancel) const;

    Rfc2136Options m_options;
};

} // namespace certdeck::dns
