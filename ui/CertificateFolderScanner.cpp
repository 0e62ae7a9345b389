// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CertificateFolderScanner.h"

#include "core/common/Async.h"
#include "core/crypto/Certificate.h"

#include <QDir>
#include <QFile>

namespace certdeck::ui {

QList<CertificateRow> CertificateFolderScanner::scan(const QString& dataDir, int limit) {
    QList<CertificateRow> rows;
    for (const bool sandbox : {false, true}) {
        const QDir live(dataDir + (sandbox ? QStringLiteral("/sandbox/live") : QStringLiteral("/live")));
        const QStringList folders = live.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString& name : folders) {
            if (rows.size() >= limit)
                return rows;
            QFile f(live.filePath(name) + QStringLiteral("/cert.pem"));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            auto cert = crypto::Certificate::fromPem(f.read(256 * 1024)); // a certificate is a few KiB
            if (!cert)
                continue;
            CertificateRow row = CertificateRow::fromCertificate(*cert);
            row.location = live.filePath(name);
            row.sandbox = sandbox;
            rows << row;
        }
    }
    return rows;
}

QCoro::Task<QList<CertificateRow>> CertificateFolderScanner::scanAsync(QString dataDir) {
    auto job = runBlocking([dataDir] { return scan(dataDir); });
    // Named, then returned: no temporary list inside the co_await's full expression (GCC 12).
    QList<CertificateRow> rows = co_await job;
    co_return rows;
}

} // namespace certdeck::ui
