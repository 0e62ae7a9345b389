// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

namespace certdeck {

/// Writes `data` to `path` atomically: a temporary file in the same directory created with `mode`
/// from the start (a key is never readable by others, not even for a moment), fsync, rename over the
/// target, fsync the directory. A crash leaves either the old file or the new one, never half of one.
Status writeFileAtomic(const QString& path, const QByteArray& data, int mode = 0644);

/// Creates a directory (and parents) with `mode` for the last component; an existing directory gets
/// its mode set to `mode`.
Status makeDirectory(const QString& path, int mode = 0755);

} // namespace certdeck
