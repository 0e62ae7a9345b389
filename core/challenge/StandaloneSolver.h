// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/ChallengeSolver.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

class QTcpServer;
class QTcpSocket;

namespace certdeck::challenge {

/// http-01 with a built-in HTTP responder (certbot's --standalone): listens on a chosen address and
/// port while challenges are pending and answers GET /.well-known/acme-challenge/<token> with the key
/// authorization; everything else gets 404. Requests are bounded (8 KiB, 10 s). Listens from the first
/// present() to the last cleanUp(). Single-threaded (the caller's event loop).
class StandaloneSolver final : public QObject, public acme::ChallengeSolver {
    Q_OBJECT
public:
    StandaloneSolver(QHostAddress address, quint16 port, QObject* parent = nullptr);
    ~StandaloneSolver() override;

    [[nodiscard]] QString challengeType() const override { return QStringLiteral("http-01"); }
    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> present(const acme::ChallengeTask& task, Progress& progress,
                                const CancelToken& cancel) override;
    QCoro::Task<Status> cleanUp(const acme::ChallengeTask& task) override;

    [[nodiscard]] bool isListening() const;
    /// Requests answered with a key authorization (for tests and progress).
    [[nodiscard]] int answered() const { return m_answered; }

private:
    Status listen();
    void onConnection();
    void onReadyRead(QTcpSocket* socket);

    QHostAddress m_address;
    quint16 m_port;
    QTcpServer* m_server = nullptr;
    QHash<QString, QByteArray> m_tokens; ///< token -> key authorization
    int m_answered = 0;
};

} // namespace certdeck::challenge
