// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/Rfc2136Updater.h"

#include "core/common/Async.h"
#include "core/common/Log.h"
#include "core/common/SecureBytes.h"
#include "core/dns/DnsName.h"
#include "core/dns/Rcode.h"
#include "core/dns/Resolver.h"
#include "core/dns/internal/DnsMessage.h"
#include "core/dns/internal/DnsTransport.h"
#include "core/dns/internal/LdnsPtr.h"
#include "core/dns/internal/Tsig.h"

#include <QObject>
#include <QRandomGenerator>

namespace certdeck::dns {

using internal::DnsMessage;
using internal::DnsTransport;
using internal::Tsig;

namespace {

// Far more than any dns-01 value (43 octets) and still well inside one DNS message.
constexpr qsizetype maxTxtValueSize = 8192;

struct UpdateJob {
    NameServer server;
    Transport transport = Transport::Tcp;
    std::chrono::milliseconds timeout{5000};
    QString keyName; // normalised
    TsigAlgorithm algorithm = TsigAlgorithm::HmacSha256;
    SecureBytes secret; // decoded
    std::shared_ptr<Clock> clock;
    QString zone;
    QString name;
    QByteArray value;
    quint32 ttl = 0;
    bool add = true;
};

Error buildError() {
    return Error(ErrorCode::Unknown, QObject::tr("The DNS update could not be built."));
}

// RFC 2136 §2.5.1 (add to an RRset: class IN, the TTL) and §2.5.4 (delete an RR from an RRset:
// class NONE, TTL 0, the exact rdata); the zone section names the zone (§2.3).
Result<QByteArray> buildUpdate(const UpdateJob& job, quint16 id) {
    internal::LdnsRr rr(ldns_rr_new());
    ldns_rdf* owner = ldns_dname_new_frm_str(job.name.toLatin1().constData());
    if (!rr || !owner) {
        ldns_rdf_deep_free(owner);
        return buildError();
    }
    ldns_rr_set_owner(rr.get(), owner);
    ldns_rr_set_type(rr.get(), LDNS_RR_TYPE_TXT);
    ldns_rr_set_class(rr.get(), job.add ? LDNS_RR_CLASS_IN : LDNS_RR_CLASS_NONE);
    ldns_rr_set_ttl(rr.get(), job.add ? job.ttl : 0);
    qsizetype pos = 0;
    do {
        const QByteArray chunk = job.value.mid(pos, 255);
        QByteArray characterString;
        characterString.append(static_cast<char>(chunk.size()));
        characterString.append(chunk);
        ldns_rdf* rdf = ldns_rdf_new_frm_data(LDNS_RDF_TYPE_STR, static_cast<size_t>(characterString.size()),
                                              characterString.constData());
        if (!rdf || !ldns_rr_push_rdf(rr.get(), rdf)) {
            ldns_rdf_deep_free(rdf);
            return buildError();
        }
        pos += 255;
    } while (pos < job.value.size());

    internal::LdnsRrList updates(ldns_rr_list_new());
    if (!updates || !ldns_rr_list_push_rr(updates.get(), rr.get()))
        return buildError();
    rr.release(); // owned by the list now
    ldns_rdf* zone = ldns_dname_new_frm_str(job.zone.toLatin1().constData());
    if (!zone)
        return buildError();
    // Takes ownership of `zone`, copies `updates`.
    internal::LdnsPkt pkt(ldns_update_pkt_new(zone, LDNS_RR_CLASS_IN, nullptr, updates.get(), nullptr));
    if (!pkt)
        return buildError();
    // In an UPDATE these header bits are "Z" and must be zero (RFC 2136 §2.2); ldns sets RD.
    ldns_pkt_set_rd(pkt.get(), false);
    ldns_pkt_set_id(pkt.get(), id);
    uint8_t* wire = nullptr;
    size_t size = 0;
    if (ldns_pkt2wire(&wire, pkt.get(), &size) != LDNS_STATUS_OK || !wire)
        return buildError();
    internal::LdnsBytes owned(wire);
    return QByteArray(reinterpret_cast<const char*>(wire), static_cast<qsizetype>(size));
}

QString tsigErrorName(quint16 error) {
    switch (error) {
    case Tsig::badSig:
        return QStringLiteral("BADSIG");
    case Tsig::badKey:
        return QStringLiteral("BADKEY");
    case Tsig::badTime:
        return QStringLiteral("BADTIME");
    case Tsig::badTrunc:
        return QStringLiteral("BADTRUNC");
    default:
        return QStringLiteral("TSIG error %1").arg(error);
    }
}

Error tsigError(const UpdateJob& job, quint16 error) {
    const QString server = job.server.toString();
    if (error == Tsig::badSig || error == Tsig::badKey)
        return Error(ErrorCode::Dns,
                     QObject::tr("The DNS server %1 refused the update: the TSIG key is wrong (%2) — check the key "
                                 "name and secret.")
                         .arg(server, tsigErrorName(error)),
                     QStringLiteral("key %1, algorithm %2").arg(job.keyName, TsigKey::algorithmName(job.algorithm)));
    if (error == Tsig::badTime)
        return Error(ErrorCode::Dns,
                     QObject::tr("The DNS server %1 refused the update: this computer's clock and the server's differ "
                                 "by more than %2 seconds (BADTIME) — set the clock right (NTP).")
                         .arg(server)
                         .arg(Tsig::defaultFudge));
    return Error(
        ErrorCode::Dns,
        QObject::tr("The DNS server %1 refused the update's signature (%2).").arg(server, tsigErrorName(error)));
}

Error rcodeError(const UpdateJob& job, Rcode rcode) {
    const QString server = job.server.toString();
    const QString name = DnsName::display(job.name);
    const QString zone = DnsName::display(job.zone);
    const QString detail =
        QStringLiteral("UPDATE of %1 TXT in zone %2 answered %3").arg(job.name, job.zone, rcodeName(rcode));
    switch (rcode) {
    case Rcode::Refused:
        return Error(ErrorCode::Dns,
                     QObject::tr("The DNS server %1 refused the update of %2: its policy does not allow the key “%3” "
                                 "to change this name. Allow updates with this key in the zone %4 (Knot: an acl with "
                                 "action update; BIND: update-policy).")
                         .arg(server, name, DnsName::display(job.keyName), zone),
                     detail);
    case Rcode::NotAuth:
        return Error(ErrorCode::Dns,
                     QObject::tr("The DNS server %1 is not authoritative for the zone %2 (NOTAUTH), so it cannot "
                                 "change it: send updates to the zone's primary server, and check the zone name.")
                         .arg(server, zone),
                     detail);
    case Rcode::NotZone:
        return Error(ErrorCode::Dns,
                     QObject::tr("%1 is not inside the zone %2 on the DNS server %3 (NOTZONE): check the zone name.")
                         .arg(name, zone, server),
                     detail);
    case Rcode::NotImp:
        return Error(ErrorCode::Dns,
                     QObject::tr("The DNS server %1 does not accept dynamic updates (NOTIMP): enable RFC 2136 updates "
                                 "for the zone %2.")
                         .arg(server, zone),
                     detail);
    case Rcode::ServFail:
        return Error(ErrorCode::Dns,
                     QObject::tr("The DNS server %1 could not apply the update of %2 (SERVFAIL): see the server's log.")
                         .arg(server, name),
                     detail);
    default:
        return Error(
            ErrorCode::Dns,
            QObject::tr("The DNS server %1 rejected the update of %2 (%3).").arg(server, name, rcodeName(rcode)),
            detail);
    }
}

Status interpretAnswer(const UpdateJob& job, const QByteArray& wire, const QByteArray& requestMac) {
    // Header (RFC 1035 §4.1.1): opcode in bits 1..4 of octet 2, rcode in the low 4 bits of octet 3.
    const int opcode = (static_cast<quint8>(wire[2]) >> 3) & 0x0f;
    if (opcode != LDNS_PACKET_UPDATE)
        return Error(
            ErrorCode::Protocol,
            QObject::tr("The DNS server %1 answered something other than our update.").arg(job.server.toString()),
            QStringLiteral("opcode %1").arg(opcode));
    const auto rcode = static_cast<Rcode>(static_cast<quint8>(wire[3]) & 0x0f);
    auto tsig = Tsig::find(wire);
    if (!tsig)
        return tsig.error().withContext(job.server.toString());
    if (!tsig->has_value()) {
        // RFC 8945 §5.3: an unsigned answer to a signed request cannot be trusted either way.
        if (rcode != Rcode::NoError)
            return rcodeError(job, rcode);
        return Error(ErrorCode::Dns,
                     QObject::tr("The DNS server %1 answered the update without a TSIG signature, so the answer cannot "
                                 "be trusted: check that the server knows the key “%2”.")
                         .arg(job.server.toString(), DnsName::display(job.keyName)));
    }
    const Tsig::Record& record = **tsig;
    // BADSIG and BADKEY answers are unsigned by design (RFC 8945 §5.3.2): nothing to verify.
    if (record.error != Tsig::noError)
        return tsigError(job, record.error);
    const quint64 now = static_cast<quint64>(job.clock->now().toSecsSinceEpoch());
    if (auto verified =
            Tsig::verifyResponse(wire, record, requestMac, job.keyName, job.algorithm, job.secret.bytes(), now);
        !verified)
        return Error(verified.error().code, verified.error().userMessage,
                     QStringLiteral("answer from %1").arg(job.server.toString()));
    if (rcode != Rcode::NoError)
        return rcodeError(job, rcode);
    return {};
}

Status sendBlocking(const UpdateJob& job, const CancelToken& cancel) {
    const quint16 id = static_cast<quint16>(QRandomGenerator::system()->generate() & 0xffff);
    auto message = buildUpdate(job, id);
    if (!message)
        return message.error();
    const quint64 now = static_cast<quint64>(job.clock->now().toSecsSinceEpoch());
    auto signedMessage = Tsig::sign(*message, job.keyName, job.algorithm, job.secret.bytes(), now);
    if (!signedMessage)
        return signedMessage.error();
    auto answer = DnsTransport::exchange(job.server, job.transport, signedMessage->wire, job.timeout, cancel);
    if (answer && job.transport == Transport::Udp && DnsMessage::isTruncated(*answer))
        answer = DnsTransport::exchange(job.server, Transport::Tcp, signedMessage->wire, job.timeout, cancel);
    if (!answer)
        return answer.error();
    return interpretAnswer(job, *answer, signedMessage->mac);
}

} // namespace

Rfc2136Updater::Rfc2136Updater(Rfc2136Options options)
    : m_options(std::move(options)) {}

QCoro::Task<Status> Rfc2136Updater::addTxt(QString name, QString value, quint32 ttl, CancelToken cancel) const {
    const Rfc2136Updater self = *this;
    co_return co_await self.update(std::move(name), std::move(value), ttl, true, cancel);
}

QCoro::Task<Status> Rfc2136Updater::deleteTxt(QString name, QString value, CancelToken cancel) const {
    const Rfc2136Updater self = *this;
    co_return co_await self.update(std::move(name), std::move(value), 0, false, cancel);
}

QCoro::Task<Result<QString>> Rfc2136Updater::zoneFor(QString name, CancelToken cancel) const {
    const Rfc2136Options options = m_options;
    auto normalised = DnsName::normalise(name);
    if (!normalised)
        co_return normalised.error();
    if (!options.zone.isEmpty()) {
        auto zone = DnsName::normalise(options.zone);
        if (!zone)
            co_return zone.error();
        if (!DnsName::isSameOrBelow(*normalised, *zone))
            co_return Error(ErrorCode::InvalidInput,
                            QObject::tr("%1 is not inside the zone %2: check the zone set for this DNS provider.")
                                .arg(DnsName::display(*normalised), DnsName::display(*zone)));
        co_return *zone;
    }
    ResolverOptions resolverOptions;
    resolverOptions.servers = {options.server};
    resolverOptions.timeout = options.timeout;
    resolverOptions.recursionDesired = false; // the primary is asked about its own zones
    const Resolver resolver(resolverOptions);
    co_return co_await resolver.findZoneApex(*normalised, cancel);
}

QCoro::Task<Status> Rfc2136Updater::update(QString name, QString value, quint32 ttl, bool add,
                                           CancelToken cancel) const {
    const Rfc2136Updater self = *this;
    if (auto valid = m_options.key.validate(); !valid)
        co_return valid.error();
    auto normalised = DnsName::normalise(name);
    if (!normalised)
        co_return normalised.error();
    UpdateJob job;
    job.value = value.toUtf8();
    if (job.value.size() > maxTxtValueSize)
        co_return Error(ErrorCode::InvalidInput, QObject::tr("The TXT value is too long (%1 bytes; at most %2).")
                                                     .arg(job.value.size())
                                                     .arg(maxTxtValueSize));
    auto zone = co_await self.zoneFor(*normalised, cancel);
    if (!zone)
        co_return zone.error();

    const Rfc2136Options& options = self.m_options;
    job.server = options.server;
    job.transport = options.transport;
    job.timeout = options.timeout;
    job.keyName = *DnsName::normalise(options.key.name);
    job.algorithm = options.key.algorithm;
    QByteArray secretText = options.key.secretBase64.bytes().trimmed();
    job.secret = SecureBytes(QByteArray::fromBase64(secretText));
    SecureBytes::wipe(secretText);
    job.clock = options.clock ? options.clock : Clock::system();
    job.zone = *zone;
    job.name = *normalised;
    job.ttl = ttl;
    job.add = add;
    qCDebug(lcDns) << "RFC 2136" << (add ? "add" : "delete") << "TXT" << job.name << "zone" << job.zone << "at"
                   << job.server.toString() << "over" << transportName(job.transport);

    // Named, not a temporary inside the co_await: GCC 12 destroys a closure temporary there twice.
    auto send = [job, cancel]() {
        return sendBlocking(job, cancel);
    };
    auto pending1 = runWaiting(std::move(send));
    auto result = co_await pending1;
    if (cancel.isCancelled())
        co_return cancelledError();
    co_return result;
}

} // namespace certdeck::dns
