// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/challenge/LocalWebrootSolver.h"

#include "core/acme/Challenge.h"

#include <QDir>
#include <QFile>
#include <QObject>
#include <QSaveFile>

namespace certdeck::challenge {

LocalWebrootSolver::LocalWebrootSolver(QString webroot)
    : m_webroot(QDir::cleanPath(std::move(webroot))) {}

QString LocalWebrootSolver::description() const {
    return QObject::tr("webroot %1").arg(m_webroot);
}

QString LocalWebrootSolver::tokenPath(const QString& token) const {
    return m_webroot + QStringLiteral("/.well-known/acme-challenge/") + token;
}

QCoro::Task<Status> LocalWebrootSolver::present(const acme::ChallengeTask& task, Progress& progress,
                                                const CancelToken& cancel) {
    Q_UNUSED(cancel);
    // Defence in depth: the client validated the token already, but this is where it becomes a path.
    if (!acme::isValidToken(task.token))
        co_return Error(ErrorCode::Protocol, QObject::tr("Refusing an unsafe challenge token."), task.token.left(80));
    if (!QDir(m_webroot).exists())
        co_return Error(ErrorCode::NotFound,
                        QObject::tr("The webroot %1 does not exist. Give the folder your web server serves for %2.")
                            .arg(m_webroot, task.identifier.value));
    const QString dir = m_webroot + QStringLiteral("/.well-known/acme-challenge");
    if (!QDir().mkpath(dir))
        co_return Error(ErrorCode::Permission,
                        QObject::tr("Cannot create %1: check the folder's permissions.").arg(dir));
    QFile::setPermissions(m_webroot + QStringLiteral("/.well-known"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                              QFile::ReadOther | QFile::ExeOther);
    QSaveFile f(tokenPath(task.token));
    if (!f.open(QIODevice::WriteOnly))
        co_return Error(ErrorCode::Permission, QObject::tr("Cannot write the challenge file into %1.").arg(dir),
                        f.errorString());
    f.write(task.keyAuthorization);
    if (!f.commit())
        co_return Error(ErrorCode::Io, QObject::tr("Cannot write the challenge file into %1.").arg(dir),
                        f.errorString());
    QFile::setPermissions(tokenPath(task.token),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    progress.info(QStringLiteral("present:") + task.identifier.value,
                  QObject::tr("Challenge file for %1 written to %2").arg(task.identifier.value, dir));
    co_return Status{};
}

QCoro::Task<Status> LocalWebrootSolver::cleanUp(const acme::ChallengeTask& task) {
    if (!acme::isValidToken(task.token))
        co_return Status{};
    QFile f(tokenPath(task.token));
    if (f.exists() && !f.remove())
        co_return Error(ErrorCode::Io, QObject::tr("Cannot remove the challenge file %1.").arg(f.fileName()),
                        f.errorString());
    co_return Status{};
}

} // namespace certdeck::challenge
