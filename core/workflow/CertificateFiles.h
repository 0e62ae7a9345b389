// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/AcmeClient.h"
#include "core/common/Result.h"
#include "core/crypto/PrivateKey.h"

namespace certdeck::workflow {

/// Writes an issued certificate as certbot users know it: `cert.pem`, `chain.pem`, `fullchain.pem`
/// (0644) and `privkey.pem` (0600) in `dir` (created 0700 if missing), each atomically.
Status writeCertificateFiles(const QString& dir, const acme::CertificateChain& chain, const crypto::PrivateKey& key);

} // namespace certdeck::workflow
