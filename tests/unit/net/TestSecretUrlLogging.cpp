// SPDX-License-Identifier: GPL-3.0-or-later
// A webhook URL is a credential (Slack, Discord, ntfy): with HttpRequest::secretUrl, HttpClient's
// debug log and its error details name only the scheme and host, never the secret path or query. Against
// a real HTTP server on loopback; every log category at debug level is captured.
#include "core/net/HttpClient.h"

#include <QCoroTask>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace certdeck;

namespace {

QStringList g_logged;

void capture(QtMsgType, const QMessageLogContext& context, const QString& message) {
    g_logged << QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message;
}

/// Answers every request with `answer`, or closes the connection at once when it is empty.
class LoopbackServer : public QTcpServer {
public:
    explicit LoopbackServer(QByteArray answer)
        : m_answer(std::move(answer)) {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = nextPendingConnection()) {
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
                if (m_answer.isEmpty()) {
                    s->abort();
                    continue;
                }
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    m_request += s->readAll();
                    if (m_request.contains("\r\n\r\n")) {
                        s->write(m_answer);
                        s->disconnectFromHost();
                    }
                });
            }
        });
    }

private:
    QByteArray m_answer;
    QByteArray m_request;
};

} // namespace

class TestSecretUrlLogging : public QObject {
    Q_OBJECT

    const QString m_secret = QStringLiteral("T000-B000-XXXXsecretXXXX");

private Q_SLOTS:
    void init() {
        g_logged.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        qInstallMessageHandler(capture);
    }
    void cleanup() {
        qInstallMessageHandler(nullptr);
        QLoggingCategory::setFilterRules(QString());
    }

    void secretPathNeverLogged() {
        LoopbackServer server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        net::HttpClient http;
        net::HttpRequest request;
        request.method = "POST";
        request.url =
            QUrl(QStringLiteral("http://127.0.0.1:%1/services/%2?token=%2").arg(server.serverPort()).arg(m_secret));
        request.body = "{}";
        request.allowPlainHttp = true;
        request.secretUrl = true;
        auto response = QCoro::waitFor(http.send(request));
        QVERIFY2(response, qPrintable(response ? QString() : response.error().toString()));
        QCOMPARE(response->status, 200);
        const QString all = g_logged.join(QLatin1Char('\n'));
        // The request was logged, by host only.
        QVERIFY2(all.contains(QStringLiteral("127.0.0.1:%1/…").arg(server.serverPort())), qPrintable(all));
        QVERIFY2(!all.contains(m_secret), qPrintable(all));
        QVERIFY(!all.contains(QLatin1String("services")));
    }

    void secretPathNotInErrors() {
        LoopbackServer server({}); // closes every connection at once
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        net::HttpClient http;
        net::HttpRequest request;
        request.method = "POST";
        request.url =
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/webhooks/%2").arg(server.serverPort()).arg(m_secret));
        request.allowPlainHttp = true;
        request.secretUrl = true;
        auto response = QCoro::waitFor(http.send(request));
        QVERIFY(!response);
        const Error e = response.error();
        QVERIFY2(!e.toString().contains(m_secret) && !e.detail.contains(m_secret) && !e.context.contains(m_secret),
                 qPrintable(e.toString() + QStringLiteral(" | ") + e.detail));
        QVERIFY2(!g_logged.join(QLatin1Char('\n')).contains(m_secret), qPrintable(g_logged.join(QLatin1Char('\n'))));
    }

    void ordinaryUrlsKeepTheirPathButNoQuery() {
        QCOMPARE(net::HttpClient::loggableUrl(QUrl(QStringLiteral("https://ca.example/acme/order/1?x=secret")), false),
                 QStringLiteral("https://ca.example/acme/order/1?…"));
        QCOMPARE(net::HttpClient::loggableUrl(QUrl(QStringLiteral("https://user:pw@ntfy.example:8443/topic")), true),
                 QStringLiteral("https://ntfy.example:8443/…"));
        QCOMPARE(net::HttpClient::loggableUrl(QUrl(QStringLiteral("https://ntfy.example/")), true),
                 QStringLiteral("https://ntfy.example/"));
    }
};

QTEST_GUILESS_MAIN(TestSecretUrlLogging)
#include "TestSecretUrlLogging.moc"
