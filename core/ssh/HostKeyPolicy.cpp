// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ssh/HostKeyPolicy.h"

#include "core/common/Log.h"
#include "core/ssh/SshPtr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QSaveFile>

#include <vector>

namespace certdeck::ssh {

namespace {

// Bounds for reading files we did not write: known_hosts lines are a few hundred bytes.
constexpr qint64 maxKnownHostsBytes = 16 * 1024 * 1024;
constexpr qsizetype maxLineBytes = 16 * 1024;

QMutex& writeMutex() {
    static QMutex mutex;
    return mutex;
}

struct Entry {
    int line = 0;
    bool revoked = false;
    SshKeyPtr key;
};

QList<QByteArray> readLines(const QString& path) {
    if (path.isEmpty())
        return {};
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(maxKnownHostsBytes).split('\n');
}

// Entries of `path` whose host field matches `name` ("host" or "[host]:port"), via libssh's parser
// so hashed names and wildcards behave as in OpenSSH (sshd(8) SSH_KNOWN_HOSTS FILE FORMAT).
std::vector<Entry> entriesFor(const QString& path, const QString& name) {
    std::vector<Entry> out;
    const QByteArray host = name.toLower().toUtf8();
    const QList<QByteArray> lines = readLines(path);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray text = lines[i].trimmed();
        if (text.isEmpty() || text.startsWith('#') || text.size() > maxLineBytes)
            continue;
        bool revoked = false;
        if (text.startsWith('@')) {
            if (!text.startsWith("@revoked "))
                continue; // @cert-authority: Certdeck does not do host certificates
            revoked = true;
            text = text.mid(9).trimmed();
        }
        text.replace('\t', ' ');
        ssh_knownhosts_entry* raw = nullptr;
        if (ssh_known_hosts_parse_line(host.constData(), text.constData(), &raw) != SSH_OK || !raw)
            continue;
        Entry e;
        e.line = static_cast<int>(i + 1);
        e.revoked = revoked;
        e.key.reset(raw->publickey);
        raw->publickey = nullptr;
        ssh_knownhosts_entry_free(raw);
        if (e.key)
            out.push_back(std::move(e));
    }
    return out;
}

SshKeyPtr importKey(const HostKeyInfo& info) {
    ssh_key key = nullptr;
    const QByteArray type = info.keyType.toLatin1();
    if (ssh_pki_import_pubkey_base64(info.keyBase64.constData(), ssh_key_type_from_name(type.constData()), &key) !=
        SSH_OK)
        return {};
    return SshKeyPtr(key);
}

QString typeName(const SshKeyPtr& key) {
    const char* name = ssh_key_type_to_char(ssh_key_type(key.get()));
    return name ? QString::fromLatin1(name) : QString();
}

QString removeHint(const QString& name, const QString& file) {
    return QStringLiteral("ssh-keygen -R '%1' -f '%2'").arg(name, file);
}

} // namespace

HostKeyPolicy::HostKeyPolicy(QString certdeckKnownHostsFile, QString userKnownHostsFile)
    : m_certdeckFile(std::move(certdeckKnownHostsFile))
    , m_userFile(std::move(userKnownHostsFile)) {}

