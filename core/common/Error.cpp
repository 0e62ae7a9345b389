// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/Error.h"

namespace certdeck {

Error Error::withContext(const QString& what) const {
    Error e = *this;
    e.context = context.isEmpty() ? what : what + QStringLiteral(": ") + context;
    return e;
}

QString Error::toString() const {
    return context.isEmpty() ? userMessage : context + QStringLiteral(": ") + userMessage;
}

QString errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::Unknown:
        return QStringLiteral("unknown");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Timeout:
        return QStringLiteral("timeout");
    case ErrorCode::InvalidInput:
        return QStringLiteral("invalid-input");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::Permission:
        return QStringLiteral("permission");
    case ErrorCode::Busy:
        return QStringLiteral("busy");
    case ErrorCode::Network:
        return QStringLiteral("network");
    case ErrorCode::Tls:
        return QStringLiteral("tls");
    case ErrorCode::Protocol:
        return QStringLiteral("protocol");
    case ErrorCode::Crypto:
        return QStringLiteral("crypto");
    case ErrorCode::Acme:
        return QStringLiteral("acme");
    case ErrorCode::AcmeRateLimited:
        return QStringLiteral("acme-rate-limited");
    case ErrorCode::AcmeUnauthorized:
        return QStringLiteral("acme-unauthorized");
    case ErrorCode::AcmeCaa:
        return QStringLiteral("acme-caa");
    case ErrorCode::AcmeDns:
        return QStringLiteral("acme-dns");
    case ErrorCode::AcmeConnection:
        return QStringLiteral("acme-connection");
    case ErrorCode::AcmeRejectedIdentifier:
        return QStringLiteral("acme-rejected-identifier");
    case ErrorCode::AcmeBadCsr:
        return QStringLiteral("acme-bad-csr");
    case ErrorCode::AcmeExternalAccountRequired:
        return QStringLiteral("acme-external-account-required");
    case ErrorCode::AcmeUserActionRequired:
        return QStringLiteral("acme-user-action-required");
    case ErrorCode::AcmeBadNonce:
        return QStringLiteral("acme-bad-nonce");
    case ErrorCode::AcmeAccountDoesNotExist:
        return QStringLiteral("acme-account-does-not-exist");
    case ErrorCode::AcmeOrderNotReady:
        return QStringLiteral("acme-order-not-ready");
    case ErrorCode::AcmeAlreadyRevoked:
        return QStringLiteral("acme-already-revoked");
    case ErrorCode::Dns:
        return QStringLiteral("dns");
    case ErrorCode::Ssh:
        return QStringLiteral("ssh");
    case ErrorCode::HostKeyUnknown:
        return QStringLiteral("host-key-unknown");
    case ErrorCode::HostKeyChanged:
        return QStringLiteral("host-key-changed");
    case ErrorCode::Deploy:
        return QStringLiteral("deploy");
    case ErrorCode::Store:
        return QStringLiteral("store");
    }
    return QStringLiteral("unknown");
}

int exitCodeFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidInput:
        return 2;
    case ErrorCode::Cancelled:
        return 130;
    case ErrorCode::Timeout:
    case ErrorCode::Network:
    case ErrorCode::Tls:
    case ErrorCode::Protocol:
        return 3;
    case ErrorCode::Acme:
    case ErrorCode::AcmeRateLimited:
    case ErrorCode::AcmeUnauthorized:
    case ErrorCode::AcmeCaa:
    case ErrorCode::AcmeDns:
    case ErrorCode::AcmeConnection:
    case ErrorCode::AcmeRejectedIdentifier:
    case ErrorCode::AcmeBadCsr:
    case ErrorCode::AcmeExternalAccountRequired:
    case ErrorCode::AcmeUserActionRequired:
    case ErrorCode::AcmeBadNonce:
    case ErrorCode::AcmeAccountDoesNotExist:
    case ErrorCode::AcmeOrderNotReady:
    case ErrorCode::AcmeAlreadyRevoked:
        return 4;
    case ErrorCode::Dns:
        return 5;
    case ErrorCode::Ssh:
    case ErrorCode::HostKeyUnknown:
    case ErrorCode::HostKeyChanged:
        return 6;
    case ErrorCode::Deploy:
        return 7;
    case ErrorCode::Store:
    case ErrorCode::Busy:
        return 8;
    case ErrorCode::Io:
    case ErrorCode::Permission:
    case ErrorCode::NotFound:
    case ErrorCode::Crypto:
    case ErrorCode::Unknown:
        return 1;
    }
    return 1;
}

} // namespace certdeck
