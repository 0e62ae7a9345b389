// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace certdeck::test {

/// A small real HTTP/1.1 server on 127.0.0.1 (free port) that records every request it gets (method,
/// path, headers, body) and answers with `status`. It stands in for ntfy, Slack and Discord, whose
/// documented request shapes the tests check. Serves from the event loop of the thread that started it.
class WebhookReceiverFixture : public QObject {
    Q_OBJECT
public:
    struct Request {
        QByteArray method;
        QByteArray path;
        QMap<QByteArray, QByteArray> headers; ///< lower-case names
        QByteArray body;
    };

    bool start(QString* error);
    [[nodiscard]] QUrl url(const QString& path = QStringLiteral("/")) const;
    void setStatus(int status) { m_status = status; }
    [[nodiscard]] const QList<Request>& requests() const { return m_requests; }

private:
    void onConnection();

    QTcpServer m_server;
    QList<Request> m_requests;
    int m_status = 200;
};

} // namespace certdeck::test
