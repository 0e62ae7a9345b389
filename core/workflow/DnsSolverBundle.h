// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/challenge/Dns01Solver.h"
#include "core/common/Result.h"
#include "core/dns/providers/DnsProvider.h"
#include "core/net/HttpClient.h"
#include "core/store/Store.h"

#include <QCoroTask>

#include <memory>

namespace certdeck::workflow {

/// A dns-01 solver built from a stored DNS provider: its settings from the store, its secret from the
/// secrets store (keychain by default), never from a file or a command line.
struct DnsSolverBundle {
    std::unique_ptr<net::HttpClient> http;
    std::unique_ptr<dns::DnsProvider> provider;
    std::unique_ptr<challenge::Dns01Solver> solver;
};

/// `resolver`: "ADDR:PORT" of an authoritative server to watch propagation through instead of the
/// system's resolver and the zone's NS records (local zones, tests); empty for the normal way.
QCoro::Task<Result<DnsSolverBundle>> makeDnsSolver(store::Store& store, QString providerName, QString resolver);

/// True for provider types whose secret is required.
bool dnsProviderNeedsSecret(const QString& type);

} // namespace certdeck::workflow
