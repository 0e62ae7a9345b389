// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/challenge/RemoteWebrootSolver.h"

#include "core/acme/Challenge.h"
#include "core/common/Async.h"
#include "core/ssh/SshSession.h"
#include "core/ssh/SudoFiles.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QObject>

namespace certdeck::challenge {

namespace {

QString cleanRemotePath(const QString& path) {
    QString p = path;
    while (p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    return p;
}

QStringList addressesOf(const QString& host) {
    if (!QHostAddress(host).isNull())
        return {host};
    QStringList out;
    for (const QHostAddress& a : QHostInfo::fromName(host).addresses())
        out << a.toString();
    return out;
}

/// Writes the token file as root: staging folder of the login user, then `sudo -n install`.
QCoro::Task<Status> writeThroughSudo(std::shared_ptr<ssh::SshSession> session, QString webroot, QString dir,
                                     QString path, QByteArray content, CancelToken cancel) {
    ssh::SudoFiles sudo(session);
    const QString purpose = QObject::tr("writing the challenge file into %1").arg(webroot);
    auto checkTask = sudo.check(purpose, cancel);
    auto allowed = co_await checkTask;
    if (!allowed)
        co_return allowed.error();
    auto statTask = sudo.stat(webroot, cancel);
    auto root = co_await statTask;
    if (!root)
        co_return root.error();
    if (!root->exists || !root->isDirectory)
        co_return Error(ErrorCode::NotFound, QObject::tr("The webroot %1 does not exist on %2. Give the folder the web "
                                                         "server serves (its root).")
                                                 .arg(webroot, session->target().displayName()));
    auto mkdirTask = sudo.mkdirs(dir, 0755, cancel);
    auto made = co_await mkdirTask;
    if (!made)
        co_return made.error();
    auto stagingTask = sudo.makeStagingDir(cancel);
    auto staging = co_await stagingTask;
    if (!staging)
        co_return staging.error();
    const QString stagingDir = *staging;
    const QString name = QStringLiteral("token");
    const SecureBytes data(content);
    auto uploadTask = sudo.upload(stagingDir, name, data);
    auto uploaded = co_await uploadTask;
    Status result;
    if (!uploaded) {
        result = uploaded.error();
    } else {
        const QString from = *uploaded;
        const QString none;
        auto installTask = sudo.install(from, path, 0644, none, none, cancel);
        result = co_await installTask;
    }
    auto dropTask = sudo.removeStagingDir(stagingDir);
    auto dropped = co_await dropTask;
    Q_UNUSED(dropped);
    co_return result;
}

QCoro::Task<Status> removeTokenFile(std::shared_ptr<ssh::SshSession> session, QString path, bool useSudo) {
    if (useSudo) {
        ssh::SudoFiles sudo(session);
        auto task = sudo.remove(path);
        auto removed = co_await task;
        co_return removed;
    }
    ssh::SftpClient sftp = session->sftp();
    auto task = sftp.remove(path);
    auto removed = co_await task;
    co_return removed;
}

} // namespace

RemoteWebrootSolver::RemoteWebrootSolver(std::shared_ptr<ssh::SshSession> session, Options options)
    : m_session(std::move(session))
    , m_options(std::move(options)) {
    m_options.webroot = cleanRemotePath(m_options.webroot);
}

RemoteWebrootSolver::~RemoteWebrootSolver() = default;

QString RemoteWebrootSolver::description() const {
    return QObject::tr("webroot %1 on %2")
        .arg(m_options.webroot, m_session ? m_session->target().displayName() : QStringLiteral("?"));
}

QString RemoteWebrootSolver::tokenPath(const QString& token) const {
    return m_options.webroot + QStringLiteral("/.well-known/acme-challenge/") + token;
}

QCoro::Task<Status> RemoteWebrootSolver::present(const acme::ChallengeTask& task, Progress& progress,
                                                 const CancelToken& cancel) {
    // Defence in depth: the client validated the token already, but here it becomes a remote path.
    if (!acme::isValidToken(task.token))
        co_return Error(ErrorCode::Protocol, QObject::tr("Refusing an unsafe challenge token."), task.token.left(80));
    if (!m_session || !m_session->isConnected())
        co_return Error(ErrorCode::Ssh, QObject::tr("Not connected to the server that holds the webroot."));
    if (!m_options.webroot.startsWith(QLatin1Char('/')))
        co_return Error(
            ErrorCode::InvalidInput,
            QObject::tr("The webroot \"%1\" must be an absolute path on the server.").arg(m_options.webroot));
    const QString server = m_session->target().displayName();
    const QString stepId = QStringLiteral("present:") + task.identifier.value;

    const QString dir = m_options.webroot + QStringLiteral("/.well-known/acme-challenge");
    const QString path = tokenPath(task.token);
    const QByteArray content = task.keyAuthorization;
    if (m_options.useSudo) {
        const QString webroot = m_options.webroot;
        auto writeJob = writeThroughSudo(m_session, webroot, dir, path, content, cancel);
        auto written = co_await writeJob;
        if (!written)
            co_return written.error();
    } else {
        ssh::SftpClient sftp = m_session->sftp();
        auto statJob = sftp.stat(m_options.webroot);
        auto root = co_await statJob;
        if (!root)
            co_return root.error();
        if (!root->exists || !root->isDirectory)
            co_return Error(ErrorCode::NotFound,
                            QObject::tr("The webroot %1 does not exist on %2. Give the folder the web server serves "
                                        "for %3 (its root).")
                                .arg(m_options.webroot, server, task.identifier.value));
        auto mkdirJob = sftp.mkdirs(dir, 0755);
        auto made = co_await mkdirJob;
        if (!made)
            co_return made.error();
        auto writeJob = sftp.writeFileAtomic(path, content, 0644);
        auto written = co_await writeJob;
        if (!written)
            co_return written.error();
    }
    progress.info(stepId,
                  QObject::tr("Challenge file for %1 written to %2 on %3").arg(task.identifier.value, dir, server));

    if (!m_options.selfCheck)
        co_return Status{};
    SelfCheck::Options checkOptions = m_options.selfCheckOptions;
    if (m_options.compareAddresses && checkOptions.expectedAddresses.isEmpty()) {
        const QString host = m_session->host();
        auto resolveJob = runWaiting([host] { return addressesOf(host); });
        const QStringList addresses = co_await resolveJob;
        // A tunnel or jump host on loopback says nothing about where the site lives.
        bool loopback = addresses.isEmpty();
        for (const QString& a : addresses)
            loopback = loopback || QHostAddress(a).isLoopback();
        if (!loopback)
            checkOptions.expectedAddresses = addresses;
    }
    progress.report(stepId, QObject::tr("Checking that %1 serves the challenge file").arg(task.identifier.value));
    const SelfCheck check(checkOptions);
    const SelfCheck::Expectation expectation{task.identifier.value, task.token, task.keyAuthorization,
                                             QObject::tr("%1 on %2").arg(path, server)};
    auto checkJob = check.check(expectation, cancel);
    auto checked = co_await checkJob;
    if (!checked) {
        // present() failed, so nobody will call cleanUp(): remove the file here.
        auto removeJob = removeTokenFile(m_session, path, m_options.useSudo);
        auto removed = co_await removeJob;
        Q_UNUSED(removed);
        progress.failed(stepId, checked.error().userMessage);
        co_return checked.error().withContext(QObject::tr("Self-check of %1").arg(task.identifier.value));
    }
    progress.done(stepId, QObject::tr("%1 serves the challenge file").arg(task.identifier.value));
    co_return Status{};
}

QCoro::Task<Status> RemoteWebrootSolver::cleanUp(const acme::ChallengeTask& task) {
    if (!acme::isValidToken(task.token) || !m_session)
        co_return Status{};
    const QString path = tokenPath(task.token);
    auto job = removeTokenFile(m_session, path, m_options.useSudo);
    auto removed = co_await job;
    co_return removed;
}

} // namespace certdeck::challenge
