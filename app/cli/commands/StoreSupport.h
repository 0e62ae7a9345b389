// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"
#include "core/common/Result.h"
#include "core/store/Store.h"

#include <QJsonObject>

#include <memory>

namespace certdeck::cli {

/// The store of --data-dir (or the default data folder), opened and migrated.
Result<std::unique_ptr<store::Store>> openStore(const CliContext& ctx);

/// "in 42 days", "expired 3 days ago", "-" for an invalid time.
QString describeExpiry(const QDateTime& notAfter, const QDateTime& now);

/// A lineage summary as JSON (list, show).
QJsonObject summaryJson(const store::LineageSummary& s, const QDateTime& now);
QJsonObject eventJson(const store::EventRecord& e);

/// A host to connect to: an IP address (canonical text) or a DNS name (lower-case, IDN as punycode;
/// single labels such as "localhost" allowed, wildcards not).
Result<QString> parseHost(const QString& text);

/// Writes a JSON document (compact) and a newline to stdout.
void printJson(CliContext& ctx, const QJsonObject& o);

} // namespace certdeck::cli
