// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestCa.h"

#include "core/crypto/Base64Url.h"
#include "core/crypto/Jwk.h"
#include "core/crypto/JwsSigner.h"

#include <openssl/ecdsa.h>

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace certdeck;
using namespace certdeck::crypto;

namespace {
const QByteArray Input = "eyJhbGciOiJFUzI1NiJ9.eyJub25jZSI6ImFiYyJ9";

/// Verifies a raw JWS signature with OpenSSL directly, without the code under test.
bool opensslVerifies(const PrivateKey& key, const QByteArray& input, QByteArray sig) {
    EvpPkeyPtr pkey = test::toEvp(key);
    if (!pkey)
        return false;
    const EVP_MD* md = key.type() == KeyType::P384 ? EVP_sha384() : EVP_sha256();
    if (isEcKeyType(key.type())) {
        const int width = static_cast<int>(sig.size() / 2);
        const auto* p = reinterpret_cast<const unsigned char*>(sig.constData());
        EcdsaSigPtr ecdsa(ECDSA_SIG_new());
        ECDSA_SIG_set0(ecdsa.get(), BN_bin2bn(p, width, nullptr), BN_bin2bn(p + width, width, nullptr));
        unsigned char* der = nullptr;
        const int len = i2d_ECDSA_SIG(ecdsa.get(), &der);
        sig = QByteArray(reinterpret_cast<const char*>(der), len);
        OPENSSL_free(der);
    }
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    return EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, pkey.get()) == 1 &&
           EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.constData()),
                            static_cast<size_t>(sig.size()), reinterpret_cast<const unsigned char*>(input.constData()),
                            static_cast<size_t>(input.size())) == 1;
}
} // namespace

