// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/NoncePool.h"

#include "core/crypto/Base64Url.h"

namespace certdeck::acme {

bool NoncePool::add(const QByteArray& nonce) {
    const QByteArray n = nonce.trimmed();
    if (n.size() > 512 || !crypto::isBase64url(n))
        return false;
    if (m_nonces.size() >= kMax)
        m_nonces.removeFirst();
    m_nonces.append(n);
    return true;
}

std::optional<QByteArray> NoncePool::take() {
    if (m_nonces.isEmpty())
        return std::nullopt;
    return m_nonces.takeLast(); // newest first: the least likely to have expired
}

} // namespace certdeck::acme
