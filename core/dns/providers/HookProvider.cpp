// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/providers/HookProvider.h"

#include "core/common/Log.h"

#include <QCoroProcess>
#include <QFileInfo>
#include <QObject>
#include <QProcess>
#include <QStandardPaths>

#include <memory>

namespace certdeck::dns {

namespace {

constexpr qsizetype keptOutput = 4096;

} // namespace

HookProvider::HookProvider(HookOptions options)
    : m_options(std::move(options)) {}

QString HookProvider::description() const {
    return QObject::tr("the program %1").arg(QFileInfo(m_options.program).fileName());
}

QCoro::Task<Status> HookProvider::runHook(HookOptions options, QString action, TxtRecord record, CancelToken cancel) {
    if (options.program.isEmpty())
        co_return Error(ErrorCode::InvalidInput, QObject::tr("Choose the program the DNS hook runs."));
    if (cancel.isCancelled())
        co_return Error(ErrorCode::Cancelled, QObject::tr("The operation was cancelled."));
    // Resolved up front: a program that cannot start would otherwise only show up as a wait.
    const QFileInfo info(options.program);
    const QString program = info.isAbsolute() ? (info.isFile() && info.isExecutable() ? info.filePath() : QString())
                                              : QStandardPaths::findExecutable(options.program);
    if (program.isEmpty())
        co_return Error(
            ErrorCode::NotFound,
            QObject::tr("The DNS hook %1 was not found or is not executable: check the path.").arg(options.program));
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CERTDECK_ACTION"), action);
    env.insert(QStringLiteral("CERTDECK_FQDN"), record.fqdn);
    env.insert(QStringLiteral("CERTDECK_VALUE"), record.value);
    env.insert(QStringLiteral("CERTDECK_DOMAIN"), record.domain);
    env.insert(QStringLiteral("CERTDECK_TOKEN"), record.token);
    env.insert(QStringLiteral("CERTDECK_TTL"), QString::number(record.ttl));
    process->setProcessEnvironment(env);
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    // Keep only the tail of the output: a chatty hook must not grow memory without bound.
    auto output = std::make_shared<QByteArray>();
    QProcess* raw = process.get();
    QObject::connect(raw, &QProcess::readyRead, raw, [raw, output] {
        output->append(raw->readAll());
        if (output->size() > keptOutput)
            output->remove(0, output->size() - keptOutput);
    });
    QObject::connect(cancel.notifier(), &detail::CancelState::cancelRequested, raw, [raw] { raw->kill(); });
    qCInfo(lcDns) << "running DNS hook" << options.program << action << record.fqdn;
    process->start(program, options.arguments, QIODevice::ReadOnly);
    auto starting = qCoro(raw).waitForStarted(options.timeout);
    const bool started = co_await starting;
    if (!started)
        co_return Error(ErrorCode::NotFound,
                        QObject::tr("The DNS hook %1 could not be started: check the path and that it is executable.")
                            .arg(options.program),
                        raw->errorString());
    auto finishing = qCoro(raw).waitForFinished(options.timeout);
    const bool finished = co_await finishing;
    output->append(raw->readAll());
    const QString tail = QString::fromLocal8Bit(output->right(keptOutput)).trimmed();
    if (cancel.isCancelled())
        co_return Error(ErrorCode::Cancelled, QObject::tr("The operation was cancelled."));
    if (raw->error() == QProcess::FailedToStart)
        co_return Error(ErrorCode::NotFound,
                        QObject::tr("The DNS hook %1 could not be started: check the path and that it is executable.")
                            .arg(options.program),
                        raw->errorString());
    if (!finished) {
        raw->kill();
        raw->waitForFinished(1000);
        co_return Error(ErrorCode::Timeout,
                        QObject::tr("The DNS hook %1 did not finish within %2 s (%3).")
                            .arg(options.program)
                            .arg(std::chrono::duration_cast<std::chrono::seconds>(options.timeout).count())
                            .arg(action),
                        tail);
    }
    if (raw->exitStatus() != QProcess::NormalExit || raw->exitCode() != 0)
        co_return Error(ErrorCode::Dns,
                        QObject::tr("The DNS hook %1 failed (%2 of %3, exit code %4): %5")
                            .arg(options.program, action, record.fqdn)
                            .arg(raw->exitCode())
                            .arg(tail.section(QLatin1Char('\n'), -1)),
                        tail);
    co_return Status{};
}

QCoro::Task<Status> HookProvider::addTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    const HookOptions options = m_options;
    const QString action = QStringLiteral("present");
    auto task = runHook(options, action, record, cancel);
    auto done = co_await task;
    co_return done;
}

QCoro::Task<Status> HookProvider::removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    const HookOptions options = m_options;
    const QString action = QStringLiteral("cleanup");
    auto task = runHook(options, action, record, cancel);
    auto done = co_await task;
    co_return done;
}

} // namespace certdeck::dns
