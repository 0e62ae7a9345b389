// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Base64Url.h"

#include <QRandomGenerator>
#include <QTest>

using namespace certdeck;
using namespace certdeck::crypto;

class TestBase64Url : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void encodesRfc4648VectorsWithoutPadding_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("text");
        // RFC 4648 §10 vectors with the padding removed, plus bytes that hit '-' and '_'.
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
        QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
        QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
        QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg");
        QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
        QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
        QTest::newRow("url alphabet") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("-_-_");
    }
    void encodesRfc4648VectorsWithoutPadding() {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, text);
        QCOMPARE(base64url(bytes), text);
        auto back = fromBase64url(text);
        QVERIFY(back.has_value());
        QCOMPARE(*back, bytes);
    }

    void roundTripsEveryLength() {
        QRandomGenerator rng(42);
        for (int len = 0; len < 70; ++len) {
            QByteArray bytes(len, Qt::Uninitialized);
            for (auto& b : bytes)
                b = static_cast<char>(rng.bounded(256));
            const QByteArray text = base64url(bytes);
            QVERIFY(!text.contains('=') && !text.contains('+') && !text.contains('/'));
            auto back = fromBase64url(text);
            QVERIFY2(back.has_value(), text.constData());
            QCOMPARE(*back, bytes);
        }
    }

    void strictDecodingRefuses_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("padding") << QByteArray("Zg==");
        QTest::newRow("single padding") << QByteArray("Zm8=");
        QTest::newRow("plus") << QByteArray("+/8");
        QTest::newRow("slash") << QByteArray("ab/c");
        QTest::newRow("space inside") << QByteArray("Zm 9v");
        QTest::newRow("trailing space") << QByteArray("Zm9v ");
        QTest::newRow("newline") << QByteArray("Zm9v\nYg");
        QTest::newRow("path") << QByteArray("../x");
        QTest::newRow("dot") << QByteArray("Zm9v.Yg");
        QTest::newRow("impossible length") << QByteArray("Zm9vY");
        QTest::newRow("unused bits set") << QByteArray("Zh");
        QTest::newRow("nul") << QByteArray("Zm\0v", 4);
        QTest::newRow("non-ascii") << QByteArray("Zm\xc3\xa9v");
    }
    void strictDecodingRefuses() {
        QFETCH(QByteArray, text);
        auto r = fromBase64url(text);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QVERIFY(!r.error().userMessage.isEmpty());
    }

    void isBase64urlChecksAlphabetAndEmptiness() {
        QVERIFY(isBase64url("abcXYZ019-_"));
        QVERIFY(!isBase64url(""));
        QVERIFY(!isBase64url("a=b"));
        QVERIFY(!isBase64url("a+b"));
        QVERIFY(!isBase64url("a b"));
        QVERIFY(!isBase64url("../x"));
    }
};

QTEST_GUILESS_MAIN(TestBase64Url)
#include "TestBase64Url.moc"
