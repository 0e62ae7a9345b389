// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Secrets.h"

#include "core/common/AtomicFile.h"

#include <QCoroSignal>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QObject>

#include <qt6keychain/keychain.h>

#include <chrono>

namespace certdeck::store {

namespace {

using namespace std::chrono_literals;

/// A Secret Service that does not answer within this time is treated as absent.
constexpr auto kKeychainTimeout = 30s;

Error keychainError(const QKeychain::Job& job, const QString& key) {
    if (job.error() == QKeychain::EntryNotFound)
        return Error(ErrorCode::NotFound, QObject::tr("No secret stored for %1.").arg(key));
    if (job.error() == QKeychain::AccessDeniedByUser || job.error() == QKeychain::AccessDenied)
        return Error(ErrorCode::Permission, QObject::tr("The keychain refused access to the secret for %1.").arg(key),
                     job.errorString());
    return Error(ErrorCode::Store,
                 QObject::tr("The keychain is not available (no Secret Service running?). Unlock or start your "
                             "keyring, or choose the file backend for a headless server."),
                 job.errorString(), key);
}

QJsonObject readJson(const QString& path, Error* error) {
    QFile f(path);
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly)) {
        *error = Error(ErrorCode::Permission, QObject::tr("Cannot read the secrets file %1.").arg(path));
        return {};
    }
    QByteArray data = f.read(4 * 1024 * 1024);
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &pe);
    SecureBytes::wipe(data);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = Error(ErrorCode::Store, QObject::tr("The secrets file %1 is damaged.").arg(path));
        return {};
    }
    return doc.object();
}

} // namespace

Secrets::Secrets(Backend backend, QString where)
    : m_backend(backend)
    , m_where(std::move(where)) {}

Secrets Secrets::keychain(const QString& service) {
    return Secrets(Backend::Keychain, service);
}

Secrets Secrets::file(const QString& path) {
    return Secrets(Backend::File, path);
}

QString Secrets::backendName() const {
    return m_backend == Backend::Keychain ? QStringLiteral("keychain") : QStringLiteral("file");
}

Result<SecureBytes> Secrets::readFile(const QString& key) const {
    Error error;
    const QJsonObject o = readJson(m_where, &error);
    if (error.code != ErrorCode::Unknown)
        return error;
    if (!o.contains(key))
        return Error(ErrorCode::NotFound, QObject::tr("No secret stored for %1.").arg(key));
    return SecureBytes(QByteArray::fromBase64(o.value(key).toString().toLatin1()));
}

Status Secrets::writeFile(const QString& key, const SecureBytes* value) const {
    // Two processes updating the file at once must not lose each other's secret.
    QLockFile lock(m_where + QStringLiteral(".lock"));
    lock.setStaleLockTime(30000);
    if (!lock.tryLock(10000))
        return Error(ErrorCode::Busy, QObject::tr("The secrets file is in use by another Certdeck process."));
    Error error;
    QJsonObject o = readJson(m_where, &error);
    if (error.code != ErrorCode::Unknown)
        return error;
    if (value)
        o.insert(key, QString::fromLatin1(value->bytes().toBase64()));
    else
        o.remove(key);
    QByteArray data = QJsonDocument(o).toJson(QJsonDocument::Compact);
    Status s = writeFileAtomic(m_where, data, 0600);
    SecureBytes::wipe(data);
    return s;
}

QCoro::Task<Result<SecureBytes>> Secrets::read(QString key) const {
    if (m_backend == Backend::File)
        co_return readFile(key);
    QKeychain::ReadPasswordJob job(m_where);
    job.setAutoDelete(false);
    job.setKey(key);
    auto finished = qCoro(&job, &QKeychain::Job::finished, kKeychainTimeout);
    job.start();
    auto done = co_await finished;
    if (!done)
        co_return Error(ErrorCode::Timeout, QObject::tr("The keychain did not answer; is it locked?"), {}, key);
    if (job.error() != QKeychain::NoError)
        co_return keychainError(job, key);
    co_return SecureBytes(job.binaryData());
}

QCoro::Task<Status> Secrets::write(QString key, SecureBytes value) const {
    if (m_backend == Backend::File)
        co_return writeFile(key, &value);
    QKeychain::WritePasswordJob job(m_where);
    job.setAutoDelete(false);
    job.setKey(key);
    job.setBinaryData(value.bytes());
    auto finished = qCoro(&job, &QKeychain::Job::finished, kKeychainTimeout);
    job.start();
    auto done = co_await finished;
    if (!done)
        co_return Error(ErrorCode::Timeout, QObject::tr("The keychain did not answer; is it locked?"), {}, key);
    if (job.error() != QKeychain::NoError)
        co_return keychainError(job, key);
    co_return Status{};
}

QCoro::Task<Status> Secrets::remove(QString key) const {
    if (m_backend == Backend::File)
        co_return writeFile(key, nullptr);
    QKeychain::DeletePasswordJob job(m_where);
    job.setAutoDelete(false);
    job.setKey(key);
    auto finished = qCoro(&job, &QKeychain::Job::finished, kKeychainTimeout);
    job.start();
    auto done = co_await finished;
    if (!done)
        co_return Error(ErrorCode::Timeout, QObject::tr("The keychain did not answer; is it locked?"), {}, key);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        co_return keychainError(job, key);
    co_return Status{};
}

} // namespace certdeck::store
