// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestCa.h"

#include "core/crypto/PrivateKey.h"

#include <openssl/core_names.h>

#include <QCryptographicHash>
#include <QTest>

using namespace certdeck;
using namespace certdeck::crypto;

Q_DECLARE_METATYPE(certdeck::crypto::KeyType)

namespace {
SecureBytes secret(const char* s) {
    return SecureBytes(QByteArray(s));
}

QByteArray pemText(const Result<SecureBytes>& pem) {
    return pem ? pem->bytes() : QByteArray();
}
} // namespace

class TestPrivateKey : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void generatesEveryType_data() {
        QTest::addColumn<KeyType>("type");
        QTest::addColumn<QString>("description");
        QTest::newRow("p256") << KeyType::P256 << QStringLiteral("ECDSA P-256");
        QTest::newRow("p384") << KeyType::P384 << QStringLiteral("ECDSA P-384");
        QTest::newRow("rsa2048") << KeyType::Rsa2048 << QStringLiteral("RSA 2048");
        QTest::newRow("rsa3072") << KeyType::Rsa3072 << QStringLiteral("RSA 3072");
        QTest::newRow("rsa4096") << KeyType::Rsa4096 << QStringLiteral("RSA 4096");
    }
    void generatesEveryType() {
        QFETCH(KeyType, type);
        QFETCH(QString, description);
        auto key = PrivateKey::generate(type);
        QVERIFY2(key.has_value(), qPrintable(key ? QString() : key.error().detail));
        QVERIFY(!key->isNull());
        QCOMPARE(key->type(), type);
        QCOMPARE(key->description(), description);
        QVERIFY(!key->publicKeyDer().isEmpty());
        QCOMPARE(key->publicKeySha256(), QCryptographicHash::hash(key->publicKeyDer(), QCryptographicHash::Sha256));

        // Plain PEM round trip gives the same key.
        auto pem = key->toPem();
        QVERIFY(pem.has_value());
        QVERIFY(pem->bytes().startsWith("-----BEGIN PRIVATE KEY-----"));
        auto back = PrivateKey::fromPem(pem->bytes());
        QVERIFY(back.has_value());
        QCOMPARE(back->type(), type);
        QVERIFY(back->sameKeyAs(*key));
        QCOMPARE(back->publicKeyDer(), key->publicKeyDer());

        // Two generated keys differ.
        auto other = PrivateKey::generate(type);
        QVERIFY(other.has_value());
        QVERIFY(!other->sameKeyAs(*key));
    }

    void encryptedPemRoundTrip() {
        auto key = PrivateKey::generate(KeyType::P256);
        QVERIFY(key.has_value());
        const SecureBytes pass = secret("correct horse battery staple");
        auto pem = key->toPem(pass);
        QVERIFY(pem.has_value());
        QVERIFY(pem->bytes().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        QVERIFY(!pem->bytes().contains("-----BEGIN PRIVATE KEY-----"));

        auto back = PrivateKey::fromPem(pem->bytes(), pass);
        QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().detail));
        QVERIFY(back->sameKeyAs(*key));

        // The encryption is real: OpenSSL itself needs the passphrase and finds PBES2 + AES-256-CBC.
        BioPtr bio(BIO_new_mem_buf(pem->bytes().constData(), static_cast<int>(pem->size())));
        X509_SIG* sig = PEM_read_bio_PKCS8(bio.get(), nullptr, nullptr, nullptr);
        QVERIFY(sig);
        const X509_ALGOR* alg = nullptr;
        X509_SIG_get0(sig, &alg, nullptr);
        const ASN1_OBJECT* oid = nullptr;
        X509_ALGOR_get0(&oid, nullptr, nullptr, alg);
        QCOMPARE(OBJ_obj2nid(oid), NID_pbes2);
        X509_SIG_free(sig);
    }

    void encryptedKeyWithoutOrWithWrongPassphraseFailsCleanly() {
        auto key = PrivateKey::generate(KeyType::Rsa2048);
        QVERIFY(key.has_value());
        const QByteArray pem = pemText(key->toPem(secret("right")));
        QVERIFY(!pem.isEmpty());

        auto none = PrivateKey::fromPem(pem);
        QVERIFY(!none.has_value());
        QCOMPARE(none.error().code, ErrorCode::InvalidInput);
        QVERIFY2(none.error().userMessage.contains(QLatin1String("passphrase")), qPrintable(none.error().userMessage));

        auto wrong = PrivateKey::fromPem(pem, secret("wrong"));
        QVERIFY(!wrong.has_value());
        QCOMPARE(wrong.error().code, ErrorCode::InvalidInput);
        QVERIFY2(wrong.error().userMessage.contains(QLatin1String("wrong")), qPrintable(wrong.error().userMessage));

        // The failure left no stale error behind for the next, valid call.
        QVERIFY(PrivateKey::fromPem(pem, secret("right")).has_value());
    }

    void readsTraditionalFormats() {
        auto ec = PrivateKey::generate(KeyType::P384);
        QVERIFY(ec.has_value());
        EvpPkeyPtr pkey = test::toEvp(*ec);
        QVERIFY(pkey);
        auto traditional = test::fromEvp(pkey.get(), true);
        QVERIFY2(traditional.has_value(), qPrintable(traditional ? QString() : traditional.error().detail));
        QVERIFY(traditional->sameKeyAs(*ec));
        QCOMPARE(traditional->type(), KeyType::P384);

        // Legacy encrypted "RSA PRIVATE KEY" with Proc-Type/DEK-Info headers.
        auto rsa = PrivateKey::generate(KeyType::Rsa2048);
        QVERIFY(rsa.has_value());
        EvpPkeyPtr rsaPkey = test::toEvp(*rsa);
        BioPtr bio(BIO_new(BIO_s_mem()));
        const QByteArray pass("legacy-pass");
        QCOMPARE(PEM_write_bio_PrivateKey_traditional(bio.get(), rsaPkey.get(), EVP_aes_128_cbc(),
                                                      reinterpret_cast<const unsigned char*>(pass.constData()),
                                                      static_cast<int>(pass.size()), nullptr, nullptr),
                 1);
        char* data = nullptr;
        const long len = BIO_get_mem_data(bio.get(), &data);
        const QByteArray legacy(data, static_cast<qsizetype>(len));
        QVERIFY(legacy.contains("Proc-Type: 4,ENCRYPTED"));
        auto back = PrivateKey::fromPem(legacy, SecureBytes(pass));
        QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().detail));
        QVERIFY(back->sameKeyAs(*rsa));
        QVERIFY(!PrivateKey::fromPem(legacy).has_value());
    }

    void garbageIsAnError_data() {
        QTest::addColumn<QByteArray>("pem");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("hello, I am not a key\n");
        QTest::newRow("bad base64") << QByteArray("-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n");
        QTest::newRow("valid base64, not a key")
            << QByteArray("-----BEGIN PRIVATE KEY-----\nZm9vYmFy\n-----END PRIVATE KEY-----\n");
        QTest::newRow("huge") << QByteArray(300 * 1024, 'A');
    }
    void garbageIsAnError() {
        QFETCH(QByteArray, pem);
        auto key = PrivateKey::fromPem(pem);
        QVERIFY(!key.has_value());
        QCOMPARE(key.error().code, ErrorCode::InvalidInput);
        QVERIFY(!key.error().userMessage.isEmpty());
    }

    void truncatedPemIsAnError() {
        auto key = PrivateKey::generate(KeyType::P256);
        QVERIFY(key.has_value());
        const QByteArray pem = pemText(key->toPem());
        QVERIFY(!PrivateKey::fromPem(pem.left(pem.size() / 2)).has_value());
    }

    void unsupportedKeysAreRefused_data() {
        QTest::addColumn<QByteArray>("algorithm");
        QTest::addColumn<QByteArray>("parameter");
        QTest::newRow("ed25519") << QByteArray("ED25519") << QByteArray();
        QTest::newRow("p521") << QByteArray("EC") << QByteArray("P-521");
        QTest::newRow("rsa1024") << QByteArray("RSA") << QByteArray("1024");
    }
    void unsupportedKeysAreRefused() {
        QFETCH(QByteArray, algorithm);
        QFETCH(QByteArray, parameter);
        EvpPkeyPtr pkey;
        if (algorithm == "EC")
            pkey.reset(EVP_EC_gen(parameter.constData()));
        else if (algorithm == "RSA")
            pkey.reset(EVP_RSA_gen(static_cast<unsigned>(parameter.toUInt())));
        else
            pkey.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, algorithm.constData()));
        QVERIFY(pkey);
        auto key = test::fromEvp(pkey.get());
        QVERIFY(!key.has_value());
        QCOMPARE(key.error().code, ErrorCode::InvalidInput);
    }

    void nullKeyAndCopies() {
        PrivateKey null;
        QVERIFY(null.isNull());
        QVERIFY(null.publicKeyDer().isEmpty());
        QVERIFY(!null.toPem().has_value());
        QVERIFY(!null.sameKeyAs(null));

        auto key = PrivateKey::generate(KeyType::P256);
        QVERIFY(key.has_value());
        PrivateKey copy = *key;
        QVERIFY(copy.sameKeyAs(*key));
        PrivateKey moved = std::move(copy);
        QVERIFY(moved.sameKeyAs(*key));
    }

    void keyTypeNames() {
        for (KeyType t : {KeyType::P256, KeyType::P384, KeyType::Rsa2048, KeyType::Rsa3072, KeyType::Rsa4096})
            QCOMPARE(parseKeyType(keyTypeName(t)), t);
        QCOMPARE(keyTypeName(KeyType::Rsa3072), QStringLiteral("rsa3072"));
        QCOMPARE(parseKeyType(QStringLiteral("ECDSA")), KeyType::P256);
        QCOMPARE(parseKeyType(QStringLiteral("ec384")), KeyType::P384);
        QCOMPARE(parseKeyType(QStringLiteral("P256")), KeyType::P256);
        QVERIFY(!parseKeyType(QStringLiteral("rsa1024")).has_value());
        QVERIFY(!parseKeyType(QStringLiteral("ed25519")).has_value());
        QVERIFY(!parseKeyType(QString()).has_value());
    }
};

QTEST_GUILESS_MAIN(TestPrivateKey)
#include "TestPrivateKey.moc"
