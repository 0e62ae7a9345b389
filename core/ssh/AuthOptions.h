// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"

#include <QString>

#include <functional>
#include <optional>

namespace certdeck::ssh {

/// Asks a person for the passphrase of a private key. `prompt` names the key file. Returning
/// std::nullopt means "the user cancelled". Always called on the thread that called
/// SshSession::connect (never on a worker), so it may show a dialog.
using PassphraseCallback = std::function<std::optional<SecureBytes>(const QString& prompt)>;

/// Secrets for logging in. Which methods are tried comes from SshTarget (agent, key file) plus the
/// password here; see SshSession::connect for the order.
struct AuthOptions {
    /// Password authentication, tried last, only when set.
    std::optional<SecureBytes> password;
    /// For encrypted key files. Asked at most three times per key; without it an encrypted key is
    /// reported as needing a passphrase.
    PassphraseCallback passphrase;
};

} // namespace certdeck::ssh
