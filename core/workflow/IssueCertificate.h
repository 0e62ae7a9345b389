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

#include <functional>
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

    /// Resume an order placed earlier for these names (after a crash; RFC 8555 §7.1.3 states). It is
    /// fetched first: pending → its authorizations continue; ready → finalized (with reuseKey when
    /// set, else a fresh key); processing or valid → awaited and downloaded, which needs reuseKey (the
    /// key its CSR was made from). Invalid, expired, gone, for other names, or valid without the key:
    /// dropped, and a new order placed (IssueResult::resumed says which happened).
    QUrl resumeOrderUrl;
    /// Called once a new order exists, before any challenge (to record it). A failure stops the issuance.
    std::function<Status(const acme::Order&)> orderPlaced;
    /// Called with the certificate key just before the CSR is sent (to keep the key, so an interrupted
    /// issuance can be finished with it). A failure stops the issuance before finalize.
    std::function<Status(const acme::Order&, const crypto::PrivateKey&)> beforeFinalize;
    /// Called once the CA accepted the CSR (order processing or valid), before the download.
    std::function<void(const acme::Order&)> afterFinalize;
};

struct IssueResult {
    acme::CertificateChain chain;
    crypto::PrivateKey key;
    QUrl orderUrl;
    int requests = 0;     ///< ACME requests this issuance made
    bool resumed = false; ///< finished the order of IssueRequest::resumeOrderUrl
    int ordersPlaced = 0; ///< new orders (0 when resumed, else 1)
};

/// Issues one certificate with an AcmeClient that already has a directory and an account
/// (RFC 8555 §7.4): order → authorizations in parallel (present, respond) → wait for the order →
/// clean up (always, once for every challenge presented) → fresh key + CSR → finalize → download →
/// check the certificate against the key and the names before returning it.
QCoro::Task<Result<IssueResult>> issueCertificate(acme::AcmeClient& client, IssueRequest request, Progress& progress,
                                                  CancelToken cancel);

} // namespace certdeck::workflow
