// SPDX-License-Identifier: GPL-3.0-or-later
// Proves the PowerDNS fixture: a zone is created and a TXT RRset set through its HTTP API with
// core's HttpClient (as the PowerDNS provider will), the change is served on its DNS port at once
// (read with core/dns's Resolver), the API refuses a wrong key, and no process outlives the fixture.
#include "core/dns/Resolver.h"
#include "core/net/HttpClient.h"
#include "tests/support/PowerDnsFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>

using namespace certdeck;
using namespace certdeck::dns;

namespace {

net::HttpRequest apiRequest(const test::PowerDnsFixture& pdns, const QByteArray& method, const QString& path,
                            const QJsonObject& body = {}) {
    net::HttpRequest req;
    req.method = method;
    req.url = QUrl(pdns.apiUrl().toString() + path);
    req.allowPlainHttp = true; // the fixture's API is plain HTTP on loopback
    req.headers = {{QByteArrayLiteral("X-API-Key"), pdns.apiKey().toLatin1()},
                   {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    if (!body.isEmpty())
        req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    req.timeout = std::chrono::seconds(10);
    return req;
}

Resolver resolverFor(const test::PowerDnsFixture& pdns) {
    ResolverOptions o;
    o.servers = {NameServer{QStringLiteral("127.0.0.1"), pdns.dnsPort(), {}}};
    o.recursionDesired = false;
    return Resolver(o);
}

} // namespace

class TestFixturePowerDns : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void zoneAndTxtThroughTheApi() {
        qint64 pid = 0;
        {
            test::PowerDnsFixture pdns;
            QString error;
            CERTDECK_REQUIRE(pdns.start(&error), error);
            pid = pdns.pid();
            QVERIFY(pid > 0);
            QVERIFY(pdns.apiUrl().toString().startsWith(QLatin1String("http://127.0.0.1:")));

            net::HttpClient http;
            const QJsonObject zone{{QStringLiteral("name"), QStringLiteral("pdns.test.")},
                                   {QStringLiteral("kind"), QStringLiteral("Native")},
                                   {QStringLiteral("nameservers"), QJsonArray{QStringLiteral("ns1.pdns.test.")}}};
            auto created = QCoro::waitFor(
                http.send(apiRequest(pdns, "POST", QStringLiteral("/api/v1/servers/localhost/zones"), zone)));
            QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
            QCOMPARE(created->status, 201);

            // The dns-01 record as the PowerDNS provider will set it: content quoted (zone-file syntax).
            const QJsonObject rrset{{QStringLiteral("name"), QStringLiteral("_acme-challenge.pdns.test.")},
                                    {QStringLiteral("type"), QStringLiteral("TXT")},
                                    {QStringLiteral("ttl"), 60},
                                    {QStringLiteral("changetype"), QStringLiteral("REPLACE")},
                                    {QStringLiteral("records"),
                                     QJsonArray{QJsonObject{{QStringLiteral("content"), QStringLiteral("\"token-a\"")},
                                                            {QStringLiteral("disabled"), false}},
                                                QJsonObject{{QStringLiteral("content"), QStringLiteral("\"token-b\"")},
                                                            {QStringLiteral("disabled"), false}}}}};
            auto patched = QCoro::waitFor(
                http.send(apiRequest(pdns, "PATCH", QStringLiteral("/api/v1/servers/localhost/zones/pdns.test."),
                                     QJsonObject{{QStringLiteral("rrsets"), QJsonArray{rrset}}})));
            QVERIFY2(patched, qPrintable(patched ? QString() : patched.error().toString()));
            QCOMPARE(patched->status, 204);

            auto txt =
                QCoro::waitFor(resolverFor(pdns).query(QStringLiteral("_acme-challenge.pdns.test"), RecordType::TXT));
            QVERIFY2(txt, qPrintable(txt ? QString() : txt.error().toString()));
            QCOMPARE(txt->rcode, Rcode::NoError);
            QVERIFY(txt->authoritative);
            QStringList values = txt->values(RecordType::TXT);
            values.sort();
            QCOMPARE(values, (QStringList{QStringLiteral("token-a"), QStringLiteral("token-b")}));
            QCOMPARE(txt->answers.first().ttl, 60u);

            // The API wants its key.
            net::HttpRequest wrongKey = apiRequest(pdns, "GET", QStringLiteral("/api/v1/servers/localhost/zones"));
            wrongKey.headers[0].second = QByteArrayLiteral("not-the-key");
            auto refused = QCoro::waitFor(http.send(wrongKey));
            QVERIFY(refused);
            QCOMPARE(refused->status, 401);

            // The fixture's own helper makes zones too, answered at once with PowerDNS's SOA.
            QVERIFY2(pdns.createZone(QStringLiteral("helper.test"), &error), qPrintable(error));
            auto soa = QCoro::waitFor(resolverFor(pdns).query(QStringLiteral("helper.test"), RecordType::SOA));
            QVERIFY(soa);
            QCOMPARE(soa->answers.size(), 1);
            QCOMPARE(soa->answers.first().name, QStringLiteral("helper.test."));
            // PowerDNS's default SOA names no real primary; its rname is the zone's hostmaster.
            QVERIFY2(soa->answers.first().value.startsWith(
                         QLatin1String("a.misconfigured.dns.server.invalid. hostmaster.helper.test. ")),
                     qPrintable(soa->answers.first().value));
            auto ns = QCoro::waitFor(resolverFor(pdns).query(QStringLiteral("helper.test"), RecordType::NS));
            QVERIFY(ns);
            QCOMPARE(ns->values(RecordType::NS), QStringList{QStringLiteral("ns1.helper.test.")});
        }
        QVERIFY2(::kill(static_cast<pid_t>(pid), 0) != 0, "pdns_server outlived its fixture");
    }
};

QTEST_GUILESS_MAIN(TestFixturePowerDns)
#include "TestFixturePowerDns.moc"