class TestJwsSigner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void signsAndVerifies_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("alg");
        QTest::addColumn<int>("size");
        QTest::newRow("ES256") << int(KeyType::P256) << QStringLiteral("ES256") << 64;
        QTest::newRow("ES384") << int(KeyType::P384) << QStringLiteral("ES384") << 96;
        QTest::newRow("RS256") << int(KeyType::Rsa2048) << QStringLiteral("RS256") << 256;
    }
    void signsAndVerifies() {
        QFETCH(int, type);
        QFETCH(QString, alg);
        QFETCH(int, size);
        auto key = PrivateKey::generate(static_cast<KeyType>(type));
        QVERIFY(key.has_value());
        const JwsSigner signer(*key);
        QCOMPARE(signer.algorithm(), alg);
        QCOMPARE(signer.jwk(), Jwk::publicJwk(*key));
        QCOMPARE(signer.thumbprint(), Jwk::thumbprint(Jwk::publicJwk(*key)));
        QVERIFY(signer.key().sameKeyAs(*key));

        // ECDSA signatures are random, so a short r or s (a leading zero) shows up across a few
        // signatures; every one must keep the fixed size.
        for (int i = 0; i < 20; ++i) {
            const QByteArray input = Input + QByteArray::number(i);
            auto sig = signer.sign(input);
            QVERIFY(sig.has_value());
            QCOMPARE(sig->size(), size);
            QVERIFY(opensslVerifies(*key, input, *sig));
            QVERIFY(JwsSigner::verify(signer.jwk(), alg, input, *sig));
            QVERIFY(!JwsSigner::verify(signer.jwk(), alg, input + 'x', *sig));
            QByteArray flipped = *sig;
            flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x01);
            QVERIFY(!JwsSigner::verify(signer.jwk(), alg, input, flipped));
            QVERIFY(!JwsSigner::verify(signer.jwk(), alg, input, sig->left(sig->size() - 1)));
        }
    }

    void ecdsaSignatureKeepsFixedWidthWhenROrSIsShort() {
        // About 1 signature in 128 has an r or s below 2^248, which DER encodes shorter; the JWS form
        // must still be 64 bytes with the leading zero kept (RFC 7518 §3.4). 5000 tries find one.
        auto key = PrivateKey::generate(KeyType::P256);
        QVERIFY(key.has_value());
        const JwsSigner signer(*key);
        bool sawShort = false;
        for (int i = 0; i < 5000 && !sawShort; ++i) {
            const QByteArray input = Input + QByteArray::number(i);
            auto sig = signer.sign(input);
            QVERIFY(sig.has_value());
            QCOMPARE(sig->size(), 64);
            sawShort = sig->at(0) == 0 || sig->at(32) == 0;
            if (sawShort) {
                QVERIFY(opensslVerifies(*key, input, *sig));
                QVERIFY(JwsSigner::verify(signer.jwk(), QStringLiteral("ES256"), input, *sig));
            }
        }
        QVERIFY(sawShort);
    }

    void verifyRefusesMismatchedAlgorithm() {
        auto key = PrivateKey::generate(KeyType::P256);
        QVERIFY(key.has_value());
        const JwsSigner signer(*key);
        auto sig = signer.sign(Input);
        QVERIFY(sig.has_value());
        QVERIFY(!JwsSigner::verify(signer.jwk(), QStringLiteral("ES384"), Input, *sig));
        QVERIFY(!JwsSigner::verify(signer.jwk(), QStringLiteral("RS256"), Input, *sig));
        QVERIFY(!JwsSigner::verify(signer.jwk(), QStringLiteral("none"), Input, QByteArray()));
        QVERIFY(!JwsSigner::verify(QJsonObject(), QStringLiteral("ES256"), Input, *sig));
    }

    void verifiesRfc7515AppendixA3() {
        // RFC 7515 §A.3: ES256 example, signed by someone else's implementation.
        const QJsonObject jwk{{QStringLiteral("kty"), QStringLiteral("EC")},
                              {QStringLiteral("crv"), QStringLiteral("P-256")},
                              {QStringLiteral("x"), QStringLiteral("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU")},
                              {QStringLiteral("y"), QStringLiteral("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")}};
        const QByteArray input =
            "eyJhbGciOiJFUzI1NiJ9."
            "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0"
            "cnVlfQ";
        auto sig =
            fromBase64url("DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q");
        QVERIFY(sig.has_value());
        QVERIFY(JwsSigner::verify(jwk, QStringLiteral("ES256"), input, *sig));
        QVERIFY(!JwsSigner::verify(jwk, QStringLiteral("ES256"), input.left(input.size() - 1), *sig));
    }

    void hmacSha256KnownAnswers() {
        // RFC 4231 §4.3, test case 2.
        auto mac = JwsSigner::hmacSha256(SecureBytes(QByteArray("Jefe")), "what do ya want for nothing?");
        QVERIFY(mac.has_value());
        QCOMPARE(mac->toHex(), QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));

        // RFC 7515 §A.1: HS256 JWS example.
        auto key =
            fromBase64url("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
        QVERIFY(key.has_value());
        const QByteArray input =
            "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
            "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0"
            "cnVlfQ";
        auto jws = JwsSigner::hmacSha256(SecureBytes(*key), input);
        QVERIFY(jws.has_value());
        QCOMPARE(base64url(*jws), QByteArray("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    void hmacRefusesEmptyKey() {
        auto mac = JwsSigner::hmacSha256(SecureBytes(), "data");
        QVERIFY(!mac.has_value());
        QCOMPARE(mac.error().code, ErrorCode::InvalidInput);
    }

    void nullKeyCannotSign() {
        const JwsSigner signer{PrivateKey()};
        QVERIFY(signer.algorithm().isEmpty());
        QVERIFY(signer.jwk().isEmpty());
        auto sig = signer.sign(Input);
        QVERIFY(!sig.has_value());
        QVERIFY(!sig.error().userMessage.isEmpty());
    }

    void signsFromSeveralThreadsAtOnce() {
        auto key = PrivateKey::generate(KeyType::P256);
        QVERIFY(key.has_value());
        const JwsSigner signer(*key);
        std::atomic<int> good{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&signer, &good, t] {
                for (int i = 0; i < 50; ++i) {
                    const QByteArray input = Input + QByteArray::number(t * 1000 + i);
                    auto sig = signer.sign(input);
                    if (sig && JwsSigner::verify(signer.jwk(), signer.algorithm(), input, *sig))
                        ++good;
                }
            });
        }
        for (auto& th : threads)
            th.join();
        QCOMPARE(good.load(), 200);
    }
};

QTEST_GUILESS_MAIN(TestJwsSigner)
#include "TestJwsSigner.moc"
