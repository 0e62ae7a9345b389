// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/Identifier.h"
#include "core/common/CancelToken.h"
#include "core/common/Progress.h"
#include "core/common/Result.h"

#include <QCoroTask>
#include <QString>

namespace certdeck::acme {

/// Everything a solver needs to answer one challenge. Built by the client; the token is already
/// validated (isValidToken) so solvers may use it in a path or URL.
struct ChallengeTask {
    Identifier identifier;
    QString type; ///< "http-01", "dns-01"
    QString token;
    QByteArray keyAuthorization; ///< token "." thumbprint (RFC 8555 §8.1)

    /// http-01 (§8.3): "/.well-known/acme-challenge/<token>".
    [[nodiscard]] QString httpPath() const;
    /// dns-01 (§8.4): "_acme-challenge.<name>" (wildcard prefix removed), no trailing dot.
    [[nodiscard]] QString dnsRecordName() const;
    /// dns-01 TXT value: base64url(SHA-256(keyAuthorization)).
    [[nodiscard]] QString dnsRecordValue() const;
};

/// Makes a challenge answerable (`present`) and removes the answer (`cleanUp`) — lego's shape.
/// The client calls cleanUp exactly once for every present() that succeeded, also after a failure or
/// cancel. Solvers run on the caller's thread; blocking work inside them goes to a worker.
class ChallengeSolver {
public:
    virtual ~ChallengeSolver() = default;
    [[nodiscard]] virtual QString challengeType() const = 0;
    /// A short description for progress lines ("webroot /var/www/html").
    [[nodiscard]] virtual QString description() const = 0;
    virtual QCoro::Task<Status> present(const ChallengeTask& task, Progress& progress, const CancelToken& cancel) = 0;
    virtual QCoro::Task<Status> cleanUp(const ChallengeTask& task) = 0;
};

} // namespace certdeck::acme
