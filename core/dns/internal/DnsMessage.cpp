// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/internal/DnsMessage.h"

#include "core/dns/internal/LdnsPtr.h"

#include <QObject>

#include <arpa/inet.h>

namespace certdeck::dns::internal {

namespace {

QString rdfToString(const ldns_rdf* rdf) {
    if (!rdf)
        return {};
    LdnsString text(ldns_rdf2str(rdf));
    return text ? QString::fromLatin1(text.get()) : QString();
}

// Owner and target names as core/dns hands them out: ldns escapes anything unusual (\DDD), we lower-case.
QString nameToString(const ldns_rdf* rdf) {
    return rdfToString(rdf).toLower();
}

Result<QByteArray> rdataOf(const ldns_rr* rr) {
    LdnsBuffer buffer(ldns_buffer_new(512));
    if (!buffer || ldns_rr_rdata2buffer_wire(buffer.get(), rr) != LDNS_STATUS_OK)
        return Error(ErrorCode::Protocol, QObject::tr("A DNS record could not be read."), QStringLiteral("rdata2wire"));
    return QByteArray(reinterpret_cast<const char*>(ldns_buffer_begin(buffer.get())),
                      static_cast<qsizetype>(ldns_buffer_position(buffer.get())));
}

Error malformed(const QString& server, const QString& detail) {
    return Error(ErrorCode::Protocol, QObject::tr("The DNS server %1 sent a malformed answer.").arg(server), detail);
}

bool isPrintable(char c) {
    return c >= 0x20 && c <= 0x7e;
}

} // namespace

Result<QByteArray> DnsMessage::buildQuery(const QString& name, RecordType type, quint16 id, bool recursionDesired,
                                          bool edns) {
    ldns_rdf* qname = ldns_dname_new_frm_str(name.toLatin1().constData());
    if (!qname)
        return Error(ErrorCode::InvalidInput, QObject::tr("“%1” is not a valid DNS name.").arg(name));
    // ldns_pkt_query_new takes ownership of qname.
    LdnsPkt pkt(
        ldns_pkt_query_new(qname, static_cast<ldns_rr_type>(type), LDNS_RR_CLASS_IN, recursionDesired ? LDNS_RD : 0));
    if (!pkt)
        return Error(ErrorCode::Unknown, QObject::tr("The DNS query could not be built."));
    ldns_pkt_set_id(pkt.get(), id);
    if (edns)
        ldns_pkt_set_edns_udp_size(pkt.get(), ednsUdpSize);
    uint8_t* wire = nullptr;
    size_t size = 0;
    if (ldns_pkt2wire(&wire, pkt.get(), &size) != LDNS_STATUS_OK || !wire)
        return Error(ErrorCode::Unknown, QObject::tr("The DNS query could not be built."));
    LdnsBytes owned(wire);
    return QByteArray(reinterpret_cast<const char*>(wire), static_cast<qsizetype>(size));
}

quint16 DnsMessage::messageId(const QByteArray& wire) {
    if (wire.size() < 2)
        return 0;
    return static_cast<quint16>((static_cast<quint8>(wire[0]) << 8) | static_cast<quint8>(wire[1]));
}

bool DnsMessage::isTruncated(const QByteArray& wire) {
    return wire.size() >= 3 && (static_cast<quint8>(wire[2]) & 0x02) != 0;
}

Result<QList<QByteArray>> DnsMessage::parseTxtRdata(const QByteArray& rdata) {
    QList<QByteArray> strings;
    qsizetype pos = 0;
    while (pos < rdata.size()) {
        const qsizetype length = static_cast<quint8>(rdata[pos]);
        if (pos + 1 + length > rdata.size())
            return Error(ErrorCode::Protocol, QObject::tr("A TXT record is malformed."),
                         QStringLiteral("character-string of %1 octets at %2 overruns rdata of %3")
                             .arg(length)
                             .arg(pos)
                             .arg(rdata.size()));
        strings.append(rdata.mid(pos + 1, length));
        pos += 1 + length;
    }
    return strings;
}

QString DnsMessage::caaPresentation(quint8 flags, const QByteArray& tag, const QByteArray& value) {
    QString out = QStringLiteral("%1 %2 \"").arg(flags).arg(QString::fromLatin1(tag));
    for (char c : value) {
        if (c == '"' || c == '\\') {
            out += QLatin1Char('\\');
            out += QLatin1Char(c);
        } else if (isPrintable(c)) {
            out += QLatin1Char(c);
        } else {
            out += QStringLiteral("\\%1").arg(static_cast<quint8>(c), 3, 10, QLatin1Char('0'));
        }
    }
    out += QLatin1Char('"');
    return out;
}

Status DnsMessage::parseCaaRdata(const QByteArray& rdata, DnsRecord* record) {
    const auto bad = [&rdata](const QString& why) {
        return Error(ErrorCode::Protocol, QObject::tr("A CAA record is malformed."),
                     QStringLiteral("%1 (rdata %2)").arg(why, QString::fromLatin1(rdata.toHex())));
    };
    if (rdata.size() < 2)
        return bad(QStringLiteral("shorter than flags and tag length"));
    const quint8 flags = static_cast<quint8>(rdata[0]);
    const qsizetype tagLength = static_cast<quint8>(rdata[1]);
    // RFC 8659 §4.1.1: the tag is 1..15 ASCII letters and digits.
    if (tagLength < 1 || tagLength > 15)
        return bad(QStringLiteral("tag length %1 outside 1..15").arg(tagLength));
    if (2 + tagLength > rdata.size())
        return bad(QStringLiteral("tag overruns rdata"));
    const QByteArray tag = rdata.mid(2, tagLength);
    for (char c : tag) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum)
            return bad(QStringLiteral("tag has a character outside [A-Za-z0-9]"));
    }
    const QByteArray value = rdata.mid(2 + tagLength);
    record->caaFlags = flags;
    record->caaTag = QString::fromLatin1(tag);
    record->caaValue = QString::fromUtf8(value);
    record->value = caaPresentation(flags, tag, value);
    return {};
}