HostKeyPolicy::Lookup HostKeyPolicy::lookup(const HostKeyInfo& presented) const {
    Lookup result;
    const SshKeyPtr key = importKey(presented);
    if (!key) {
        // A key we cannot even parse is not one we can vouch for.
        result.status = HostKeyStatus::Changed;
        return result;
    }
    const enum ssh_keytypes_e type = ssh_key_type(key.get());
    const QString name = presented.knownHostsName();

    Lookup firstSameType;
    Lookup firstOtherType;
    for (const QString& file : {m_certdeckFile, m_userFile}) {
        for (const Entry& e : entriesFor(file, name)) {
            const bool equal = ssh_key_cmp(e.key.get(), key.get(), SSH_KEY_CMP_PUBLIC) == 0;
            if (e.revoked) {
                if (equal)
                    return Lookup{HostKeyStatus::Changed, file, e.line, typeName(e.key), true};
                continue;
            }
            if (equal && result.line == 0)
                result = Lookup{HostKeyStatus::Known, file, e.line, typeName(e.key), false};
            else if (!equal && ssh_key_type(e.key.get()) == type && firstSameType.line == 0)
                firstSameType = Lookup{HostKeyStatus::Changed, file, e.line, typeName(e.key), false};
            else if (!equal && firstOtherType.line == 0)
                firstOtherType = Lookup{HostKeyStatus::Changed, file, e.line, typeName(e.key), false};
        }
    }
    if (result.line != 0)
        return result;
    // A server that no longer offers the recorded key type is treated like a changed key: the
    // known key cannot vouch for the new one, and a downgrade is what an attacker would try.
    if (firstSameType.line != 0)
        return firstSameType;
    if (firstOtherType.line != 0)
        return firstOtherType;
    return Lookup{};
}

Status HostKeyPolicy::check(const HostKeyInfo& presented) const {
    const Lookup found = lookup(presented);
    const QString name = presented.knownHostsName();
    QString detail = presented.toDetailLine();
    switch (found.status) {
    case HostKeyStatus::Known:
        return {};
    case HostKeyStatus::Unknown: {
        QStringList files;
        for (const QString& f : {m_certdeckFile, m_userFile}) {
            if (!f.isEmpty())
                files << f;
        }
        detail += QStringLiteral("\nnot found for %1 in: %2").arg(name, files.join(QStringLiteral(", ")));
        QString file = presented.typeLabel().toLower();
        if (file == QLatin1String("ecdsa") || file == QLatin1String("ed25519") || file == QLatin1String("rsa"))
            file = QStringLiteral("/etc/ssh/ssh_host_%1_key.pub").arg(file);
        else
            file = QStringLiteral("/etc/ssh/ssh_host_*_key.pub");
        return Error(ErrorCode::HostKeyUnknown,
                     QObject::tr("Certdeck has not connected to %1 before, so it cannot tell yet whether this is "
                                 "really your server. The server presents the %2 host key %3. Compare it with "
                                 "the fingerprint shown on the server itself (ssh-keygen -lf %4) and trust it "
                                 "only if they match.")
                         .arg(name, presented.typeLabel(), presented.fingerprint, file),
                     detail);
    }
    case HostKeyStatus::Changed:
        break;
    }
    detail += QStringLiteral("\nrecorded at %1:%2 (%3)").arg(found.file).arg(found.line).arg(found.recordedType);
    if (found.file.isEmpty())
        return Error(ErrorCode::HostKeyChanged,
                     QObject::tr("The host key presented by %1 cannot be read. Certdeck did not log in.").arg(name),
                     detail);
    const QString advice =
        QObject::tr("If you know the server's keys were changed, check the new fingerprint on the server, then "
                    "remove line %1 from %2 (for example: %3) and connect again.")
            .arg(found.line)
            .arg(found.file, removeHint(name, found.file));
    if (found.revoked)
        return Error(ErrorCode::HostKeyChanged,
                     QObject::tr("The %1 host key %2 of %3 is marked as revoked in %4 (line %5). Certdeck did "
                                 "not log in.")
                         .arg(presented.typeLabel(), presented.fingerprint, name, found.file)
                         .arg(found.line),
                     detail);
    if (found.recordedType == presented.keyType)
        return Error(ErrorCode::HostKeyChanged,
                     QObject::tr("The host key of %1 has changed: the server now presents the %2 key %3, but %4 "
                                 "(line %5) records a different one. This can mean that someone is intercepting "
                                 "the connection (an attack), or that the server was reinstalled or its keys "
                                 "regenerated. Certdeck did not log in. %6")
                         .arg(name, presented.typeLabel(), presented.fingerprint, found.file)
                         .arg(found.line)
                         .arg(advice),
                     detail);
    return Error(ErrorCode::HostKeyChanged,
                 QObject::tr("The host key of %1 has changed: the server now presents the %2 key %3, but %4 (line "
                             "%5) records a key of another type (%6) that the server no longer offers. This can "
                             "mean that someone is intercepting the connection (an attack), or that the server was "
                             "reinstalled or its keys regenerated. Certdeck did not log in. %7")
                     .arg(name, presented.typeLabel(), presented.fingerprint, found.file)
                     .arg(found.line)
                     .arg(found.recordedType, advice),
                 detail);
}

