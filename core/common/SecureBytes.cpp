// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/SecureBytes.h"

#include <cstring>
#include <strings.h>

namespace certdeck {

SecureBytes::SecureBytes(QByteArray bytes)
    : m_bytes(std::move(bytes)) {
    m_bytes.detach();
}

SecureBytes::SecureBytes(const SecureBytes& other)
    : m_bytes(other.m_bytes.constData(), other.m_bytes.size()) {}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_bytes(std::move(other.m_bytes)) {}

SecureBytes& SecureBytes::operator=(const SecureBytes& other) {
    if (this != &other) {
        clear();
        m_bytes = QByteArray(other.m_bytes.constData(), other.m_bytes.size());
    }
    return *this;
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept {
    if (this != &other) {
        clear();
        m_bytes = std::move(other.m_bytes);
    }
    return *this;
}

SecureBytes::~SecureBytes() {
    clear();
}

void SecureBytes::clear() {
    wipe(m_bytes);
    m_bytes.clear();
}

void SecureBytes::wipe(QByteArray& bytes) {
    // Only wipe storage we own alone: detaching a shared buffer would wipe a fresh copy instead.
    if (!bytes.isEmpty() && !bytes.isDetached())
        return;
    if (!bytes.isEmpty())
        explicit_bzero(bytes.data(), static_cast<size_t>(bytes.size()));
}

} // namespace certdeck
