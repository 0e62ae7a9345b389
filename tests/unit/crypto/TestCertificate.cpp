// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestCa.h"

#include "core/crypto/Certificate.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTest>

using namespace certdeck;
using namespace certdeck::crypto;

namespace {
PrivateKey newKey(KeyType type = KeyType::P256) {
    auto key = PrivateKey::generate(type);
    return key ? *key : PrivateKey();
}
} // namespace

class TestCertificate : public QObject {
    Q_OBJECT

    PrivateKey m_rootKey;
    PrivateKey m_interKey;
    PrivateKey m_leafKey;
    Certificate m_root;
    Certificate m_inter;
    Certificate m_leaf;

private Q_SLOTS:
    void initTestCase() {
        m_rootKey = newKey(KeyType::P384);
        m_interKey = newKey(KeyType::Rsa2048);
        m_leafKey = newKey();
        QVERIFY(!m_rootKey.isNull() && !m_interKey.isNull() && !m_leafKey.isNull());

        test::CertSpec root;
        root.commonName = QStringLiteral("Certdeck Test Root");
        root.organization = QStringLiteral("Certdeck Tests");
        root.isCa = true;
        m_root = test::mint(root, m_rootKey, m_rootKey);
        QVERIFY(!m_root.isNull());

        test::CertSpec inter;
        inter.commonName = QStringLiteral("Certdeck Test Intermediate");
        inter.isCa = true;
        inter.serial = QByteArray("\x05", 1);
        m_inter = test::mint(inter, m_interKey, m_rootKey, &m_root);
        QVERIFY(!m_inter.isNull());

        test::CertSpec leaf;
        leaf.commonName = QStringLiteral("example.com");
        leaf.dnsNames = {QStringLiteral("example.com"), QStringLiteral("*.example.com")};
        leaf.ipAddresses = {QStringLiteral("192.0.2.7"), QStringLiteral("2001:db8::7")};
        leaf.serial = QByteArray("\x80\x01\x02", 3); // top bit set: DER needs a leading 0x00
        leaf.notBefore = QDateTime(QDate(2026, 3, 1), QTime(12, 30, 5), QTimeZone::utc());
        leaf.notAfter = QDateTime(QDate(2026, 5, 30), QTime(12, 30, 4), QTimeZone::utc());
        m_leaf = test::mint(leaf, m_leafKey, m_interKey, &m_inter);
        QVERIFY(!m_leaf.isNull());
    }

    void namesAndSans() {
        QCOMPARE(m_leaf.commonName(), QStringLiteral("example.com"));
        QCOMPARE(m_leaf.issuerCommonName(), QStringLiteral("Certdeck Test Intermediate"));
        QCOMPARE(m_leaf.subject(), QStringLiteral("CN=example.com"));
        QCOMPARE(m_root.subject(), QStringLiteral("CN=Certdeck Test Root,O=Certdeck Tests"));
        QCOMPARE(m_inter.issuer(), m_root.subject());
        QCOMPARE(m_leaf.dnsNames(), (QStringList{QStringLiteral("example.com"), QStringLiteral("*.example.com")}));
        QCOMPARE(m_leaf.ipAddresses(), (QStringList{QStringLiteral("192.0.2.7"), QStringLiteral("2001:db8::7")}));
        QVERIFY(m_root.dnsNames().isEmpty());
    }

    void serialNumberKeepsDerLeadingZero() {
        QCOMPARE(m_leaf.serialNumber(), QByteArray("\x00\x80\x01\x02", 4));
        QCOMPARE(m_leaf.serialNumberHex(), QStringLiteral("00800102"));
        QCOMPARE(m_inter.serialNumber(), QByteArray("\x05", 1));
        QCOMPARE(m_root.serialNumber(), QByteArray("\x01\x02", 2));

        // A 20-byte serial as CAs issue them (long-form length not needed, but the full width kept).
        test::CertSpec spec;
        spec.serial = QByteArray::fromHex("fa0b1c2d3e4f5061728394a5b6c7d8e9f0011223");
        Certificate c = test::mint(spec, m_leafKey, m_leafKey);
        QVERIFY(!c.isNull());
        QCOMPARE(c.serialNumber(), QByteArray(1, '\0') + spec.serial);
    }

