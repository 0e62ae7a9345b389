// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestCa.h"

#include "core/crypto/CertificateRequest.h"

#include <arpa/inet.h>

#include <QTest>

using namespace certdeck;
using namespace certdeck::crypto;

namespace {
/// What OpenSSL itself reads back from a DER CSR.
struct ParsedCsr {
    bool signatureOk = false;
    bool keyMatches = false;
    int subjectEntries = -1;
    int extensionCount = 0;
    bool sanCritical = false;
    int signatureDigestNid = NID_undef;
    QStringList dns;
    QList<QByteArray> ips;
};

ParsedCsr parse(const QByteArray& der, const PrivateKey& key) {
    ParsedCsr out;
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    X509ReqPtr req(d2i_X509_REQ(nullptr, &p, static_cast<long>(der.size())));
    if (!req)
        return out;
    EVP_PKEY* pub = X509_REQ_get0_pubkey(req.get());
    EvpPkeyPtr pkey = test::toEvp(key);
    out.signatureOk = pub && X509_REQ_verify(req.get(), pub) == 1;
    out.keyMatches = pub && EVP_PKEY_eq(pub, pkey.get()) == 1;
    out.subjectEntries = X509_NAME_entry_count(X509_REQ_get_subject_name(req.get()));
    int pknid = NID_undef;
    OBJ_find_sigid_algs(X509_REQ_get_signature_nid(req.get()), &out.signatureDigestNid, &pknid);
    X509ExtensionStackPtr exts(X509_REQ_get_extensions(req.get()));
    out.extensionCount = exts ? sk_X509_EXTENSION_num(exts.get()) : 0;
    for (int i = 0; i < out.extensionCount; ++i) {
        X509_EXTENSION* ext = sk_X509_EXTENSION_value(exts.get(), i);
        if (OBJ_obj2nid(X509_EXTENSION_get_object(ext)) != NID_subject_alt_name)
            continue;
        out.sanCritical = X509_EXTENSION_get_critical(ext) == 1;
        GeneralNamesPtr names(static_cast<GENERAL_NAMES*>(X509V3_EXT_d2i(ext)));
        for (int j = 0; names && j < sk_GENERAL_NAME_num(names.get()); ++j) {
            const GENERAL_NAME* gn = sk_GENERAL_NAME_value(names.get(), j);
            if (gn->type == GEN_DNS)
                out.dns << QString::fromLatin1(reinterpret_cast<const char*>(ASN1_STRING_get0_data(gn->d.dNSName)),
                                               ASN1_STRING_length(gn->d.dNSName));
            else if (gn->type == GEN_IPADD)
                out.ips << QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(gn->d.iPAddress)),
                                      ASN1_STRING_length(gn->d.iPAddress));
        }
    }
    return out;
}

QByteArray ipBytes(int family, const char* text) {
    unsigned char buf[16];
    inet_pton(family, text, buf);
    return QByteArray(reinterpret_cast<const char*>(buf), family == AF_INET ? 4 : 16);
}
} // namespace

