// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Module-private: included by core/ssh only.
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QString>

namespace certdeck::ssh::internal {

/// Reading a private key file for libssh: bounded, with messages that name the file, and the one
/// question libssh 0.10 cannot answer before trying: does it need a passphrase?
class PrivateKeyFile {
public:
    /// The file's bytes (at most 64 KiB), or NotFound / Permission / InvalidInput errors.
    static Result<SecureBytes> read(const QString& path);
    /// True for OpenSSH keys with a cipher other than "none", PKCS#8 "ENCRYPTED PRIVATE KEY" and
    /// legacy PEM with "Proc-Type: 4,ENCRYPTED".
    static bool isEncrypted(const QByteArray& pem);
    /// The path with the home folder shown as "~" (as people know their keys: ~/.ssh/id_ed25519).
    static QString displayPath(const QString& path);
};

} // namespace certdeck::ssh::internal
