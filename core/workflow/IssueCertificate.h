// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/AcmeClient.h"
#include "core/acme/ChallengeSolver.h"
#include "core/common/CancelToken.h"
#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/crypto/KeyType.h"
#include "core/crypto/PrivateKey.h"

#include <QCoroTask>

#include <optional>
#include <vector>

namespace certdeck::workflow {

struct IssueRequest {
    QList<acme::Identifier> identifiers;
    crypto::KeyType keyType = crypto::KeyType::P256;
    /// Reuse this certificate key instead of generating a fresh one (only when asked).
    std::optional<crypto::PrivateKey> reuseKey;
    QString profile;
    QString replaces;       ///< ARI id of the certificate being replaced (RFC 9773 §5)
    QString preferredChain; ///< issuer common name of the preferred chain's top certificate
    /// Solvers in order of preference; for each authorization the first whose challenge type the CA
    /// offers (and that fits the name: wildcards need dns-01) is used. Not owned.
    std::vector<acme::ChallengeSolver*> solvers;
};

struct IssueResult {
    acme::CertificateChain chain;
    crypto::PrivateKey key;
    QUrl orderUrl;
    int requests = 0; ///< ACME requests this issuance made
};

/// Issues one certificate with an AcmeClient that already has a directory and an account
/// (RFC 8555 §7.4): order → authorizations in parallel (present, respond) → wait for the order →
/// clean up (always, once for every challenge presented) → fresh key + CSR → finalize → download →
/// check the certificate against the key and the names before returning it.
QCoro::Task<Result<IssueResult>> issueCertificate(acme::AcmeClient& client, IssueRequest request, Progress& progress,
                                                  CancelToken cancel);

} // namespace certdeck::workflow
