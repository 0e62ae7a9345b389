// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/monitor/TlsProbe.h"
#include "core/ssh/SshTarget.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace certdeck::deploy {

/// What one file on the server holds.
enum class FileContent {
    Certificate, ///< the leaf alone (PEM)
    Chain,       ///< the CA certificates after the leaf
    FullChain,   ///< leaf + chain: what nginx, Apache 2.4.8+, Postfix and Dovecot want
    PrivateKey,  ///< PKCS#8 PEM
    Combined,    ///< full chain + key in one file (HAProxy)
};

/// One file to install.
struct DeployFile {
    FileContent content = FileContent::FullChain;
    /// Absolute path on the server.
    QString path;
    /// Permission bits; files holding the key default to 0600.
    int mode = 0644;
};

/// The services Certdeck knows how to fill in a target for.
enum class DeployPreset { Nginx, Apache, HaProxy, Postfix, Dovecot, Generic };

/// Where a certificate goes and how the server is told: a server, the files (owner, group, mode),
/// the service's configuration test and reload command (argv lists, never shell strings: see
/// ssh::RemoteCommand), and the address whose TLS handshake proves the new certificate is served.
struct DeployTarget {
    /// Shown in reports ("web1"); empty: the server's display name.
    QString name;
    ssh::SshTarget server;
    QList<DeployFile> files;
    /// Owner and group of the installed files. Empty without useSudo: as created by the login user;
    /// empty with useSudo: those of the file replaced, else root's.
    QString owner;
    QString group;
    /// For a login user who cannot write the target folders: every file operation, the configuration
    /// test and the reload run as root through `sudo -n` (never prompting). The content is uploaded
    /// over SFTP to a private `mktemp -d` folder of the login user, then `install -m MODE -o -g` puts
    /// it beside the target and `mv -f` into place (see ssh::SudoFiles). Checked with `sudo -n true`
    /// before anything on the server is touched.
    bool useSudo = false;
    /// Checks the service's configuration before a reload ({"nginx", "-t"}); empty: none.
    QStringList configTest;
    /// Makes the service load the new files ({"systemctl", "reload", "nginx"}); empty: none.
    QStringList reload;
    /// Verify with a TLS handshake that the new certificate is served.
    bool verify = true;
    /// Where to connect for the verification; empty: the SSH server's host.
    QString verifyHost;
    quint16 verifyPort = 443;
    /// SNI name for the verification; empty: the certificate's first DNS name.
    QString verifyServerName;
    /// How TLS starts on the verify port: empty: by the port (25 and 587 SMTP STARTTLS, 143 IMAP,
    /// 110 POP3, anything else TLS at once; monitor::TlsProbe::startTlsForPort), so a stored target
    /// whose port was changed to 465 or 993 stays right.
    std::optional<monitor::StartTls> verifyStartTls;
    /// verifyStartTls, or the port's usual upgrade.
    [[nodiscard]] monitor::StartTls effectiveStartTls() const;
    /// How to ask the verify address what it serves: verifyHost (else the SSH host), verifyPort, the
    /// SNI name verifyServerName (else the certificate's first name; a wildcard's label replaced so
    /// it is a name a server can match), STARTTLS as effectiveStartTls(). `certificateNames`: the
    /// DNS names of the certificate being deployed or checked.
    [[nodiscard]] monitor::TlsProbe::Options verifyProbe(const QStringList& certificateNames) const;

    /// A target for `preset`: files named like certbot's live/ folder in `directory` (fullchain.pem,
    /// privkey.pem; HAProxy: one combined certificate.pem), the service's test and reload commands and
    /// verify port (443; Postfix 25 with SMTP STARTTLS, Dovecot 143 with IMAP STARTTLS — set
    /// verifyPort to 465 or 993 for their implicit-TLS ports). Adjust afterwards.
    static DeployTarget fromPreset(DeployPreset preset, const ssh::SshTarget& server, const QString& directory);
    /// "nginx", "apache", "haproxy", "postfix", "dovecot", "generic".
    static Result<DeployPreset> presetFromName(const QString& name);
    static QString presetName(DeployPreset preset);

    [[nodiscard]] QString displayName() const;
    /// Refuses what cannot be installed safely: no files, relative paths, paths with NUL or newline
    /// characters or "..", two files on one path, group/world-readable key files, empty argv entries,
    /// owner/group names that are not plain account names.
    [[nodiscard]] Status validate() const;
};

} // namespace certdeck::deploy
