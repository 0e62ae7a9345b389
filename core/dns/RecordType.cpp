// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/RecordType.h"

namespace certdeck::dns {

QString recordTypeName(RecordType type) {
    switch (type) {
    case RecordType::A:
        return QStringLiteral("A");
    case RecordType::NS:
        return QStringLiteral("NS");
    case RecordType::CNAME:
        return QStringLiteral("CNAME");
    case RecordType::SOA:
        return QStringLiteral("SOA");
    case RecordType::TXT:
        return QStringLiteral("TXT");
    case RecordType::AAAA:
        return QStringLiteral("AAAA");
    case RecordType::CAA:
        return QStringLiteral("CAA");
    }
    return QStringLiteral("TYPE%1").arg(static_cast<quint16>(type));
}

} // namespace certdeck::dns