class TestCertificateRequest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void csrCarriesNamesAndVerifies_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("digest");
        QTest::newRow("p256") << int(KeyType::P256) << NID_sha256;
        QTest::newRow("p384") << int(KeyType::P384) << NID_sha384;
        QTest::newRow("rsa2048") << int(KeyType::Rsa2048) << NID_sha256;
    }
    void csrCarriesNamesAndVerifies() {
        QFETCH(int, type);
        QFETCH(int, digest);
        auto key = PrivateKey::generate(static_cast<KeyType>(type));
        QVERIFY(key.has_value());
        const QStringList ids{QStringLiteral("example.com"), QStringLiteral("*.example.com"),
                              QStringLiteral("xn--bcher-kva.example"), QStringLiteral("192.0.2.1"),
                              QStringLiteral("2001:db8::1")};
        auto der = CertificateRequest::createDer(*key, ids);
        QVERIFY2(der.has_value(), qPrintable(der ? QString() : der.error().userMessage));
        const ParsedCsr csr = parse(*der, *key);
        QVERIFY(csr.signatureOk);
        QVERIFY(csr.keyMatches);
        QCOMPARE(csr.subjectEntries, 0); // no CN
        QCOMPARE(csr.extensionCount, 1); // SAN only: no Must-Staple, no EKU
        QVERIFY(csr.sanCritical);        // RFC 5280 §4.2.1.6 with an empty subject
        QCOMPARE(csr.signatureDigestNid, digest);
        QCOMPARE(csr.dns, (QStringList{QStringLiteral("example.com"), QStringLiteral("*.example.com"),
                                       QStringLiteral("xn--bcher-kva.example")}));
        QCOMPARE(csr.ips, (QList<QByteArray>{ipBytes(AF_INET, "192.0.2.1"), ipBytes(AF_INET6, "2001:db8::1")}));
    }

    void namesAreLowerCasedAndDeduplicated() {
        auto key = PrivateKey::generate(KeyType::P256);
        QVERIFY(key.has_value());
        auto der =
            CertificateRequest::createDer(*key, {QStringLiteral("WWW.Example.COM"), QStringLiteral("www.example.com"),
                                                 QStringLiteral("::1"), QStringLiteral("0:0::1")});
        QVERIFY(der.has_value());
        const ParsedCsr csr = parse(*der, *key);
        QCOMPARE(csr.dns, QStringList{QStringLiteral("www.example.com")});
        QCOMPARE(csr.ips.size(), 1);
    }

    void invalidIdentifiersAreRefused_data() {
        QTest::addColumn<QString>("identifier");
        QTest::newRow("space") << QStringLiteral("exa mple.com");
        QTest::newRow("empty") << QString();
        QTest::newRow("leading hyphen") << QStringLiteral("-a.example.com");
        QTest::newRow("trailing hyphen") << QStringLiteral("a-.example.com");
        QTest::newRow("empty label") << QStringLiteral("a..example.com");
        QTest::newRow("trailing dot") << QStringLiteral("example.com.");
        QTest::newRow("partial wildcard") << QStringLiteral("w*.example.com");
        QTest::newRow("double wildcard") << QStringLiteral("*.*.example.com");
        QTest::newRow("wildcard inside") << QStringLiteral("a.*.example.com");
        QTest::newRow("u-label") << QStringLiteral("bücher.example");
        QTest::newRow("underscore") << QStringLiteral("_acme.example.com");
        QTest::newRow("slash") << QStringLiteral("example.com/x");
        QTest::newRow("label too long") << QString(64, QLatin1Char('a')) + QStringLiteral(".com");
        QTest::newRow("name too long") << (QString(60, QLatin1Char('a')) + QLatin1Char('.')).repeated(5) +
                                              QStringLiteral("com");
        QTest::newRow("short ipv4") << QStringLiteral("1.2.3");
        QTest::newRow("ipv4 out of range") << QStringLiteral("192.0.2.256");
        QTest::newRow("bad ipv6") << QStringLiteral("2001:db8::g");
        QTest::newRow("ipv6 with zone") << QStringLiteral("fe80::1%eth0");
    }
    void invalidIdentifiersAreRefused() {
        QFETCH(QString, identifier);
        auto key = PrivateKey::generate(KeyType::P256);
        QVERIFY(key.has_value());
        auto der = CertificateRequest::createDer(*key, {QStringLiteral("ok.example.com"), identifier});
        QVERIFY(!der.has_value());
        QCOMPARE(der.error().code, ErrorCode::InvalidInput);
        QVERIFY(!der.error().userMessage.isEmpty());
        if (!identifier.isEmpty())
            QVERIFY2(der.error().userMessage.contains(identifier), qPrintable(der.error().userMessage));
        QVERIFY(!CertificateRequest::checkIdentifier(identifier).has_value());
    }

    void emptyListOrNullKeyIsRefused() {
        auto key = PrivateKey::generate(KeyType::P256);
        QVERIFY(key.has_value());
        auto none = CertificateRequest::createDer(*key, {});
        QVERIFY(!none.has_value());
        QCOMPARE(none.error().code, ErrorCode::InvalidInput);
        auto noKey = CertificateRequest::createDer(PrivateKey(), {QStringLiteral("example.com")});
        QVERIFY(!noKey.has_value());
    }

    void classifiesIpAddresses() {
        QVERIFY(CertificateRequest::isIpAddress(QStringLiteral("127.0.0.1")));
        QVERIFY(CertificateRequest::isIpAddress(QStringLiteral("::1")));
        QVERIFY(!CertificateRequest::isIpAddress(QStringLiteral("example.com")));
        QVERIFY(!CertificateRequest::isIpAddress(QStringLiteral("1.2.3")));
    }
};

QTEST_GUILESS_MAIN(TestCertificateRequest)
#include "TestCertificateRequest.moc"
