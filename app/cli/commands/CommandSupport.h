// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/Cli.h"
#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/net/HttpClient.h"

#include <QCommandLineParser>
#include <QUrl>

#include <memory>

namespace certdeck::cli {

/// Parses a command's own options; prints errors and help the same way for every command.
/// Returns false when the command should stop (with `exitCode` set).
bool parseCommandLine(QCommandLineParser& parser, CliContext& ctx, const QString& command, int* exitCode);

/// Prints progress steps to stderr as they happen ("[ok] Order created").
void printProgress(Progress& progress, CliContext& ctx);

/// An HttpClient trusting `caFile` in addition to the system roots (when given).
Result<std::unique_ptr<net::HttpClient>> makeHttpClient(const QString& caFile);

/// The CA directory URL from --server: a URL, or the names "letsencrypt", "letsencrypt-staging".
Result<QUrl> directoryUrlFrom(const QString& server);

/// Reads a secret file (EAB HMAC key, passphrase) bounded in size, trimmed.
Result<QByteArray> readSecretFile(const QString& path);

/// The data folder: --data-dir, else the default.
QString dataDirFor(const CliContext& ctx);

} // namespace certdeck::cli
