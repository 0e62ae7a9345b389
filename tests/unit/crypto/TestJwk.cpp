// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Base64Url.h"
#include "core/crypto/Jwk.h"

#include <QCryptographicHash>
#include <QTest>

using namespace certdeck;
using namespace certdeck::crypto;

namespace {
// RFC 7638 §3.1.
const QString Rfc7638N = QStringLiteral(
    "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_"
    "BJECPebWKRXjBZCiFV4n3oknjhMs"
    "tn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_"
    "FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajr"
    "n1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw");

QJsonObject rfc7638Jwk() {
    return QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")},
                       {QStringLiteral("n"), Rfc7638N},
                       {QStringLiteral("e"), QStringLiteral("AQAB")},
                       {QStringLiteral("alg"), QStringLiteral("RS256")},
                       {QStringLiteral("kid"), QStringLiteral("2011-04-29")}};
}

QByteArray decoded(const QJsonObject& jwk, const char* member) {
    auto r = fromBase64url(jwk.value(QLatin1String(member)).toString().toLatin1());
    return r ? *r : QByteArray();
}
} // namespace

class TestJwk : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rfc7638Example() {
        // §3.1: "alg" and "kid" are present in the example and must not change the thumbprint.
        QCOMPARE(Jwk::thumbprint(rfc7638Jwk()), QByteArray("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
        QCOMPARE(Jwk::thumbprintInput(rfc7638Jwk()),
                 QByteArray("{\"e\":\"AQAB\",\"kty\":\"RSA\",\"n\":\"") + Rfc7638N.toLatin1() + QByteArray("\"}"));
    }

    void incompleteJwkHasNoThumbprint() {
        QJsonObject jwk = rfc7638Jwk();
        jwk.remove(QStringLiteral("e"));
        QVERIFY(Jwk::thumbprint(jwk).isEmpty());
        QVERIFY(Jwk::thumbprint(QJsonObject{{QStringLiteral("kty"), QStringLiteral("OKP")}}).isEmpty());
        QJsonObject numeric = rfc7638Jwk();
        numeric.insert(QStringLiteral("e"), 65537);
        QVERIFY(Jwk::thumbprint(numeric).isEmpty());
    }

    void ecJwkHasPaddedCoordinates() {
        // Keys whose x or y starts with a zero byte show whether coordinates are padded to the
        // field size (RFC 7518 §6.2.1.2). About 1 key in 128 has one; 4000 tries find one for sure.
        bool sawLeadingZero = false;
        for (int i = 0; i < 4000 && !sawLeadingZero; ++i) {
            auto key = PrivateKey::generate(KeyType::P256);
            QVERIFY(key.has_value());
            const QJsonObject jwk = Jwk::publicJwk(*key);
            const QByteArray x = decoded(jwk, "x");
            const QByteArray y = decoded(jwk, "y");
            QCOMPARE(x.size(), 32);
            QCOMPARE(y.size(), 32);
            // The coordinates are the public point of the SPKI (uncompressed: 04 || x || y).
            QCOMPARE(key->publicKeyDer().right(65), QByteArray(1, '\x04') + x + y);
            sawLeadingZero = x.startsWith('\0') || y.startsWith('\0');
        }
        QVERIFY(sawLeadingZero);
    }

    void ecJwkMembers_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("crv");
        QTest::addColumn<int>("width");
        QTest::newRow("p256") << int(KeyType::P256) << QStringLiteral("P-256") << 32;
        QTest::newRow("p384") << int(KeyType::P384) << QStringLiteral("P-384") << 48;
    }
    void ecJwkMembers() {
        QFETCH(int, type);
        QFETCH(QString, crv);
        QFETCH(int, width);
        auto key = PrivateKey::generate(static_cast<KeyType>(type));
        QVERIFY(key.has_value());
        const QJsonObject jwk = Jwk::publicJwk(*key);
        QCOMPARE(jwk.keys(),
                 (QStringList{QStringLiteral("crv"), QStringLiteral("kty"), QStringLiteral("x"), QStringLiteral("y")}));
        QCOMPARE(jwk.value(QLatin1String("kty")).toString(), QStringLiteral("EC"));
        QCOMPARE(jwk.value(QLatin1String("crv")).toString(), crv);
        QCOMPARE(decoded(jwk, "x").size(), width);
        QCOMPARE(decoded(jwk, "y").size(), width);

        // Thumbprint = SHA-256 over the canonical JSON, computed here independently.
        const QByteArray canonical = "{\"crv\":\"" + crv.toLatin1() + "\",\"kty\":\"EC\",\"x\":\"" +
                                     jwk.value(QLatin1String("x")).toString().toLatin1() + "\",\"y\":\"" +
                                     jwk.value(QLatin1String("y")).toString().toLatin1() + "\"}";
        QCOMPARE(Jwk::thumbprint(jwk), base64url(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)));
    }

    void rsaJwkMembers() {
        auto key = PrivateKey::generate(KeyType::Rsa2048);
        QVERIFY(key.has_value());
        const QJsonObject jwk = Jwk::publicJwk(*key);
        QCOMPARE(jwk.keys(), (QStringList{QStringLiteral("e"), QStringLiteral("kty"), QStringLiteral("n")}));
        QCOMPARE(jwk.value(QLatin1String("e")).toString(), QStringLiteral("AQAB"));
        const QByteArray n = decoded(jwk, "n");
        QCOMPARE(n.size(), 256); // no leading zero byte (RFC 7518 §6.3.1.1)
        QVERIFY(static_cast<unsigned char>(n.at(0)) >= 0x80);
        QCOMPARE(Jwk::thumbprint(jwk).size(), 43);
    }

    void nullKeyHasEmptyJwk() { QVERIFY(Jwk::publicJwk(PrivateKey()).isEmpty()); }
};

QTEST_GUILESS_MAIN(TestJwk)
#include "TestJwk.moc"
