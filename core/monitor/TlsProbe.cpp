// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/monitor/TlsProbe.h"

#include "core/common/Async.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>

namespace certdeck::monitor {

namespace {

QString protocolName(QSsl::SslProtocol p) {
    switch (p) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
        QT_WARNING_PUSH
        QT_WARNING_DISABLE_DEPRECATED
    case QSsl::TlsV1_0:
        return QStringLiteral("TLSv1.0");
    case QSsl::TlsV1_1:
        return QStringLiteral("TLSv1.1");
        QT_WARNING_POP
    default:
        return QStringLiteral("unknown");
    }
}

qint64 remaining(const QElapsedTimer& clock, std::chrono::milliseconds timeout) {
    return std::max<qint64>(1, timeout.count() - clock.elapsed());
}

} // namespace

Result<TlsProbeResult> TlsProbe::probeBlocking(const Options& options) {
    if (options.host.isEmpty() || options.port == 0)
        return Error(ErrorCode::InvalidInput, QObject::tr("A TLS check needs a host name and a port."));
    const QString sni = options.serverName.isEmpty() ? options.host : options.serverName;
    const QString address = options.connectAddress.isEmpty() ? options.host : options.connectAddress;
    const QString where = QStringLiteral("%1:%2").arg(options.host).arg(options.port);

    QSslSocket socket;
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    // Watching is about what the server offers: accept every protocol the TLS library still speaks.
    conf.setProtocol(QSsl::AnyProtocol);
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!options.extraCaPem.isEmpty())
        conf.addCaCertificates(QSslCertificate::fromData(options.extraCaPem, QSsl::Pem));
    socket.setSslConfiguration(conf);

    // Trust problems are findings, not failures: record them and let the handshake go on. Without a
    // receiver the connection is direct, so this runs inside waitForEncrypted on this thread.
    QStringList verificationErrors;
    QObject::connect(&socket, &QSslSocket::sslErrors, [&verificationErrors, &socket](const QList<QSslError>& errors) {
        for (const QSslError& e : errors)
            verificationErrors << e.errorString();
        socket.ignoreSslErrors();
    });

    QElapsedTimer clock;
    clock.start();
    socket.connectToHostEncrypted(address, options.port, sni);
    if (!socket.waitForConnected(static_cast<int>(remaining(clock, options.timeout)))) {
        const QString detail = socket.errorString();
        switch (socket.error()) {
        case QAbstractSocket::HostNotFoundError:
            return Error(
                ErrorCode::Network,
                QObject::tr("The name %1 could not be resolved. Check the spelling and its DNS records.").arg(address),
                detail);
        case QAbstractSocket::ConnectionRefusedError:
            return Error(ErrorCode::Network,
                         QObject::tr("%1 refused the connection: nothing listens on port %2 there. Is the server "
                                     "running, and is it the right port?")
                             .arg(address)
                             .arg(options.port),
                         detail);
        case QAbstractSocket::SocketTimeoutError:
            return Error(ErrorCode::Timeout,
                         QObject::tr("%1 did not accept a connection within %2 seconds (a firewall?).")
                             .arg(where)
                             .arg(options.timeout.count() / 1000.0),
                         detail);
        default:
            return Error(ErrorCode::Network, QObject::tr("Could not connect to %1.").arg(where), detail);
        }
    }
    if (!socket.waitForEncrypted(static_cast<int>(remaining(clock, options.timeout)))) {
        if (socket.error() == QAbstractSocket::SocketTimeoutError)
            return Error(ErrorCode::Timeout,
                         QObject::tr("%1 accepted the connection but did not complete a TLS handshake within %2 "
                                     "seconds. Is it a TLS port?")
                             .arg(where)
                             .arg(options.timeout.count() / 1000.0),
                         socket.errorString());
        return Error(ErrorCode::Tls,
                     QObject::tr("The TLS handshake with %1 failed: the server may not speak TLS on this port, or "
                                 "offer nothing this client accepts.")
                         .arg(where),
                     socket.errorString());
    }

    TlsProbeResult r;
    r.handshakeMs = clock.elapsed();
    r.host = options.host;
    r.serverName = sni;
    r.peerAddress = socket.peerAddress().toString();
    r.port = options.port;
    const QList<QSslCertificate> chain = socket.peerCertificateChain();
    r.protocol = protocolName(socket.sessionProtocol());
    r.cipher = socket.sessionCipher().name();
    socket.abort();
    if (chain.isEmpty())
        return Error(ErrorCode::Tls, QObject::tr("%1 completed a handshake without sending a certificate.").arg(where));
    if (chain.size() > maxChainLength)
        return Error(ErrorCode::Protocol, QObject::tr("%1 sent %2 certificates; at most %3 are accepted.")
                                              .arg(where)
                                              .arg(chain.size())
                                              .arg(maxChainLength));
    for (const QSslCertificate& c : chain)
        r.chainDer << c.toDer();
    const QSslCertificate& leaf = chain.first();
    r.leafSha256 = QCryptographicHash::hash(r.chainDer.first(), QCryptographicHash::Sha256);
    r.leafSha256Hex = QString::fromLatin1(r.leafSha256.toHex(':').toUpper());
    r.subject = leaf.subjectDisplayName();
    r.issuer = leaf.issuerDisplayName();
    r.dnsNames = leaf.subjectAlternativeNames().values(QSsl::DnsEntry);
    r.notBefore = leaf.effectiveDate().toUTC();
    r.notAfter = leaf.expiryDate().toUTC();
    r.verificationErrors = verificationErrors;
    r.trusted = verificationErrors.isEmpty();
    return r;
}

QCoro::Task<Result<TlsProbeResult>> TlsProbe::probe(Options options) {
    auto job = runBlocking([options] { return probeBlocking(options); });
    auto result = co_await job;
    co_return result;
}

} // namespace certdeck::monitor
