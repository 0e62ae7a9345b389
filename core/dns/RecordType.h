// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace certdeck::dns {

/// The record types Certdeck asks for (IANA "Resource Record (RR) TYPEs"). Records of other types
/// that appear in answers keep their numeric value (static_cast) and are shown as "TYPE<n>".
enum class RecordType : quint16 {
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    TXT = 16,
    AAAA = 28,
    CAA = 257,
};

/// "A", "CAA" ..., or "TYPE<n>" (RFC 3597 §5) for a type without a name here.
QString recordTypeName(RecordType type);

} // namespace certdeck::dns
