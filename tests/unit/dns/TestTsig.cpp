// SPDX-License-Identifier: GPL-3.0-or-later
// TSIG (RFC 8945) as Certdeck signs updates and checks the server's answers. The interplay with a
// real server (Knot) is proven in integration/TestFixtureKnot; here: the layout, and that every
// kind of forgery or mismatch is caught.
#include "core/dns/internal/Tsig.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace certdeck;
using namespace certdeck::dns;
using internal::Tsig;

Q_DECLARE_METATYPE(certdeck::dns::TsigAlgorithm)

namespace {

QByteArray u16(quint16 v) {
    QByteArray b;
    b.append(static_cast<char>(v >> 8));
    b.append(static_cast<char>(v & 0xff));
    return b;
}

// A minimal UPDATE for zone example.test. with no records: header + zone section.
QByteArray updateMessage(quint16 id) {
    return u16(id) + u16(0x2800) + u16(1) + u16(0) + u16(0) + u16(0) +
           QByteArray("\x07"
                      "example\x04"
                      "test\x00",
                      14) +
           u16(6) + u16(1);
}

// The server's answer to it: QR set, NOERROR, same zone section.
QByteArray answerMessage(quint16 id) {
    return u16(id) + u16(0xa800) + u16(1) + u16(0) + u16(0) + u16(0) +
           QByteArray("\x07"
                      "example\x04"
                      "test\x00",
                      14) +
           u16(6) + u16(1);
}

const QString keyName = QStringLiteral("certdeck-key.");
const QByteArray secret = QByteArray::fromBase64("uQ3AvpHkTg+yO7m2UfC+zWyF+7w0mkgZ2G6+m6GDFbM=");
constexpr quint64 t0 = 1700000000;

} // namespace