Result<DnsRecord> DnsMessage::recordFromLdns(const ldns_struct_rr* rr) {
    DnsRecord record;
    record.name = nameToString(ldns_rr_owner(rr));
    record.type = static_cast<RecordType>(ldns_rr_get_type(rr));
    record.ttl = ldns_rr_ttl(rr);
    const auto rdata = rdataOf(rr);
    if (!rdata)
        return rdata.error();

    switch (record.type) {
    case RecordType::A:
    case RecordType::AAAA: {
        const bool v4 = record.type == RecordType::A;
        if (rdata->size() != (v4 ? 4 : 16))
            return Error(ErrorCode::Protocol, QObject::tr("An address record is malformed."),
                         QStringLiteral("%1 rdata of %2 octets").arg(recordTypeName(record.type)).arg(rdata->size()));
        char text[INET6_ADDRSTRLEN] = {};
        if (!::inet_ntop(v4 ? AF_INET : AF_INET6, rdata->constData(), text, sizeof(text)))
            return Error(ErrorCode::Protocol, QObject::tr("An address record is malformed."));
        record.value = QString::fromLatin1(text);
        break;
    }
    case RecordType::CNAME:
    case RecordType::NS:
        if (ldns_rr_rd_count(rr) != 1)
            return Error(ErrorCode::Protocol,
                         QObject::tr("A %1 record is malformed.").arg(recordTypeName(record.type)));
        record.value = nameToString(ldns_rr_rdf(rr, 0));
        break;
    case RecordType::TXT: {
        auto strings = parseTxtRdata(*rdata);
        if (!strings)
            return strings.error();
        QByteArray joined;
        for (const QByteArray& s : *strings) {
            record.txtStrings.append(QString::fromUtf8(s));
            joined += s;
        }
        record.value = QString::fromUtf8(joined);
        break;
    }
    case RecordType::CAA:
        if (auto s = parseCaaRdata(*rdata, &record); !s)
            return s.error();
        break;
    case RecordType::SOA: {
        QStringList parts;
        for (size_t i = 0; i < ldns_rr_rd_count(rr); ++i)
            parts.append(i < 2 ? nameToString(ldns_rr_rdf(rr, i)) : rdfToString(ldns_rr_rdf(rr, i)));
        record.value = parts.join(QLatin1Char(' '));
        break;
    }
    default: {
        QStringList parts;
        for (size_t i = 0; i < ldns_rr_rd_count(rr); ++i)
            parts.append(rdfToString(ldns_rr_rdf(rr, i)));
        record.value = parts.join(QLatin1Char(' '));
        break;
    }
    }
    return record;
}

