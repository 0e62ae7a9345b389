// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/Problem.h"

#include <QTest>

using namespace certdeck;
using namespace certdeck::acme;

class TestProblem : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mapsTypes_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("hint"); // something the message must tell the user
        QTest::newRow("caa") << "caa" << ErrorCode::AcmeCaa << "CAA";
        QTest::newRow("dns") << "dns" << ErrorCode::AcmeDns << "DNS";
        QTest::newRow("connection") << "connection" << ErrorCode::AcmeConnection << "port 80";
        QTest::newRow("unauthorized") << "unauthorized" << ErrorCode::AcmeUnauthorized << "webroot";
        QTest::newRow("rateLimited") << "rateLimited" << ErrorCode::AcmeRateLimited << "Wait";
        QTest::newRow("rejectedIdentifier") << "rejectedIdentifier" << ErrorCode::AcmeRejectedIdentifier << "policy";
        QTest::newRow("badCSR") << "badCSR" << ErrorCode::AcmeBadCsr << "key type";
        QTest::newRow("externalAccountRequired")
            << "externalAccountRequired" << ErrorCode::AcmeExternalAccountRequired << "HMAC";
        QTest::newRow("badNonce") << "badNonce" << ErrorCode::AcmeBadNonce << "nonce";
        QTest::newRow("accountDoesNotExist")
            << "accountDoesNotExist" << ErrorCode::AcmeAccountDoesNotExist << "Register";
        QTest::newRow("unknown") << "somethingNew" << ErrorCode::Acme << "somethingNew";
    }
    void mapsTypes() {
        QFETCH(QString, type);
        QFETCH(ErrorCode, code);
        QFETCH(QString, hint);
        const QByteArray body =
            QStringLiteral("{\"type\":\"urn:ietf:params:acme:error:%1\",\"detail\":\"server says no\",\"status\":403}")
                .arg(type)
                .toUtf8();
        const Problem p = Problem::fromBody(body, 403);
        QCOMPARE(p.shortType(), type);
        const Error e = problemToError(p);
        QCOMPARE(e.code, code);
        QVERIFY2(e.userMessage.contains(hint), qPrintable(e.userMessage));
        QVERIFY(e.detail.contains(QLatin1String("server says no")));
    }

    void userActionRequiredNamesThePage() {
        const Problem p = Problem::fromBody("{\"type\":\"urn:ietf:params:acme:error:userActionRequired\",\"detail\":"
                                            "\"new terms\",\"instance\":\"https://ca.example/tos\"}",
                                            403);
        const Error e = problemToError(p);
        QCOMPARE(e.code, ErrorCode::AcmeUserActionRequired);
        QVERIFY(e.userMessage.contains(QLatin1String("https://ca.example/tos")));
    }

    void subproblemsNameTheIdentifier() {
        const Problem p = Problem::fromBody(
            "{\"type\":\"urn:ietf:params:acme:error:compound\",\"detail\":\"several\",\n"
            "            \"subproblems\":[{\"type\":\"urn:ietf:params:acme:error:caa\",\"detail\":\"CAA forbids\",\n"
            "                            \"identifier\":{\"type\":\"dns\",\"value\":\"www.example.com\"}}]}",
            403);
        QCOMPARE(p.subproblems.size(), 1);
        const Error e = problemToError(p);
        QCOMPARE(e.code, ErrorCode::AcmeCaa);
        QVERIFY2(e.userMessage.contains(QLatin1String("www.example.com")), qPrintable(e.userMessage));
    }

    void nonProblemBodyKeepsStatus() {
        const Problem p = Problem::fromBody("<html>502 Bad Gateway</html>", 502);
        QCOMPARE(p.status, 502);
        QCOMPARE(problemToError(p).code, ErrorCode::Acme);
    }

    void detailIsSanitized() {
        const Problem p = Problem::fromBody(
            "{\"type\":\"urn:ietf:params:acme:error:malformed\",\"detail\":\"a\\u001b[31mb\\nc\"}", 400);
        QVERIFY(!p.detail.contains(QChar(0x1b)));
        QVERIFY(!p.detail.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestProblem)
#include "TestProblem.moc"
