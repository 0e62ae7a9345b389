// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/ssh/AuthOptions.h"
#include "core/store/Secrets.h"
#include "core/store/ServerRepository.h"

#include <QCoroTask>

namespace certdeck::workflow {

/// How to log in to a stored server: its password or key passphrase from the keychain, only for
/// servers that use one. A missing password is an error naming the server; a key without a stored
/// passphrase is fine (an encrypted key then fails to load with its own message). Agent logins need
/// nothing. Used by deployments, renewals through a remote webroot and the desktop app alike.
QCoro::Task<Result<ssh::AuthOptions>> serverLogin(store::Secrets secrets, store::ServerRecord server);

} // namespace certdeck::workflow
