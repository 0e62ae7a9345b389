// SPDX-License-Identifier: GPL-3.0-or-later
// Reading DNS answers byte by byte: what a CAA check, a TXT propagation check and the zone walk
// get out of a response, and what they refuse.
#include "core/dns/internal/DnsMessage.h"

#include <QTest>

using namespace certdeck;
using namespace certdeck::dns;
using internal::DnsMessage;

namespace {

QByteArray u16(quint16 v) {
    QByteArray b;
    b.append(static_cast<char>(v >> 8));
    b.append(static_cast<char>(v & 0xff));
    return b;
}

QByteArray u32(quint32 v) {
    return u16(static_cast<quint16>(v >> 16)) + u16(static_cast<quint16>(v & 0xffff));
}

QByteArray wireName(const QByteArray& dotted) {
    QByteArray out;
    for (const QByteArray& label : dotted.split('.')) {
        if (label.isEmpty())
            continue;
        out.append(static_cast<char>(label.size()));
        out.append(label);
    }
    out.append('\0');
    return out;
}

// A pointer to the question's name, which always starts at offset 12 (RFC 1035 §4.1.4).
QByteArray pointerToQuestion() {
    return QByteArray("\xc0\x0c", 2);
}

QByteArray header(quint16 id, quint16 flags, quint16 qd, quint16 an, quint16 ns, quint16 ar) {
    return u16(id) + u16(flags) + u16(qd) + u16(an) + u16(ns) + u16(ar);
}

QByteArray question(const QByteArray& name, quint16 type) {
    return wireName(name) + u16(type) + u16(1);
}

QByteArray rr(const QByteArray& owner, quint16 type, quint32 ttl, const QByteArray& rdata) {
    return owner + u16(type) + u16(1) + u32(ttl) + u16(static_cast<quint16>(rdata.size())) + rdata;
}

QByteArray characterString(const QByteArray& s) {
    return QByteArray(1, static_cast<char>(s.size())) + s;
}

QByteArray caaRdata(quint8 flags, const QByteArray& tag, const QByteArray& value) {
    return QByteArray(1, static_cast<char>(flags)) + QByteArray(1, static_cast<char>(tag.size())) + tag + value;
}

constexpr quint16 flagsResponseAa = 0x8400; // QR, AA, NOERROR

} // namespace

