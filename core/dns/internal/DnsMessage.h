// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/dns/DnsAnswer.h"
#include "core/dns/RecordType.h"

#include <QByteArray>
#include <QList>

struct ldns_struct_rr;

namespace certdeck::dns::internal {

/// Building queries and reading responses (wire format through ldns, RFC 1035 §4). Pure functions,
/// thread-safe. Module-private: no ldns type in its signatures except the borrowed ldns_rr.
class DnsMessage {
public:
    /// EDNS(0) UDP payload size we advertise (RFC 6891 §6.2.5; 1232 per DNS Flag Day 2020, avoids IP fragments).
    static constexpr quint16 ednsUdpSize = 1232;

    /// Wire form of a query for (normalised name, type) in class IN with the given ID. `edns`
    /// adds an OPT record advertising ednsUdpSize.
    static Result<QByteArray> buildQuery(const QString& name, RecordType type, quint16 id, bool recursionDesired,
                                         bool edns);

    /// Reads a response to our question for (normalised name, type). A response whose question is
    /// not ours is a Protocol error (RFC 5452 §9.1); a malformed one too. `server` names the sender.
    static Result<DnsAnswer> parseResponse(const QByteArray& wire, const QString& name, RecordType type,
                                           const QString& server);

    /// Header fields straight from the wire (the caller checked the size is at least 12).
    static quint16 messageId(const QByteArray& wire);
    /// The TC bit: the answer did not fit in the UDP datagram (RFC 1035 §4.1.1; retry over TCP, RFC 7766 §5).
    static bool isTruncated(const QByteArray& wire);

    /// One record as plain values (see DnsRecord for the presentation of each type).
    static Result<DnsRecord> recordFromLdns(const ldns_struct_rr* rr);

    /// TXT rdata: a sequence of <length><octets> character-strings (RFC 1035 §3.3.14).
    static Result<QList<QByteArray>> parseTxtRdata(const QByteArray& rdata);
    /// CAA rdata (RFC 8659 §4.1.1): flags octet, tag length, tag (1..15 alphanumerics), value (the rest).
    /// Fills the CAA fields and `value` of `record`.
    static Status parseCaaRdata(const QByteArray& rdata, DnsRecord* record);
    /// `<flags> <tag> "<value>"` with `"` and `\` escaped and non-printable octets as \DDD (RFC 8659 §4.1.1, RFC 1035
    /// §5.1).
    static QString caaPresentation(quint8 flags, const QByteArray& tag, const QByteArray& value);
};

} // namespace certdeck::dns::internal
