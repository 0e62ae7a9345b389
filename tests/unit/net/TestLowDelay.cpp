// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/internal/LowDelay.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

class TestLowDelay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void setsNoDelayOnSocketsToThePeerPortOnly() {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(client.waitForConnected(5000));
        QTcpSocket bystander;
        bystander.connectToHost(QHostAddress::LocalHost, other.serverPort());
        QVERIFY(bystander.waitForConnected(5000));

        auto noDelay = [](const QTcpSocket& s) {
            int on = 0;
            socklen_t len = sizeof on;
            ::getsockopt(static_cast<int>(s.socketDescriptor()), IPPROTO_TCP, TCP_NODELAY, &on, &len);
            return on != 0;
        };
        QVERIFY(!noDelay(client));
        QCOMPARE(certdeck::net::internal::setLowDelayForPeerPort(server.serverPort()), 1);
        QVERIFY(noDelay(client));
        QVERIFY(!noDelay(bystander));
        // Already set: nothing more to do.
        QCOMPARE(certdeck::net::internal::setLowDelayForPeerPort(server.serverPort()), 0);
    }
};

QTEST_GUILESS_MAIN(TestLowDelay)
#include "TestLowDelay.moc"
