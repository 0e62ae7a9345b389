// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ssh/internal/SftpExtensionChannel.h"

#include "core/ssh/internal/SshErrors.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QtEndian>

namespace certdeck::ssh::internal {

namespace {

// draft-ietf-secsh-filexfer-02 §3: packet = uint32 length, byte type, payload.
constexpr quint8 fxpInit = 1;
constexpr quint8 fxpVersion = 2;
constexpr quint8 fxpStatus = 101;
constexpr quint8 fxpExtended = 200;
constexpr quint32 sftpVersion = 3;
// Replies here are a VERSION (a few hundred bytes of extension names) or a STATUS: anything much
// bigger is a misbehaving server.
constexpr quint32 maxPacketBytes = 64 * 1024;

void putU32(QByteArray& out, quint32 v) {
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

void putString(QByteArray& out, const QByteArray& s) {
    putU32(out, static_cast<quint32>(s.size()));
    out.append(s);
}

QByteArray packet(quint8 type, const QByteArray& payload) {
    QByteArray out;
    putU32(out, static_cast<quint32>(payload.size() + 1));
    out.append(static_cast<char>(type));
    out.append(payload);
    return out;
}

struct Packet {
    quint8 type = 0;
    QByteArray payload;
};

Error channelError(SessionCore& core, const QString& what) {
    return sessionError(core.session.get(), core.where(), what);
}

Result<QByteArray> readExact(SessionCore& core, ssh_channel ch, quint32 n) {
    QByteArray out(static_cast<qsizetype>(n), Qt::Uninitialized);
    quint32 got = 0;
    QDeadlineTimer deadline(core.timeout);
    while (got < n) {
        const int wait = static_cast<int>(qMax<qint64>(1, deadline.remainingTime()));
        const int r = ssh_channel_read_timeout(ch, out.data() + got, n - got, 0, wait);
        if (r == SSH_ERROR)
            return channelError(core, QObject::tr("renaming a file"));
        if (r > 0) {
            got += static_cast<quint32>(r);
            continue;
        }
        if (ssh_channel_is_eof(ch))
            return Error(ErrorCode::Protocol,
                         QObject::tr("The SFTP server at %1 closed the channel unexpectedly.").arg(core.where()));
        if (deadline.hasExpired())
            return Error(ErrorCode::Timeout,
                         QObject::tr("The SFTP server at %1 did not answer in time.").arg(core.where()));
    }
    return out;
}

Result<Packet> readPacket(SessionCore& core, ssh_channel ch) {
    auto head = readExact(core, ch, 4);
    if (!head)
        return head.error();
    const quint32 len = qFromBigEndian<quint32>(head->constData());
    if (len < 1 || len > maxPacketBytes)
        return Error(ErrorCode::Protocol,
                     QObject::tr("The SFTP server at %1 sent a malformed answer.").arg(core.where()),
                     QStringLiteral("packet length %1").arg(len));
    auto body = readExact(core, ch, len);
    if (!body)
        return body.error();
    return Packet{static_cast<quint8>(body->at(0)), body->mid(1)};
}

Status writeAll(SessionCore& core, ssh_channel ch, const QByteArray& data) {
    // Blocking mode: ssh_channel_write returns only once everything was queued, or fails.
    if (ssh_channel_write(ch, data.constData(), static_cast<uint32_t>(data.size())) != data.size())
        return channelError(core, QObject::tr("renaming a file"));
    return {};
}

Status open(SessionCore& core) {
    if (core.extChannel)
        return {};
    SshChannelPtr ch(ssh_channel_new(core.session.get()));
    if (!ch || ssh_channel_open_session(ch.get()) != SSH_OK ||
        ssh_channel_request_subsystem(ch.get(), "sftp") != SSH_OK)
        return channelError(core, QObject::tr("opening an SFTP channel"));
    QByteArray init;
    putU32(init, sftpVersion);
    if (auto w = writeAll(core, ch.get(), packet(fxpInit, init)); !w)
        return w.error();
    auto reply = readPacket(core, ch.get());
    if (!reply)
        return reply.error();
    if (reply->type != fxpVersion)
        return Error(ErrorCode::Protocol,
                     QObject::tr("The SFTP server at %1 sent a malformed answer.").arg(core.where()),
                     QStringLiteral("expected SSH_FXP_VERSION, got type %1").arg(reply->type));
    core.extChannel = std::move(ch);
    return {};
}

} // namespace

Result<SftpExtensionChannel::Reply> SftpExtensionChannel::posixRename(SessionCore& core, const QByteArray& from,
                                                                      const QByteArray& to) {
    if (auto opened = open(core); !opened)
        return opened.error();
    const quint32 id = core.extNextId++;
    QByteArray payload;
    putU32(payload, id);
    putString(payload, QByteArrayLiteral("posix-rename@openssh.com"));
    putString(payload, from);
    putString(payload, to);
    auto fail = [&core](Error e) {
        core.extChannel.reset();
        return e;
    };
    if (auto w = writeAll(core, core.extChannel.get(), packet(fxpExtended, payload)); !w)
        return fail(w.error());
    auto reply = readPacket(core, core.extChannel.get());
    if (!reply)
        return fail(reply.error());
    // §7: SSH_FXP_STATUS = uint32 id, uint32 error/status code, string message, string language tag.
    const QByteArray& p = reply->payload;
    if (reply->type != fxpStatus || p.size() < 8 || qFromBigEndian<quint32>(p.constData()) != id)
        return fail(Error(ErrorCode::Protocol,
                          QObject::tr("The SFTP server at %1 sent a malformed answer.").arg(core.where()),
                          QStringLiteral("posix-rename reply type %1").arg(reply->type)));
    Reply out;
    out.code = qFromBigEndian<quint32>(p.constData() + 4);
    if (p.size() >= 12) {
        const quint32 len = qFromBigEndian<quint32>(p.constData() + 8);
        if (len <= static_cast<quint32>(p.size() - 12))
            out.message = QString::fromUtf8(p.mid(12, len));
    }
    return out;
}

} // namespace certdeck::ssh::internal
