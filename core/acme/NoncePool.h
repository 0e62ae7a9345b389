// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace certdeck::acme {

/// Nonces collected from every Replay-Nonce header (RFC 8555 §6.5), so a HEAD to newNonce is only
/// needed when none is held. Keeps the newest few; a nonce is used once. Single-threaded.
class NoncePool {
public:
    /// Adds a nonce if it is well-formed base64url (§6.5.1); returns whether it was kept.
    bool add(const QByteArray& nonce);
    std::optional<QByteArray> take();
    [[nodiscard]] qsizetype size() const { return m_nonces.size(); }
    void clear() { m_nonces.clear(); }

private:
    static constexpr qsizetype kMax = 16;
    QList<QByteArray> m_nonces;
};

} // namespace certdeck::acme
