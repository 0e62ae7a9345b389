// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/WebhookReceiverFixture.h"

#include <QTcpSocket>

namespace certdeck::test {

bool WebhookReceiverFixture::start(QString* error) {
    connect(&m_server, &QTcpServer::newConnection, this, &WebhookReceiverFixture::onConnection);
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        *error = m_server.errorString();
        return false;
    }
    return true;
}

QUrl WebhookReceiverFixture::url(const QString& path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

void WebhookReceiverFixture::onConnection() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        auto* buffer = new QByteArray;
        connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
            delete buffer;
            socket->deleteLater();
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            Request r;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            r.method = first.value(0);
            r.path = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = r.headers.value("content-length", "0").toLongLong();
            if (buffer->size() < end + 4 + length)
                return; // wait for the rest of the body
            r.body = buffer->mid(end + 4, length);
            buffer->remove(0, end + 4 + length);
            m_requests << r;
            const QByteArray answer = "{\"ok\":true}";
            socket->write("HTTP/1.1 " + QByteArray::number(m_status) +
                          " Status\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(answer.size()) + "\r\nConnection: close\r\n\r\n" + answer);
            socket->disconnectFromHost();
        });
    }
}

} // namespace certdeck::test