class TestTsig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownAnswerSha256() {
        // The MAC spelled out from RFC 8945 §4.3.3: message, then key name (canonical wire),
        // class ANY, TTL 0, algorithm name, time signed (48 bits), fudge, error, other length.
        const QByteArray message = updateMessage(0x1234);
        const QByteArray variables = QByteArray("\x0c"
                                                "certdeck-key\x00",
                                                14) +
                                     u16(255) + QByteArray(4, '\0') +
                                     QByteArray("\x0b"
                                                "hmac-sha256\x00",
                                                13) +
                                     u16(0) + u16(quint16(t0 >> 16)) + u16(quint16(t0 & 0xffff)) + u16(300) + u16(0) +
                                     u16(0);
        const QByteArray expected =
            QMessageAuthenticationCode::hash(message + variables, secret, QCryptographicHash::Sha256);
        auto s = Tsig::sign(message, keyName, TsigAlgorithm::HmacSha256, secret, t0);
        QVERIFY(s);
        QCOMPARE(s->mac.toHex(), expected.toHex());
        // The record: after the message, ARCOUNT raised to 1.
        QVERIFY(s->wire.startsWith(message.left(10)));
        QCOMPARE(s->wire.mid(10, 2), u16(1));
        QCOMPARE(s->wire.mid(12, message.size() - 12), message.mid(12));
    }

    void signedRecordReadsBack_data() {
        QTest::addColumn<TsigAlgorithm>("algorithm");
        QTest::addColumn<int>("macSize");
        QTest::addColumn<QString>("name");
        QTest::newRow("sha256") << TsigAlgorithm::HmacSha256 << 32 << QStringLiteral("hmac-sha256.");
        QTest::newRow("sha384") << TsigAlgorithm::HmacSha384 << 48 << QStringLiteral("hmac-sha384.");
        QTest::newRow("sha512") << TsigAlgorithm::HmacSha512 << 64 << QStringLiteral("hmac-sha512.");
    }
    void signedRecordReadsBack() {
        QFETCH(TsigAlgorithm, algorithm);
        QFETCH(int, macSize);
        QFETCH(QString, name);
        auto s = Tsig::sign(updateMessage(0x4242), keyName, algorithm, secret, t0);
        QVERIFY(s);
        QCOMPARE(s->mac.size(), macSize);
        auto found = Tsig::find(s->wire);
        QVERIFY(found);
        QVERIFY(found->has_value());
        const Tsig::Record& r = **found;
        QCOMPARE(r.keyName, keyName);
        QCOMPARE(r.algorithm, name);
        QCOMPARE(r.timeSigned, t0);
        QCOMPARE(r.fudge, Tsig::defaultFudge);
        QCOMPARE(r.mac, s->mac);
        QCOMPARE(r.originalId, quint16(0x4242));
        QCOMPARE(r.error, Tsig::noError);
        QCOMPARE(r.offset, updateMessage(0).size());
    }

    void serverAnswerVerifies_data() { signedRecordReadsBack_data(); }
    void serverAnswerVerifies() {
        QFETCH(TsigAlgorithm, algorithm);
        auto request = Tsig::sign(updateMessage(7), keyName, algorithm, secret, t0);
        QVERIFY(request);
        // Play the server: sign the answer over the request's MAC (RFC 8945 §4.3.3).
        auto answer = Tsig::sign(answerMessage(7), keyName, algorithm, secret, t0 + 1, 300, request->mac);
        QVERIFY(answer);
        auto record = Tsig::find(answer->wire);
        QVERIFY(record && record->has_value());
        auto ok = Tsig::verifyResponse(answer->wire, **record, request->mac, keyName, algorithm, secret, t0 + 2);
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().userMessage));
    }

    void forgeriesAreCaught() {
        const TsigAlgorithm alg = TsigAlgorithm::HmacSha256;
        auto request = Tsig::sign(updateMessage(7), keyName, alg, secret, t0);
        auto answer = Tsig::sign(answerMessage(7), keyName, alg, secret, t0, 300, request->mac);
        const Tsig::Record record = **Tsig::find(answer->wire);
        const auto verify = [&](const QByteArray& wire, const Tsig::Record& rec, const QByteArray& requestMac,
                                const QString& key, TsigAlgorithm a, const QByteArray& sec, quint64 now) {
            auto s = Tsig::verifyResponse(wire, rec, requestMac, key, a, sec, now);
            if (!s) {
                const bool dns = s.error().code == ErrorCode::Dns;
                return dns ? s.error().userMessage : QStringLiteral("wrong code");
            }
            return QString();
        };
        QVERIFY(verify(answer->wire, record, request->mac, keyName, alg, secret, t0).isEmpty());

        // A changed rcode (NOERROR -> REFUSED, or the reverse) breaks the MAC.
        QByteArray tampered = answer->wire;
        tampered[3] = static_cast<char>(tampered[3] | 0x05);
        QVERIFY(verify(tampered, record, request->mac, keyName, alg, secret, t0).contains(QLatin1String("wrong MAC")));
        // Someone else's key.
        QByteArray otherSecret = secret;
        otherSecret[0] = static_cast<char>(otherSecret[0] ^ 1);
        QVERIFY(verify(answer->wire, record, request->mac, keyName, alg, otherSecret, t0)
                    .contains(QLatin1String("wrong MAC")));
        // An answer to another request (replayed).
        auto otherRequest = Tsig::sign(updateMessage(7), keyName, alg, secret, t0 + 5);
        QVERIFY(!verify(answer->wire, record, otherRequest->mac, keyName, alg, secret, t0).isEmpty());
        // Signed with a key or algorithm other than ours.
        QVERIFY(verify(answer->wire, record, request->mac, QStringLiteral("other-key."), alg, secret, t0)
                    .contains(QLatin1String("signed with key certdeck-key.")));
        QVERIFY(verify(answer->wire, record, request->mac, keyName, TsigAlgorithm::HmacSha512, secret, t0)
                    .contains(QLatin1String("signed with algorithm hmac-sha256.")));
        // Too old or from the future: outside the 300 s fudge.
        QVERIFY(verify(answer->wire, record, request->mac, keyName, alg, secret, t0 + 301)
                    .contains(QLatin1String("clock")));
        QVERIFY(verify(answer->wire, record, request->mac, keyName, alg, secret, t0 - 301)
                    .contains(QLatin1String("clock")));
        QVERIFY(verify(answer->wire, record, request->mac, keyName, alg, secret, t0 + 300).isEmpty());
        // A truncated MAC (RFC 8945 §5.2.2.1) is not accepted: we never ask for one.
        Tsig::Record truncated = record;
        truncated.mac = record.mac.left(16);
        QVERIFY(verify(answer->wire, truncated, request->mac, keyName, alg, secret, t0).contains(QLatin1String("16")));
    }

    void errorRecordsAreRead() {
        // A BADSIG answer: the error field set (RFC 8945 §5.3.2).
        auto answer =
            Tsig::sign(answerMessage(9), keyName, TsigAlgorithm::HmacSha256, secret, t0, 300, {}, Tsig::badSig);
        QVERIFY(answer);
        auto record = Tsig::find(answer->wire);
        QVERIFY(record && record->has_value());
        QCOMPARE((*record)->error, Tsig::badSig);
    }

    void messagesWithoutTsig() {
        auto none = Tsig::find(answerMessage(1));
        QVERIFY(none);
        QVERIFY(!none->has_value());
        // An additional record that is not a TSIG (an OPT).
        QByteArray withOpt = answerMessage(1);
        withOpt[11] = 1;
        withOpt += QByteArray(1, '\0') + u16(41) + u16(1232) + QByteArray(4, '\0') + u16(0);
        auto opt = Tsig::find(withOpt);
        QVERIFY(opt);
        QVERIFY(!opt->has_value());
    }

    void malformedTsigIsRefused() {
        auto s = Tsig::sign(answerMessage(1), keyName, TsigAlgorithm::HmacSha256, secret, t0);
        QVERIFY(s);
        // Trailing junk after the TSIG record.
        auto junk = Tsig::find(s->wire + QByteArray("x"));
        QVERIFY(!junk);
        QCOMPARE(junk.error().code, ErrorCode::Protocol);
        // Cut short.
        auto cut = Tsig::find(s->wire.left(s->wire.size() - 4));
        QVERIFY(!cut);
        // ARCOUNT says one record but there is none.
        QByteArray claims = answerMessage(1);
        claims[11] = 1;
        QVERIFY(!Tsig::find(claims));
    }

    void canonicalNames() {
        QCOMPARE(Tsig::nameToWire(QStringLiteral("Key.Example.")), QByteArray("\x03key\x07"
                                                                              "example\x00",
                                                                              13));
        QCOMPARE(Tsig::nameToWire(QStringLiteral(".")), QByteArray(1, '\0'));
    }
};

QTEST_GUILESS_MAIN(TestTsig)
#include "TestTsig.moc"
