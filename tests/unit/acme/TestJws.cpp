// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/ExternalAccountBinding.h"
#include "core/acme/JwsPoster.h"
#include "core/crypto/Base64Url.h"
#include "core/crypto/JwsSigner.h"
#include "core/crypto/PrivateKey.h"

#include <QJsonDocument>
#include <QTest>

using namespace certdeck;

class TestJws : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void flattenedJwsVerifies_data() {
        QTest::addColumn<crypto::KeyType>("type");
        QTest::addColumn<QString>("alg");
        QTest::newRow("ES256") << crypto::KeyType::P256 << "ES256";
        QTest::newRow("ES384") << crypto::KeyType::P384 << "ES384";
        QTest::newRow("RS256") << crypto::KeyType::Rsa2048 << "RS256";
    }
    void flattenedJwsVerifies() {
        QFETCH(crypto::KeyType, type);
        QFETCH(QString, alg);
        auto key = crypto::PrivateKey::generate(type);
        QVERIFY(key);
        crypto::JwsSigner signer(*key);
        const QByteArray payload = "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"example.org\"}]}";
        auto jws =
            acme::JwsPoster::makeJws(QJsonObject{{QStringLiteral("nonce"), QStringLiteral("abc")},
                                                 {QStringLiteral("url"), QStringLiteral("https://ca.example/o")},
                                                 {QStringLiteral("kid"), QStringLiteral("https://ca.example/acct/1")}},
                                     payload, signer);
        QVERIFY(jws);
        const QByteArray prot = jws->value(QStringLiteral("protected")).toString().toLatin1();
        const QByteArray pl = jws->value(QStringLiteral("payload")).toString().toLatin1();
        auto sig = crypto::fromBase64url(jws->value(QStringLiteral("signature")).toString().toLatin1());
        QVERIFY(sig);
        const QJsonObject header = QJsonDocument::fromJson(*crypto::fromBase64url(prot)).object();
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), alg);
        QCOMPARE(header.value(QStringLiteral("nonce")).toString(), QStringLiteral("abc"));
        QCOMPARE(*crypto::fromBase64url(pl), payload);
        QVERIFY(crypto::JwsSigner::verify(signer.jwk(), alg, prot + '.' + pl, *sig));
        // Tampering is detected.
        QVERIFY(!crypto::JwsSigner::verify(signer.jwk(), alg, prot + '.' + crypto::base64url("{}"), *sig));
    }

    void postAsGetHasEmptyPayload() {
        auto key = crypto::PrivateKey::generate(crypto::KeyType::P256);
        crypto::JwsSigner signer(*key);
        auto jws = acme::JwsPoster::makeJws({}, QByteArray(), signer);
        QVERIFY(jws);
        QCOMPARE(jws->value(QStringLiteral("payload")).toString(), QString());
    }

    void externalAccountBinding() {
        auto key = crypto::PrivateKey::generate(crypto::KeyType::P256);
        crypto::JwsSigner signer(*key);
        // Pebble's example MAC key (base64url).
        auto eab = acme::ExternalAccountBinding::fromStrings(
            QStringLiteral("kid-1"), "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W");
        QVERIFY(eab);
        const QUrl newAccount(QStringLiteral("https://ca.example/new-acct"));
        auto bound = eab->bind(signer.jwk(), newAccount);
        QVERIFY(bound);
        const QByteArray prot = bound->value(QStringLiteral("protected")).toString().toLatin1();
        const QJsonObject header = QJsonDocument::fromJson(*crypto::fromBase64url(prot)).object();
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
        QCOMPARE(header.value(QStringLiteral("kid")).toString(), QStringLiteral("kid-1"));
        QCOMPARE(header.value(QStringLiteral("url")).toString(), newAccount.toString());
        QCOMPARE(QJsonDocument::fromJson(
                     *crypto::fromBase64url(bound->value(QStringLiteral("payload")).toString().toLatin1()))
                     .object(),
                 signer.jwk());
        const QByteArray mac = *crypto::JwsSigner::hmacSha256(
            eab->hmacKey, prot + '.' + bound->value(QStringLiteral("payload")).toString().toLatin1());
        QCOMPARE(crypto::base64url(mac), bound->value(QStringLiteral("signature")).toString().toLatin1());
        QVERIFY(!acme::ExternalAccountBinding::fromStrings(QStringLiteral("kid"), "not base64 !!"));
        QVERIFY(!acme::ExternalAccountBinding::fromStrings(QString(), "abcd"));
    }
};

QTEST_GUILESS_MAIN(TestJws)
#include "TestJws.moc"