class TestDnsMessage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void caaRecordsAreSplitIntoFlagsTagAndValue() {
        const QByteArray wire =
            header(7, flagsResponseAa, 1, 3, 0, 0) + question("example.test", 257) +
            rr(pointerToQuestion(), 257, 300, caaRdata(0, "issue", "letsencrypt.org")) +
            rr(pointerToQuestion(), 257, 300, caaRdata(128, "issuewild", ";")) +
            rr(pointerToQuestion(), 257, 300, caaRdata(0, "issue", "ca.example; accounturi=https://ca.example/acct/1"));
        auto r = DnsMessage::parseResponse(wire, QStringLiteral("example.test."), RecordType::CAA,
                                           QStringLiteral("127.0.0.1:53"));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().detail));
        QCOMPARE(r->rcode, Rcode::NoError);
        QVERIFY(r->authoritative);
        QCOMPARE(r->server, QStringLiteral("127.0.0.1:53"));
        QCOMPARE(r->answers.size(), 3);
        const DnsRecord& first = r->answers.at(0);
        QCOMPARE(first.name, QStringLiteral("example.test."));
        QCOMPARE(first.type, RecordType::CAA);
        QCOMPARE(first.ttl, 300u);
        QCOMPARE(first.caaFlags, quint8(0));
        QCOMPARE(first.caaTag, QStringLiteral("issue"));
        QCOMPARE(first.caaValue, QStringLiteral("letsencrypt.org"));
        QCOMPARE(first.value, QStringLiteral("0 issue \"letsencrypt.org\""));
        QCOMPARE(r->answers.at(1).caaFlags, quint8(128));
        QCOMPARE(r->answers.at(1).caaTag, QStringLiteral("issuewild"));
        QCOMPARE(r->answers.at(1).caaValue, QStringLiteral(";"));
        QCOMPARE(r->answers.at(2).caaValue, QStringLiteral("ca.example; accounturi=https://ca.example/acct/1"));
    }

    void caaPresentationEscapes() {
        QCOMPARE(DnsMessage::caaPresentation(0, "issue", QByteArray("a\"b\\c")),
                 QStringLiteral("0 issue \"a\\\"b\\\\c\""));
        QCOMPARE(DnsMessage::caaPresentation(0, "iodef", QByteArray("x\ny", 3)), QStringLiteral("0 iodef \"x\\010y\""));
        QCOMPARE(DnsMessage::caaPresentation(0, "issue", QByteArray()), QStringLiteral("0 issue \"\""));
    }

    void malformedCaaIsRefused_data() {
        QTest::addColumn<QByteArray>("rdata");
        QTest::newRow("too short") << QByteArray("\x00", 1);
        QTest::newRow("empty tag") << QByteArray("\x00\x00value", 7);
        QTest::newRow("tag longer than 15") << caaRdata(0, QByteArray(16, 'a'), "x");
        QTest::newRow("tag overruns") << QByteArray("\x00\x09iss", 5);
        QTest::newRow("tag with dash") << caaRdata(0, "iss-ue", "x");
    }
    void malformedCaaIsRefused() {
        QFETCH(QByteArray, rdata);
        DnsRecord record;
        auto s = DnsMessage::parseCaaRdata(rdata, &record);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Protocol);
    }

    void txtStringsAreJoinedUnquoted() {
        const QByteArray rdata = characterString("part one ") + characterString("\"part\" two") + characterString("");
        const QByteArray wire = header(9, flagsResponseAa, 1, 1, 0, 0) + question("_acme-challenge.example.test", 16) +
                                rr(pointerToQuestion(), 16, 60, rdata);
        auto r = DnsMessage::parseResponse(wire, QStringLiteral("_acme-challenge.example.test."), RecordType::TXT,
                                           QStringLiteral("s"));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().detail));
        QCOMPARE(r->answers.size(), 1);
        QCOMPARE(r->answers.first().value, QStringLiteral("part one \"part\" two"));
        QCOMPARE(r->answers.first().txtStrings,
                 (QStringList{QStringLiteral("part one "), QStringLiteral("\"part\" two"), QString()}));
        QCOMPARE(r->values(RecordType::TXT), QStringList{QStringLiteral("part one \"part\" two")});
    }

    void txtOverrunIsRefused() {
        auto r = DnsMessage::parseTxtRdata(QByteArray("\x05"
                                                      "abc",
                                                      4));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Protocol);
        auto empty = DnsMessage::parseTxtRdata(QByteArray());
        QVERIFY(empty);
        QVERIFY(empty->isEmpty());
    }

    void addressesAndNames() {
        const QByteArray v6 = QByteArray::fromHex("20010db8000000000000000000000001");
        // Owner names in upper case come back lower-case; the CNAME target is compressed.
        const QByteArray wire = header(3, 0x8000, 1, 3, 0, 0) + question("Alias.Example.Test", 1) +
                                rr(pointerToQuestion(), 5, 300, QByteArray("\x03www\xc0\x12", 6)) +
                                rr(wireName("www.example.test"), 1, 300, QByteArray("\x7f\x00\x00\x02", 4)) +
                                rr(wireName("WWW.example.test"), 28, 300, v6);
        auto r =
            DnsMessage::parseResponse(wire, QStringLiteral("alias.example.test."), RecordType::A, QStringLiteral("s"));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().detail));
        QVERIFY(!r->authoritative);
        QCOMPARE(r->answers.size(), 3);
        QCOMPARE(r->answers.at(0).type, RecordType::CNAME);
        QCOMPARE(r->answers.at(0).name, QStringLiteral("alias.example.test."));
        QCOMPARE(r->answers.at(0).value, QStringLiteral("www.example.test."));
        QCOMPARE(r->answers.at(1).value, QStringLiteral("127.0.0.2"));
        QCOMPARE(r->answers.at(2).name, QStringLiteral("www.example.test."));
        QCOMPARE(r->answers.at(2).value, QStringLiteral("2001:db8::1"));
        QCOMPARE(r->answersOfType(RecordType::A).size(), 1);
    }

    void nxdomainIsAnAnswerWithTheZoneSoa() {
        const QByteArray soa = wireName("ns1.example.test") + wireName("hostmaster.example.test") + u32(7) + u32(3600) +
                               u32(900) + u32(604800) + u32(60);
        const QByteArray wire = header(5, 0x8403, 1, 0, 1, 0) + question("nosuch.example.test", 1) +
                                rr(wireName("example.test"), 6, 60, soa);
        auto r =
            DnsMessage::parseResponse(wire, QStringLiteral("nosuch.example.test."), RecordType::A, QStringLiteral("s"));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().detail));
        QCOMPARE(r->rcode, Rcode::NxDomain);
        QVERIFY(r->answers.isEmpty());
        QCOMPARE(r->authority.size(), 1);
        QCOMPARE(r->authority.first().type, RecordType::SOA);
        QCOMPARE(r->authority.first().name, QStringLiteral("example.test."));
        QCOMPARE(r->authority.first().value,
                 QStringLiteral("ns1.example.test. hostmaster.example.test. 7 3600 900 604800 60"));
    }

    void answerToAnotherQuestionIsRefused() {
        const QByteArray wire = header(5, flagsResponseAa, 1, 1, 0, 0) + question("evil.example", 16) +
                                rr(pointerToQuestion(), 16, 60, characterString("x"));
        auto r = DnsMessage::parseResponse(wire, QStringLiteral("_acme-challenge.example.test."), RecordType::TXT,
                                           QStringLiteral("127.0.0.1:53"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Protocol);
        QVERIFY(r.error().userMessage.contains(QLatin1String("127.0.0.1:53")));
        auto wrongType =
            DnsMessage::parseResponse(wire, QStringLiteral("evil.example."), RecordType::A, QStringLiteral("s"));
        QVERIFY(!wrongType);
    }

    void malformedMessagesAreRefused_data() {
        QTest::addColumn<QByteArray>("wire");
        const QByteArray good = header(5, flagsResponseAa, 1, 1, 0, 0) + question("example.test", 16) +
                                rr(pointerToQuestion(), 16, 60, characterString("hello"));
        QTest::newRow("cut in the record") << good.left(good.size() - 3);
        QTest::newRow("header only, claims records") << header(5, flagsResponseAa, 1, 1, 0, 0);
        QTest::newRow("not a response") << header(5, 0x0000, 1, 0, 0, 0) + question("example.test", 16);
        QTest::newRow("pointer loop") << header(5, flagsResponseAa, 1, 0, 0, 0) + QByteArray("\xc0\x0c", 2) + u16(16) +
                                             u16(1);
        QTest::newRow("bad TXT inside") << header(5, flagsResponseAa, 1, 1, 0, 0) + question("example.test", 16) +
                                               rr(pointerToQuestion(), 16, 60,
                                                  QByteArray("\x09"
                                                             "abc",
                                                             4));
        QTest::newRow("noerror without question") << header(5, flagsResponseAa, 0, 0, 0, 0);
    }
    void malformedMessagesAreRefused() {
        QFETCH(QByteArray, wire);
        auto r = DnsMessage::parseResponse(wire, QStringLiteral("example.test."), RecordType::TXT,
                                           QStringLiteral("127.0.0.1:53"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Protocol);
    }

    void queryWireFormat() {
        auto q = DnsMessage::buildQuery(QStringLiteral("_acme-challenge.example.test."), RecordType::TXT, 0xbeef, true,
                                        true);
        QVERIFY(q);
        QCOMPARE(DnsMessage::messageId(*q), quint16(0xbeef));
        QCOMPARE(quint8(q->at(2)) & 0x01, 0x01);                   // RD
        QCOMPARE(q->mid(4, 8), u16(1) + u16(0) + u16(0) + u16(1)); // one question, one OPT
        const QByteArray expectedQuestion = question("_acme-challenge.example.test", 16);
        QCOMPARE(q->mid(12, expectedQuestion.size()), expectedQuestion);
        // OPT: root name, type 41, class = UDP payload size (RFC 6891 §6.1.2).
        const QByteArray opt = q->mid(12 + expectedQuestion.size());
        QCOMPARE(opt.left(5), QByteArray(1, '\0') + u16(41) + u16(DnsMessage::ednsUdpSize));

        auto plain = DnsMessage::buildQuery(QStringLiteral("example.test."), RecordType::CAA, 1, false, false);
        QVERIFY(plain);
        QCOMPARE(quint8(plain->at(2)) & 0x01, 0x00);
        QCOMPARE(plain->mid(4, 8), u16(1) + u16(0) + u16(0) + u16(0));
        QCOMPARE(plain->size(), 12 + question("example.test", 257).size());
    }

    void truncationBit() {
        QVERIFY(DnsMessage::isTruncated(header(1, 0x8200, 0, 0, 0, 0)));
        QVERIFY(!DnsMessage::isTruncated(header(1, 0x8000, 0, 0, 0, 0)));
    }
};

QTEST_GUILESS_MAIN(TestDnsMessage)
#include "TestDnsMessage.moc"