    void validityInUtc() {
        QCOMPARE(m_leaf.notBefore(), QDateTime(QDate(2026, 3, 1), QTime(12, 30, 5), QTimeZone::utc()));
        QCOMPARE(m_leaf.notAfter(), QDateTime(QDate(2026, 5, 30), QTime(12, 30, 4), QTimeZone::utc()));
        QCOMPARE(m_leaf.notAfter().timeSpec(), Qt::UTC);
        // Beyond 2049 the time is a GeneralizedTime (RFC 5280 §4.1.2.5).
        test::CertSpec spec;
        spec.notAfter = QDateTime(QDate(2051, 7, 4), QTime(1, 2, 3), QTimeZone::utc());
        Certificate c = test::mint(spec, m_leafKey, m_leafKey);
        QCOMPARE(c.notAfter(), spec.notAfter);
    }

    void keyIdentifiers() {
        QCOMPARE(m_leaf.authorityKeyIdentifier().size(), 20);
        QCOMPARE(m_leaf.authorityKeyIdentifier(), m_inter.subjectKeyIdentifier());
        QCOMPARE(m_inter.authorityKeyIdentifier(), m_root.subjectKeyIdentifier());
        QVERIFY(m_leaf.authorityKeyIdentifier() != m_leaf.subjectKeyIdentifier());
        QVERIFY(Certificate().authorityKeyIdentifier().isEmpty());
    }

    void fingerprints() {
        const QByteArray expected = QCryptographicHash::hash(m_leaf.toDer(), QCryptographicHash::Sha256);
        QCOMPARE(m_leaf.sha256Fingerprint(), expected);
        const QString hex = m_leaf.sha256FingerprintHex();
        QVERIFY2(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$")).match(hex).hasMatch(),
                 qPrintable(hex));
        QCOMPARE(hex, QString::fromLatin1(expected.toHex(':').toUpper()));
        QCOMPARE(m_leaf.publicKeySha256(), m_leafKey.publicKeySha256());
        QVERIFY(m_leaf.publicKeySha256() != m_interKey.publicKeySha256());
    }

    void keyMatching() {
        QVERIFY(m_leaf.matchesKey(m_leafKey));
        QVERIFY(!m_leaf.matchesKey(m_interKey));
        QVERIFY(!m_leaf.matchesKey(newKey()));
        QVERIFY(!m_leaf.matchesKey(PrivateKey()));
        QVERIFY(m_inter.matchesKey(m_interKey));
        QCOMPARE(m_leaf.keyDescription(), QStringLiteral("ECDSA P-256"));
        QCOMPARE(m_inter.keyDescription(), QStringLiteral("RSA 2048"));
        QCOMPARE(m_root.keyDescription(), QStringLiteral("ECDSA P-384"));
    }

    void issuance() {
        QVERIFY(m_leaf.isIssuedBy(m_inter));
        QVERIFY(m_inter.isIssuedBy(m_root));
        QVERIFY(!m_leaf.isIssuedBy(m_root));
        QVERIFY(!m_inter.isIssuedBy(m_leaf));
        QVERIFY(m_root.isSelfSigned());
        QVERIFY(!m_leaf.isSelfSigned());
        QVERIFY(!m_inter.isSelfSigned());

        // Same name, different key: the signature decides.
        test::CertSpec spec;
        spec.commonName = QStringLiteral("Certdeck Test Intermediate");
        spec.isCa = true;
        const PrivateKey impostorKey = newKey();
        const Certificate impostor = test::mint(spec, impostorKey, m_rootKey, &m_root);
        QVERIFY(!impostor.isNull());
        QCOMPARE(impostor.subject(), m_inter.subject());
        QVERIFY(!m_leaf.isIssuedBy(impostor));
    }

