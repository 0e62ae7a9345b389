// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/DnsAnswer.h"

namespace certdeck::dns {

QList<DnsRecord> DnsAnswer::answersOfType(RecordType type) const {
    QList<DnsRecord> out;
    for (const DnsRecord& r : answers) {
        if (r.type == type)
            out.append(r);
    }
    return out;
}

QStringList DnsAnswer::values(RecordType type) const {
    QStringList out;
    for (const DnsRecord& r : answers) {
        if (r.type == type)
            out.append(r.value);
    }
    return out;
}

} // namespace certdeck::dns
