// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/ServerProcess.h"

#include <QByteArray>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace certdeck::test {

/// Debian's nginx (package nginx-light / nginx) as a real web server on free loopback ports, with its
/// own prefix, configuration, logs and temp paths in a temporary directory; nothing under /etc or
/// /var is read or written.
///
/// Two servers on 127.0.0.1:
///  - HTTP on httpPort() serving webroot() (the http-01 webroot: write
///    `.well-known/acme-challenge/TOKEN` under it and it is served at once);
///  - TLS on httpsPort() (TLSv1.2 and 1.3) serving the same webroot with a certificate issued by a tiny
///    CA generated here; clients trust caPath().
///
/// nginx runs in the foreground (`daemon off;`), by default as one process (`master_process off;`), so
/// stopping its PID stops everything, and it dies with the test process (PR_SET_PDEATHSIG).
///
/// Reload: nginx's single-process mode does not survive SIGHUP (checked on 1.22: after "reconfiguring"
/// both listeners accept connections but answer nothing usable), so reload() restarts the process on the
/// same ports with the same configuration. The PID changes; pid() gives the current one. Tests of code
/// that reloads nginx itself (deployment over SSH) use Options::masterProcess and reloadCommand().
///
/// Not thread-safe; use from the test's thread. Every call that can fail returns false and sets `error`.
class NginxFixture {
public:
    struct Options {
        /// `server_name` of both servers and DNS names of the generated certificate (IP SANs 127.0.0.1
        /// and ::1 are always added). Host names or `*.` wildcards only.
        QStringList serverNames{QStringLiteral("localhost"), QStringLiteral("example.test"),
                                QStringLiteral("www.example.test")};
        /// Like a typical port-80 server: everything except /.well-known/acme-challenge/ answers
        /// 301 to the same path on https://<host>:httpsPort().
        bool redirectToHttps = false;
        /// Run as nginx normally runs (`master_process on`, still in the foreground): a master with a
        /// worker, so `nginx -s reload` (SIGHUP to the master) really reloads configuration and
        /// certificates without a restart. reloadCommand() gives that command as argv. Stopped by the
        /// master's PID and process group.
        bool masterProcess = false;
        /// Adds `include <prefix>/sites/*.conf;` to the http block, for server blocks a test installs.
        bool sitesInclude = false;
    };

    NginxFixture();
    explicit NginxFixture(Options options);
    ~NginxFixture();
    NginxFixture(const NginxFixture&) = delete;
    NginxFixture& operator=(const NginxFixture&) = delete;

    /// Generates the CA and certificate, writes the configuration, starts nginx and waits until both
    /// ports accept connections. Fails naming the Debian package when nginx or openssl is missing.
    bool start(QString* error);
    /// Stops nginx by its PID (SIGTERM, then SIGKILL). Safe to call twice.
    void stop();
    /// Makes nginx read its configuration and certificate files again: a restart on the same ports
    /// (see the class comment). Waits until both ports accept connections again.
    bool reload(QString* error);
    /// Writes a new certificate (PEM, leaf first, chain may follow) and key (PEM, file mode 0600) in
    /// place of tlsCertPath()/tlsKeyPath(), checks them with `nginx -t` and reloads. When the check
    /// fails the previous files are put back, the running server is left alone, and `error` holds
    /// nginx's message (like `nginx -t && systemctl reload nginx`).
    bool replaceCertificate(const QByteArray& certPem, const QByteArray& keyPem, QString* error);
    /// Runs `nginx -t` against this fixture's configuration.
    bool testConfig(QString* error) const;
    /// Issues a new P-256 certificate for `dnsNames` (plus IP 127.0.0.1) from this fixture's CA, for
    /// tests that deploy a certificate clients trusting caPath() accept. The key is PEM (PKCS#8).
    bool issueCertificate(const QStringList& dnsNames, QByteArray* certPem, QByteArray* keyPem, QString* error);
    /// nginx as a command line against this fixture's prefix and configuration: the binary, then
    /// `args`, then -p, -c and -e. For commands a test runs itself or over SSH (`nginx -t`, `-s reload`).
    [[nodiscard]] QStringList nginxCommand(const QStringList& args) const;
    /// `nginx -s reload` for this instance (Options::masterProcess makes it a real reload).
    [[nodiscard]] QStringList reloadCommand() const {
        return nginxCommand({QStringLiteral("-s"), QStringLiteral("reload")});
    }
    /// `nginx -t -q` for this instance.
    [[nodiscard]] QStringList testCommand() const { return nginxCommand({QStringLiteral("-t"), QStringLiteral("-q")}); }
    /// Options::sitesInclude: the folder whose *.conf files are included in the http block.
    [[nodiscard]] QString sitesDir() const { return m_dir.filePath(QStringLiteral("sites")); }
    /// Writes `content` to webroot()/relativePath, creating directories. Rejects paths leaving the webroot.
    bool writeWebrootFile(const QString& relativePath, const QByteArray& content, QString* error) const;

    [[nodiscard]] quint16 httpPort() const { return m_httpPort; }
    [[nodiscard]] quint16 httpsPort() const { return m_httpsPort; }
    [[nodiscard]] QString prefix() const { return m_dir.path(); }
    [[nodiscard]] QString webroot() const { return m_dir.filePath(QStringLiteral("www")); }
    [[nodiscard]] QString confPath() const { return m_dir.filePath(QStringLiteral("conf/nginx.conf")); }
    [[nodiscard]] QString tlsCertPath() const { return m_dir.filePath(QStringLiteral("tls/cert.pem")); }
    [[nodiscard]] QString tlsKeyPath() const { return m_dir.filePath(QStringLiteral("tls/key.pem")); }
    [[nodiscard]] QString caPath() const { return m_dir.filePath(QStringLiteral("ca/ca.pem")); }
    [[nodiscard]] QString errorLogPath() const { return m_dir.filePath(QStringLiteral("logs/error.log")); }
    [[nodiscard]] QString accessLogPath() const { return m_dir.filePath(QStringLiteral("logs/access.log")); }
    /// The tail of nginx's error log and its stderr, for failure messages.
    [[nodiscard]] QString log() const;
    /// PID of the running nginx, 0 when stopped. Changes on reload().
    [[nodiscard]] qint64 pid() const;
    [[nodiscard]] bool isRunning() const;

private:
    bool makeCertificates(QString* error);
    bool writeConfig(QString* error);
    bool launch(QString* error);
    [[nodiscard]] QStringList nginxArgs() const;

    Options m_options;
    QTemporaryDir m_dir;
    QString m_nginx;
    QString m_openssl;
    quint16 m_httpPort = 0;
    quint16 m_httpsPort = 0;
    int m_issued = 0;
    std::unique_ptr<ServerProcess> m_process;
};

} // namespace certdeck::test
