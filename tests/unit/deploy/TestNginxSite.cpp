// SPDX-License-Identifier: GPL-3.0-or-later
// The generated nginx server block: what it must hold, and that nothing a user types becomes nginx syntax.
#include "core/deploy/NginxSite.h"

#include <QTest>

using namespace certdeck;
using namespace certdeck::deploy;

class TestNginxSite : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rendersAReverseProxyWithTheChallengeLocation() {
        NginxSite::Options o;
        o.serverName = QStringLiteral("App.Example.com");
        o.aliases = {QStringLiteral("www.app.example.com")};
        o.upstream = QStringLiteral("127.0.0.1:5000");
        auto c = NginxSite::render(o);
        QVERIFY(c);
        const QString& t = *c;
        QVERIFY(t.contains(QLatin1String("server_name app.example.com www.app.example.com;")));
        QVERIFY(t.contains(QLatin1String("listen 80;")));
        QVERIFY(t.contains(QLatin1String("listen [::]:80;")));
        QVERIFY(t.contains(QLatin1String("listen 443 ssl http2;")));
        QVERIFY(t.contains(QLatin1String("location ^~ /.well-known/acme-challenge/ {")));
        QVERIFY(t.contains(QLatin1String("root /var/www/certdeck-acme;")));
        QVERIFY(t.contains(QLatin1String("return 301 https://$host$request_uri;")));
        QVERIFY(t.contains(QLatin1String("ssl_protocols TLSv1.2 TLSv1.3;")));
        QVERIFY(!t.contains(QLatin1String("TLSv1.1")));
        QVERIFY(t.contains(QLatin1String("ssl_certificate /etc/ssl/certdeck/app.example.com/fullchain.pem;")));
        QVERIFY(t.contains(QLatin1String("ssl_certificate_key /etc/ssl/certdeck/app.example.com/privkey.pem;")));
        QVERIFY(t.contains(QLatin1String("proxy_pass http://127.0.0.1:5000;")));
        QVERIFY(t.contains(QLatin1String("proxy_http_version 1.1;")));
        QVERIFY(t.contains(QLatin1String("proxy_set_header Upgrade $http_upgrade;")));
        QVERIFY(t.contains(QLatin1String("proxy_set_header Connection $certdeck_upgrade_")));
        QVERIFY(t.contains(QLatin1String("map $http_upgrade $certdeck_upgrade_")));
        QVERIFY(!t.contains(QLatin1String("Strict-Transport-Security")));
        o.hsts = true;
        QVERIFY(NginxSite::render(o)->contains(QLatin1String("Strict-Transport-Security \"max-age=63072000\" always")));
    }

    void nonStandardPortsAndOneAddress() {
        NginxSite::Options o;
        o.serverName = QStringLiteral("a.test");
        o.listenAddress = QStringLiteral("127.0.0.1");
        o.httpPort = 8080;
        o.httpsPort = 8443;
        o.http2 = false;
        auto c = NginxSite::render(o);
        QVERIFY(c);
        QVERIFY(c->contains(QLatin1String("listen 127.0.0.1:8080;")));
        QVERIFY(c->contains(QLatin1String("listen 127.0.0.1:8443 ssl;")));
        QVERIFY(!c->contains(QLatin1String("[::]")));
        QVERIFY(c->contains(QLatin1String("return 301 https://$host:8443$request_uri;")));
    }

    void upgradeVariablesDifferPerSite() {
        NginxSite::Options a;
        a.serverName = QStringLiteral("a-b.test");
        NginxSite::Options b;
        b.serverName = QStringLiteral("a.b.test");
        const QString va = NginxSite::render(a)->section(QLatin1String("$certdeck_upgrade_"), 1).left(12);
        const QString vb = NginxSite::render(b)->section(QLatin1String("$certdeck_upgrade_"), 1).left(12);
        QVERIFY(va != vb);
    }

    void hostileInputIsRefused_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("name with ;") << "name"
                                     << "evil.test; include /etc/shadow";
        QTest::newRow("name with space") << "name"
                                         << "a.test b.test";
        QTest::newRow("name with $") << "name"
                                     << "$host";
        QTest::newRow("name with newline") << "name"
                                           << "a.test\n}";
        QTest::newRow("alias with brace") << "alias"
                                          << "}";
        QTest::newRow("upstream with ;") << "upstream"
                                         << "127.0.0.1:5000; return 200";
        QTest::newRow("upstream without port") << "upstream"
                                               << "127.0.0.1";
        QTest::newRow("upstream port too big") << "upstream"
                                               << "127.0.0.1:70000";
        QTest::newRow("webroot with $") << "webroot"
                                        << "/var/www/$host";
        QTest::newRow("webroot relative") << "webroot"
                                          << "var/www";
        QTest::newRow("webroot with space") << "webroot"
                                            << "/var/www/my site";
        QTest::newRow("webroot with quote") << "webroot"
                                            << "/var/www/\"x";
        QTest::newRow("webroot with ..") << "webroot"
                                         << "/var/www/../../etc";
        QTest::newRow("cert with ;") << "cert"
                                     << "/etc/ssl/a.pem;";
        QTest::newRow("listen not an address") << "listen"
                                               << "localhost; include x";
    }
    void hostileInputIsRefused() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        NginxSite::Options o;
        o.serverName = QStringLiteral("ok.test");
        if (field == QLatin1String("name"))
            o.serverName = value;
        else if (field == QLatin1String("alias"))
            o.aliases = {value};
        else if (field == QLatin1String("upstream"))
            o.upstream = value;
        else if (field == QLatin1String("webroot"))
            o.webroot = value;
        else if (field == QLatin1String("cert"))
            o.certificatePath = value;
        else if (field == QLatin1String("listen"))
            o.listenAddress = value;
        auto c = NginxSite::render(o);
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::InvalidInput);
    }

    void deployTargetMatchesTheSite() {
        NginxSite::Options o;
        o.serverName = QStringLiteral("app.example.com");
        o.httpsPort = 8443;
        ssh::SshTarget server;
        server.host = QStringLiteral("vps.example.com");
        const DeployTarget t = NginxSite::deployTarget(o, server);
        QVERIFY(t.validate());
        QCOMPARE(t.files.size(), 2);
        QCOMPARE(t.files[0].path, QStringLiteral("/etc/ssl/certdeck/app.example.com/fullchain.pem"));
        QCOMPARE(t.files[1].mode, 0600);
        QCOMPARE(t.verifyPort, quint16(8443));
        QCOMPARE(t.verifyServerName, QStringLiteral("app.example.com"));
        QCOMPARE(t.verifyHost, QStringLiteral("vps.example.com"));
        QCOMPARE(t.configTest, (QStringList{QStringLiteral("nginx"), QStringLiteral("-t")}));
    }
};

QTEST_GUILESS_MAIN(TestNginxSite)
#include "TestNginxSite.moc"
