// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/deploy/DeployTarget.h"

#include <QCoroTask>
#include <QString>
#include <QStringList>

#include <memory>

namespace certdeck::ssh {
class SshSession;
}

namespace certdeck::deploy {

/// An nginx reverse-proxy site for one name, what the seed tutorials did by hand: a port-80 server
/// that answers `/.well-known/acme-challenge/` from a webroot (RFC 8555 §8.3) and redirects
/// everything else to HTTPS, and a TLS server (TLS 1.2 and 1.3 only, HSTS optional) that proxies to
/// an upstream with WebSocket upgrade headers.
///
/// install() bootstraps with a self-signed placeholder (crypto::CertificateAuthority::selfSigned)
/// when no certificate is there yet, so nginx starts before the first real certificate; it runs the
/// configuration test before every reload and puts the previous server block back when the test or
/// the reload fails. Everything from a user goes through strict validation first: names are host
/// names, paths hold no characters nginx would read as syntax or variables.
class NginxSite {
public:
    struct Options {
        QString serverName;
        QStringList aliases; ///< more server_name entries (www.)
        /// "127.0.0.1:5000", "[::1]:8080", "app.internal:80" or "unix:/run/app.sock".
        QString upstream = QStringLiteral("127.0.0.1:5000");
        /// Empty: the defaults below, named after serverName.
        QString webroot;         ///< /var/www/certdeck-acme
        QString certificatePath; ///< /etc/ssl/certdeck/<name>/fullchain.pem
        QString keyPath;         ///< /etc/ssl/certdeck/<name>/privkey.pem
        QString configPath;      ///< /etc/nginx/conf.d/certdeck-<name>.conf
        /// Empty: every address (IPv4, and IPv6 when `ipv6`); else that one address.
        QString listenAddress;
        bool ipv6 = true;
        quint16 httpPort = 80;
        quint16 httpsPort = 443;
        bool http2 = true;
        /// Strict-Transport-Security for two years; only once HTTPS works for good.
        bool hsts = false;
        QStringList configTest{QStringLiteral("nginx"), QStringLiteral("-t")};
        QStringList reload{QStringLiteral("systemctl"), QStringLiteral("reload"), QStringLiteral("nginx")};
        bool useSudo = false;
    };

    struct Installed {
        QString configPath;
        QString config;
        /// A self-signed placeholder was installed (no certificate was there).
        bool placeholder = false;
    };

    /// Fills in the default paths.
    [[nodiscard]] static Options withDefaults(Options options);
    [[nodiscard]] static Status validate(const Options& options);
    /// The configuration file's text (after withDefaults + validate).
    [[nodiscard]] static Result<QString> render(const Options& options);
    /// Installs over `session` (see the class comment). Blocking work is on the session's worker.
    static QCoro::Task<Result<Installed>> install(std::shared_ptr<ssh::SshSession> session, Options options,
                                                  Progress& progress, CancelToken cancel);
    /// Where the Deployer puts real certificates for this site (same paths, test, reload; verify
    /// on httpsPort with SNI serverName).
    [[nodiscard]] static DeployTarget deployTarget(const Options& options, const ssh::SshTarget& server);
};

} // namespace certdeck::deploy
