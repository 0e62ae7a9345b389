// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/challenge/SelfCheck.h"

#include "core/common/Async.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QHostInfo>
#include <QObject>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

namespace certdeck::challenge {

namespace {

enum class Failure { None, Resolve, Refused, Timeout, Tls, Network, Protocol };

struct Fetch {
    Failure failure = Failure::None;
    QString detail;
    QStringList addresses; ///< what the host resolved to (or its override)
    QString connectedTo;
    int status = 0;
    QByteArray location;
    QByteArray body;
    QStringList certificateErrors; ///< https hops: why a browser would refuse the certificate
};

qint64 remainingMs(const QElapsedTimer& clock, std::chrono::milliseconds timeout) {
    return std::max<qint64>(1, timeout.count() - clock.elapsed());
}

// RFC 9112 §7.1 chunked transfer coding; false on anything malformed.
bool decodeChunked(const QByteArray& in, QByteArray* out) {
    qsizetype pos = 0;
    while (true) {
        const qsizetype eol = in.indexOf("\r\n", pos);
        if (eol < 0)
            return false;
        QByteArray sizeText = in.mid(pos, eol - pos);
        const qsizetype ext = sizeText.indexOf(';');
        if (ext >= 0)
            sizeText.truncate(ext);
        bool ok = false;
        const qlonglong size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0 || size > SelfCheck::maxResponseBytes)
            return false;
        pos = eol + 2;
        if (size == 0)
            return true;
        if (pos + size > in.size())
            return false;
        out->append(in.mid(pos, size));
        pos += size + 2;
    }
}

bool parseResponse(const QByteArray& raw, Fetch* f) {
    const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = raw.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine.first().startsWith("HTTP/1."))
        return false;
    bool ok = false;
    f->status = statusLine.at(1).toInt(&ok);
    if (!ok || f->status < 100 || f->status > 599)
        return false;
    bool chunked = false;
    qlonglong contentLength = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "location")
            f->location = value;
        else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
            chunked = true;
        else if (name == "content-length")
            contentLength = value.toLongLong();
    }
    const QByteArray rest = raw.mid(headerEnd + 4);
    if (chunked)
        return decodeChunked(rest, &f->body);
    f->body = contentLength >= 0 ? rest.left(contentLength) : rest;
    return true;
}

// True when `raw` holds a whole answer (headers plus the body their framing announces).
bool complete(const QByteArray& raw) {
    const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QByteArray head = raw.left(headerEnd).toLower();
    const qsizetype cl = head.indexOf("\ncontent-length:");
    if (cl >= 0) {
        const qsizetype eol = head.indexOf('\n', cl + 1);
        const qlonglong length = head.mid(cl + 16, eol < 0 ? -1 : eol - cl - 16).trimmed().toLongLong();
        return raw.size() - headerEnd - 4 >= length;
    }
    if (head.contains("\ntransfer-encoding:") && head.contains("chunked"))
        return raw.endsWith("0\r\n\r\n");
    return false; // read to the end of the connection
}

QStringList resolve(const QString& host, const SelfCheck::Options& options, QString* detail) {
    const QString override = options.hostOverrides.value(host.toLower());
    if (!override.isEmpty())
        return {override};
    if (!QHostAddress(host).isNull())
        return {host};
    const QHostInfo info = QHostInfo::fromName(host);
    QStringList out;
    for (const QHostAddress& a : info.addresses())
        out << a.toString();
    if (out.isEmpty() && detail)
        *detail = info.errorString();
    return out;
}

