// SPDX-License-Identifier: GPL-3.0-or-later
// Notifications reach real servers on loopback: the webhook formats (generic JSON, ntfy, Slack,
// Discord) an HTTP receiver records, and e-mail through aiosmtpd with STARTTLS; a server without
// STARTTLS is refused rather than used in plain text; a failing webhook is an error value.
#include "core/net/HttpClient.h"
#include "core/schedule/SmtpNotifier.h"
#include "core/schedule/WebhookNotifier.h"
#include "tests/support/SmtpFixture.h"
#include "tests/support/WebhookReceiverFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace certdeck;
using namespace certdeck::schedule;

namespace {
Notification failure() {
    Notification n;
    n.kind = Notification::Kind::RenewalFailed;
    n.subject = QStringLiteral("example.com");
    n.names = {QStringLiteral("example.com"), QStringLiteral("www.example.com")};
    n.reason = QStringLiteral("DNS problem: NXDOMAIN looking up A for www.example.com");
    n.notAfter = QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC);
    return n;
}
QString why(const Status& s) {
    return s ? QString() : s.error().toString() + QStringLiteral(" | ") + s.error().detail;
}
} // namespace

class TestNotifiers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void webhookFormats() {
        test::WebhookReceiverFixture receiver;
        QString error;
        QVERIFY2(receiver.start(&error), qPrintable(error));
        net::HttpClient http;
        const Notification n = failure();

        WebhookNotifier json(http, receiver.url(QStringLiteral("/hook")), WebhookNotifier::Format::Json);
        auto s = QCoro::waitFor(json.send(n));
        QVERIFY2(s, qPrintable(why(s)));
        WebhookNotifier ntfy(http, receiver.url(QStringLiteral("/certdeck-alerts")), WebhookNotifier::Format::Ntfy);
        s = QCoro::waitFor(ntfy.send(n));
        QVERIFY2(s, qPrintable(why(s)));
        WebhookNotifier slack(http, receiver.url(QStringLiteral("/services/T0/B0/x")), WebhookNotifier::Format::Slack);
        s = QCoro::waitFor(slack.send(n));
        QVERIFY2(s, qPrintable(why(s)));
        WebhookNotifier discord(http, receiver.url(QStringLiteral("/api/webhooks/1/t")),
                                WebhookNotifier::Format::Discord);
        s = QCoro::waitFor(discord.send(n));
        QVERIFY2(s, qPrintable(why(s)));

        QCOMPARE(receiver.requests().size(), 4);
        for (const auto& r : receiver.requests()) {
            QCOMPARE(r.method, QByteArray("POST"));
            QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        }
        const QJsonObject j = QJsonDocument::fromJson(receiver.requests()[0].body).object();
        QCOMPARE(receiver.requests()[0].path, QByteArray("/hook"));
        QCOMPARE(j.value(QStringLiteral("event")).toString(), QStringLiteral("renewal-failed"));
        QCOMPARE(j.value(QStringLiteral("certificate")).toString(), QStringLiteral("example.com"));
        QVERIFY(j.value(QStringLiteral("reason")).toString().contains(QLatin1String("NXDOMAIN")));

        // ntfy JSON publishing: POST to the root with the topic in the body.
        const QJsonObject t = QJsonDocument::fromJson(receiver.requests()[1].body).object();
        QCOMPARE(receiver.requests()[1].path, QByteArray("/"));
        QCOMPARE(t.value(QStringLiteral("topic")).toString(), QStringLiteral("certdeck-alerts"));
        QCOMPARE(t.value(QStringLiteral("priority")).toInt(), 4);
        QVERIFY(t.value(QStringLiteral("title")).toString().contains(QLatin1String("example.com")));
        QVERIFY(t.value(QStringLiteral("message")).toString().contains(QLatin1String("NXDOMAIN")));

        const QJsonObject sl = QJsonDocument::fromJson(receiver.requests()[2].body).object();
        QVERIFY(sl.value(QStringLiteral("text")).toString().startsWith(QLatin1String("*Renewing example.com failed*")));
        const QJsonObject d = QJsonDocument::fromJson(receiver.requests()[3].body).object();
        QVERIFY(d.value(QStringLiteral("content")).toString().startsWith(QLatin1String("**Renewing")));
        QVERIFY(d.value(QStringLiteral("content")).toString().size() <= 2000);

        receiver.setStatus(500);
        s = QCoro::waitFor(json.send(n));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Protocol);

        // Plain http only to this computer.
        WebhookNotifier remote(http, QUrl(QStringLiteral("http://192.0.2.1/hook")), WebhookNotifier::Format::Json);
        s = QCoro::waitFor(remote.send(n));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::InvalidInput);
    }

    void emailWithStartTls() {
        test::SmtpFixture smtp(true);
        QString error;
        CERTDECK_REQUIRE(smtp.start(&error), error);
        SmtpNotifier::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = smtp.port();
        o.from = QStringLiteral("certdeck@example.test");
        o.to = {QStringLiteral("ops@example.test")};
        o.extraCaCertificates = QSslCertificate::fromPath(smtp.certificateFile());
        QVERIFY(!o.extraCaCertificates.isEmpty());
        SmtpNotifier mail(o);
        Notification n = failure();
        n.subject = QStringLiteral("bücher.example"); // a non-ASCII subject header
        const Status s = QCoro::waitFor(mail.send(n));
        QVERIFY2(s, qPrintable(why(s) + smtp.log()));
        QTRY_COMPARE_WITH_TIMEOUT(smtp.messages().size(), 1, 10000);
        const QByteArray m = smtp.messages().first();
        QVERIFY(m.contains("To: ops@example.test"));
        QVERIFY(m.contains("Subject: =?UTF-8?B?"));
        const qsizetype bodyAt = m.indexOf("\n\n") >= 0 ? m.indexOf("\n\n") : m.indexOf("\r\n\r\n");
        const QByteArray body = QByteArray::fromBase64(m.mid(bodyAt).trimmed());
        QVERIFY2(body.contains("NXDOMAIN"), body.constData());
        QVERIFY(QString::fromUtf8(body).contains(QStringLiteral("bücher.example")));
    }

    void emailRefusesServerWithoutStartTls() {
        test::SmtpFixture smtp(false);
        QString error;
        CERTDECK_REQUIRE(smtp.start(&error), error);
        SmtpNotifier::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = smtp.port();
        o.from = QStringLiteral("certdeck@example.test");
        o.to = {QStringLiteral("ops@example.test")};
        SmtpNotifier mail(o);
        const Status s = QCoro::waitFor(mail.send(failure()));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Tls);
        QVERIFY(s.error().userMessage.contains(QLatin1String("STARTTLS")));
        QCOMPARE(smtp.messages().size(), 0);
        // Header injection through an address is refused before connecting.
        o.to = {QStringLiteral("ops@example.test\r\nBcc: x@evil.test")};
        SmtpNotifier injected(o);
        QCOMPARE(QCoro::waitFor(injected.send(failure())).error().code, ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestNotifiers)
#include "TestNotifiers.moc"
