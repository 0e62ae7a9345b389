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

QString seconds(std::chrono::milliseconds timeout) {
    return QString::number(timeout.count() / 1000.0);
}

QString shown(const QByteArray& line) {
    // Server text in a message: printable ASCII only, bounded.
    QString out;
    for (char c : line.left(200))
        out.append(c >= 0x20 && c < 0x7f ? QLatin1Char(c) : QLatin1Char('?'));
    return out;
}

/// The plain-text part of a STARTTLS probe: bounded lines, bounded bytes, one deadline.
class PlainDialogue {
public:
    PlainDialogue(QSslSocket& socket, const QElapsedTimer& clock, std::chrono::milliseconds timeout, QString where)
        : m_socket(socket)
        , m_clock(clock)
        , m_timeout(timeout)
        , m_where(std::move(where)) {}

    /// One line without its CRLF (a bare LF is accepted).
    Result<QByteArray> readLine() {
        while (!m_socket.canReadLine()) {
            if (m_socket.bytesAvailable() > TlsProbe::maxLineBytes)
                return tooLong();
            if (m_clock.elapsed() >= m_timeout.count())
                return timedOut();
            if (!m_socket.waitForReadyRead(static_cast<int>(remaining(m_clock, m_timeout)))) {
                if (m_socket.error() == QAbstractSocket::SocketTimeoutError)
                    return timedOut();
                return Error(ErrorCode::Network,
                             QObject::tr("%1 closed the connection before TLS was started.").arg(m_where),
                             m_socket.errorString());
            }
        }
        QByteArray line = m_socket.readLine(TlsProbe::maxLineBytes + 2);
        m_total += line.size();
        if (!line.endsWith('\n'))
            return tooLong();
        if (m_total > TlsProbe::maxPlainBytes)
            return Error(ErrorCode::Protocol, QObject::tr("%1 sent more than %2 KiB before TLS was started; giving up.")
                                                  .arg(m_where)
                                                  .arg(TlsProbe::maxPlainBytes / 1024));
        line.chop(line.endsWith("\r\n") ? 2 : 1);
        return line;
    }

    Status send(const QByteArray& line) {
        m_socket.write(line + "\r\n");
        while (m_socket.bytesToWrite() > 0) {
            if (!m_socket.waitForBytesWritten(static_cast<int>(remaining(m_clock, m_timeout))))
                return Error(ErrorCode::Network, QObject::tr("Could not write to %1.").arg(m_where),
                             m_socket.errorString());
        }
        return {};
    }

    /// After the server's go-ahead nothing may follow before the handshake: bytes already there were
    /// sent by someone who wants them read as if they came through TLS (CVE-2011-0411).
    Status nothingPending() {
        if (m_socket.bytesAvailable() == 0)
            return {};
        return Error(ErrorCode::Protocol,
                     QObject::tr("%1 sent data after agreeing to start TLS and before the handshake; refusing the "
                                 "connection (a STARTTLS injection, or a broken server).")
                         .arg(m_where));
    }

    /// RFC 5321 §4.2: "250-first", "250-...", "250 last" — one code for every line.
    Result<std::pair<int, QList<QByteArray>>> readSmtpReply() {
        QList<QByteArray> texts;
        int code = -1;
        while (true) {
            auto line = readLine();
            if (!line)
                return line.error();
            const QByteArray& l = *line;
            bool ok = false;
            const int c = l.left(3).toInt(&ok);
            if (!ok || l.size() < 3 || c < 200 || c > 599 || (l.size() > 3 && l[3] != ' ' && l[3] != '-') ||
                (code != -1 && c != code))
                return Error(ErrorCode::Protocol,
                             QObject::tr("%1 does not answer like an SMTP server: \"%2\"").arg(m_where, shown(l)));
            code = c;
            texts << l.mid(4);
            if (l.size() == 3 || l[3] == ' ')
                return std::make_pair(code, texts);
        }
    }

private:
    Error tooLong() const {
        return Error(ErrorCode::Protocol,
                     QObject::tr("%1 sent a line longer than %2 bytes before TLS was started; giving up.")
                         .arg(m_where)
                         .arg(TlsProbe::maxLineBytes));
    }
    Error timedOut() const {
        return Error(
            ErrorCode::Timeout,
            QObject::tr("%1 did not finish the STARTTLS exchange within %2 seconds.").arg(m_where, seconds(m_timeout)));
    }

