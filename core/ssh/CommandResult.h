// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace certdeck::ssh {

/// What a remote command did. Output is bounded: beyond maxOutputBytes per stream the rest is read
/// and dropped, and the matching *Truncated flag is set.
struct CommandResult {
    static constexpr qsizetype maxOutputBytes = 1 << 20;

    /// The command's exit status; -1 when it was killed by a signal or the server sent none.
    int exitCode = -1;
    QByteArray stdOut;
    QByteArray stdErr;
    bool stdOutTruncated = false;
    bool stdErrTruncated = false;

    [[nodiscard]] bool succeeded() const { return exitCode == 0; }
};

} // namespace certdeck::ssh