Result<DnsAnswer> DnsMessage::parseResponse(const QByteArray& wire, const QString& name, RecordType type,
                                            const QString& server) {
    ldns_pkt* raw = nullptr;
    const ldns_status status =
        ldns_wire2pkt(&raw, reinterpret_cast<const uint8_t*>(wire.constData()), static_cast<size_t>(wire.size()));
    LdnsPkt pkt(raw);
    if (status != LDNS_STATUS_OK || !pkt)
        return malformed(server, QString::fromLatin1(ldns_get_errorstr_by_id(status)));
    if (!ldns_pkt_qr(pkt.get()))
        return malformed(server, QStringLiteral("QR bit not set"));

    DnsAnswer answer;
    answer.server = server;
    // RFC 6891 §6.1.3: the OPT record carries the upper 8 bits of a 12-bit rcode.
    answer.rcode = static_cast<Rcode>((static_cast<quint16>(ldns_pkt_edns_extended_rcode(pkt.get())) << 4) |
                                      static_cast<quint16>(ldns_pkt_get_rcode(pkt.get())));
    answer.authoritative = ldns_pkt_aa(pkt.get());

    // RFC 5452 §9.1: accept only an answer to the question we asked. Error responses may omit it.
    const ldns_rr_list* question = ldns_pkt_question(pkt.get());
    const size_t qdcount = question ? ldns_rr_list_rr_count(question) : 0;
    if (qdcount == 0) {
        if (answer.rcode == Rcode::NoError)
            return malformed(server, QStringLiteral("answer without a question section"));
    } else {
        const ldns_rr* q = ldns_rr_list_rr(question, 0);
        if (qdcount != 1 || nameToString(ldns_rr_owner(q)) != name ||
            ldns_rr_get_type(q) != static_cast<ldns_rr_type>(type) || ldns_rr_get_class(q) != LDNS_RR_CLASS_IN)
            return Error(ErrorCode::Protocol,
                         QObject::tr("The DNS server %1 sent an answer to a question we did not ask.").arg(server),
                         QStringLiteral("question %1 %2").arg(nameToString(ldns_rr_owner(q))).arg(ldns_rr_get_type(q)));
    }

    const auto convert = [](const ldns_rr_list* list, QList<DnsRecord>* out) -> Status {
        const size_t count = list ? ldns_rr_list_rr_count(list) : 0;
        for (size_t i = 0; i < count; ++i) {
            auto record = recordFromLdns(ldns_rr_list_rr(list, i));
            if (!record)
                return record.error();
            out->append(std::move(record).value());
        }
        return {};
    };
    if (auto s = convert(ldns_pkt_answer(pkt.get()), &answer.answers); !s)
        return malformed(server, s.error().detail.isEmpty() ? s.error().userMessage : s.error().detail);
    if (auto s = convert(ldns_pkt_authority(pkt.get()), &answer.authority); !s)
        return malformed(server, s.error().detail.isEmpty() ? s.error().userMessage : s.error().detail);
    return answer;
}

} // namespace certdeck::dns::internal