    QSslSocket& m_socket;
    const QElapsedTimer& m_clock;
    std::chrono::milliseconds m_timeout;
    QString m_where;
    qsizetype m_total = 0;
};

Error notOffered(const QString& where, const QString& protocol, const QString& advice) {
    return Error(ErrorCode::Tls,
                 QObject::tr("%1 does not offer STARTTLS for %2, so the connection would stay unencrypted. %3")
                     .arg(where, protocol, advice));
}

/// RFC 3207 §4: 220 greeting, EHLO, STARTTLS in the EHLO keywords, STARTTLS, 220.
Status upgradeSmtp(PlainDialogue& d, const QSslSocket& socket, const QString& where) {
    auto greeting = d.readSmtpReply();
    if (!greeting)
        return greeting.error();
    if (greeting->first != 220)
        return Error(ErrorCode::Protocol, QObject::tr("%1 greeted with %2 instead of 220: it refuses this client or "
                                                      "is not ready (\"%3\").")
                                              .arg(where)
                                              .arg(greeting->first)
                                              .arg(shown(greeting->second.value(0))));
    // RFC 5321 §4.1.3: an address literal is always a valid EHLO argument.
    const QHostAddress local = socket.localAddress();
    const QByteArray literal = local.protocol() == QAbstractSocket::IPv6Protocol
                                   ? "[IPv6:" + local.toString().toLatin1() + ']'
                                   : '[' + local.toString().toLatin1() + ']';
    if (auto sent = d.send("EHLO " + literal); !sent)
        return sent;
    auto ehlo = d.readSmtpReply();
    if (!ehlo)
        return ehlo.error();
    if (ehlo->first != 250)
        return Error(ErrorCode::Protocol, QObject::tr("%1 refused EHLO with %2 (\"%3\").")
                                              .arg(where)
                                              .arg(ehlo->first)
                                              .arg(shown(ehlo->second.value(0))));
    bool offered = false;
    // The first line is the server's name; keywords follow, one per line (RFC 5321 §4.1.1.1).
    for (qsizetype i = 1; i < ehlo->second.size(); ++i) {
        const QByteArray keyword = ehlo->second.at(i).trimmed().split(' ').value(0).toUpper();
        offered = offered || keyword == "STARTTLS";
    }
    if (!offered) {
        const Status quit = d.send("QUIT"); // politeness only
        Q_UNUSED(quit);
        return notOffered(where, QStringLiteral("SMTP"),
                          QObject::tr("Its EHLO answer lists no STARTTLS: turn TLS on in the mail server (Postfix: "
                                      "smtpd_tls_security_level = may, with smtpd_tls_cert_file and "
                                      "smtpd_tls_key_file)."));
    }
    if (auto sent = d.send("STARTTLS"); !sent)
        return sent;
    auto go = d.readSmtpReply();
    if (!go)
        return go.error();
    if (go->first != 220)
        return Error(ErrorCode::Tls, QObject::tr("%1 offered STARTTLS but answered %2 to it (\"%3\"): the mail "
                                                 "server cannot load its certificate or key?")
                                         .arg(where)
                                         .arg(go->first)
                                         .arg(shown(go->second.value(0))));
    return d.nothingPending();
}

/// RFC 3501 §6.2.1 (and RFC 9051 §6.2.1): "* OK" greeting, "a1 STARTTLS", "a1 OK".
Status upgradeImap(PlainDialogue& d, const QString& where) {
    auto greeting = d.readLine();
    if (!greeting)
        return greeting.error();
    const QByteArray g = greeting->toUpper();
    if (g.startsWith("* PREAUTH"))
        return Error(
            ErrorCode::Protocol,
            QObject::tr("%1 logs every connection in at once (PREAUTH), where STARTTLS is not allowed.").arg(where));
    if (!g.startsWith("* OK"))
        return Error(ErrorCode::Protocol,
                     QObject::tr("%1 does not greet like an IMAP server: \"%2\"").arg(where, shown(*greeting)));
    if (auto sent = d.send("a1 STARTTLS"); !sent)
        return sent;
    while (true) {
        auto line = d.readLine();
        if (!line)
            return line.error();
        const QByteArray l = line->toUpper();
        if (l.startsWith("* "))
            continue; // untagged data (a CAPABILITY, an alert); bounded by maxPlainBytes
        if (l.startsWith("A1 OK"))
            return d.nothingPending();
        if (l.startsWith("A1 NO") || l.startsWith("A1 BAD"))
            return notOffered(where, QStringLiteral("IMAP"),
                              QObject::tr("It answered \"%1\": turn TLS on in the IMAP server (Dovecot: ssl = yes "
                                          "with ssl_cert and ssl_key).")
                                  .arg(shown(*line)));
        return Error(ErrorCode::Protocol,
                     QObject::tr("%1 answered STARTTLS with \"%2\", which is not IMAP.").arg(where, shown(*line)));
    }
}

