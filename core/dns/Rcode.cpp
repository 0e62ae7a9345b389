// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/Rcode.h"

namespace certdeck::dns {

QString rcodeName(Rcode rcode) {
    switch (rcode) {
    case Rcode::NoError:
        return QStringLiteral("NOERROR");
    case Rcode::FormErr:
        return QStringLiteral("FORMERR");
    case Rcode::ServFail:
        return QStringLiteral("SERVFAIL");
    case Rcode::NxDomain:
        return QStringLiteral("NXDOMAIN");
    case Rcode::NotImp:
        return QStringLiteral("NOTIMP");
    case Rcode::Refused:
        return QStringLiteral("REFUSED");
    case Rcode::YxDomain:
        return QStringLiteral("YXDOMAIN");
    case Rcode::YxRrset:
        return QStringLiteral("YXRRSET");
    case Rcode::NxRrset:
        return QStringLiteral("NXRRSET");
    case Rcode::NotAuth:
        return QStringLiteral("NOTAUTH");
    case Rcode::NotZone:
        return QStringLiteral("NOTZONE");
    case Rcode::BadVers:
        return QStringLiteral("BADVERS");
    }
    return QStringLiteral("RCODE%1").arg(static_cast<quint16>(rcode));
}

} // namespace certdeck::dns
