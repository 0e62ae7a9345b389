// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace certdeck {

/// Bytes that hold a secret (passphrase, HMAC key, token). Wiped on destruction and on
/// reassignment; never implicitly converted to a string, so it does not end up in a log line.
/// Copies are deliberate (each copy is wiped on its own).
class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(QByteArray bytes);
    SecureBytes(const SecureBytes& other);
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(const SecureBytes& other);
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    ~SecureBytes();

    [[nodiscard]] const QByteArray& bytes() const { return m_bytes; }
    [[nodiscard]] bool isEmpty() const { return m_bytes.isEmpty(); }
    [[nodiscard]] qsizetype size() const { return m_bytes.size(); }
    void clear();

    /// Overwrites a buffer so the compiler cannot elide it.
    static void wipe(QByteArray& bytes);

private:
    QByteArray m_bytes;
};

} // namespace certdeck