/// RFC 2595 §4: "+OK" greeting, "STLS", "+OK".
Status upgradePop3(PlainDialogue& d, const QString& where) {
    auto greeting = d.readLine();
    if (!greeting)
        return greeting.error();
    if (!greeting->startsWith("+OK"))
        return Error(ErrorCode::Protocol,
                     QObject::tr("%1 does not greet like a POP3 server: \"%2\"").arg(where, shown(*greeting)));
    if (auto sent = d.send("STLS"); !sent)
        return sent;
    auto answer = d.readLine();
    if (!answer)
        return answer.error();
    if (answer->startsWith("+OK"))
        return d.nothingPending();
    if (answer->startsWith("-ERR"))
        return notOffered(where, QStringLiteral("POP3"),
                          QObject::tr("It answered \"%1\": turn TLS on in the POP3 server.").arg(shown(*answer)));
    return Error(ErrorCode::Protocol,
                 QObject::tr("%1 answered STLS with \"%2\", which is not POP3.").arg(where, shown(*answer)));
}

} // namespace

Result<StartTls> TlsProbe::startTlsFromName(const QString& name) {
    QString n = name.trimmed().toLower();
    if (n.startsWith(QLatin1String("starttls-")))
        n = n.mid(9);
    for (StartTls s : {StartTls::None, StartTls::Smtp, StartTls::Imap, StartTls::Pop3}) {
        if (startTlsName(s) == n)
            return s;
    }
    if (n.isEmpty())
        return StartTls::None;
    return Error(ErrorCode::InvalidInput,
                 QObject::tr("Unknown STARTTLS protocol \"%1\": use none, smtp, imap or pop3.").arg(name.left(40)));
}

QString TlsProbe::startTlsName(StartTls startTls) {
    switch (startTls) {
    case StartTls::None:
        return QStringLiteral("none");
    case StartTls::Smtp:
        return QStringLiteral("smtp");
    case StartTls::Imap:
        return QStringLiteral("imap");
    case StartTls::Pop3:
        return QStringLiteral("pop3");
    }
    return {};
}

StartTls TlsProbe::startTlsForPort(quint16 port) {
    switch (port) {
    case 25:
    case 587:
        return StartTls::Smtp;
    case 143:
        return StartTls::Imap;
    case 110:
        return StartTls::Pop3;
    default:
        return StartTls::None;
    }
}

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
    if (options.startTls == StartTls::None) {
        socket.connectToHostEncrypted(address, options.port, sni);
    } else {
        // Plain first; the name given here is the SNI and verification name of the later handshake.
        socket.setPeerVerifyName(sni);
        socket.connectToHost(address, options.port);
    }
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
    if (options.startTls != StartTls::None) {
        PlainDialogue dialogue(socket, clock, options.timeout, where);
        Status upgraded;
        switch (options.startTls) {
        case StartTls::Smtp:
            upgraded = upgradeSmtp(dialogue, socket, where);
            break;
        case StartTls::Imap:
            upgraded = upgradeImap(dialogue, where);
            break;
        case StartTls::Pop3:
            upgraded = upgradePop3(dialogue, where);
            break;
        case StartTls::None:
            break;
        }
        if (!upgraded)
            return upgraded.error();
        socket.startClientEncryption();
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
    if (options.startTls != StartTls::None)
        r.startTls = startTlsName(options.startTls);
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
    auto job = runWaiting([options] { return probeBlocking(options); });
    auto result = co_await job;
    co_return result;
}

} // namespace certdeck::monitor
