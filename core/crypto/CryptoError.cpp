// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/CryptoError.h"

#include <openssl/err.h>

#include <QStringList>

namespace certdeck::crypto {

Error opensslError(const QString& userMessage, ErrorCode code) {
    QStringList lines;
    const char* data = nullptr;
    int flags = 0;
    // Bounded: the queue holds at most ERR_NUM_ERRORS entries, but never trust a loop on a C queue.
    for (int i = 0; i < 32; ++i) {
        const unsigned long e = ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags);
        if (e == 0)
            break;
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        QString line = QString::fromLatin1(buf);
        if (data && (flags & ERR_TXT_STRING) && *data)
            line += QStringLiteral(" (") + QString::fromUtf8(data) + QLatin1Char(')');
        lines.append(line);
    }
    ERR_clear_error();
    return Error(code, userMessage, lines.join(QStringLiteral("; ")));
}

void clearOpensslErrors() {
    ERR_clear_error();
}

} // namespace certdeck::crypto
