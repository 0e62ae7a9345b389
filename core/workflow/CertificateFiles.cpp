// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/CertificateFiles.h"

#include "core/common/AtomicFile.h"

#include <QDir>

namespace certdeck::workflow {

Status writeCertificateFiles(const QString& dir, const acme::CertificateChain& chain, const crypto::PrivateKey& key) {
    if (!QDir(dir).exists()) {
        if (auto s = makeDirectory(dir, 0700); !s)
            return s;
    }
    auto keyPem = key.toPem();
    if (!keyPem)
        return keyPem.error();
    // The key first: a certificate without its key is useless, a key without its certificate harmless.
    if (auto s = writeFileAtomic(dir + QStringLiteral("/privkey.pem"), keyPem->bytes(), 0600); !s)
        return s;
    const QByteArray leaf = chain.leaf().toPem();
    const QByteArray rest = chain.chainPem();
    if (auto s = writeFileAtomic(dir + QStringLiteral("/cert.pem"), leaf, 0644); !s)
        return s;
    if (auto s = writeFileAtomic(dir + QStringLiteral("/chain.pem"), rest, 0644); !s)
        return s;
    return writeFileAtomic(dir + QStringLiteral("/fullchain.pem"), leaf + rest, 0644);
}

} // namespace certdeck::workflow
