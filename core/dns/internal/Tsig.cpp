// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/internal/Tsig.h"

#include <QMessageAuthenticationCode>
#include <QObject>
#include <QStringList>

namespace certdeck::dns::internal {

namespace {

constexpr quint16 typeTsig = 250;
constexpr quint16 classAny = 255;

QCryptographicHash::Algorithm hashOf(TsigAlgorithm algorithm) {
    switch (algorithm) {
    case TsigAlgorithm::HmacSha256:
        return QCryptographicHash::Sha256;
    case TsigAlgorithm::HmacSha384:
        return QCryptographicHash::Sha384;
    case TsigAlgorithm::HmacSha512:
        return QCryptographicHash::Sha512;
    }
    return QCryptographicHash::Sha256;
}

void put16(QByteArray* out, quint16 v) {
    out->append(static_cast<char>(v >> 8));
    out->append(static_cast<char>(v & 0xff));
}

void put32(QByteArray* out, quint32 v) {
    put16(out, static_cast<quint16>(v >> 16));
    put16(out, static_cast<quint16>(v & 0xffff));
}

void put48(QByteArray* out, quint64 v) {
    put16(out, static_cast<quint16>((v >> 32) & 0xffff));
    put32(out, static_cast<quint32>(v & 0xffffffffu));
}

quint16 get16(const QByteArray& b, qsizetype pos) {
    return static_cast<quint16>((static_cast<quint8>(b[pos]) << 8) | static_cast<quint8>(b[pos + 1]));
}

quint32 get32(const QByteArray& b, qsizetype pos) {
    return (static_cast<quint32>(get16(b, pos)) << 16) | get16(b, pos + 2);
}

Error malformed(const QString& detail) {
    return Error(ErrorCode::Protocol, QObject::tr("The DNS server sent a malformed answer."), detail);
}

// Reads a (possibly compressed) name at `*pos`, advancing past it in the message. Pointer loops
// and overlong names are refused (RFC 1035 §4.1.4).
Result<QString> readName(const QByteArray& wire, qsizetype* pos) {
    QStringList labels;
    qsizetype p = *pos;
    qsizetype end = -1; // where the name ends in the message once we followed a pointer
    int jumps = 0;
    qsizetype length = 1;
    for (;;) {
        if (p >= wire.size())
            return malformed(QStringLiteral("name runs past the message"));
        const quint8 len = static_cast<quint8>(wire[p]);
        if ((len & 0xc0) == 0xc0) {
            if (p + 1 >= wire.size() || ++jumps > 64)
                return malformed(QStringLiteral("bad compression pointer"));
            if (end < 0)
                end = p + 2;
            p = ((len & 0x3f) << 8) | static_cast<quint8>(wire[p + 1]);
            continue;
        }
        if ((len & 0xc0) != 0)
            return malformed(QStringLiteral("unknown label type"));
        if (len == 0) {
            ++p;
            break;
        }
        if (p + 1 + len > wire.size())
            return malformed(QStringLiteral("label runs past the message"));
        length += len + 1;
        if (length > 255)
            return malformed(QStringLiteral("name longer than 255 octets"));
        labels.append(QString::fromLatin1(wire.mid(p + 1, len)).toLower());
        p += 1 + len;
    }
    *pos = end >= 0 ? end : p;
    return labels.isEmpty() ? QStringLiteral(".") : labels.join(QLatin1Char('.')) + QLatin1Char('.');
}

Status skipName(const QByteArray& wire, qsizetype* pos) {
    auto name = readName(wire, pos);
    return name ? Status() : Status(name.error());
}

// TSIG variables (RFC 8945 §4.3.3): key name, class, TTL, algorithm, time, fudge, error, other data.
QByteArray variables(const QString& keyName, const QString& algorithm, quint64 timeSigned, quint16 fudge, quint16 error,
                     const QByteArray& otherData) {
    QByteArray v = Tsig::nameToWire(keyName);
    put16(&v, classAny);
    put32(&v, 0);
    v += Tsig::nameToWire(algorithm);
    put48(&v, timeSigned);
    put16(&v, fudge);
    put16(&v, error);
    put16(&v, static_cast<quint16>(otherData.size()));
    v += otherData;
    return v;
}

QByteArray hmac(TsigAlgorithm algorithm, const QByteArray& secret, const QByteArray& requestMac,
                const QByteArray& message, const QByteArray& vars) {
    QMessageAuthenticationCode code(hashOf(algorithm), secret);
    if (!requestMac.isEmpty()) {
        QByteArray prefix;
        put16(&prefix, static_cast<quint16>(requestMac.size()));
        code.addData(prefix);
        code.addData(requestMac);
    }
    code.addData(message);
    code.addData(vars);
    return code.result();
}

// Constant time, so a forger learns nothing from how long the comparison took.
bool sameBytes(const QByteArray& a, const QByteArray& b) {
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

QByteArray Tsig::nameToWire(const QString& normalised) {
    QByteArray out;
    if (normalised != QLatin1String(".")) {
        const QStringList labels = normalised.toLower().split(QLatin1Char('.'), Qt::SkipEmptyParts);
        for (const QString& label : labels) {
            const QByteArray l = label.toLatin1();
            out.append(static_cast<char>(l.size()));
            out.append(l);
        }
    }
    out.append('\0');
    return out;
}

Result<Tsig::Signed> Tsig::sign(const QByteArray& message, const QString& keyName, TsigAlgorithm algorithm,
                                const QByteArray& secret, quint64 timeSigned, quint16 fudge,
                                const QByteArray& requestMac, quint16 error) {
    if (message.size() < 12)
        return Error(ErrorCode::InvalidInput, QObject::tr("The DNS message is too short to sign."));
    const QString algorithmName = TsigKey::algorithmName(algorithm);
    const QByteArray mac =
        hmac(algorithm, secret, requestMac, message, variables(keyName, algorithmName, timeSigned, fudge, error, {}));

    QByteArray rdata = nameToWire(algorithmName);
    put48(&rdata, timeSigned);
    put16(&rdata, fudge);
    put16(&rdata, static_cast<quint16>(mac.size()));
    rdata += mac;
    rdata += message.left(2); // original ID
    put16(&rdata, error);
    put16(&rdata, 0); // no other data

    Signed out;
    out.mac = mac;
    out.wire = message;
    out.wire += nameToWire(keyName);
    put16(&out.wire, typeTsig);
    put16(&out.wire, classAny);
    put32(&out.wire, 0);
    put16(&out.wire, static_cast<quint16>(rdata.size()));
    out.wire += rdata;
    // ARCOUNT + 1 (RFC 8945 §4.2: the TSIG RR is the last record of the additional section).
    const quint16 arcount = get16(message, 10);
    if (arcount == 0xffff)
        return Error(ErrorCode::InvalidInput, QObject::tr("The DNS message has too many records to sign."));
    out.wire[10] = static_cast<char>((arcount + 1) >> 8);
    out.wire[11] = static_cast<char>((arcount + 1) & 0xff);
    return out;
}

Result<std::optional<Tsig::Record>> Tsig::find(const QByteArray& wire) {
    if (wire.size() < 12)
        return malformed(QStringLiteral("shorter than a header"));
    const quint16 qd = get16(wire, 4);
    const quint32 rrs = static_cast<quint32>(get16(wire, 6)) + get16(wire, 8) + get16(wire, 10);
    if (get16(wire, 10) == 0)
        return std::optional<Record>();
    qsizetype pos = 12;
    for (quint16 i = 0; i < qd; ++i) {
        if (auto s = skipName(wire, &pos); !s)
            return s.error();
        pos += 4;
    }
    for (quint32 i = 0; i + 1 < rrs; ++i) {
        if (auto s = skipName(wire, &pos); !s)
            return s.error();
        if (pos + 10 > wire.size())
            return malformed(QStringLiteral("record header runs past the message"));
        pos += 10 + get16(wire, pos + 8);
    }
    const qsizetype offset = pos;
    auto keyName = readName(wire, &pos);
    if (!keyName)
        return keyName.error();
    if (pos + 10 > wire.size())
        return malformed(QStringLiteral("record header runs past the message"));
    if (get16(wire, pos) != typeTsig)
        return std::optional<Record>();
    const qsizetype rdlength = get16(wire, pos + 8);
    pos += 10;
    const qsizetype rdataEnd = pos + rdlength;
    if (rdataEnd != wire.size())
        return malformed(QStringLiteral("TSIG record is not the end of the message"));

    Record r;
    r.offset = offset;
    r.keyName = *keyName;
    auto algorithm = readName(wire, &pos);
    if (!algorithm)
        return algorithm.error();
    r.algorithm = *algorithm;
    if (pos + 10 > rdataEnd)
        return malformed(QStringLiteral("TSIG rdata too short"));
    r.timeSigned = (static_cast<quint64>(get16(wire, pos)) << 32) | get32(wire, pos + 2);
    r.fudge = get16(wire, pos + 6);
    const qsizetype macSize = get16(wire, pos + 8);
    pos += 10;
    if (pos + macSize + 6 > rdataEnd)
        return malformed(QStringLiteral("TSIG MAC runs past the record"));
    r.mac = wire.mid(pos, macSize);
    pos += macSize;
    r.originalId = get16(wire, pos);
    r.error = get16(wire, pos + 2);
    const qsizetype otherSize = get16(wire, pos + 4);
    pos += 6;
    if (pos + otherSize != rdataEnd)
        return malformed(QStringLiteral("TSIG other data does not fill the record"));
    r.otherData = wire.mid(pos, otherSize);
    return std::optional<Record>(std::move(r));
}

Status Tsig::verifyResponse(const QByteArray& wire, const Record& tsig, const QByteArray& requestMac,
                            const QString& keyName, TsigAlgorithm algorithm, const QByteArray& secret, quint64 now) {
    const auto failed = [](const QString& why) {
        return Error(ErrorCode::Dns,
                     QObject::tr("The DNS server's answer could not be verified with the TSIG key (%1); the "
                                 "update may or may not have been applied.")
                         .arg(why));
    };
    if (QString::compare(tsig.keyName, keyName, Qt::CaseInsensitive) != 0)
        return failed(QStringLiteral("signed with key %1").arg(tsig.keyName));
    if (tsig.algorithm != TsigKey::algorithmName(algorithm))
        return failed(QStringLiteral("signed with algorithm %1").arg(tsig.algorithm));
    // RFC 8945 §5.2.2.1 allows truncated MACs only when asked for; we never ask.
    const int fullSize = QCryptographicHash::hashLength(hashOf(algorithm));
    if (tsig.mac.size() != fullSize)
        return failed(QStringLiteral("MAC of %1 octets instead of %2").arg(tsig.mac.size()).arg(fullSize));

    // The answer as it was before the TSIG RR was added: original ID, ARCOUNT - 1 (RFC 8945 §4.3.3).
    QByteArray message = wire.left(tsig.offset);
    message[0] = static_cast<char>(tsig.originalId >> 8);
    message[1] = static_cast<char>(tsig.originalId & 0xff);
    const quint16 arcount = get16(message, 10);
    if (arcount == 0)
        return failed(QStringLiteral("no additional records"));
    message[10] = static_cast<char>((arcount - 1) >> 8);
    message[11] = static_cast<char>((arcount - 1) & 0xff);

    const QByteArray expected =
        hmac(algorithm, secret, requestMac, message,
             variables(tsig.keyName, tsig.algorithm, tsig.timeSigned, tsig.fudge, tsig.error, tsig.otherData));
    if (!sameBytes(expected, tsig.mac))
        return failed(QStringLiteral("wrong MAC"));
    // RFC 8945 §5.4: the signature must be recent, or it may be a replay.
    const quint64 skew = now > tsig.timeSigned ? now - tsig.timeSigned : tsig.timeSigned - now;
    if (skew > tsig.fudge)
        return failed(QStringLiteral("signed %1 s away from this computer's clock").arg(skew));
    return {};
}

} // namespace certdeck::dns::internal
