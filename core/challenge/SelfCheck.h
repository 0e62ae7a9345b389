// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"

#include <QByteArray>
#include <QCoroTask>
#include <QMap>
#include <QString>
#include <QStringList>

#include <chrono>

namespace certdeck::challenge {

/// The http-01 self-check: before the CA is asked to validate, fetch
/// `http://<name>/.well-known/acme-challenge/<token>` from this machine the way a CA does
/// (RFC 8555 §8.3: plain HTTP on port 80, redirects followed, also to HTTPS with any certificate, as
/// Let's Encrypt and Pebble do) and compare the body with the key authorization. A failure is
/// diagnosed in plain words: the name does not resolve or points elsewhere, a 404 (the site serves
/// another folder than the one written to — the path tried is named), a redirect to HTTPS whose
/// handshake or certificate is broken, a timeout.
///
/// Threading: check() runs the blocking fetch on the waiting pool (certdeck::runWaiting) and resumes
/// on the caller's thread. Every hop is bounded in time and size.
class SelfCheck {
public:
    struct Options {
        /// The port the name is fetched on; a CA always uses 80 (tests use a free port).
        quint16 httpPort = 80;
        /// Name -> address to connect to instead of resolving the name (lower-case names); applies to
        /// redirects too. Tests map their names to 127.0.0.1; a user may check one web head.
        QMap<QString, QString> hostOverrides;
        /// Addresses of the server the token file was written on. When the name resolves to none of
        /// them, a failure is explained as "DNS points elsewhere". Empty: not compared.
        QStringList expectedAddresses;
        /// Per hop (connect, TLS, request, answer).
        std::chrono::milliseconds timeout{10000};
        /// Let's Encrypt follows at most 10.
        int maxRedirects = 10;
    };

    /// What was asked, for the message of a failure: where the token file was written.
    struct Expectation {
        QString name;  ///< DNS name or IP address of the identifier
        QString token; ///< already validated (acme::isValidToken)
        QByteArray keyAuthorization;
        QString writtenTo; ///< "/var/www/html/.well-known/acme-challenge/<token> on web1" (for messages)
    };

    SelfCheck();
    explicit SelfCheck(Options options);

    [[nodiscard]] const Options& options() const { return m_options; }

    /// Success when the answer's body is the key authorization (surrounding whitespace allowed, as
    /// CAs allow it). Errors: ErrorCode::Dns (no address / elsewhere), NotFound (404), Tls, Timeout,
    /// Network, Protocol (wrong content, bad redirect); detail lists every hop.
    QCoro::Task<Status> check(Expectation expectation, CancelToken cancel = {}) const;
    /// The same, blocking the calling thread.
    [[nodiscard]] Status checkBlocking(const Expectation& expectation, const CancelToken& cancel) const;

    /// Largest answer read per hop.
    static constexpr qsizetype maxResponseBytes = 64 * 1024;

private:
    Options m_options;
};

} // namespace certdeck::challenge
