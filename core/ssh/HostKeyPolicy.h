// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/ssh/HostKeyInfo.h"

#include <QString>
#include <QStringList>

namespace certdeck::ssh {

/// Decides whether a server's host key is trusted, from two OpenSSH known_hosts files: Certdeck's
/// own (the only one written, 0600) and the user's ~/.ssh/known_hosts (read, never written). Plain,
/// hashed (|1|...) and wildcard host entries and "[host]:port" names are understood; a key marked
/// @revoked is refused; @cert-authority lines are ignored.
///
/// First contact is never silent: an unknown key is an error carrying its fingerprint, and only an
/// explicit trust() records it. A different key for a known host is refused.
///
/// Thread-safe: any thread may call it; writes to Certdeck's file are serialised process-wide.
class HostKeyPolicy {
public:
    HostKeyPolicy(QString certdeckKnownHostsFile, QString userKnownHostsFile);

    /// Where a presented key stands, and which known_hosts line decided it.
    struct Lookup {
        HostKeyStatus status = HostKeyStatus::Unknown;
        QString file;         ///< the file of the matching or conflicting line
        int line = 0;         ///< 1-based; 0 when Unknown
        QString recordedType; ///< key type on that line
        bool revoked = false; ///< the presented key is listed as @revoked
    };

    [[nodiscard]] Lookup lookup(const HostKeyInfo& presented) const;
    /// Known: success. Unknown: ErrorCode::HostKeyUnknown. Changed or revoked: ErrorCode::HostKeyChanged.
    /// The error's detail starts with HostKeyInfo::toDetailLine() (see HostKeyInfo::fromError).
    [[nodiscard]] Status check(const HostKeyInfo& presented) const;
    /// Records the key in Certdeck's file. Already known: nothing to do. Changed: refused unless
    /// replaceChanged, and then only when the old key is in Certdeck's own file (its lines for this
    /// host are replaced). A revoked key is never recorded.
    Status trust(const HostKeyInfo& presented, bool replaceChanged = false) const;
    /// Key types recorded for host:port in either file (SSH names, in file order), so the client
    /// can ask the server for a key it can verify.
    [[nodiscard]] QStringList knownKeyTypes(const QString& host, int port) const;

    [[nodiscard]] const QString& certdeckFile() const { return m_certdeckFile; }
    [[nodiscard]] const QString& userFile() const { return m_userFile; }

private:
    QString m_certdeckFile;
    QString m_userFile;
};

} // namespace certdeck::ssh
