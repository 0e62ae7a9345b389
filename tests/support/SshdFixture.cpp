// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/SshdFixture.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMultiMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace certdeck::test {

namespace {

const QString kRunDir = QStringLiteral("/run/sshd");
// Shared by every fixture of every test process: who created /run/sshd and who still needs it.
const QString kRegistry = QStringLiteral("/run/certdeck-sshd-fixture");
const QString kCreatedMarker = QStringLiteral("/run/certdeck-sshd-fixture/created-run-sshd");

/// flock(2) on a file in /run for the duration of a scope: fixtures in parallel test processes.
class RegistryLock {
public:
    RegistryLock() {
        m_fd = ::open("/run/certdeck-sshd-fixture.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0600);
        if (m_fd >= 0)
            ::flock(m_fd, LOCK_EX);
    }
    ~RegistryLock() {
        if (m_fd >= 0)
            ::close(m_fd); // releases the lock
    }
    RegistryLock(const RegistryLock&) = delete;
    RegistryLock& operator=(const RegistryLock&) = delete;

private:
    int m_fd = -1;
};

QString registrationName() {
    static int counter = 0;
    return QStringLiteral("%1.%2").arg(QCoreApplication::applicationPid()).arg(++counter);
}

bool claimRunDir(QString* registration, QString* error) {
    RegistryLock lock;
    QDir().mkpath(kRegistry);
    if (!QFileInfo::exists(kRunDir)) {
        // sshd chroots its pre-auth child there: root-owned, not writable by others.
        if (::mkdir("/run/sshd", 0755) != 0 && errno != EEXIST) {
            if (error)
                *error = QStringLiteral("cannot create /run/sshd (sshd's privilege separation directory): %1")
                             .arg(QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        QFile marker(kCreatedMarker);
        marker.open(QIODevice::WriteOnly);
    }
    *registration = registrationName();
    QFile reg(kRegistry + QLatin1Char('/') + *registration);
    return reg.open(QIODevice::WriteOnly);
}

void releaseRunDir(const QString& registration) {
    RegistryLock lock;
    QFile::remove(kRegistry + QLatin1Char('/') + registration);
    bool inUse = false;
    for (const QString& name : QDir(kRegistry).entryList(QDir::Files)) {
        if (name == QFileInfo(kCreatedMarker).fileName())
            continue;
        const pid_t pid = static_cast<pid_t>(name.section(QLatin1Char('.'), 0, 0).toLongLong());
        if (pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM))
            inUse = true;
        else
            QFile::remove(kRegistry + QLatin1Char('/') + name); // left behind by a crashed run
    }
    if (!inUse && QFileInfo::exists(kCreatedMarker)) {
        QDir().rmdir(kRunDir); // only if empty: never anything that is not ours
        QFile::remove(kCreatedMarker);
    }
    if (!inUse)
        QDir().rmdir(kRegistry); // the lock file stays: removing it would race with a waiting fixture
}

bool runCapture(const QString& program, const QStringList& args, const QByteArray& input, QByteArray* out,
                QString* error, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        if (error)
            *error = QStringLiteral("cannot run %1: %2").arg(program, p.errorString());
        return false;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 %2 failed: %3")
                         .arg(program, args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    if (out)
        *out = p.readAllStandardOutput();
    return true;
}

QByteArray randomAlnum(int n) {
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QByteArray out;
    for (int i = 0; i < n; ++i)
        out.append(alphabet[QRandomGenerator::system()->bounded(static_cast<int>(sizeof alphabet - 1))]);
    return out;
}

} // namespace

SshdFixture::SshdFixture()
    : SshdFixture(Options{}) {}

SshdFixture::SshdFixture(Options options)
    : m_options(options) {}

SshdFixture::~SshdFixture() {
    stop();
}

QString SshdFixture::user() const {
    const passwd* pw = ::getpwuid(::geteuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
}

QString SshdFixture::knownHostsLine() const {
    return QStringLiteral("[127.0.0.1]:%1 %2").arg(m_port).arg(m_hostPublicKey);
}

QString SshdFixture::log() const {
    QFile f(m_dir.filePath(QStringLiteral("sshd.log")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(f.readAll());
}

QString SshdFixture::sftpLog() const {
    QFile f(m_dir.filePath(QStringLiteral("sftp.log")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(f.readAll());
}

int SshdFixture::authRequestCount() const {
    return static_cast<int>(log().count(QLatin1String("userauth-request for user")));
}

int SshdFixture::dropConnections() {
    if (!m_sshd || m_sshd->pid() <= 0)
        return 0;
    // Connection processes call setsid(), so they are not in sshd's process group: find sshd's
    // descendants (monitor and session children) by their parent PIDs.
    QMultiMap<qint64, qint64> children;
    const QStringList procs = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : procs) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so parse after the last ')'.
        const qsizetype close = line.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() > 1)
            children.insert(fields.at(1).toLongLong(), pid);
    }
    QList<qint64> victims;
    QList<qint64> todo{m_sshd->pid()};
    while (!todo.isEmpty()) {
        const qint64 parent = todo.takeFirst();
        for (qint64 child : children.values(parent)) {
            victims << child;
            todo << child;
        }
    }
    int killed = 0;
    for (qint64 pid : victims) {
        if (::kill(static_cast<pid_t>(pid), SIGKILL) == 0)
            ++killed;
    }
    return killed;
}

QList<qint64> SshdFixture::pids() const {
    QList<qint64> out;
    if (m_sshd && m_sshd->pid() > 0)
        out << m_sshd->pid();
    if (m_agent && m_agent->pid() > 0)
        out << m_agent->pid();
    return out;
}

bool SshdFixture::makeHostKey(QString* error) {
    const QString keygen = findBinary(QStringLiteral("ssh-keygen"), QStringLiteral("openssh-client"), error);
    if (keygen.isEmpty())
        return false;
    const QString key = m_dir.filePath(QStringLiteral("ssh_host_ed25519_key"));
    QFile::remove(key);
    QFile::remove(key + QStringLiteral(".pub"));
    if (!runTool(keygen,
                 {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                  QString(), QStringLiteral("-C"), QStringLiteral("certdeck-test-host"), QStringLiteral("-f"), key},
                 error))
        return false;
    QByteArray out;
    if (!runCapture(keygen,
                    {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"), QStringLiteral("-f"),
                     key + QStringLiteral(".pub")},
                    {}, &out, error))
        return false;
    // "256 SHA256:xxxx certdeck-test-host (ED25519)"
    m_hostFingerprint = QString::fromLatin1(out).split(QLatin1Char(' ')).value(1);
    QFile pub(key + QStringLiteral(".pub"));
    if (!pub.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> fields = pub.readAll().trimmed().split(' ');
    m_hostPublicKey = QString::fromLatin1(fields.value(0) + ' ' + fields.value(1));
    if (!m_hostFingerprint.startsWith(QLatin1String("SHA256:"))) {
        if (error)
            *error = QStringLiteral("unexpected ssh-keygen -l output: %1").arg(QString::fromLatin1(out));
        return false;
    }
    return true;
}

bool SshdFixture::makeKeys(QString* error) {
    const QString keygen = findBinary(QStringLiteral("ssh-keygen"), QStringLiteral("openssh-client"), error);
    if (keygen.isEmpty() || !makeHostKey(error))
        return false;
    m_passphrase = randomAlnum(20);
    const auto gen = [&](const QString& path, const QByteArray& passphrase) {
        return runTool(keygen,
                       {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                        QString::fromLatin1(passphrase), QStringLiteral("-C"), QStringLiteral("certdeck-test-client"),
                        QStringLiteral("-f"), path},
                       error);
    };
    if (!gen(clientKeyPath(), {}) || !gen(passphraseKeyPath(), m_passphrase) || !gen(unauthorizedKeyPath(), {}))
        return false;
    QByteArray keys;
    for (const QString& k : {clientKeyPath(), passphraseKeyPath()}) {
        QFile pub(k + QStringLiteral(".pub"));
        if (!pub.open(QIODevice::ReadOnly))
            return false;
        keys += pub.readAll();
    }
    QFile auth(m_dir.filePath(QStringLiteral("authorized_keys")));
    if (!auth.open(QIODevice::WriteOnly) || auth.write(keys) != keys.size())
        return false;
    auth.close();
    // sshd reads authorized_keys as the user logging in (the test user too).
    auth.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                        QFileDevice::ReadOther);
    return true;
}

bool SshdFixture::makeTestUser(QString* error) {
    // A uid/gid nobody uses on this machine (and the next gid for the sudo group).
    for (uint id = 64100; id < 65000; ++id) {
        if (!::getpwuid(id) && !::getgrgid(id) && !::getgrgid(id + 1)) {
            m_testUid = id;
            break;
        }
    }
    const uint sudoGid = m_testUid + 1;
    if (m_testUid == 0) {
        if (error)
            *error = QStringLiteral("no free uid for the test user");
        return false;
    }
    m_testPassword = randomAlnum(16);
    QByteArray hash;
    if (!runCapture(findBinary(QStringLiteral("openssl"), QStringLiteral("openssl"), error),
                    {QStringLiteral("passwd"), QStringLiteral("-6"), QStringLiteral("-stdin")}, m_testPassword + '\n',
                    &hash, error))
        return false;
    const QString home = testUserHome();
    QDir().mkpath(home);
    if (::chown(QFile::encodeName(home).constData(), m_testUid, m_testUid) != 0) {
        if (error)
            *error = QStringLiteral("cannot chown %1").arg(home);
        return false;
    }
    const auto copyWith = [&](const QString& from, const QString& name, const QByteArray& line, bool secret) {
        QFile in(from);
        if (!in.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("cannot read %1: %2").arg(from, in.errorString());
            return false;
        }
        QByteArray content = in.readAll();
        if (!content.isEmpty() && !content.endsWith('\n'))
            content.append('\n');
        content.append(line).append('\n');
        QFile out(m_dir.filePath(name));
        if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size())
            return false;
        out.setPermissions(secret ? (QFileDevice::ReadOwner | QFileDevice::WriteOwner)
                                  : (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                     QFileDevice::ReadOther));
        return true;
    };
    const QByteArray name = testUser().toLatin1();
    const QByteArray id = QByteArray::number(m_testUid);
    // Last password change today, so sshd without PAM does not consider it expired.
    const QByteArray today = QByteArray::number(QDateTime::currentSecsSinceEpoch() / 86400);
    return copyWith(QStringLiteral("/etc/passwd"), QStringLiteral("passwd"),
                    name + ":x:" + id + ':' + id + ":Certdeck test:" + QFile::encodeName(home) + ":/bin/sh", false) &&
           copyWith(QStringLiteral("/etc/shadow"), QStringLiteral("shadow"),
                    name + ':' + hash.trimmed() + ':' + today + ":0:99999:7:::", true) &&
           copyWith(QStringLiteral("/etc/group"), QStringLiteral("group"),
                    name + ":x:" + id + ':' +
                        (m_options.sudoForTestUser
                             ? "\n" + sudoGroup().toLatin1() + ":x:" + QByteArray::number(sudoGid) + ':' + name
                             : QByteArray()),
                    false);
}

bool SshdFixture::writeConfig(QString* error) {
    QString subsystem = QStringLiteral("internal-sftp");
    if (m_options.sftpLog) {
        const QString server =
            findBinary(QStringLiteral("/usr/lib/openssh/sftp-server"), QStringLiteral("openssh-sftp-server"), error);
        if (server.isEmpty())
            return false;
        // sshd runs an external subsystem through the user's shell, so the redirection works. The
        // log is world-writable because the test user's sftp-server appends to it too.
        const QString log = m_dir.filePath(QStringLiteral("sftp.log"));
        QFile f(log);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.close();
        ::chmod(QFile::encodeName(log).constData(), 0666);
        subsystem = QStringLiteral("%1 -e -l INFO 2>>'%2'").arg(server, log);
    }
    QFile cfg(m_dir.filePath(QStringLiteral("sshd_config")));
    if (!cfg.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write sshd_config: %1").arg(cfg.errorString());
        return false;
    }
    const QString text =
        QStringLiteral("Port %1\n"
                       "ListenAddress 127.0.0.1\n"
                       "AddressFamily inet\n"
                       "HostKey %2\n"
                       "PidFile %3\n"
                       "AuthorizedKeysFile %4\n"
                       "StrictModes no\n"
                       "UsePAM no\n"
                       "PermitRootLogin yes\n"
                       "PubkeyAuthentication yes\n"
                       "PasswordAuthentication yes\n"
                       "KbdInteractiveAuthentication no\n"
                       "PermitEmptyPasswords no\n"
                       "Subsystem sftp %5\n"
                       "LogLevel %6\n"
                       "MaxStartups 100:30:200\n"
                       "MaxSessions 50\n"
                       "MaxAuthTries 20\n"
                       "UseDNS no\n"
                       "PrintMotd no\n"
                       "PrintLastLog no\n"
                       "X11Forwarding no\n"
                       "AllowTcpForwarding no\n"
                       "AllowAgentForwarding no\n"
                       "%7")
            .arg(m_port)
            .arg(m_dir.filePath(QStringLiteral("ssh_host_ed25519_key")), m_dir.filePath(QStringLiteral("sshd.pid")),
                 m_dir.filePath(QStringLiteral("authorized_keys")), subsystem, m_options.logLevel,
                 m_options.plainShell ? QStringLiteral("SetEnv SHLVL=1\n") : QString());
    return cfg.write(text.toUtf8()) > 0;
}

bool SshdFixture::startSshd(QString* error) {
    const QString sshd = findBinary(QStringLiteral("/usr/sbin/sshd"), QStringLiteral("openssh-server"), error);
    if (sshd.isEmpty())
        return false;
    // -E rather than -e: with -e, DEBUG1 lines a session child logs between fork and exec land on
    // the channel's stderr and mix with the command's own error output.
    const QStringList sshdArgs{sshd,
                               QStringLiteral("-D"),
                               QStringLiteral("-E"),
                               m_dir.filePath(QStringLiteral("sshd.log")),
                               QStringLiteral("-f"),
                               m_dir.filePath(QStringLiteral("sshd_config"))};
    m_sshd = std::make_unique<ServerProcess>(QStringLiteral("sshd"), m_dir.filePath(QStringLiteral("sshd.log")));
    bool started = false;
    if (m_options.testUser) {
        const QString unshare = findBinary(QStringLiteral("unshare"), QStringLiteral("util-linux"), error);
        if (unshare.isEmpty())
            return false;
        // unshare and sh exec in place, so the PID ServerProcess stops is sshd's. The file names are
        // positional parameters, never part of the script text.
        QStringList args{QStringLiteral("--mount"),
                         QStringLiteral("--propagation"),
                         QStringLiteral("private"),
                         QStringLiteral("--"),
                         QStringLiteral("/bin/sh"),
                         QStringLiteral("-c"),
                         QStringLiteral("mount --bind \"$1\" /etc/passwd && mount --bind \"$2\" /etc/shadow && "
                                        "mount --bind \"$3\" /etc/group && shift 3 && exec \"$@\""),
                         QStringLiteral("sh"),
                         m_dir.filePath(QStringLiteral("passwd")),
                         m_dir.filePath(QStringLiteral("shadow")),
                         m_dir.filePath(QStringLiteral("group"))};
        args << sshdArgs;
        started = m_sshd->start(unshare, args, QProcessEnvironment::systemEnvironment(), error);
    } else {
        started = m_sshd->start(sshd, sshdArgs.mid(1), QProcessEnvironment::systemEnvironment(), error);
    }
    if (!started || !m_sshd->waitForTcp(m_port, std::chrono::seconds(20), error))
        return false;
    // Accepting TCP is not enough for a clean start of the test: wait for sshd's own word.
    return m_sshd->waitForLog(QStringLiteral("Server listening on 127.0.0.1 port %1").arg(m_port),
                              std::chrono::seconds(10), error);
}

bool SshdFixture::startAgent(QString* error) {
    const QString agent = findBinary(QStringLiteral("ssh-agent"), QStringLiteral("openssh-client"), error);
    const QString add = findBinary(QStringLiteral("ssh-add"), QStringLiteral("openssh-client"), error);
    if (agent.isEmpty() || add.isEmpty())
        return false;
    // Debian's ssh-agent is setgid, and exec of a setgid binary clears PR_SET_PDEATHSIG: a crashed
    // test would leave it running. A private copy without the setgid bit keeps the guarantee.
    const QString agentCopy = m_dir.filePath(QStringLiteral("ssh-agent"));
    if (!QFile::exists(agentCopy) && !QFile::copy(agent, agentCopy)) {
        if (error)
            *error = QStringLiteral("cannot copy %1 to %2").arg(agent, agentCopy);
        return false;
    }
    QFile::setPermissions(agentCopy, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_agent = std::make_unique<ServerProcess>(QStringLiteral("ssh-agent"), m_dir.filePath(QStringLiteral("agent.log")));
    if (!m_agent->start(agentCopy, {QStringLiteral("-D"), QStringLiteral("-a"), agentSocket()},
                        QProcessEnvironment::systemEnvironment(), error))
        return false;
    QDeadlineTimer deadline(std::chrono::seconds(10));
    while (!QFileInfo::exists(agentSocket())) {
        if (deadline.hasExpired() || !m_agent->isRunning()) {
            if (error)
                *error = QStringLiteral("ssh-agent did not create its socket. Its log:\n%1").arg(m_agent->log());
            return false;
        }
        QThread::msleep(20);
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SSH_AUTH_SOCK"), agentSocket());
    // The socket exists from bind(); connections are refused until the agent's listen(), which a
    // loaded machine can delay.
    while (true) {
        QString addError;
        if (runCapture(add, {clientKeyPath()}, {}, nullptr, &addError, env))
            return true;
        if (deadline.hasExpired() || !addError.contains(QLatin1String("Connection refused"))) {
            if (error)
                *error = addError;
            return false;
        }
        QThread::msleep(20);
    }
}

bool SshdFixture::installSudoRule(QString* error) {
    const QString visudo = findBinary(QStringLiteral("/usr/sbin/visudo"), QStringLiteral("sudo"), error);
    if (visudo.isEmpty() || findBinary(QStringLiteral("/usr/bin/sudo"), QStringLiteral("sudo"), error).isEmpty())
        return false;
    const QString dropIns = QStringLiteral("/etc/sudoers.d");
    const QString prefix = QStringLiteral("certdeck-fixture-");
    RegistryLock lock;
    // Rules left by a test process that crashed before stop(): its PID is gone.
    for (const QString& name : QDir(dropIns).entryList({prefix + QLatin1Char('*')}, QDir::Files | QDir::Hidden)) {
        const pid_t pid = static_cast<pid_t>(name.mid(prefix.size()).section(QLatin1Char('-'), 0, 0).toLongLong());
        if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH)
            QFile::remove(dropIns + QLatin1Char('/') + name);
    }
    // Validated in the fixture's folder first: a broken file in /etc/sudoers.d breaks sudo for everyone.
    const QString draft = m_dir.filePath(QStringLiteral("sudoers"));
    // For a group that exists only in the namespaces of fixtures with this option: a fixture without
    // it in the same process has a test user of the same name, who must stay without sudo; a rule
    // left behind grants nothing on the machine itself.
    const QByteArray rule = "%" + sudoGroup().toLatin1() + " ALL=(ALL:ALL) NOPASSWD: ALL\n";
    {
        QFile f(draft);
        if (!f.open(QIODevice::WriteOnly) || f.write(rule) != rule.size()) {
            if (error)
                *error = QStringLiteral("cannot write %1").arg(draft);
            return false;
        }
    }
    ::chmod(QFile::encodeName(draft).constData(), 0440);
    if (!runCapture(visudo, {QStringLiteral("-cf"), draft}, {}, nullptr, error))
        return false;
    static int counter = 0;
    const QString name = prefix + QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    // sudo skips files whose names contain a dot, so the temporary name is inert until the rename.
    const QString temporary = dropIns + QStringLiteral("/.") + name + QStringLiteral(".tmp");
    const QString target = dropIns + QLatin1Char('/') + name;
    QFile::remove(temporary);
    if (!QFile::copy(draft, temporary) || ::chmod(QFile::encodeName(temporary).constData(), 0440) != 0 ||
        ::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(target).constData()) != 0) {
        QFile::remove(temporary);
        if (error)
            *error = QStringLiteral("cannot install the sudoers rule %1").arg(target);
        return false;
    }
    m_sudoersFile = target;
    return true;
}

void SshdFixture::removeSudoRule() {
    if (m_sudoersFile.isEmpty())
        return;
    QFile::remove(m_sudoersFile);
    m_sudoersFile.clear();
}

bool SshdFixture::start(QString* error) {
    if (!m_dir.isValid()) {
        if (error)
            *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    // Traversable (not listable) by the test user, who reads authorized_keys and its home here.
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                            QFileDevice::ExeGroup | QFileDevice::ExeOther);
    QString registration;
    if (!claimRunDir(&registration, error))
        return false;
    m_runDirClaimed = true;
    m_registration = registration;
    m_port = freePort();
    return makeKeys(error) && (!m_options.testUser || makeTestUser(error)) &&
           (!m_options.testUser || !m_options.sudoForTestUser || installSudoRule(error)) && writeConfig(error) &&
           startAgent(error) && startSshd(error);
}

bool SshdFixture::regenerateHostKey(QString* error) {
    if (m_sshd)
        m_sshd->stop();
    return makeHostKey(error) && startSshd(error);
}

void SshdFixture::stop() {
    m_sshd.reset();
    m_agent.reset();
    removeSudoRule();
    if (m_runDirClaimed) {
        releaseRunDir(m_registration);
        m_runDirClaimed = false;
    }
}

} // namespace certdeck::test
