// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

namespace certdeck {

/// What went wrong, coarse enough for exit codes and for choosing the user's way forward.
enum class ErrorCode {
    Unknown,
    Cancelled,
    Timeout,
    InvalidInput,
    NotFound,
    Io,
    Permission,
    Busy,
    Network,
    Tls,
    Protocol, ///< the peer answered something we refuse to accept (size, syntax, downgrade)
    Crypto,
    Acme, ///< an ACME problem document not covered by a more specific code
    AcmeRateLimited,
    AcmeUnauthorized,
    AcmeCaa,
    AcmeDns,
    AcmeConnection,
    AcmeRejectedIdentifier,
    AcmeBadCsr,
    AcmeExternalAccountRequired,
    AcmeUserActionRequired,
    AcmeBadNonce,
    AcmeAccountDoesNotExist,
    AcmeOrderNotReady,
    AcmeAlreadyRevoked,
    Dns,
    Ssh,
    HostKeyUnknown,
    HostKeyChanged,
    Deploy,
    Store,
};

/// An error as a value: `userMessage` says what to do; `detail` keeps the technical text
/// (ACME problem, OpenSSL or libssh message); `context` says what we were doing.
struct Error {
    ErrorCode code = ErrorCode::Unknown;
    QString userMessage;
    QString detail;
    QString context;
    /// When the peer told us to come back later (Retry-After), the time it named.
    std::optional<QDateTime> retryAfter;

    Error() = default;
    Error(ErrorCode c, QString user, QString det = {}, QString ctx = {})
        : code(c)
        , userMessage(std::move(user))
        , detail(std::move(det))
        , context(std::move(ctx)) {}

    /// Returns a copy with `context` prefixed by what the caller was doing.
    [[nodiscard]] Error withContext(const QString& what) const;
    /// One line for logs and the CLI: "context: userMessage".
    [[nodiscard]] QString toString() const;
};

/// Short stable name of a code ("timeout", "acme-caa"), used in JSON output and logs.
QString errorCodeName(ErrorCode code);
/// The process exit code the CLI uses for an error of this code (documented in `certdeck-cli --help`).
int exitCodeFor(ErrorCode code);

} // namespace certdeck
