// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/internal/DnsTransport.h"

#include "core/common/Async.h"

#include <QDeadlineTimer>
#include <QObject>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace certdeck::dns::internal {

namespace {

class Socket {
public:
    explicit Socket(int fd)
        : m_fd(fd) {}
    ~Socket() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    [[nodiscard]] int fd() const { return m_fd; }

private:
    int m_fd;
};

bool toSockaddr(const NameServer& server, sockaddr_storage* storage, socklen_t* length) {
    std::memset(storage, 0, sizeof(*storage));
    const QByteArray text = server.address.toLatin1();
    auto* v4 = reinterpret_cast<sockaddr_in*>(storage);
    if (::inet_pton(AF_INET, text.constData(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(server.port);
        *length = sizeof(sockaddr_in);
        return true;
    }
    auto* v6 = reinterpret_cast<sockaddr_in6*>(storage);
    if (::inet_pton(AF_INET6, text.constData(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(server.port);
        *length = sizeof(sockaddr_in6);
        return true;
    }
    return false;
}

enum class Wait {
    Ready,
    TimedOut,
    Cancelled,
    Failed,
};

// Polls in slices of at most 100 ms so a cancellation is noticed quickly even in a long wait.
Wait waitFor(int fd, short events, const QDeadlineTimer& deadline, const CancelToken& cancel) {
    for (;;) {
        if (cancel.isCancelled())
            return Wait::Cancelled;
        const qint64 left = deadline.remainingTime();
        if (left <= 0)
            return Wait::TimedOut;
        pollfd p{fd, events, 0};
        const int r = ::poll(&p, 1, static_cast<int>(std::min<qint64>(left, 100)));
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return Wait::Failed;
        }
        if (r > 0)
            return Wait::Ready; // POLLERR/POLLHUP too: the next call on the socket reports it
    }
}

QString errnoText(int err) {
    return QString::fromLocal8Bit(std::strerror(err));
}

Error timeoutError(const NameServer& server, Transport transport, std::chrono::milliseconds timeout) {
    return Error(ErrorCode::Timeout,
                 QObject::tr("The DNS server %1 did not answer within %2 s.")
                     .arg(server.toString(), DnsTransport::seconds(timeout)),
                 QStringLiteral("no %1 response").arg(transportName(transport)));
}

Error networkError(const NameServer& server, Transport transport, int err) {
    if (err == ECONNREFUSED)
        return Error(ErrorCode::Network,
                     QObject::tr("Nothing answers DNS at %1: the connection was refused. Check the server's address "
                                 "and port.")
                         .arg(server.toString()),
                     QStringLiteral("%1: %2").arg(transportName(transport), errnoText(err)));
    return Error(ErrorCode::Network,
                 QObject::tr("The DNS server %1 cannot be reached: %2.").arg(server.toString(), errnoText(err)),
                 QStringLiteral("%1: %2").arg(transportName(transport), errnoText(err)));
}

Error waitError(Wait w, const NameServer& server, Transport transport, std::chrono::milliseconds timeout) {
    if (w == Wait::Cancelled)
        return cancelledError();
    if (w == Wait::TimedOut)
        return timeoutError(server, transport, timeout);
    return networkError(server, transport, errno);
}

quint16 idOf(const char* data) {
    return static_cast<quint16>((static_cast<quint8>(data[0]) << 8) | static_cast<quint8>(data[1]));
}

bool isResponse(const char* data) {
    return (static_cast<quint8>(data[2]) & 0x80) != 0; // QR bit, RFC 1035 §4.1.1
}

Result<QByteArray> exchangeUdp(const NameServer& server, const sockaddr_storage& addr, socklen_t addrLength,
                               const QByteArray& message, std::chrono::milliseconds timeout,
                               const CancelToken& cancel) {
    Socket sock(::socket(addr.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (sock.fd() < 0)
        return networkError(server, Transport::Udp, errno);
    // Connected: the kernel drops datagrams from any other address, and reports ICMP "port
    // unreachable" as ECONNREFUSED instead of leaving us to wait for the timeout.
    if (::connect(sock.fd(), reinterpret_cast<const sockaddr*>(&addr), addrLength) != 0)
        return networkError(server, Transport::Udp, errno);
    if (::send(sock.fd(), message.constData(), static_cast<size_t>(message.size()), MSG_NOSIGNAL) < 0)
        return networkError(server, Transport::Udp, errno);

    const quint16 id = idOf(message.constData());
    const QDeadlineTimer deadline(timeout);
    QByteArray buffer(DnsTransport::maxMessageSize, Qt::Uninitialized);
    for (;;) {
        const Wait w = waitFor(sock.fd(), POLLIN, deadline, cancel);
        if (w != Wait::Ready)
            return waitError(w, server, Transport::Udp, timeout);
        const ssize_t n = ::recv(sock.fd(), buffer.data(), static_cast<size_t>(buffer.size()), 0);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                continue;
            return networkError(server, Transport::Udp, errno);
        }
        // Too short for a header, not a response, or not ours: keep waiting for the real one.
        if (n < 12 || !isResponse(buffer.constData()) || idOf(buffer.constData()) != id)
            continue;
        buffer.truncate(n);
        return buffer;
    }
}

// Sends all of `data`, waiting for the socket as needed.
Status sendAll(int fd, const QByteArray& data, const NameServer& server, const QDeadlineTimer& deadline,
               std::chrono::milliseconds timeout, const CancelToken& cancel) {
    qsizetype sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(fd, data.constData() + sent, static_cast<size_t>(data.size() - sent), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                const Wait w = waitFor(fd, POLLOUT, deadline, cancel);
                if (w != Wait::Ready)
                    return waitError(w, server, Transport::Tcp, timeout);
                continue;
            }
            return networkError(server, Transport::Tcp, errno);
        }
        sent += n;
    }
    return {};
}

// Reads exactly `count` bytes into `out`.
Status receiveExactly(int fd, qsizetype count, QByteArray* out, const NameServer& server,
                      const QDeadlineTimer& deadline, std::chrono::milliseconds timeout, const CancelToken& cancel) {
    out->resize(count);
    qsizetype got = 0;
    while (got < count) {
        const Wait w = waitFor(fd, POLLIN, deadline, cancel);
        if (w != Wait::Ready)
            return waitError(w, server, Transport::Tcp, timeout);
        const ssize_t n = ::recv(fd, out->data() + got, static_cast<size_t>(count - got), 0);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                continue;
            return networkError(server, Transport::Tcp, errno);
        }
        if (n == 0)
            return Error(ErrorCode::Protocol,
                         QObject::tr("The DNS server %1 closed the connection before it finished answering.")
                             .arg(server.toString()),
                         QStringLiteral("TCP: EOF after %1 of %2 bytes").arg(got).arg(count));
        got += n;
    }
    return {};
}

Result<QByteArray> exchangeTcp(const NameServer& server, const sockaddr_storage& addr, socklen_t addrLength,
                               const QByteArray& message, std::chrono::milliseconds timeout,
                               const CancelToken& cancel) {
    if (message.size() > DnsTransport::maxMessageSize)
        return Error(ErrorCode::InvalidInput, QObject::tr("The DNS message is too large to send."));
    Socket sock(::socket(addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (sock.fd() < 0)
        return networkError(server, Transport::Tcp, errno);
    const QDeadlineTimer deadline(timeout);
    if (::connect(sock.fd(), reinterpret_cast<const sockaddr*>(&addr), addrLength) != 0) {
        if (errno != EINPROGRESS)
            return networkError(server, Transport::Tcp, errno);
        const Wait w = waitFor(sock.fd(), POLLOUT, deadline, cancel);
        if (w != Wait::Ready)
            return waitError(w, server, Transport::Tcp, timeout);
        int soError = 0;
        socklen_t len = sizeof(soError);
        if (::getsockopt(sock.fd(), SOL_SOCKET, SO_ERROR, &soError, &len) != 0)
            return networkError(server, Transport::Tcp, errno);
        if (soError != 0)
            return networkError(server, Transport::Tcp, soError);
    }

    QByteArray framed;
    framed.reserve(message.size() + 2);
    framed.append(static_cast<char>((message.size() >> 8) & 0xff));
    framed.append(static_cast<char>(message.size() & 0xff));
    framed.append(message);
    if (auto s = sendAll(sock.fd(), framed, server, deadline, timeout, cancel); !s)
        return s.error();

    QByteArray lengthBytes;
    if (auto s = receiveExactly(sock.fd(), 2, &lengthBytes, server, deadline, timeout, cancel); !s)
        return s.error();
    const qsizetype length = (static_cast<quint8>(lengthBytes[0]) << 8) | static_cast<quint8>(lengthBytes[1]);
    if (length < 12)
        return Error(ErrorCode::Protocol,
                     QObject::tr("The DNS server %1 sent a malformed answer.").arg(server.toString()),
                     QStringLiteral("TCP: message of %1 bytes").arg(length));
    QByteArray response;
    if (auto s = receiveExactly(sock.fd(), length, &response, server, deadline, timeout, cancel); !s)
        return s.error();
    if (!isResponse(response.constData()) || idOf(response.constData()) != idOf(message.constData()))
        return Error(ErrorCode::Protocol,
                     QObject::tr("The DNS server %1 sent an answer that does not belong to our question.")
                         .arg(server.toString()),
                     QStringLiteral("TCP: wrong message ID or not a response"));
    return response;
}

} // namespace

QString DnsTransport::seconds(std::chrono::milliseconds timeout) {
    return QString::number(static_cast<double>(timeout.count()) / 1000.0, 'g', 4);
}

Result<QByteArray> DnsTransport::exchange(const NameServer& server, Transport transport, const QByteArray& message,
                                          std::chrono::milliseconds timeout, const CancelToken& cancel) {
    if (message.size() < 12)
        return Error(ErrorCode::InvalidInput, QObject::tr("The DNS message is too short to send."));
    sockaddr_storage addr{};
    socklen_t addrLength = 0;
    if (!toSockaddr(server, &addr, &addrLength))
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("“%1” is not an IP address: give the DNS server by its address.").arg(server.address));
    if (cancel.isCancelled())
        return cancelledError();
    return transport == Transport::Tcp ? exchangeTcp(server, addr, addrLength, message, timeout, cancel)
                                       : exchangeUdp(server, addr, addrLength, message, timeout, cancel);
}

} // namespace certdeck::dns::internal
