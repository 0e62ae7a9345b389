// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dns/DnsRecord.h"
#include "core/dns/Rcode.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace certdeck::dns {

/// A DNS server's answer to one question. Negative answers (NXDOMAIN, or NOERROR with no records
/// of the asked type: "NODATA") are answers, not errors; the zone's SOA then sits in `authority`.
struct DnsAnswer {
    /// The full response code (including the EDNS extended bits, RFC 6891 §6.1.3).
    Rcode rcode = Rcode::NoError;
    /// The AA bit: the server is authoritative for the name (RFC 1035 §4.1.1).
    bool authoritative = false;
    /// Answer section, in the order the server sent it (a CNAME chain comes before its target's records).
    QList<DnsRecord> answers;
    /// Authority section (SOA of negative answers, NS of referrals).
    QList<DnsRecord> authority;
    /// Who answered, as NameServer::toString() ("127.0.0.1:5353").
    QString server;
    /// Whether the answer came over TCP (the UDP answer was truncated, or TCP was asked for).
    bool overTcp = false;

    /// Answer records of `type` (owner names not checked: follow `answers` for CNAME chains).
    [[nodiscard]] QList<DnsRecord> answersOfType(RecordType type) const;
    /// The `value` of every answer record of `type`.
    [[nodiscard]] QStringList values(RecordType type) const;
};

} // namespace certdeck::dns
