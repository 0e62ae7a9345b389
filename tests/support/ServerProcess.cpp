// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ServerProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUdpSocket>

#include <csignal>
#include <set>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace certdeck::test {

namespace {

/// Where fixture ports come from: outside the kernel's ephemeral range, so that a port handed out
/// here but bound only now and then (Pebble's http-01 port, bound by a responder during each
/// order) is never taken in between as the source port of some connection on the machine.
std::pair<int, int> fixturePortRange() {
    int low = 32768;
    int high = 60999;
    QFile range(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (range.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> bounds = range.readAll().simplified().split(' ');
        if (bounds.size() == 2) {
            low = bounds.at(0).toInt();
            high = bounds.at(1).toInt();
        }
    }
    if (low - 1 - 10000 >= 5000)
        return {10000, low - 1};
    if (65535 - (high + 1) >= 5000)
        return {high + 1, 65535};
    return {20000, 60000};
}

} // namespace

quint16 freePort(bool alsoUdp) {
    static std::set<quint16> handedOut;
    static const std::pair<int, int> range = fixturePortRange();
    static int next = range.first + QRandomGenerator::global()->bounded(range.second - range.first + 1);
    for (int tries = 0; tries < 2000; ++tries) {
        const auto port = static_cast<quint16>(next++);
        if (next > range.second)
            next = range.first;
        if (handedOut.count(port))
            continue;
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, port))
            continue;
        if (alsoUdp) {
            QUdpSocket udp;
            if (!udp.bind(QHostAddress::LocalHost, port))
                continue;
        }
        handedOut.insert(port);
        return port;
    }
    qFatal("no free loopback port");
}

QString findBinary(const QString& name, const QString& package, QString* error) {
    QString path = name.startsWith(QLatin1Char('/')) ? (QFileInfo(name).isExecutable() ? name : QString())
                                                     : QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    if (path.isEmpty() && error)
        *error = QStringLiteral("%1 is not installed: install the Debian package '%2' (installer/setup.sh deps does)")
                     .arg(name, package);
    return path;
}

ServerProcess::ServerProcess(QString name, QString logPath)
    : m_name(std::move(name))
    , m_logPath(std::move(logPath)) {}

ServerProcess::~ServerProcess() {
    stop();
}

bool ServerProcess::start(const QString& program, const QStringList& args, const QProcessEnvironment& env,
                          QString* error, const QString& workDir) {
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(program);
    m_process->setArguments(args);
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_logPath, QIODevice::Append);
    m_process->setStandardInputFile(QProcess::nullDevice());
    if (!workDir.isEmpty())
        m_process->setWorkingDirectory(workDir);
    const pid_t parent = ::getpid();
    m_process->setChildProcessModifier([parent] {
        // Die with the test process, even if it crashes before the destructor runs. If the test
        // died between fork and prctl, the signal will never come: the child is already orphaned
        // (re-parented), so it must not start at all.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127);
        ::setsid();
    });
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        if (error)
            *error = QStringLiteral("%1 did not start: %2").arg(m_name, m_process->errorString());
        return false;
    }
    return true;
}

bool ServerProcess::isRunning() const {
    return m_process && m_process->state() == QProcess::Running;
}

qint64 ServerProcess::pid() const {
    return m_process ? m_process->processId() : 0;
}

QString ServerProcess::log() const {
    QFile f(m_logPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(f.readAll().right(8000));
}

bool ServerProcess::waitForTcp(quint16 port, std::chrono::milliseconds timeout, QString* error) {
    QDeadlineTimer deadline(timeout);
    while (!deadline.hasExpired()) {
        if (!isRunning()) {
            if (error)
                *error = QStringLiteral("%1 exited early. Its log:\n%2").arg(m_name, log());
            return false;
        }
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(200))
            return true;
        QThread::msleep(20);
    }
    if (error)
        *error = QStringLiteral("%1 did not listen on port %2 in time. Its log:\n%3").arg(m_name).arg(port).arg(log());
    return false;
}

bool ServerProcess::waitForLog(const QString& needle, std::chrono::milliseconds timeout, QString* error) {
    QDeadlineTimer deadline(timeout);
    while (!deadline.hasExpired()) {
        if (log().contains(needle))
            return true;
        if (!isRunning())
            break;
        QThread::msleep(20);
    }
    if (error)
        *error = QStringLiteral("%1 did not log '%2' in time. Its log:\n%3").arg(m_name, needle, log());
    return false;
}

void ServerProcess::stop() {
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        m_process.reset();
        return;
    }
    const auto pid = static_cast<pid_t>(m_process->processId());
    // By its own PID (and its process group, which it leads after setsid: sshd's session children).
    ::kill(pid, SIGTERM);
    if (!m_process->waitForFinished(3000)) {
        ::kill(-pid, SIGKILL);
        ::kill(pid, SIGKILL);
        m_process->waitForFinished(3000);
    }
    ::kill(-pid, SIGKILL); // leftovers in its group, if any
    m_process.reset();
}

bool runTool(const QString& program, const QStringList& args, QString* error, const QString& workDir,
             const QByteArray& stdinData) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        if (error)
            *error = QStringLiteral("cannot run %1: %2").arg(program, p.errorString());
        return false;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 %2 failed: %3")
                         .arg(program, args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

} // namespace certdeck::test
