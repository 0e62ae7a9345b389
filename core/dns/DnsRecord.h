// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dns/RecordType.h"

#include <QString>
#include <QStringList>

namespace certdeck::dns {

/// One resource record of an answer, as plain values.
struct DnsRecord {
    /// Owner name, normalised (lower-case, trailing dot; see DnsName).
    QString name;
    RecordType type = RecordType::A;
    quint32 ttl = 0;
    /// Presentation form of the data:
    ///  - A / AAAA: the address text ("192.0.2.1", "2001:db8::1");
    ///  - CNAME / NS: the target name, normalised ("ns1.example.com.");
    ///  - TXT: the character-strings joined, unquoted and unescaped (what an ACME server compares);
    ///  - CAA: `<flags> <tag> "<value>"` with `"` and `\` escaped ("0 issue \"letsencrypt.org\"");
    ///  - SOA: "mname. rname. serial refresh retry expire minimum";
    ///  - other types: ldns's presentation of the rdata fields, space separated.
    QString value;
    /// TXT only: the character-strings as the server sent them (RFC 1035 §3.3.14), each at most 255 octets.
    QStringList txtStrings;
    /// CAA only (RFC 8659 §4.1): flags octet (128 = critical), tag as sent, value as sent (not unescaped further).
    quint8 caaFlags = 0;
    QString caaTag;
    QString caaValue;
};

} // namespace certdeck::dns
