// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Base64Url.h"

namespace certdeck::crypto {

namespace {
bool isUrlAlphabet(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}
} // namespace

QByteArray base64url(const QByteArray& data) {
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool isBase64url(QByteArrayView text) {
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isUrlAlphabet(c))
            return false;
    }
    return true;
}

Result<QByteArray> fromBase64url(QByteArrayView text) {
    if (text.isEmpty())
        return QByteArray();
    if (!isBase64url(text))
        return Error(ErrorCode::InvalidInput, QStringLiteral("The text is not valid base64url."),
                     QStringLiteral("only A-Z a-z 0-9 - _ are allowed, without padding"));
    // A single leftover character carries 6 bits, less than one byte: no encoder produces it.
    if (text.size() % 4 == 1)
        return Error(ErrorCode::InvalidInput, QStringLiteral("The text is not valid base64url."),
                     QStringLiteral("truncated: impossible length %1").arg(text.size()));
    auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(), QByteArray::Base64UrlEncoding |
                                                                          QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Error(ErrorCode::InvalidInput, QStringLiteral("The text is not valid base64url."));
    // Non-zero unused bits in the last character would let two texts decode to the same bytes.
    if (base64url(*decoded) != text)
        return Error(ErrorCode::InvalidInput, QStringLiteral("The text is not valid base64url."),
                     QStringLiteral("non-canonical encoding (unused bits set)"));
    return std::move(*decoded);
}

} // namespace certdeck::crypto