Fetch fetch(const QUrl& url, const SelfCheck::Options& options) {
    Fetch f;
    const bool https = url.scheme() == QLatin1String("https");
    const QString host = url.host();
    f.addresses = resolve(host, options, &f.detail);
    if (f.addresses.isEmpty()) {
        f.failure = Failure::Resolve;
        return f;
    }
    const quint16 port = static_cast<quint16>(url.port(https ? 443 : 80));

    // Try the addresses in turn, as a CA's resolver hands them out; at most four.
    std::unique_ptr<QTcpSocket> socket;
    QElapsedTimer clock;
    for (qsizetype i = 0; i < std::min<qsizetype>(f.addresses.size(), 4); ++i) {
        const QString& address = f.addresses.at(i);
        clock.start();
        if (https) {
            auto ssl = std::make_unique<QSslSocket>();
            QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
            conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
            ssl->setSslConfiguration(conf);
            // CAs follow a redirect to HTTPS whatever the certificate; browsers do not, so note why.
            QSslSocket* raw = ssl.get();
            QObject::connect(raw, &QSslSocket::sslErrors, [raw, &f](const QList<QSslError>& errors) {
                for (const QSslError& e : errors)
                    f.certificateErrors << e.errorString();
                raw->ignoreSslErrors();
            });
            ssl->connectToHostEncrypted(address, port, host);
            socket = std::move(ssl);
        } else {
            socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(address, port);
        }
        if (socket->waitForConnected(static_cast<int>(remainingMs(clock, options.timeout)))) {
            f.connectedTo = address;
            break;
        }
        f.failure = socket->error() == QAbstractSocket::SocketTimeoutError       ? Failure::Timeout
                    : socket->error() == QAbstractSocket::ConnectionRefusedError ? Failure::Refused
                                                                                 : Failure::Network;
        f.detail = socket->errorString();
        socket.reset();
    }
    if (!socket)
        return f;
    f.failure = Failure::None;
    if (https) {
        auto* ssl = static_cast<QSslSocket*>(socket.get());
        if (!ssl->waitForEncrypted(static_cast<int>(remainingMs(clock, options.timeout)))) {
            f.failure = ssl->error() == QAbstractSocket::SocketTimeoutError ? Failure::Timeout : Failure::Tls;
            f.detail = ssl->errorString();
            return f;
        }
    }
    const QString hostHeader = (url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host(QUrl::FullyEncoded)).arg(port)
                                               : url.host(QUrl::FullyEncoded));
    const QByteArray path = url.path(QUrl::FullyEncoded).toLatin1() +
                            (url.hasQuery() ? "?" + url.query(QUrl::FullyEncoded).toLatin1() : QByteArray());
    const QByteArray request = "GET " + (path.isEmpty() ? QByteArray("/") : path) +
                               " HTTP/1.1\r\nHost: " + hostHeader.toLatin1() +
                               "\r\nUser-Agent: Certdeck self-check\r\nAccept: */*\r\nConnection: close\r\n\r\n";
    socket->write(request);
    QByteArray raw;
    while (!complete(raw)) {
        if (raw.size() > SelfCheck::maxResponseBytes) {
            f.failure = Failure::Protocol;
            f.detail = QStringLiteral("answer larger than %1 bytes").arg(SelfCheck::maxResponseBytes);
            return f;
        }
        if (clock.elapsed() >= options.timeout.count()) {
            f.failure = Failure::Timeout;
            f.detail = QStringLiteral("no complete answer in time");
            return f;
        }
        if (socket->bytesAvailable() == 0 &&
            !socket->waitForReadyRead(static_cast<int>(remainingMs(clock, options.timeout)))) {
            if (socket->error() == QAbstractSocket::SocketTimeoutError) {
                f.failure = Failure::Timeout;
                f.detail = QStringLiteral("no complete answer in time");
                return f;
            }
            raw += socket->readAll();
            break; // closed by the server: the answer ends here
        }
        raw += socket->read(SelfCheck::maxResponseBytes + 1 - raw.size());
    }
    socket->abort();
    if (!parseResponse(raw, &f)) {
        f.failure = Failure::Protocol;
        f.detail = QStringLiteral("not an HTTP/1.x answer: %1")
                       .arg(QString::fromLatin1(raw.left(80).toPercentEncoding(" /:.")));
    }
    return f;
}

bool sameAddress(const QString& a, const QStringList& set) {
    const QHostAddress left(a);
    for (const QString& b : set) {
        if (left.isEqual(QHostAddress(b), QHostAddress::TolerantConversion))
            return true;
    }
    return false;
}

QString printable(const QByteArray& body) {
    QString s = QString::fromUtf8(body.left(60)).simplified();
    for (QChar& c : s) {
        if (!c.isPrint())
            c = QLatin1Char('?');
    }
    return s;
}

} // namespace

SelfCheck::SelfCheck()
    : SelfCheck(Options{}) {}

SelfCheck::SelfCheck(Options options)
    : m_options(std::move(options)) {}

QCoro::Task<Status> SelfCheck::check(Expectation expectation, CancelToken cancel) const {
    const SelfCheck copy = *this;
    auto job = runWaiting([copy, expectation, cancel] { return copy.checkBlocking(expectation, cancel); });
    auto status = co_await job;
    co_return status;
}

