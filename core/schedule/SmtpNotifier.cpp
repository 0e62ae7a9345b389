// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/SmtpNotifier.h"

#include "core/common/Async.h"
#include "core/common/Log.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QLocale>
#include <QObject>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QSysInfo>

namespace certdeck::schedule {

namespace {

constexpr qsizetype kMaxReply = 64 * 1024;

struct Reply {
    int code = 0;
    QList<QByteArray> lines; ///< text after the code, one per line
};

/// An address fit for a header and an envelope: no CR/LF or angle brackets (header injection).
bool validAddress(const QString& a) {
    return a.contains(QLatin1Char('@')) && a.size() < 320 && !a.contains(QLatin1Char('\r')) &&
           !a.contains(QLatin1Char('\n')) && !a.contains(QLatin1Char('<')) && !a.contains(QLatin1Char('>')) &&
           !a.contains(QLatin1Char(' '));
}

QByteArray encodedWord(const QString& text) {
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 127 && c.unicode() >= 32;
    // RFC 2047 §2: non-ASCII header text as an encoded word.
    return ascii ? text.toLatin1() : "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

bool isLoopback(const QString& host) {
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress a(host);
    return !a.isNull() && a.isLoopback();
}

/// The blocking SMTP conversation (RFC 5321 §4.1, §3.3), run on a worker thread.
class Session {
public:
    explicit Session(const SmtpNotifier::Options& o)
        : m_o(o) {}

    Status run(const QByteArray& message) {
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        if (!m_o.extraCaCertificates.isEmpty())
            conf.addCaCertificates(m_o.extraCaCertificates);
        m_socket.setSslConfiguration(conf);
        m_socket.setPeerVerifyName(m_o.host);
        const int ms = static_cast<int>(m_o.timeout.count());
        if (m_o.security == SmtpNotifier::Security::ImplicitTls) {
            m_socket.connectToHostEncrypted(m_o.host, m_o.port);
            if (!m_socket.waitForEncrypted(ms))
                return socketError(QObject::tr("Cannot open a TLS connection to the mail server %1:%2."));
        } else {
            m_socket.connectToHost(m_o.host, m_o.port);
            if (!m_socket.waitForConnected(ms))
                return socketError(QObject::tr("Cannot connect to the mail server %1:%2."));
        }
        if (auto s = expect(220); !s)
            return s;
        auto ehlo = hello();
        if (!ehlo)
            return ehlo.error();
        if (m_o.security == SmtpNotifier::Security::StartTls) {
            if (!hasExtension(*ehlo, "STARTTLS"))
                return Error(ErrorCode::Tls,
                             QObject::tr("The mail server %1 does not offer STARTTLS: refusing to send in plain text.")
                                 .arg(m_o.host));
            if (auto s = command("STARTTLS", 220); !s)
                return s;
            m_socket.startClientEncryption();
            if (!m_socket.waitForEncrypted(ms))
                return socketError(QObject::tr("The TLS handshake with the mail server %1:%2 failed."));
            m_buffer.clear(); // RFC 3207 §4.2: forget everything learnt before TLS
            ehlo = hello();
            if (!ehlo)
                return ehlo.error();
        }
        if (!m_o.userName.isEmpty()) {
            if (!m_socket.isEncrypted())
                return Error(ErrorCode::Tls, QObject::tr("Refusing to send the mail password without TLS."));
            QByteArray plain = QByteArray(1, '\0') + m_o.userName.toUtf8() + QByteArray(1, '\0') + m_o.password.bytes();
            SecureBytes token(plain.toBase64());
            SecureBytes::wipe(plain);
            // The command line holds the password: sent directly, never logged.
            if (auto s = command("AUTH PLAIN " + token.bytes(), 235, QByteArrayLiteral("AUTH PLAIN ***")); !s)
                return Error(ErrorCode::Permission, QObject::tr("The mail server refused the user name or password."),
                             s.error().detail);
        }
        if (auto s = command("MAIL FROM:<" + m_o.from.toUtf8() + '>', 250); !s)
            return s;
        for (const QString& to : m_o.to) {
            auto r = commandReply("RCPT TO:<" + to.toUtf8() + '>');
            if (!r)
                return r.error();
            if (r->code != 250 && r->code != 251)
                return Error(ErrorCode::Protocol, QObject::tr("The mail server refused the recipient %1.").arg(to),
                             QString::fromUtf8(r->lines.join(' ')));
        }
        if (auto s = command("DATA", 354); !s)
            return s;
        // §4.5.2: a line starting with '.' gets another '.'; the body is base64 so only headers matter.
        QByteArray data = message;
        data.replace("\r\n.", "\r\n..");
        if (!write(data + "\r\n.\r\n"))
            return socketError(QObject::tr("The connection to %1:%2 broke while sending."));
        if (auto s = expect(250); !s)
            return s;
        (void)command("QUIT", 221); // the message is accepted already; a rude goodbye changes nothing
        m_socket.disconnectFromHost();
        return {};
    }

private:
    Error socketError(const QString& text) {
        return Error(m_socket.error() == QAbstractSocket::SocketTimeoutError ? ErrorCode::Timeout : ErrorCode::Network,
                     text.arg(m_o.host).arg(m_o.port), m_socket.errorString());
    }

    bool write(const QByteArray& bytes) {
        m_socket.write(bytes);
        while (m_socket.bytesToWrite() > 0) {
            if (!m_socket.waitForBytesWritten(static_cast<int>(m_o.timeout.count())))
                return false;
        }
        return true;
    }

    Result<Reply> readReply() {
        Reply reply;
        QDeadlineTimer deadline(m_o.timeout);
        qsizetype total = 0;
        for (;;) {
            while (!m_socket.canReadLine()) {
                if (m_socket.bytesAvailable() > kMaxReply)
                    return Error(ErrorCode::Protocol, QObject::tr("The mail server sent an overlong line."));
                if (!m_socket.waitForReadyRead(static_cast<int>(deadline.remainingTime())))
                    return socketError(QObject::tr("The mail server %1:%2 stopped answering."));
            }
            const QByteArray line = m_socket.readLine(kMaxReply).trimmed();
            total += line.size();
            if (total > kMaxReply || line.size() < 3)
                return Error(ErrorCode::Protocol, QObject::tr("The mail server's answer is not SMTP."),
                             QString::fromUtf8(line.left(200)));
            bool ok = false;
            const int code = line.left(3).toInt(&ok);
            if (!ok || (reply.code != 0 && code != reply.code))
                return Error(ErrorCode::Protocol, QObject::tr("The mail server's answer is not SMTP."),
                             QString::fromUtf8(line.left(200)));
            reply.code = code;
            reply.lines << line.mid(4);
            // §4.2.1: "250-" continues, "250 " (or a bare code) ends the reply.
            if (line.size() == 3 || line.at(3) == ' ')
                return reply;
        }
    }

    Result<Reply> commandReply(const QByteArray& line, const QByteArray& logged = {}) {
        qCDebug(lcSchedule) << "smtp >" << (logged.isEmpty() ? line : logged);
        if (!write(line + "\r\n"))
            return socketError(QObject::tr("The connection to %1:%2 broke."));
        return readReply();
    }

    Status command(const QByteArray& line, int expected, const QByteArray& logged = {}) {
        auto r = commandReply(line, logged);
        if (!r)
            return r.error();
        if (r->code != expected)
            return Error(ErrorCode::Protocol,
                         QObject::tr("The mail server %1 refused %2.")
                             .arg(m_o.host, QString::fromLatin1(logged.isEmpty() ? line.left(10) : logged)),
                         QStringLiteral("%1 %2").arg(r->code).arg(QString::fromUtf8(r->lines.join(' '))));
        return {};
    }

    Status expect(int expected) {
        auto r = readReply();
        if (!r)
            return r.error();
        if (r->code != expected)
            return Error(ErrorCode::Protocol, QObject::tr("The mail server %1 is not accepting mail.").arg(m_o.host),
                         QStringLiteral("%1 %2").arg(r->code).arg(QString::fromUtf8(r->lines.join(' '))));
        return {};
    }

    Result<Reply> hello() {
        QString name = QSysInfo::machineHostName();
        if (name.isEmpty() || name.contains(QLatin1Char(' ')))
            name = QStringLiteral("localhost");
        auto r = commandReply("EHLO " + name.toUtf8());
        if (!r)
            return r.error();
        if (r->code != 250)
            return Error(ErrorCode::Protocol, QObject::tr("The mail server %1 refused EHLO.").arg(m_o.host));
        return r;
    }

    static bool hasExtension(const Reply& r, const QByteArray& name) {
        for (const QByteArray& l : r.lines) {
            if (l.toUpper() == name || l.toUpper().startsWith(name + ' '))
                return true;
        }
        return false;
    }

    SmtpNotifier::Options m_o;
    QSslSocket m_socket;
    QByteArray m_buffer;
};

} // namespace

SmtpNotifier::SmtpNotifier(Options options)
    : m_options(std::move(options)) {}

QString SmtpNotifier::description() const {
    return QObject::tr("e-mail to %1").arg(m_options.to.join(QStringLiteral(", ")));
}

QByteArray SmtpNotifier::message(const Notification& n, const QDateTime& date, const QString& messageId) const {
    QByteArray m;
    m += "From: " + m_options.from.toUtf8() + "\r\n";
    m += "To: " + m_options.to.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    m += "Subject: " + encodedWord(QStringLiteral("[Certdeck] ") + n.title()) + "\r\n";
    // RFC 5322 §3.3 date, always in English.
    m += "Date: " + QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() +
         " +0000\r\n";
    m += "Message-ID: <" + messageId.toLatin1() + ">\r\n";
    m += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n";
    m += "Auto-Submitted: auto-generated\r\n\r\n";
    const QByteArray body = (n.title() + QStringLiteral("\n\n") + n.body() + QStringLiteral("\n"))
                                .toUtf8()
                                .replace("\n", "\r\n")
                                .toBase64();
    for (qsizetype i = 0; i < body.size(); i += 76)
        m += body.mid(i, 76) + "\r\n";
    return m;
}

QCoro::Task<Status> SmtpNotifier::send(Notification notification) {
    const Options o = m_options;
    if (o.host.isEmpty() || !validAddress(o.from) || o.to.isEmpty())
        co_return Error(ErrorCode::InvalidInput,
                        QObject::tr("The e-mail settings need a server, a sender and a recipient."));
    for (const QString& to : o.to) {
        if (!validAddress(to))
            co_return Error(ErrorCode::InvalidInput, QObject::tr("'%1' is not an e-mail address.").arg(to));
    }
    if (o.security == Security::None && !isLoopback(o.host))
        co_return Error(ErrorCode::InvalidInput,
                        QObject::tr("Mail without TLS is only allowed to a relay on this computer."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString id = QString::number(QRandomGenerator::global()->generate64(), 36) + QLatin1Char('.') +
                       QString::number(now.toMSecsSinceEpoch()) + QStringLiteral("@certdeck");
    const QByteArray msg = message(notification, now, id);
    auto job = runWaiting([o, msg] {
        Session session(o);
        return session.run(msg);
    });
    auto result = co_await job;
    if (!result)
        co_return result.error().withContext(description());
    co_return Status{};
}

} // namespace certdeck::schedule
