// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace certdeck::ssh {

/// How a presented host key compares with the known_hosts files.
enum class HostKeyStatus {
    Known,   ///< recorded for this host in Certdeck's or the user's known_hosts
    Unknown, ///< nothing recorded for this host: the user must confirm the fingerprint first
    Changed, ///< a different key is recorded (or this key is marked @revoked): refused
};

/// A server's host key as it presented itself, for display and for known_hosts.
struct HostKeyInfo {
    QString host; ///< the host name as connected to (after ~/.ssh/config), lower case
    int port = 22;
    QString keyType;      ///< SSH name: "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"
    QByteArray keyBase64; ///< the public key blob in base64, as in known_hosts
    QString fingerprint;  ///< as OpenSSH prints it: "SHA256:" + unpadded base64 of SHA-256(blob)
    HostKeyStatus status = HostKeyStatus::Unknown;

    /// The host as known_hosts names it: "host" on port 22, else "[host]:port".
    [[nodiscard]] QString knownHostsName() const;
    /// As OpenSSH labels the type in messages: "ED25519", "ECDSA", "RSA".
    [[nodiscard]] QString typeLabel() const;
    /// A known_hosts line for this key, without the newline.
    [[nodiscard]] QString knownHostsLine() const;

    /// SHA256 fingerprint of a public key blob (raw bytes), as OpenSSH prints it.
    [[nodiscard]] static QString fingerprintOf(const QByteArray& keyBlob);

    /// The first line of the `detail` of HostKeyUnknown / HostKeyChanged errors:
    /// "host-key <knownHostsName> <keyType> <fingerprint> <keyBase64>".
    [[nodiscard]] QString toDetailLine() const;
    /// The key a HostKeyUnknown or HostKeyChanged error is about, read back from its detail.
    [[nodiscard]] static std::optional<HostKeyInfo> fromError(const Error& error);
};

} // namespace certdeck::ssh