    void chainOrder() {
        QVERIFY(checkChainOrder({m_leaf, m_inter, m_root}).has_value());
        QVERIFY(checkChainOrder({m_leaf, m_inter}).has_value());
        QVERIFY(checkChainOrder({m_leaf}).has_value());

        const Status reversed = checkChainOrder({m_root, m_inter, m_leaf});
        QVERIFY(!reversed.has_value());
        QVERIFY2(reversed.error().userMessage.contains(QLatin1String("certificate 1 (Certdeck Test Root)")),
                 qPrintable(reversed.error().userMessage));

        const Status gap = checkChainOrder({m_leaf, m_root});
        QVERIFY(!gap.has_value());
        QVERIFY2(gap.error().userMessage.contains(QLatin1String("certificate 1 (example.com)")) &&
                     gap.error().userMessage.contains(QLatin1String("certificate 2 (Certdeck Test Root)")),
                 qPrintable(gap.error().userMessage));

        QVERIFY(!checkChainOrder({}).has_value());
    }

    void coversName_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("covered");
        QTest::newRow("exact") << QStringLiteral("example.com") << true;
        QTest::newRow("case") << QStringLiteral("EXAMPLE.com") << true;
        QTest::newRow("one label under wildcard") << QStringLiteral("a.example.com") << true;
        QTest::newRow("wildcard case") << QStringLiteral("WWW.Example.Com") << true;
        QTest::newRow("absolute name") << QStringLiteral("a.example.com.") << true;
        QTest::newRow("two labels under wildcard") << QStringLiteral("a.b.example.com") << false;
        QTest::newRow("other domain") << QStringLiteral("example.org") << false;
        QTest::newRow("suffix trick") << QStringLiteral("aexample.com") << false;
        QTest::newRow("parent") << QStringLiteral("com") << false;
        QTest::newRow("empty label") << QStringLiteral(".example.com") << false;
        QTest::newRow("the wildcard itself") << QStringLiteral("*.example.com") << true;
        QTest::newRow("ipv4") << QStringLiteral("192.0.2.7") << true;
        QTest::newRow("other ipv4") << QStringLiteral("192.0.2.8") << false;
        QTest::newRow("ipv6 other spelling") << QStringLiteral("2001:0db8:0:0::7") << true;
        QTest::newRow("other ipv6") << QStringLiteral("2001:db8::8") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void coversName() {
        QFETCH(QString, name);
        QFETCH(bool, covered);
        QCOMPARE(m_leaf.coversName(name), covered);
    }

    void wildcardAloneDoesNotCoverItsBase() {
        test::CertSpec spec;
        spec.dnsNames = {QStringLiteral("*.example.com")};
        const Certificate c = test::mint(spec, m_leafKey, m_interKey, &m_inter);
        QVERIFY(!c.isNull());
        QVERIFY(c.coversName(QStringLiteral("a.example.com")));
        QVERIFY(!c.coversName(QStringLiteral("example.com")));
        QVERIFY(!c.coversName(QStringLiteral("a.b.example.com")));
        // The CN is never consulted.
        test::CertSpec cnOnly;
        cnOnly.commonName = QStringLiteral("cn.example.com");
        const Certificate cn = test::mint(cnOnly, m_leafKey, m_interKey, &m_inter);
        QVERIFY(!cn.coversName(QStringLiteral("cn.example.com")));
    }

    void pemAndDerRoundTrip() {
        const QByteArray pem = m_leaf.toPem();
        QVERIFY(pem.startsWith("-----BEGIN CERTIFICATE-----\n"));
        auto fromPem = Certificate::fromPem(pem);
        QVERIFY(fromPem.has_value());
        QVERIFY(*fromPem == m_leaf);
        QVERIFY(!(*fromPem == m_inter));
        auto fromDer = Certificate::fromDer(m_leaf.toDer());
        QVERIFY(fromDer.has_value());
        QCOMPARE(fromDer->sha256Fingerprint(), m_leaf.sha256Fingerprint());

        // fromPem takes the first certificate and tolerates text around it.
        auto first = Certificate::fromPem("Subject: leaf\n" + pem + m_inter.toPem());
        QVERIFY(first.has_value());
        QVERIFY(*first == m_leaf);

        QVERIFY(!Certificate::fromDer(m_leaf.toDer() + '\0').has_value());
        QVERIFY(!Certificate::fromDer(m_leaf.toDer().left(100)).has_value());
        QVERIFY(!Certificate::fromDer(QByteArray()).has_value());
        auto garbage = Certificate::fromPem("not a certificate");
        QVERIFY(!garbage.has_value());
        QCOMPARE(garbage.error().code, ErrorCode::InvalidInput);
    }

