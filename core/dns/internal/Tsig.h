// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/dns/TsigKey.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace certdeck::dns::internal {

/// TSIG (RFC 8945) over an already built DNS message, with Qt's HMAC.
///
/// Why not ldns's ldns_pkt_tsig_sign/verify: ldns 1.8.3 misspells the SHA-384 algorithm name
/// ("hmac-shac384."), so it cannot sign or verify hmac-sha384 at all; one implementation for all
/// three algorithms is simpler to trust than two. Pure functions, thread-safe; time is a parameter.
class Tsig {
public:
    /// RFC 8945 §10: 300 seconds of clock skew tolerated.
    static constexpr quint16 defaultFudge = 300;

    /// TSIG error codes (RFC 8945 §4.3, IANA "DNS RCODEs"), as carried in the record's error field.
    static constexpr quint16 noError = 0;
    static constexpr quint16 badSig = 16;
    static constexpr quint16 badKey = 17;
    static constexpr quint16 badTime = 18;
    static constexpr quint16 badTrunc = 22;

    /// A TSIG record as found at the end of a message.
    struct Record {
        QString keyName;   ///< lower-case, trailing dot
        QString algorithm; ///< lower-case, trailing dot ("hmac-sha256.")
        quint64 timeSigned = 0;
        quint16 fudge = 0;
        QByteArray mac;
        quint16 originalId = 0;
        quint16 error = 0;
        QByteArray otherData;
        qsizetype offset = 0; ///< where the TSIG RR starts in the message
    };

    struct Signed {
        QByteArray wire; ///< the message with the TSIG RR appended and ARCOUNT raised
        QByteArray mac;  ///< the MAC, needed to verify the answer (RFC 8945 §5.3)
    };

    /// Signs `message` (RFC 8945 §4.3.3 digest components) with the key's decoded `secret` at
    /// `timeSigned` (seconds since the epoch). `requestMac` is empty for a request; a server
    /// signing its answer passes the request's MAC (§4.3.3, used by tests to play the server).
    static Result<Signed> sign(const QByteArray& message, const QString& keyName, TsigAlgorithm algorithm,
                               const QByteArray& secret, quint64 timeSigned, quint16 fudge = defaultFudge,
                               const QByteArray& requestMac = {}, quint16 error = noError);

    /// The TSIG record that ends `wire`, if any. A Protocol error when the message is malformed.
    static Result<std::optional<Record>> find(const QByteArray& wire);

    /// Verifies an answer's TSIG (RFC 8945 §5.3 and §5.4 from the client's side): same key and
    /// algorithm, a full-length MAC over the request MAC, the answer and the TSIG variables, and
    /// a time within the fudge of `now`. Dns errors that say which check failed.
    static Status verifyResponse(const QByteArray& wire, const Record& tsig, const QByteArray& requestMac,
                                 const QString& keyName, TsigAlgorithm algorithm, const QByteArray& secret,
                                 quint64 now);

    /// Canonical wire form of a normalised name (lower-case labels, no compression; RFC 4034 §6.2).
    static QByteArray nameToWire(const QString& normalised);
};

} // namespace certdeck::dns::internal
