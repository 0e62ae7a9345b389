// SPDX-License-Identifier: GPL-3.0-or-later
// What a user pastes as a TSIG key, and what they are told when it cannot work.
#include "core/dns/TsigKey.h"

#include <QTest>

using namespace certdeck;
using namespace certdeck::dns;

class TestTsigKey : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void algorithmNames() {
        QCOMPARE(*TsigKey::algorithmFromName(QStringLiteral("hmac-sha256")), TsigAlgorithm::HmacSha256);
        QCOMPARE(*TsigKey::algorithmFromName(QStringLiteral("HMAC-SHA384.")), TsigAlgorithm::HmacSha384);
        QCOMPARE(*TsigKey::algorithmFromName(QStringLiteral(" hmac-sha512 ")), TsigAlgorithm::HmacSha512);
        auto md5 = TsigKey::algorithmFromName(QStringLiteral("hmac-md5.sig-alg.reg.int"));
        QVERIFY(!md5);
        QCOMPARE(md5.error().code, ErrorCode::InvalidInput);
        QVERIFY(md5.error().userMessage.contains(QLatin1String("hmac-sha256")));
        QCOMPARE(TsigKey::algorithmName(TsigAlgorithm::HmacSha384), QStringLiteral("hmac-sha384."));
    }

    void validate() {
        TsigKey key{QStringLiteral("certdeck"), TsigAlgorithm::HmacSha256,
                    SecureBytes(QByteArrayLiteral("uQ3AvpHkTg+yO7m2UfC+zWyF+7w0mkgZ2G6+m6GDFbM=\n"))};
        QVERIFY(key.validate());

        TsigKey empty = key;
        empty.secretBase64 = SecureBytes();
        QVERIFY(empty.validate().error().userMessage.contains(QLatin1String("empty")));

        TsigKey notBase64 = key;
        notBase64.secretBase64 = SecureBytes(QByteArrayLiteral("this is not base64!"));
        QVERIFY(notBase64.validate().error().userMessage.contains(QLatin1String("base64")));

        TsigKey badName = key;
        badName.name = QStringLiteral("bad name");
        QCOMPARE(badName.validate().error().code, ErrorCode::InvalidInput);
        QVERIFY(badName.validate().error().userMessage.contains(QLatin1String("key name")));
    }
};

QTEST_GUILESS_MAIN(TestTsigKey)
#include "TestTsigKey.moc"
