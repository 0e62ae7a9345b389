// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/ServerLogin.h"

#include "core/common/Log.h"

#include <QObject>

#include <memory>

namespace certdeck::workflow {

QCoro::Task<Result<ssh::AuthOptions>> serverLogin(store::Secrets secrets, store::ServerRecord server) {
    ssh::AuthOptions auth;
    const bool password = server.authMethod == QLatin1String("password");
    const bool key = server.authMethod == QLatin1String("key");
    if (!password && !key)
        co_return auth;
    const QString secretKey = server.secretKey();
    auto reading = secrets.read(secretKey);
    auto secret = co_await reading;
    if (!secret) {
        if (password)
            co_return Error(secret.error().code,
                            QObject::tr("The password of server %1 cannot be read from the keychain.").arg(server.name),
                            secret.error().toString());
        if (secret.error().code != ErrorCode::NotFound)
            qCInfo(lcWorkflow) << "no key passphrase for server" << server.name << ":" << secret.error().userMessage;
        co_return auth;
    }
    if (password) {
        auth.password = *secret;
    } else {
        auto shared = std::make_shared<SecureBytes>(*secret);
        auth.passphrase = [shared](const QString&) -> std::optional<SecureBytes> {
            return *shared;
        };
    }
    co_return auth;
}

} // namespace certdeck::workflow
