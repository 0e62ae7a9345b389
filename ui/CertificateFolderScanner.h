// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/CertificateRow.h"

#include <QCoroTask>
#include <QList>
#include <QString>

namespace certdeck::ui {

/// Until the store feeds the dashboard: the certificates Certdeck saved under `<dataDir>/live/*/cert.pem`
/// (and `<dataDir>/sandbox/live/*/cert.pem`, marked as test certificates), read on the thread pool.
/// Unreadable or foreign files are skipped; at most `limit` folders are read.
class CertificateFolderScanner {
public:
    static QList<CertificateRow> scan(const QString& dataDir, int limit = 20000);
    /// scan() off the GUI thread.
    static QCoro::Task<QList<CertificateRow>> scanAsync(QString dataDir);
};

} // namespace certdeck::ui
