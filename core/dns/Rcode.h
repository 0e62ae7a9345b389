// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace certdeck::dns {

/// A DNS response code (RFC 1035 §4.1.1, RFC 2136 §2.2, RFC 6891 §6.1.3 for the extended range).
/// An answer's rcode is a value, not an error: NXDOMAIN is a perfectly good answer. Codes without a
/// name here keep their numeric value (static_cast).
enum class Rcode : quint16 {
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NxDomain = 3,
    NotImp = 4,
    Refused = 5,
    YxDomain = 6,
    YxRrset = 7,
    NxRrset = 8,
    NotAuth = 9,
    NotZone = 10,
    BadVers = 16,
};

/// "NOERROR", "NXDOMAIN" ... as dig prints them, or "RCODE<n>".
QString rcodeName(Rcode rcode);

} // namespace certdeck::dns
