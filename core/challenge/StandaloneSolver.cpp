// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/challenge/StandaloneSolver.h"

#include "core/acme/Challenge.h"
#include "core/common/Log.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace certdeck::challenge {

namespace {
constexpr qint64 kMaxRequestBytes = 8 * 1024;
constexpr int kRequestTimeoutMs = 10000;
const QByteArray kPrefix = QByteArrayLiteral("/.well-known/acme-challenge/");
} // namespace

StandaloneSolver::StandaloneSolver(QHostAddress address, quint16 port, QObject* parent)
    : QObject(parent)
    , m_address(std::move(address))
    , m_port(port) {}

StandaloneSolver::~StandaloneSolver() = default;

QString StandaloneSolver::description() const {
    return tr("built-in responder on %1:%2").arg(m_address.toString()).arg(m_port);
}

bool StandaloneSolver::isListening() const {
    return m_server && m_server->isListening();
}

Status StandaloneSolver::listen() {
    if (isListening())
        return {};
    if (!m_server) {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &StandaloneSolver::onConnection);
    }
    if (!m_server->listen(m_address, m_port))
        return Error(ErrorCode::Network,
                     tr("Cannot listen on %1:%2 to answer the challenge: %3. Is another web server using the port? "
                        "Use the webroot method instead, or stop that server.")
                         .arg(m_address.toString())
                         .arg(m_port)
                         .arg(m_server->errorString()),
                     m_server->errorString());
    return {};
}

QCoro::Task<Status> StandaloneSolver::present(const acme::ChallengeTask& task, Progress& progress,
                                              const CancelToken& cancel) {
    Q_UNUSED(cancel);
    if (!acme::isValidToken(task.token))
        co_return Error(ErrorCode::Protocol, tr("Refusing an unsafe challenge token."), task.token.left(80));
    if (auto s = listen(); !s)
        co_return s;
    m_tokens.insert(task.token, task.keyAuthorization);
    progress.info(QStringLiteral("present:") + task.identifier.value,
                  tr("Answering http-01 for %1 on %2:%3").arg(task.identifier.value, m_address.toString()).arg(m_port));
    co_return Status{};
}

QCoro::Task<Status> StandaloneSolver::cleanUp(const acme::ChallengeTask& task) {
    m_tokens.remove(task.token);
    if (m_tokens.isEmpty() && m_server)
        m_server->close();
    co_return Status{};
}

void StandaloneSolver::onConnection() {
    while (QTcpSocket* s = m_server->nextPendingConnection()) {
        connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadyRead(s); });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        QTimer::singleShot(kRequestTimeoutMs, s, [s] { s->abort(); });
    }
}

void StandaloneSolver::onReadyRead(QTcpSocket* socket) {
    const QByteArray head = socket->peek(kMaxRequestBytes + 1);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() > kMaxRequestBytes) {
            socket->write(
                "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
        }
        return;
    }
    socket->read(end + 4);
    const QByteArray requestLine = head.left(head.indexOf("\r\n"));
    const QList<QByteArray> parts = requestLine.split(' ');
    QByteArray status = "404 Not Found";
    QByteArray body = "Not found\n";
    if (parts.size() == 3 && (parts[0] == "GET" || parts[0] == "HEAD") && parts[1].startsWith(kPrefix)) {
        const QString token = QString::fromLatin1(parts[1].mid(kPrefix.size()));
        auto it = m_tokens.constFind(token);
        if (acme::isValidToken(token) && it != m_tokens.constEnd()) {
            status = "200 OK";
            body = it.value();
            ++m_answered;
            qCDebug(lcChallenge) << "answered http-01 for token" << token.left(8);
        }
    }
    QByteArray response =
        "HTTP/1.1 " + status +
        "\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\n\r\n";
    if (parts.value(0) != "HEAD")
        response += body;
    socket->write(response);
    socket->disconnectFromHost();
}

} // namespace certdeck::challenge
