// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestCa.h"

#include "core/crypto/Pkcs12.h"

#include <QTest>

using namespace certdeck;
using namespace certdeck::crypto;

namespace {
Pkcs12Ptr parseDer(const QByteArray& der) {
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    return Pkcs12Ptr(d2i_PKCS12(nullptr, &p, static_cast<long>(der.size())));
}

QByteArray derOf(X509* x) {
    unsigned char* der = nullptr;
    const int len = i2d_X509(x, &der);
    OpenSslBufferPtr owner(der);
    return QByteArray(reinterpret_cast<const char*>(der), len);
}
} // namespace

class TestPkcs12 : public QObject {
    Q_OBJECT

    PrivateKey m_caKey;
    PrivateKey m_key;
    Certificate m_ca;
    Certificate m_leaf;

private Q_SLOTS:
    void initTestCase() {
        auto caKey = PrivateKey::generate(KeyType::P256);
        auto key = PrivateKey::generate(KeyType::P256);
        QVERIFY(caKey && key);
        m_caKey = *caKey;
        m_key = *key;
        test::CertSpec ca;
        ca.commonName = QStringLiteral("Certdeck Test CA");
        ca.isCa = true;
        m_ca = test::mint(ca, m_caKey, m_caKey);
        test::CertSpec leaf;
        leaf.dnsNames = {QStringLiteral("example.com")};
        m_leaf = test::mint(leaf, m_key, m_caKey, &m_ca);
        QVERIFY(!m_ca.isNull() && !m_leaf.isNull());
    }

    void createsWhatOpenSslParses() {
        const QString friendlyName = QStringLiteral("Büro example.com");
        auto der = Pkcs12::create(m_key, m_leaf, {m_ca}, SecureBytes(QByteArray("correct horse")), friendlyName);
        QVERIFY2(der.has_value(), qPrintable(der ? QString() : der.error().detail));
        Pkcs12Ptr p12 = parseDer(*der);
        QVERIFY(p12);
        QCOMPARE(PKCS12_verify_mac(p12.get(), "correct horse", -1), 1);

        EVP_PKEY* rawKey = nullptr;
        X509* rawCert = nullptr;
        STACK_OF(X509)* rawCa = nullptr;
        QCOMPARE(PKCS12_parse(p12.get(), "correct horse", &rawKey, &rawCert, &rawCa), 1);
        EvpPkeyPtr pkey(rawKey);
        X509Ptr cert(rawCert);
        X509StackPtr caStack(rawCa);
        EvpPkeyPtr expectedKey = test::toEvp(m_key);
        QCOMPARE(EVP_PKEY_eq(pkey.get(), expectedKey.get()), 1);
        QCOMPARE(derOf(cert.get()), m_leaf.toDer());
        QVERIFY(caStack);
        QCOMPARE(sk_X509_num(caStack.get()), 1);
        QCOMPARE(derOf(sk_X509_value(caStack.get(), 0)), m_ca.toDer());
        int aliasLen = 0;
        const unsigned char* alias = X509_alias_get0(cert.get(), &aliasLen);
        QVERIFY(alias);
        QCOMPARE(QString::fromUtf8(reinterpret_cast<const char*>(alias), aliasLen), friendlyName);

        // Modern algorithms: the MAC is HMAC-SHA-256 and the key bag is PBES2-encrypted.
        const X509_ALGOR* macAlg = nullptr;
        PKCS12_get0_mac(nullptr, &macAlg, nullptr, nullptr, p12.get());
        QVERIFY(macAlg);
        const ASN1_OBJECT* macOid = nullptr;
        X509_ALGOR_get0(&macOid, nullptr, nullptr, macAlg);
        QCOMPARE(OBJ_obj2nid(macOid), NID_sha256);

        STACK_OF(PKCS7)* rawSafes = PKCS12_unpack_authsafes(p12.get());
        Pkcs7StackPtr safes(rawSafes);
        QVERIFY(safes);
        int encryptedSafes = 0;
        int pbes2KeyBags = 0;
        for (int i = 0; i < sk_PKCS7_num(safes.get()); ++i) {
            PKCS7* p7 = sk_PKCS7_value(safes.get(), i);
            const int nid = OBJ_obj2nid(p7->type);
            if (nid == NID_pkcs7_encrypted) {
                ++encryptedSafes;
                continue;
            }
            Pkcs12SafeBagStackPtr bags(PKCS12_unpack_p7data(p7));
            for (int j = 0; bags && j < sk_PKCS12_SAFEBAG_num(bags.get()); ++j) {
                const PKCS12_SAFEBAG* bag = sk_PKCS12_SAFEBAG_value(bags.get(), j);
                QVERIFY(PKCS12_SAFEBAG_get_nid(bag) != NID_keyBag); // never an unencrypted key
                if (PKCS12_SAFEBAG_get_nid(bag) != NID_pkcs8ShroudedKeyBag)
                    continue;
                const X509_ALGOR* alg = nullptr;
                X509_SIG_get0(PKCS12_SAFEBAG_get0_pkcs8(bag), &alg, nullptr);
                const ASN1_OBJECT* oid = nullptr;
                X509_ALGOR_get0(&oid, nullptr, nullptr, alg);
                if (OBJ_obj2nid(oid) == NID_pbes2)
                    ++pbes2KeyBags;
            }
        }
        QCOMPARE(encryptedSafes, 1);
        QCOMPARE(pbes2KeyBags, 1);
    }

    void wrongPasswordDoesNotOpen() {
        auto der = Pkcs12::create(m_key, m_leaf, {}, SecureBytes(QByteArray("right")), QStringLiteral("x"));
        QVERIFY(der.has_value());
        Pkcs12Ptr p12 = parseDer(*der);
        QVERIFY(p12);
        QCOMPARE(PKCS12_verify_mac(p12.get(), "wrong", -1), 0);
        EVP_PKEY* rawKey = nullptr;
        X509* rawCert = nullptr;
        QCOMPARE(PKCS12_parse(p12.get(), "wrong", &rawKey, &rawCert, nullptr), 0);
        EvpPkeyPtr pkey(rawKey);
        X509Ptr cert(rawCert);
        QVERIFY(!pkey);
        ERR_clear_error();
    }

    void refusesEmptyPasswordAndForeignCertificate() {
        auto empty = Pkcs12::create(m_key, m_leaf, {m_ca}, SecureBytes(), QStringLiteral("x"));
        QVERIFY(!empty.has_value());
        QCOMPARE(empty.error().code, ErrorCode::InvalidInput);
        QVERIFY(empty.error().userMessage.contains(QLatin1String("password")));

        auto foreign = Pkcs12::create(m_caKey, m_leaf, {}, SecureBytes(QByteArray("pw")), QStringLiteral("x"));
        QVERIFY(!foreign.has_value());
        QCOMPARE(foreign.error().code, ErrorCode::InvalidInput);

        auto nullKey = Pkcs12::create(PrivateKey(), m_leaf, {}, SecureBytes(QByteArray("pw")), QStringLiteral("x"));
        QVERIFY(!nullKey.has_value());
        auto nul = Pkcs12::create(m_key, m_leaf, {}, SecureBytes(QByteArray("a\0b", 3)), QStringLiteral("x"));
        QVERIFY(!nul.has_value());
    }
};

QTEST_GUILESS_MAIN(TestPkcs12)
#include "TestPkcs12.moc"