    void chainFromPemKeepsOrder() {
        const QByteArray pem = Certificate::chainToPem({m_leaf, m_inter, m_root});
        auto chain = Certificate::chainFromPem(pem);
        QVERIFY2(chain.has_value(), qPrintable(chain ? QString() : chain.error().detail));
        QCOMPARE(chain->size(), 3);
        QVERIFY(chain->at(0) == m_leaf);
        QVERIFY(chain->at(1) == m_inter);
        QVERIFY(chain->at(2) == m_root);

        // CRLF line ends and blank lines between blocks are fine.
        QByteArray crlf = pem;
        crlf.replace("\n", "\r\n");
        crlf.replace("-----END CERTIFICATE-----\r\n", "-----END CERTIFICATE-----\r\n\r\n");
        auto fromCrlf = Certificate::chainFromPem(crlf);
        QVERIFY(fromCrlf.has_value());
        QCOMPARE(fromCrlf->size(), 3);
    }

    void chainFromPemRefuses_data() {
        QTest::addColumn<QByteArray>("pem");
        const QByteArray leaf = m_leaf.toPem();
        const QByteArray inter = m_inter.toPem();
        QByteArray damaged = leaf;
        damaged[40] = '*';
        // Valid base64 of a truncated DER certificate.
        const QByteArray truncated =
            "-----BEGIN CERTIFICATE-----\n" + m_leaf.toDer().left(200).toBase64() + "\n-----END CERTIFICATE-----\n";
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("only whitespace") << QByteArray(" \n\n");
        QTest::newRow("garbage before") << QByteArray("hello\n") + leaf;
        QTest::newRow("garbage between") << leaf + "hello\n" + inter;
        QTest::newRow("garbage after") << leaf + inter + "trailing";
        QTest::newRow("garbage inside") << damaged;
        QTest::newRow("broken der") << truncated;
        QTest::newRow("no end line") << leaf.left(leaf.indexOf("-----END"));
        QTest::newRow("private key block") << leaf + "-----BEGIN PRIVATE KEY-----\nZm9v\n-----END PRIVATE KEY-----\n";
        QTest::newRow("nested begin") << QByteArray("-----BEGIN CERTIFICATE-----\n") + inter;
    }
    void chainFromPemRefuses() {
        QFETCH(QByteArray, pem);
        auto chain = Certificate::chainFromPem(pem);
        QVERIFY(!chain.has_value());
        QCOMPARE(chain.error().code, ErrorCode::InvalidInput);
        QVERIFY(!chain.error().userMessage.isEmpty());
    }

    void chainFromPemRefusesMoreThanMax() {
        QByteArray eleven;
        for (int i = 0; i < 11; ++i)
            eleven += m_root.toPem();
        QVERIFY(!Certificate::chainFromPem(eleven).has_value());
        QCOMPARE(Certificate::chainFromPem(eleven, 11)->size(), 11);
        const QByteArray three = Certificate::chainToPem({m_leaf, m_inter, m_root});
        auto limited = Certificate::chainFromPem(three, 2);
        QVERIFY(!limited.has_value());
        QVERIFY(limited.error().userMessage.contains(QLatin1String("more than 2")));
    }

    void nullCertificate() {
        const Certificate c;
        QVERIFY(c.isNull());
        QVERIFY(c.toDer().isEmpty());
        QVERIFY(c.toPem().isEmpty());
        QVERIFY(c.subject().isEmpty());
        QVERIFY(c.dnsNames().isEmpty());
        QVERIFY(!c.notAfter().isValid());
        QVERIFY(!c.isSelfSigned());
        QVERIFY(!c.coversName(QStringLiteral("example.com")));
        QVERIFY(!m_leaf.isIssuedBy(c));
    }
};

QTEST_GUILESS_MAIN(TestCertificate)
#include "TestCertificate.moc"
