// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace certdeck::ssh {

/// SftpClient::stat's answer. A path that does not exist is a value (exists == false), not an error.
struct RemoteFileInfo {
    bool exists = false;
    bool isDirectory = false;
    bool isRegularFile = false;
    /// Permission bits (07777), e.g. 0600.
    int permissions = 0;
    quint64 size = 0;
    quint32 uid = 0;
    quint32 gid = 0;
    QDateTime modified;
};

} // namespace certdeck::ssh
