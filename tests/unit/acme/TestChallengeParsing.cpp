// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/Authorization.h"
#include "core/acme/ChallengeSolver.h"
#include "core/acme/Directory.h"
#include "core/acme/Identifier.h"
#include "core/acme/Order.h"

#include <QJsonDocument>
#include <QTest>

using namespace certdeck;
using namespace certdeck::acme;

class TestChallengeParsing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tokenValidation_data() {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("ok");
        QTest::newRow("rfc example") << "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("dotdot") << "../x" << false;
        QTest::newRow("dotdot long") << "../../../../etc/passwd-aaaaaaaaaaaaa" << false;
        QTest::newRow("slash") << "abcdefghijklmnop/qrstuvwxyz" << false;
        QTest::newRow("padding") << "abcdefghijklmnopqrstuv==" << false;
        QTest::newRow("plus") << "abcdefghijklmnop+qrstuvwxyz" << false;
        QTest::newRow("percent") << "abcdefghijklmnop%2Fqrstuvwxyz" << false;
        QTest::newRow("space") << "abcdefghijklmnop qrstuvwxyz" << false;
        QTest::newRow("newline") << "abcdefghijklmnop\nqrstuvwxyz" << false;
        QTest::newRow("non-ascii") << QStringLiteral("abcdefghijklmnopé_qrstuvwxyz") << false;
        QTest::newRow("too short") << "abc" << false;
        QTest::newRow("too long") << QString(300, QLatin1Char('a')) << false;
    }
    void tokenValidation() {
        QFETCH(QString, token);
        QFETCH(bool, ok);
        QCOMPARE(isValidToken(token), ok);
    }

    void challengeWithBadTokenIsRefused() {
        const auto o = QJsonDocument::fromJson("{\"type\":\"http-01\",\"url\":\"https://ca.example/chall/"
                                               "1\",\"status\":\"pending\",\"token\":\"../../etc/passwd\"}")
                           .object();
        auto c = Challenge::fromJson(o);
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::Protocol);
    }

    void challengeUrlMustBeHttps() {
        const auto o = QJsonDocument::fromJson(
                           "{\"type\":\"http-01\",\"url\":\"http://ca.example/chall/"
                           "1\",\"status\":\"pending\",\"token\":\"evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA\"}")
                           .object();
        QVERIFY(!Challenge::fromJson(o));
    }

    void authorizationParses() {
        const auto o =
            QJsonDocument::fromJson(
                "{\"status\":\"pending\",\"expires\":\"2026-12-01T00:00:00Z\",\n"
                "            \"identifier\":{\"type\":\"dns\",\"value\":\"example.org\"},\"wildcard\":true,\n"
                "            "
                "\"challenges\":[{\"type\":\"dns-01\",\"url\":\"https://ca.example/c/"
                "1\",\"status\":\"pending\",\"token\":\"evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA\"}]}")
                .object();
        auto a = Authorization::fromJson(o, QUrl(QStringLiteral("https://ca.example/authz/1")));
        QVERIFY(a);
        QVERIFY(a->wildcard);
        QCOMPARE(a->identifier.value, QStringLiteral("*.example.org"));
        QVERIFY(a->challenge(QStringLiteral("dns-01")));
        QVERIFY(!a->challenge(QStringLiteral("http-01")));
    }

    void dnsChallengeValues() {
        // RFC 8555 §8.4 shape: _acme-challenge.<name> with base64url(SHA-256(key authorization)).
        ChallengeTask t{Identifier{Identifier::Type::Dns, QStringLiteral("*.example.org")}, QStringLiteral("dns-01"),
                        QStringLiteral("evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA"),
                        QByteArrayLiteral(
                            "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA.nP1qzpXGymHBrUEepNY9HCsQk7K8KhOypzEt62jcerQ")};
        QCOMPARE(t.dnsRecordName(), QStringLiteral("_acme-challenge.example.org"));
        QCOMPARE(t.dnsRecordValue().size(), 43);
        QCOMPARE(t.httpPath(),
                 QStringLiteral("/.well-known/acme-challenge/evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA"));
    }

    void identifiers_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("value"); // empty: refused
        QTest::newRow("plain") << "Example.COM"
                               << "example.com";
        QTest::newRow("trailing dot") << "example.com."
                                      << "example.com";
        QTest::newRow("wildcard") << "*.example.com"
                                  << "*.example.com";
        QTest::newRow("idn") << QStringLiteral("bücher.example") << "xn--bcher-kva.example";
        QTest::newRow("ipv4") << "192.0.2.1"
                              << "192.0.2.1";
        QTest::newRow("ipv6") << "2001:DB8::1"
                              << "2001:db8::1";
        QTest::newRow("single label") << "localhost"
                                      << "";
        QTest::newRow("inner wildcard") << "a.*.example.com"
                                        << "";
        QTest::newRow("underscore") << "a_b.example.com"
                                    << "";
        QTest::newRow("empty label") << "a..example.com"
                                     << "";
        QTest::newRow("shell") << "$(touch x).example.com"
                               << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void identifiers() {
        QFETCH(QString, input);
        QFETCH(QString, value);
        auto id = Identifier::parse(input);
        if (value.isEmpty()) {
            QVERIFY(!id);
            QCOMPARE(id.error().code, ErrorCode::InvalidInput);
        } else {
            QVERIFY2(id, qPrintable(id ? QString() : id.error().userMessage));
            QCOMPARE(id->value, value);
        }
    }

    void duplicatesRefused() {
        QVERIFY(!parseIdentifiers({QStringLiteral("a.example"), QStringLiteral("A.example.")}));
    }

    void directoryRefusesPlainHttpEndpoints() {
        const QUrl u(QStringLiteral("https://ca.example/dir"));
        const QByteArray plain = "{\"newNonce\":\"http://ca.example/n\",\"newAccount\":\"https://ca.example/"
                                 "a\",\"newOrder\":\"https://ca.example/o\"}";
        QVERIFY(!Directory::parse(plain, u));
        auto d = Directory::parse(
            "{\"newNonce\":\"https://ca.example/n\",\"newAccount\":\"https://ca.example/a\",\n"
            "            \"newOrder\":\"https://ca.example/o\",\"renewalInfo\":\"https://ca.example/ari\",\n"
            "            "
            "\"meta\":{\"termsOfService\":\"https://ca.example/"
            "tos\",\"externalAccountRequired\":true,\"caaIdentities\":[\"CA.example\"],\n"
            "                    \"profiles\":{\"classic\":\"The usual\",\"shortlived\":\"6 days\"}}}",
            u);
        QVERIFY(d);
        QVERIFY(d->externalAccountRequired);
        QCOMPARE(d->caaIdentities, QStringList{QStringLiteral("ca.example")});
        QCOMPARE(d->profiles.size(), 2);
        QCOMPARE(d->renewalInfo, QUrl(QStringLiteral("https://ca.example/ari")));
        QVERIFY(!Directory::parse("not json", u));
    }

    void orderParses() {
        auto o =
            Order::fromJson(QJsonDocument::fromJson(
                                "{\"status\":\"ready\",\"identifiers\":[{\"type\":\"ip\",\"value\":\"192.0.2.7\"}],\n"
                                "            "
                                "\"authorizations\":[\"https://ca.example/authz/1\"],\"finalize\":\"https://ca.example/"
                                "fin/1\",\"profile\":\"classic\"}")
                                .object(),
                            QUrl(QStringLiteral("https://ca.example/order/1")));
        QVERIFY(o);
        QCOMPARE(o->status, Order::Status::Ready);
        QCOMPARE(o->identifiers.first().type, Identifier::Type::Ip);
        QCOMPARE(o->profile, QStringLiteral("classic"));
        const QByteArray weird = "{\"status\":\"weird\",\"finalize\":\"https://ca.example/f\"}";
        QVERIFY(!Order::fromJson(QJsonDocument::fromJson(weird).object(), {}));
    }
};

QTEST_GUILESS_MAIN(TestChallengeParsing)
#include "TestChallengeParsing.moc"