Status HostKeyPolicy::trust(const HostKeyInfo& presented, bool replaceChanged) const {
    if (m_certdeckFile.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("No known_hosts file is set for Certdeck, so the host key cannot be saved."));
    QMutexLocker lock(&writeMutex());
    const Lookup found = lookup(presented);
    if (found.status == HostKeyStatus::Known)
        return {};
    if (found.status == HostKeyStatus::Changed) {
        if (!replaceChanged || found.revoked || found.file.isEmpty())
            return check(presented);
        // Only Certdeck's own file may be edited; a conflicting line in the user's file stays theirs.
        if (!m_userFile.isEmpty() && !entriesFor(m_userFile, presented.knownHostsName()).empty() &&
            QFileInfo(m_userFile) != QFileInfo(m_certdeckFile))
            return Error(
                ErrorCode::HostKeyChanged,
                QObject::tr("The old host key of %1 is recorded in %2, which Certdeck does not change. "
                            "Remove it there (for example: %3) and connect again.")
                    .arg(presented.knownHostsName(), m_userFile, removeHint(presented.knownHostsName(), m_userFile)),
                presented.toDetailLine());
    }

    const QFileInfo info(m_certdeckFile);
    if (!QDir().mkpath(info.absolutePath()))
        return Error(ErrorCode::Io, QObject::tr("Cannot create the folder %1.").arg(info.absolutePath()));
    QByteArray content;
    {
        QFile existing(m_certdeckFile);
        if (existing.exists() && !existing.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Io, QObject::tr("Cannot read %1: %2").arg(m_certdeckFile, existing.errorString()));
        content = existing.isOpen() ? existing.read(maxKnownHostsBytes) : QByteArray();
    }
    if (found.status == HostKeyStatus::Changed) {
        // Drop every line of Certdeck's file that names this host, as `ssh-keygen -R` would.
        const QByteArray host = presented.knownHostsName().toUtf8();
        QList<QByteArray> kept;
        for (const QByteArray& line : content.split('\n')) {
            QByteArray text = line.trimmed();
            text.replace('\t', ' ');
            ssh_knownhosts_entry* raw = nullptr;
            const bool matches = !text.isEmpty() && !text.startsWith('#') && !text.startsWith('@') &&
                                 ssh_known_hosts_parse_line(host.constData(), text.constData(), &raw) == SSH_OK;
            ssh_knownhosts_entry_free(raw);
            if (!matches)
                kept.append(line);
        }
        content = kept.join('\n');
    }
    if (!content.isEmpty() && !content.endsWith('\n'))
        content.append('\n');
    content.append(presented.knownHostsLine().toUtf8());
    content.append('\n');

    QSaveFile out(m_certdeckFile);
    if (!out.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, QObject::tr("Cannot write %1: %2").arg(m_certdeckFile, out.errorString()));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(content);
    if (!out.commit())
        return Error(ErrorCode::Io, QObject::tr("Cannot write %1: %2").arg(m_certdeckFile, out.errorString()));
    qCInfo(lcSsh) << "trusted host key" << presented.fingerprint << "for" << presented.knownHostsName();
    return {};
}

QStringList HostKeyPolicy::knownKeyTypes(const QString& host, int port) const {
    HostKeyInfo probe;
    probe.host = host;
    probe.port = port;
    QStringList out;
    for (const QString& file : {m_certdeckFile, m_userFile}) {
        for (const Entry& e : entriesFor(file, probe.knownHostsName())) {
            const QString t = typeName(e.key);
            if (!e.revoked && !t.isEmpty() && !out.contains(t))
                out << t;
        }
    }
    return out;
}

} // namespace certdeck::ssh
