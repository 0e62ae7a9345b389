// SPDX-License-Identifier: GPL-3.0-or-later
// Figures for issue 5, against the real fixtures on loopback (sshd, nginx with a master process,
// Pebble validating http-01 against nginx):
//  1. issuance through the remote webroot + deploy + verify to one server, one SSH session for the
//     whole job: wall time, time in SSH connection set-up, handshakes per server;
//  2. deploying one certificate to 10 servers (10 nginx instances behind one sshd, one SSH
//     connection each, concurrently) vs to 1: the ratio (target <= 2x).
// Prints figures; asserts nothing about time.
#include "core/acme/AcmeClient.h"
#include "core/challenge/RemoteWebrootSolver.h"
#include "core/deploy/Deployer.h"
#include "core/ssh/SshSession.h"
#include "core/workflow/AccountFiles.h"
#include "core/workflow/IssueCertificate.h"
#include "tests/support/NginxFixture.h"
#include "tests/support/PebbleFixture.h"
#include "tests/support/SshdFixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

using namespace certdeck;

namespace {

QTextStream out(stdout);

[[noreturn]] void die(const QString& what) {
    out << "bench_ssh: " << what << Qt::endl;
    std::exit(1);
}

/// Machine-wide CPU time in use so far (all processes: ours, sshd, sudo, nginx), in ms, from
/// /proc/stat: what ten "servers" sharing this machine's cores compete for.
double busyCpuMs() {
    QFile stat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = stat.readLine().simplified().split(' ');
    // cpu user nice system idle iowait irq softirq steal ...
    double busy = 0;
    for (qsizetype i = 1; i < fields.size() && i <= 8; ++i) {
        if (i != 4 && i != 5)
            busy += fields.at(i).toDouble();
    }
    return busy * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

/// CPU time of this process so far (Certdeck's side: libssh, TLS probes, the event loop), in ms.
double ownCpuMs() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) * 1000.0 + t.tv_usec / 1000.0;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

ssh::SshTarget serverOf(const test::SshdFixture& sshd) {
    ssh::SshTarget t;
    t.host = sshd.host();
    t.port = sshd.port();
    t.user = sshd.user();
    t.identityFile = sshd.clientKeyPath();
    t.useAgent = false;
    t.processConfig = false;
    t.knownHostsFile = sshd.workDir() + QStringLiteral("/certdeck_known_hosts");
    return t;
}

deploy::DeployTarget nginxTarget(const test::NginxFixture& nginx, const ssh::SshTarget& server, const QString& sni) {
    deploy::DeployTarget t;
    t.name = QStringLiteral("nginx-%1").arg(nginx.httpsPort());
    t.server = server;
    t.files = {deploy::DeployFile{deploy::FileContent::FullChain, nginx.tlsCertPath(), 0644},
               deploy::DeployFile{deploy::FileContent::PrivateKey, nginx.tlsKeyPath(), 0600}};
    t.configTest = nginx.testCommand();
    t.reload = nginx.reloadCommand();
    t.verifyHost = QStringLiteral("127.0.0.1");
    t.verifyPort = nginx.httpsPort();
    t.verifyServerName = sni;
    return t;
}

deploy::DeployMaterial freshMaterial(test::NginxFixture& nginx) {
    QByteArray cert;
    QByteArray key;
    QString error;
    if (!nginx.issueCertificate({QStringLiteral("example.test")}, &cert, &key, &error))
        die(error);
    return deploy::DeployMaterial{{*crypto::Certificate::fromPem(cert)}, *crypto::PrivateKey::fromPem(key)};
}

/// sshd as on a server: INFO logging, and a plain login shell (see SshdFixture::Options::plainShell).
test::SshdFixture::Options serverLike() {
    test::SshdFixture::Options o;
    o.logLevel = QStringLiteral("INFO");
    o.plainShell = true;
    return o;
}

void issuanceAndDeploy(int runs) {
    test::SshdFixture sshd(serverLike());
    test::NginxFixture::Options no;
    no.masterProcess = true;
    test::NginxFixture nginx(no);
    QString error;
    if (!sshd.start(&error) || !nginx.start(&error))
        die(error);
    test::PebbleFixture::Options po;
    po.httpPort = nginx.httpPort();
    test::PebbleFixture pebble(po);
    if (!pebble.start(&error))
        die(error);
    const ssh::SshTarget server = serverOf(sshd);
    if (!QCoro::waitFor(ssh::SshSession::trustHostKey(server, sshd.hostKeyFingerprint())))
        die(QStringLiteral("cannot trust the host key"));

    net::HttpClient http;
    if (!http.addTrustedCertificatesFromFile(pebble.listenerCaFile()))
        die(QStringLiteral("pebble CA"));
    acme::AcmeClient client(http);
    QTemporaryDir data;
    Progress progress;
    workflow::AccountOptions ao;
    ao.termsOfServiceAgreed = true;
    workflow::AccountFiles files(data.path());
    if (!QCoro::waitFor(workflow::openAccount(client, files, pebble.directoryUrl(), ao, progress, CancelToken())))
        die(QStringLiteral("account"));

    std::vector<double> wall;
    std::vector<double> setup;
    std::vector<double> handshakesPerJob;
    for (int i = 0; i < runs; ++i) {
        const QString name = QStringLiteral("bench%1.example.test").arg(i);
        const quint64 hs0 = ssh::SshSession::handshakeCount();
        QElapsedTimer clock;
        clock.start();
        auto session = QCoro::waitFor(ssh::SshSession::connect(server));
        if (!session)
            die(session.error().toString());
        const double connectMs = static_cast<double>(clock.elapsed());

        challenge::RemoteWebrootSolver::Options so;
        so.webroot = nginx.webroot();
        so.selfCheckOptions.httpPort = nginx.httpPort();
        so.selfCheckOptions.hostOverrides.insert(name, QStringLiteral("127.0.0.1"));
        challenge::RemoteWebrootSolver solver(*session, so);
        workflow::IssueRequest req;
        req.identifiers = *acme::parseIdentifiers({name});
        req.solvers = {&solver};
        auto issued = QCoro::waitFor(workflow::issueCertificate(client, req, progress, CancelToken()));
        if (!issued)
            die(issued.error().toString() + QStringLiteral(" | ") + issued.error().detail);
        const double issueMs = static_cast<double>(clock.elapsed());

        deploy::Deployer deployer;
        const deploy::DeployMaterial material{issued->chain.certificates, issued->key};
        const deploy::DeployResult r = QCoro::waitFor(
            deployer.deploy(nginxTarget(nginx, server, name), material, progress, CancelToken(), *session));
        if (!r.deployed)
            die(r.error ? r.error->toString() : QStringLiteral("deploy failed"));
        QCoro::waitFor((*session)->disconnect());
        const double total = static_cast<double>(clock.elapsed());
        wall.push_back(total);
        setup.push_back(connectMs);
        handshakesPerJob.push_back(static_cast<double>(ssh::SshSession::handshakeCount() - hs0));
        out << QStringLiteral(
                   "  run %1: total %2 ms (ssh connect %3 ms, issuance incl. self-check %4 ms, deploy+verify "
                   "%5 ms), handshakes %6")
                   .arg(i + 1)
                   .arg(total)
                   .arg(connectMs)
                   .arg(issueMs - connectMs)
                   .arg(total - issueMs)
                   .arg(handshakesPerJob.back())
            << Qt::endl;
    }
    out << QStringLiteral("issuance via remote webroot + deploy + verify, 1 server, %1 runs: median %2 ms, SSH set-up "
                          "median %3 ms (%4 %), handshakes per server per job: %5")
               .arg(runs)
               .arg(median(wall))
               .arg(median(setup))
               .arg(100.0 * median(setup) / median(wall), 0, 'f', 1)
               .arg(*std::max_element(handshakesPerJob.begin(), handshakesPerJob.end()))
        << Qt::endl;
}

/// `deployUser`: log in as the fixture's unprivileged account and write and reload through sudo -n,
/// as a deploy account on a real server does. Otherwise as root (files over SFTP, commands as root).
/// Either way with a plain login shell: on the machine these figures come from, root's ~/.bashrc
/// runs pyenv's hooks, ~0.3 s of CPU per remote command, which ten "servers" sharing two cores
/// would pay ten times over (measured with it: 4.9x).
void fanOut(int runs, bool deployUser) {
    test::SshdFixture::Options so = serverLike();
    so.testUser = deployUser;
    so.sudoForTestUser = deployUser;
    test::SshdFixture sshd(so);
    QString error;
    if (!sshd.start(&error))
        die(error);
    std::vector<std::unique_ptr<test::NginxFixture>> heads;
    for (int i = 0; i < 10; ++i) {
        test::NginxFixture::Options no;
        no.masterProcess = true;
        heads.push_back(std::make_unique<test::NginxFixture>(no));
        if (!heads.back()->start(&error))
            die(error);
    }
    ssh::SshTarget server = serverOf(sshd);
    if (deployUser)
        server.user = sshd.testUser();
    out << (deployUser ? QStringLiteral("10 servers, as an unprivileged deploy user, files and reload through sudo:")
                       : QStringLiteral("10 servers, logged in as root:"))
        << Qt::endl;
    if (!QCoro::waitFor(ssh::SshSession::trustHostKey(server, sshd.hostKeyFingerprint())))
        die(QStringLiteral("cannot trust the host key"));
    deploy::Deployer::Options options;
    options.maxConcurrent = 10;
    deploy::Deployer deployer(options);

    auto timeDeploy = [&](int count, bool full) {
        QList<deploy::DeployTarget> targets;
        for (int i = 0; i < count; ++i) {
            deploy::DeployTarget t =
                nginxTarget(*heads[static_cast<size_t>(i)], server, QStringLiteral("example.test"));
            t.useSudo = deployUser;
            if (!full) {
                // Certdeck's own share: SSH, SFTP upload, backup and rename only, without the
                // server-side nginx -t / reload / TLS verification that all 10 "servers" run on
                // this one machine's cores.
                t.configTest.clear();
                t.reload.clear();
                t.verify = false;
            }
            targets << t;
        }
        const deploy::DeployMaterial material = freshMaterial(*heads[0]);
        const quint64 hs0 = ssh::SshSession::handshakeCount();
        Progress stepsOf;
        const QDateTime started = QDateTime::currentDateTimeUtc();
        const double cpu0 = busyCpuMs();
        const double own0 = ownCpuMs();
        QElapsedTimer clock;
        clock.start();
        const auto results = QCoro::waitFor(deployer.deployAll(targets, material, stepsOf, CancelToken()));
        const double ms = static_cast<double>(clock.elapsed());
        const double cpuPerServer = (busyCpuMs() - cpu0) / count;
        const double ownPerServer = (ownCpuMs() - own0) / count;
        for (const auto& r : results) {
            if (!r.deployed)
                die(r.target + QStringLiteral(": ") + (r.error ? r.error->toString() : QString()));
        }
        const quint64 hs = ssh::SshSession::handshakeCount() - hs0;
        if (qEnvironmentVariableIsSet("BENCH_SSH_STEPS")) {
            // When each server finished each step, in ms from the start: where the time goes.
            for (const deploy::DeployTarget& t : targets) {
                QStringList line;
                for (const ProgressStep& s : stepsOf.steps()) {
                    if (s.id.contains(t.name) && s.state == ProgressStep::State::Done)
                        line << QStringLiteral("%1 +%2")
                                    .arg(s.id.section(QLatin1Char(':'), 2, 2))
                                    .arg(started.msecsTo(s.at));
                }
                out << "    " << t.name << ": " << line.join(QStringLiteral(", ")) << Qt::endl;
            }
        }
        out << QStringLiteral("  %1 to %2 server(s): %3 ms, %4 handshakes, CPU per server %5 ms (whole machine), %6 ms "
                              "(Certdeck)")
                   .arg(full ? QStringLiteral("deploy+reload+verify") : QStringLiteral("upload+install only"))
                   .arg(count)
                   .arg(ms)
                   .arg(hs)
                   .arg(cpuPerServer, 0, 'f', 0)
                   .arg(ownPerServer, 0, 'f', 1)
            << Qt::endl;
        return ms;
    };
    for (bool full : {true, false}) {
        timeDeploy(1, full); // warm-up
        std::vector<double> one;
        std::vector<double> ten;
        for (int i = 0; i < runs; ++i) {
            one.push_back(timeDeploy(1, full));
            ten.push_back(timeDeploy(10, full));
        }
        out << QStringLiteral("%1, one certificate: 1 server median %2 ms, 10 servers median %3 ms, ratio %4x "
                              "(target <= 2x)")
                   .arg(full ? QStringLiteral("deploy+reload+verify") : QStringLiteral("upload+install only"))
                   .arg(median(one))
                   .arg(median(ten))
                   .arg(median(ten) / median(one), 0, 'f', 2)
            << Qt::endl;
    }
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 5;
    // BENCH_SSH_ONLY=issue|sudo|root runs one part.
    const QString only = qEnvironmentVariable("BENCH_SSH_ONLY");
    if (only.isEmpty() || only == QLatin1String("issue"))
        issuanceAndDeploy(runs);
    if (only.isEmpty() || only == QLatin1String("sudo"))
        fanOut(runs, true);
    if (only.isEmpty() || only == QLatin1String("root"))
        fanOut(runs, false);
    return 0;
}