Status SelfCheck::checkBlocking(const Expectation& e, const CancelToken& cancel) const {
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(e.name);
    if (m_options.httpPort != 80)
        url.setPort(m_options.httpPort);
    url.setPath(QStringLiteral("/.well-known/acme-challenge/") + e.token);
    const QString firstUrl = url.toString();

    QStringList hops;
    QStringList firstAddresses;
    QStringList certificateErrors;
    Fetch f;
    for (int hop = 0;; ++hop) {
        if (cancel.isCancelled())
            return cancelledError();
        f = fetch(url, m_options);
        if (hop == 0)
            firstAddresses = f.addresses;
        certificateErrors << f.certificateErrors;
        hops << QStringLiteral("%1 via %2 -> %3")
                    .arg(url.toString(), f.connectedTo.isEmpty() ? f.addresses.join(QLatin1Char(',')) : f.connectedTo,
                         f.failure == Failure::None ? QString::number(f.status) : f.detail);
        if (f.failure != Failure::None || f.status < 300 || f.status >= 400 || f.location.isEmpty())
            break;
        if (hop >= m_options.maxRedirects) {
            f.failure = Failure::Protocol;
            f.detail = QStringLiteral("too many redirects");
            break;
        }
        const QUrl next = url.resolved(QUrl::fromEncoded(f.location));
        if (!next.isValid() || (next.scheme() != QLatin1String("http") && next.scheme() != QLatin1String("https"))) {
            f.failure = Failure::Protocol;
            f.detail = QStringLiteral("redirect to %1").arg(QString::fromLatin1(f.location.left(200)));
            break;
        }
        url = next;
    }
    const QString detail = hops.join(QLatin1Char('\n'));

    if (f.failure == Failure::None && f.status == 200 && f.body.trimmed() == e.keyAuthorization.trimmed())
        return {};

    const bool elsewhere = !m_options.expectedAddresses.isEmpty() && !firstAddresses.isEmpty() &&
                           std::none_of(firstAddresses.begin(), firstAddresses.end(), [this](const QString& a) {
                               return sameAddress(a, m_options.expectedAddresses);
                           });
    QString why;
    if (elsewhere)
        why = QObject::tr("%1 resolves to %2, but the challenge file was written on the server at %3, and the CA "
                          "will ask %2. Point the name's DNS records (A/AAAA) at that server, or answer the "
                          "challenge on the server the name points to. ")
                  .arg(e.name, firstAddresses.join(QStringLiteral(", ")),
                       m_options.expectedAddresses.join(QStringLiteral(", ")));
    const bool viaHttps = url.scheme() == QLatin1String("https");
    const QString httpsNote = viaHttps && !certificateErrors.isEmpty()
                                  ? QObject::tr(" It redirects to %1, where the certificate is not valid (%2).")
                                        .arg(url.toString(), certificateErrors.first())
                                  : QString();

    Error error;
    switch (f.failure) {
    case Failure::Resolve:
        error = Error(ErrorCode::Dns,
                      QObject::tr("%1 does not resolve to an address from here. The CA must be able to resolve it: "
                                  "add an A or AAAA record for it.")
                          .arg(url.host()),
                      f.detail + QLatin1Char('\n') + detail);
        break;
    case Failure::Refused:
        error = Error(ErrorCode::Network,
                      QObject::tr("Nothing answers at %1 (%2 refused the connection). The CA connects there: start "
                                  "the web server or open the port.")
                          .arg(url.toString(), f.addresses.join(QStringLiteral(", "))),
                      detail);
        break;
    case Failure::Timeout:
        error = Error(ErrorCode::Timeout,
                      QObject::tr("%1 did not answer within %2 seconds: a firewall may drop connections to that "
                                  "port, or the server is overloaded.")
                          .arg(url.toString())
                          .arg(m_options.timeout.count() / 1000.0),
                      detail);
        break;
    case Failure::Tls:
        error = Error(ErrorCode::Tls,
                      QObject::tr("%1 redirects to %2, but the TLS handshake there failed. The CA follows that "
                                  "redirect: fix the HTTPS server, or answer /.well-known/acme-challenge/ on plain "
                                  "HTTP without redirecting.")
                          .arg(firstUrl, url.toString()),
                      f.detail + QLatin1Char('\n') + detail);
        break;
    case Failure::Network:
    case Failure::Protocol:
        error = Error(f.failure == Failure::Network ? ErrorCode::Network : ErrorCode::Protocol,
                      QObject::tr("Fetching %1 failed: %2.").arg(url.toString(), f.detail), detail);
        break;
    case Failure::None:
        if (f.status == 404) {
            error = Error(ErrorCode::NotFound,
                          QObject::tr("The web server for %1 answered 404 Not Found for %2. The challenge file was "
                                      "written to %3, so the site serves another folder: use the folder its "
                                      "configuration names as root (or add a location for "
                                      "/.well-known/acme-challenge/ that points there).")
                                  .arg(e.name, url.toString(), e.writtenTo) +
                              httpsNote,
                          detail);
        } else if (f.status == 200) {
            error = Error(ErrorCode::Protocol,
                          QObject::tr("%1 answered, but not with this challenge's answer (%2 bytes: \"%3\"). Another "
                                      "server or site answers for %4, or a cache serves an old answer.")
                                  .arg(url.toString())
                                  .arg(f.body.size())
                                  .arg(printable(f.body), e.name) +
                              httpsNote,
                          detail);
        } else {
            error = Error(ErrorCode::Protocol,
                          QObject::tr("%1 answered HTTP %2 instead of the challenge file written to %3.")
                                  .arg(url.toString())
                                  .arg(f.status)
                                  .arg(e.writtenTo) +
                              httpsNote,
                          detail);
        }
        break;
    }
    if (elsewhere) {
        error.code = ErrorCode::Dns;
        error.userMessage = why + error.userMessage;
    }
    return error;
}

} // namespace certdeck::challenge
