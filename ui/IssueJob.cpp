// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/IssueJob.h"

#include "core/acme/AcmeClient.h"
#include "core/acme/Identifier.h"
#include "core/challenge/Dns01Solver.h"
#include "core/challenge/LocalWebrootSolver.h"
#include "core/challenge/RemoteWebrootSolver.h"
#include "core/challenge/StandaloneSolver.h"
#include "core/common/Async.h"
#include "core/dns/providers/DnsProviderFactory.h"
#include "core/net/HttpClient.h"
#include "core/ssh/SshSession.h"
#include "core/store/StoreExecutor.h"
#include "core/workflow/AccountFiles.h"
#include "core/workflow/CertificateFiles.h"
#include "core/workflow/IssueCertificate.h"
#include "core/workflow/LineageDeployment.h"
#include "core/workflow/Sandbox.h"
#include "core/workflow/ServerLogin.h"
#include "core/workflow/StoreLineage.h"
#include "ui/SandboxService.h"
#include "ui/WizardManualDnsSolver.h"

#include <QCoroFuture>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QSettings>

namespace certdeck::ui {

IssueJob::IssueJob(IssuanceSettings settings, SandboxService* sandbox, QString dataDir, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_sandbox(sandbox)
    , m_dataDir(std::move(dataDir)) {}

IssueJob::~IssueJob() {
    // Deleting a running job would free what its coroutine still uses; abandon() exists for that.
    Q_ASSERT(!m_running);
}

namespace {
// dns-01 through a chosen authoritative server: ask it directly, no recursion (as the CLI's
// --dns-resolver does).
challenge::Dns01Options dns01Options(const QString& resolver) {
    challenge::Dns01Options options;
    if (resolver.isEmpty())
        return options;
    auto server = dns::NameServer::parse(resolver);
    if (!server)
        return options;
    options.resolver.servers = {*server};
    options.resolver.recursionDesired = false;
    options.resolver.authoritativePort = server->port;
    options.propagation.resolver = options.resolver;
    options.propagation.servers = {*server};
    return options;
}

// Reads one secret; an empty key reads nothing. `secrets` lives in this frame until the read is done.
QCoro::Task<Result<SecureBytes>> readSecret(store::Secrets secrets, QString key) {
    if (key.isEmpty())
        co_return SecureBytes();
    auto task = secrets.read(key);
    const Result<SecureBytes> value = co_await task;
    co_return value;
}

// Writes one secret; `secrets` lives in this frame until the write is done. Failures only logged
// by the caller's choice (here: ignored, see rememberEab).
QCoro::Task<Status> writeSecret(store::Secrets secrets, QString key, SecureBytes value) {
    auto task = secrets.write(key, value);
    const Status written = co_await task;
    co_return written;
}

Error noStore() {
    return Error(ErrorCode::InvalidInput,
                 QCoreApplication::translate("IssueJob", "This window has no data folder to read servers and DNS "
                                                         "providers from."));
}
} // namespace

ssh::SshTarget IssueJob::sshTargetFor(const store::ServerRecord& server, const QString& dataDir) {
    // The same endpoint renewals and `certdeck-cli deploy` use.
    return workflow::sshTargetFor(server, dataDir);
}

QCoro::Task<Result<ssh::AuthOptions>> IssueJob::authFor(store::StoreExecutor* executor, store::ServerRecord server) {
    if (!executor)
        co_return ssh::AuthOptions();
    auto secretsJob = executor->run([](store::Store& s) { return Result<store::Secrets>(s.secrets()); });
    const Result<store::Secrets> secrets = co_await secretsJob;
    if (!secrets)
        co_return secrets.error();
    // The same login as deployments and renewals: the keychain read happens here, on this thread.
    auto login = workflow::serverLogin(*secrets, server);
    auto auth = co_await login;
    co_return auth;
}

void IssueJob::checkPropagationNow() {
    if (m_manualDns)
        m_manualDns->checkNow();
}

void IssueJob::continueWithoutPropagation() {
    if (m_manualDns)
        m_manualDns->continueAnyway();
}

QCoro::Task<Status> IssueJob::prepareSolver(std::shared_ptr<workflow::Sandbox> sandbox) {
    m_solver.reset();
    m_manualDns = nullptr;
    m_provider.reset();
    m_providerHttp.reset();
    m_session.reset();
    switch (m_settings.method) {
    case ChallengeMethod::BuiltIn:
        if (sandbox)
            m_solver = std::make_unique<challenge::StandaloneSolver>(QHostAddress(QHostAddress::LocalHost),
                                                                     sandbox->httpPort());
        else
            m_solver = std::make_unique<challenge::StandaloneSolver>(QHostAddress(QHostAddress::Any), quint16(80));
        co_return Status();
    case ChallengeMethod::LocalWebroot:
        m_solver = std::make_unique<challenge::LocalWebrootSolver>(m_settings.webroot);
        co_return Status();
    case ChallengeMethod::RemoteWebroot:
        break;
    case ChallengeMethod::Dns01:
        break;
    }
    if (m_settings.isManualDns()) {
        auto manual = std::make_unique<WizardManualDnsSolver>(dns01Options(m_settings.dnsResolver));
        m_manualDns = manual.get();
        m_solver = std::move(manual);
        co_return Status();
    }
    auto task = m_settings.method == ChallengeMethod::Dns01 ? prepareDnsProvider() : prepareRemoteWebroot();
    const Status prepared = co_await task;
    co_return prepared;
}

QCoro::Task<Status> IssueJob::prepareDnsProvider() {
    // The provider's settings from the store, its credential from the keychain — never from a file.
    if (!m_store)
        co_return noStore();
    const QString name = m_settings.dnsProvider;
    auto recordJob = m_store->run([name](store::Store& s) { return s.dnsProviders().byName(name); });
    const Result<store::DnsProviderRecord> record = co_await recordJob;
    if (!record)
        co_return record.error().withContext(
            QCoreApplication::translate("IssueJob", "Reading DNS provider %1").arg(name));
    auto secretsJob = m_store->run([](store::Store& s) { return Result<store::Secrets>(s.secrets()); });
    const Result<store::Secrets> secrets = co_await secretsJob;
    if (!secrets)
        co_return secrets.error();
    SecureBytes secret;
    const bool needsSecret = record->kind != QLatin1String("manual") && record->kind != QLatin1String("hook");
    const QString secretKey = needsSecret ? record->secretKey() : QString();
    auto readTask = readSecret(*secrets, secretKey);
    const Result<SecureBytes> fetched = co_await readTask;
    if (needsSecret && !fetched)
        co_return fetched.error().withContext(
            QCoreApplication::translate("IssueJob", "Reading the credentials of DNS provider %1").arg(name));
    if (needsSecret)
        secret = *fetched;
    m_providerHttp = std::make_unique<net::HttpClient>();
    auto provider =
        dns::DnsProviderFactory::create(record->kind, record->settings.toVariantMap(), secret, m_providerHttp.get());
    if (!provider)
        co_return provider.error();
    m_provider = std::move(*provider);
    m_solver = std::make_unique<challenge::Dns01Solver>(*m_provider, dns01Options(m_settings.dnsResolver));
    co_return Status();
}

QCoro::Task<Status> IssueJob::prepareRemoteWebroot() {
    if (!m_store)
        co_return noStore();
    const QString name = m_settings.serverName;
    auto recordJob = m_store->run([name](store::Store& s) { return s.servers().byName(name); });
    const Result<store::ServerRecord> server = co_await recordJob;
    if (!server)
        co_return server.error().withContext(QCoreApplication::translate("IssueJob", "Reading server %1").arg(name));
    const ssh::SshTarget target = sshTargetFor(*server, m_store->dataDir());
    auto authTask = authFor(m_store, *server);
    const Result<ssh::AuthOptions> auth = co_await authTask;
    if (!auth)
        co_return auth.error();
    m_progress.report(QStringLiteral("ssh"),
                      QCoreApplication::translate("IssueJob", "Connecting to %1").arg(target.displayName()));
    auto connectTask = ssh::SshSession::connect(target, *auth);
    const Result<std::shared_ptr<ssh::SshSession>> session = co_await connectTask;
    if (!session) {
        m_progress.failed(QStringLiteral("ssh"),
                          QCoreApplication::translate("IssueJob", "Could not log in to %1").arg(target.displayName()));
        co_return session.error();
    }
    m_progress.done(QStringLiteral("ssh"),
                    QCoreApplication::translate("IssueJob", "Logged in to %1").arg(target.displayName()));
    m_session = *session;
    challenge::RemoteWebrootSolver::Options options;
    options.webroot = m_settings.webroot;
    options.selfCheck = m_settings.selfCheck;
    m_solver = std::make_unique<challenge::RemoteWebrootSolver>(m_session, options);
    co_return Status();
}

QString IssueJob::certificateFolder(const QString& dataDir, const QString& firstName, bool sandbox) {
    // "*.example.com" → "_wildcard.example.com": a folder name without a glob character.
    QString name = firstName;
    if (name.startsWith(QLatin1String("*.")))
        name = QStringLiteral("_wildcard") + name.mid(1);
    return dataDir + (sandbox ? QStringLiteral("/sandbox/live/") : QStringLiteral("/live/")) + name;
}

void IssueJob::start() {
    if (m_running)
        return;
    m_running = true;
    run();
}

void IssueJob::cancel() {
    m_cancel.cancel();
}

void IssueJob::abandon() {
    setParent(nullptr);
    if (!m_running) {
        deleteLater();
        return;
    }
    m_abandoned = true;
    cancel();
}

QCoro::Task<void> IssueJob::run() {
    auto task = issue();
    m_result = co_await task;
    m_running = false;
    Q_EMIT finished();
    if (m_abandoned)
        deleteLater();
}

QCoro::Task<Result<std::shared_ptr<workflow::Sandbox>>> IssueJob::startSandbox() {
    if (!m_settings.isSandbox())
        co_return std::shared_ptr<workflow::Sandbox>();
    if (!m_sandbox)
        co_return Error(ErrorCode::Unknown,
                        QCoreApplication::translate("IssueJob", "The local test CA is not available in this window."));
    m_progress.report(QStringLiteral("sandbox"), QCoreApplication::translate("IssueJob", "Starting the local test CA"));
    auto startTask = m_sandbox->ensureStarted();
    auto started = co_await startTask;
    if (!started) {
        m_progress.failed(QStringLiteral("sandbox"),
                          QCoreApplication::translate("IssueJob", "The local test CA did not start"));
        co_return started.error();
    }
    m_progress.done(QStringLiteral("sandbox"), QCoreApplication::translate("IssueJob", "Local test CA running"));
    co_return started;
}

QCoro::Task<Status> IssueJob::dryRunOrder(QList<acme::Identifier> ids, QUrl directory, QString trustFile,
                                          QString accountsDir) {
    if (!directory.isValid())
        co_return Status();
    const QString caName =
        IssuanceSettings::caName(IssuanceSettings::stagingTwin(m_settings.ca).value_or(m_settings.ca));
    m_progress.report(QStringLiteral("dry-run"),
                      QCoreApplication::translate("IssueJob", "Dry run against %1 first").arg(caName));
    auto task = order(ids, directory, trustFile, accountsDir);
    const Result<workflow::IssueResult> tried = co_await task;
    if (!tried) {
        m_progress.failed(QStringLiteral("dry-run"),
                          QCoreApplication::translate("IssueJob", "The dry run against %1 failed: nothing was ordered "
                                                                  "from the real CA")
                              .arg(caName));
        co_return tried.error().withContext(QCoreApplication::translate("IssueJob", "Dry run against %1").arg(caName));
    }
    m_progress.done(
        QStringLiteral("dry-run"),
        QCoreApplication::translate("IssueJob", "Dry run against %1 worked; now the real order").arg(caName));
    co_return Status();
}

QCoro::Task<Result<SecureBytes>> IssueJob::eabHmacKey(QUrl directory, bool wanted) {
    // The HMAC key typed on the CA page, else the one kept in the keychain for this key ID.
    // Never `co_return m_settings.eabHmacKey;`: QCoro 0.8 would move the member out (see SandboxService).
    const Result<SecureBytes> typed(m_settings.eabHmacKey);
    if (!wanted || !m_settings.eabHmacKey.isEmpty() || m_settings.eabKeyId.isEmpty() || !m_store)
        co_return typed;
    auto secretsJob = m_store->run([](store::Store& s) { return Result<store::Secrets>(s.secrets()); });
    const Result<store::Secrets> secrets = co_await secretsJob;
    if (!secrets)
        co_return secrets.error();
    auto readTask = readSecret(*secrets, IssuanceSettings::eabSecretKey(directory, m_settings.eabKeyId));
    const Result<SecureBytes> stored = co_await readTask;
    if (!stored)
        co_return Error(stored.error().code,
                        QCoreApplication::translate("IssueJob", "The EAB HMAC key for key ID %1 is not in your "
                                                                "keychain: go Back and type it again.")
                            .arg(m_settings.eabKeyId),
                        stored.error().toString());
    co_return stored;
}

QCoro::Task<void> IssueJob::rememberEab(QUrl directory, bool used) {
    // Once the CA accepted them: the key ID in the settings, the HMAC key in the keychain (never in a
    // file or the database), so the next certificate from this CA needs neither typed again. Best
    // effort: a keychain that refuses costs only retyping.
    if (!used || m_settings.eabKeyId.isEmpty() || m_settings.isSandbox())
        co_return;
    QSettings().setValue(IssuanceSettings::eabKeyIdSetting(directory), m_settings.eabKeyId);
    if (m_settings.eabHmacKey.isEmpty() || !m_store)
        co_return;
    auto secretsJob = m_store->run([](store::Store& s) { return Result<store::Secrets>(s.secrets()); });
    const Result<store::Secrets> secrets = co_await secretsJob;
    if (!secrets)
        co_return;
    auto writeTask =
        writeSecret(*secrets, IssuanceSettings::eabSecretKey(directory, m_settings.eabKeyId), m_settings.eabHmacKey);
    co_await writeTask;
}

QCoro::Task<Result<workflow::IssueResult>> IssueJob::order(QList<acme::Identifier> ids, QUrl directory,
                                                           QString trustFile, QString accountsDir) {
    net::HttpClient http;
    if (!trustFile.isEmpty()) {
        if (auto s = http.addTrustedCertificatesFromFile(trustFile); !s)
            co_return s.error();
    }
    acme::AcmeClient client(http);
    const workflow::AccountFiles files(accountsDir);
    workflow::AccountOptions accountOptions;
    accountOptions.termsOfServiceAgreed = m_settings.termsAgreed || m_settings.isSandbox();
    if (!m_settings.contactEmail.isEmpty())
        accountOptions.contact = QStringList{QStringLiteral("mailto:") + m_settings.contactEmail};
    const bool eab = IssuanceSettings::caNeedsEab(m_settings.ca) || !m_settings.eabKeyId.isEmpty();
    auto hmacTask = eabHmacKey(directory, eab);
    const Result<SecureBytes> hmac = co_await hmacTask;
    if (!hmac)
        co_return hmac.error();
    if (eab) {
        auto binding = acme::ExternalAccountBinding::fromStrings(m_settings.eabKeyId, hmac->bytes());
        if (!binding)
            co_return binding.error();
        accountOptions.eab = std::move(*binding);
    }
    const CancelToken cancel = m_cancel;
    auto accountTask = workflow::openAccount(client, files, directory, accountOptions, m_progress, cancel);
    auto account = co_await accountTask;
    if (!account)
        co_return account.error();
    auto rememberTask = rememberEab(directory, eab);
    co_await rememberTask;

    workflow::IssueRequest request;
    request.identifiers = ids;
    request.keyType = m_settings.keyType;
    request.profile = m_settings.profile;
    request.solvers = {m_solver.get()};
    auto issueTask = workflow::issueCertificate(client, request, m_progress, cancel);
    auto issued = co_await issueTask;
    co_return issued;
}

QCoro::Task<Result<IssuedCertificate>> IssueJob::issue() {
    auto ids = acme::parseIdentifiers(m_settings.names);
    if (!ids)
        co_return ids.error();

    QUrl directory = m_settings.directoryUrl();
    QString trustFile;
    QString accountsDir = m_dataDir;
    // Flat on purpose: GCC 12 destroys coroutine locals of nested scopes twice, which for a
    // shared_ptr<Sandbox> would stop the test CA under our feet.
    auto startTask = startSandbox();
    const Result<std::shared_ptr<workflow::Sandbox>> started = co_await startTask;
    if (!started)
        co_return started.error();
    const std::shared_ptr<workflow::Sandbox> sandbox = *started; // keeps the test CA running until we are done
    if (sandbox) {
        directory = sandbox->directoryUrl();
        trustFile = sandbox->caFile();
        accountsDir = m_sandbox->accountDataDir();
    }
    if (!directory.isValid() || directory.scheme() != QLatin1String("https"))
        co_return Error(ErrorCode::InvalidInput,
                        QCoreApplication::translate("IssueJob", "The CA's directory URL must start with https://."));
    if (m_cancel.isCancelled())
        co_return cancelledError();

    auto prepareTask = prepareSolver(sandbox);
    const Status prepared = co_await prepareTask;
    if (!prepared)
        co_return prepared.error();

    if (trustFile.isEmpty())
        trustFile = m_settings.caTrustFile;
    // "Try against staging first": the whole order against the CA's staging twin, nothing kept, and
    // only when that worked the real one — a mistake then costs no rate limit. Not for Manual dns-01,
    // where it would ask the user for a second record.
    const std::optional<CaChoice> twin = IssuanceSettings::stagingTwin(m_settings.ca);
    const bool dryRun = m_settings.tryStagingFirst && twin.has_value() && !m_settings.isManualDns();
    IssuanceSettings stagingSettings = m_settings;
    stagingSettings.ca = twin.value_or(m_settings.ca);
    const QUrl stagingDirectory = dryRun ? stagingSettings.directoryUrl() : QUrl();
    auto dryTask = dryRunOrder(*ids, stagingDirectory, trustFile, accountsDir);
    const Status dry = co_await dryTask;
    if (!dry)
        co_return dry.error();

    auto orderTask = order(*ids, directory, trustFile, accountsDir);
    const Result<workflow::IssueResult> issued = co_await orderTask;
    if (!issued)
        co_return issued.error();

    // Certificates of a real CA are kept in the store as a lineage (renewals, deploy targets); the
    // sandbox's as plain files (its CA forgets everything when it stops).
    const bool toStore = m_store && !m_settings.isSandbox();
    const QString lineageName = toStore ? store::Lineage::nameFor(ids->first().value) : QString();
    m_progress.report(QStringLiteral("save"),
                      QCoreApplication::translate("IssueJob", "Saving the certificate and its key"));
    auto saveTask = save(*issued, *ids, directory, lineageName);
    const Result<QString> saved = co_await saveTask;
    if (!saved) {
        m_progress.failed(QStringLiteral("save"),
                          QCoreApplication::translate("IssueJob", "Could not save the certificate"));
        co_return saved.error();
    }
    const QString folder = *saved;
    m_progress.done(QStringLiteral("save"),
                    QCoreApplication::translate("IssueJob", "Saved in %1").arg(QDir::toNativeSeparators(folder)));

    IssuedCertificate result;
    result.row = CertificateRow::fromCertificate(issued->chain.leaf());
    result.row.location = folder;
    result.row.sandbox = m_settings.isSandbox();
    result.folder = folder;
    result.lineageName = lineageName;
    result.chain = issued->chain.certificates;
    result.key = issued->key;
    co_return result;
}

QJsonObject IssueJob::challengeSettings() const {
    // What a renewal needs to answer the CA the same way again; never a secret (those stay in
    // Secrets under the server's or provider's key).
    QJsonObject c;
    switch (m_settings.method) {
    case ChallengeMethod::BuiltIn:
        c = QJsonObject{{QStringLiteral("method"), QStringLiteral("standalone")},
                        {QStringLiteral("address"), QStringLiteral("0.0.0.0")},
                        {QStringLiteral("port"), 80}};
        break;
    case ChallengeMethod::LocalWebroot:
        c = QJsonObject{{QStringLiteral("method"), QStringLiteral("webroot")},
                        {QStringLiteral("webroot"), QDir(m_settings.webroot).absolutePath()}};
        break;
    case ChallengeMethod::RemoteWebroot:
        c = QJsonObject{{QStringLiteral("method"), QStringLiteral("remote-webroot")},
                        {QStringLiteral("server"), m_settings.serverName},
                        {QStringLiteral("webroot"), m_settings.webroot},
                        {QStringLiteral("selfCheck"), m_settings.selfCheck}};
        break;
    case ChallengeMethod::Dns01:
        c = QJsonObject{{QStringLiteral("method"), QStringLiteral("dns-01")},
                        {QStringLiteral("provider"), m_settings.dnsProvider},
                        {QStringLiteral("resolver"), m_settings.dnsResolver}};
        if (m_settings.isManualDns())
            c.insert(QStringLiteral("manual"), true);
        break;
    }
    if (!m_settings.caTrustFile.isEmpty())
        c.insert(QStringLiteral("caFile"), QFileInfo(m_settings.caTrustFile).absoluteFilePath());
    return c;
}

QCoro::Task<Result<QString>> IssueJob::save(workflow::IssueResult issued, QList<acme::Identifier> ids, QUrl directory,
                                            QString lineageName) {
    if (lineageName.isEmpty()) {
        const QString folder = certificateFolder(m_dataDir, ids.first().value, m_settings.isSandbox());
        const acme::CertificateChain chain = issued.chain;
        const crypto::PrivateKey key = issued.key;
        auto write = [folder, chain, key] {
            return workflow::writeCertificateFiles(folder, chain, key);
        };
        auto pendingWrite = runBlocking(std::move(write));
        auto written = co_await pendingWrite;
        if (!written)
            co_return written.error();
        co_return folder;
    }
    workflow::IssueRequest request;
    request.identifiers = ids;
    request.keyType = m_settings.keyType;
    request.profile = m_settings.profile;
    const QJsonObject challenge = challengeSettings();
    // A person adds a Manual record: no unattended renewal (the dashboard reminds instead).
    const bool autoRenew = !m_settings.isManualDns();
    auto job = m_store->run([lineageName, issued, request, directory, challenge, autoRenew](store::Store& s) {
        store::Lineage lineage;
        auto existing = s.lineages().byName(lineageName);
        const store::Lineage fresh = workflow::lineageFor(request, directory, challenge, lineageName);
        if (existing) {
            // Issued again under the same name: a new version of it, renewed from now on the way it was
            // just issued (CA, names, key, challenge); its deploy targets stay.
            lineage = *existing;
            lineage.names = fresh.names;
            lineage.directoryUrl = fresh.directoryUrl;
            lineage.keyType = fresh.keyType;
            lineage.profile = fresh.profile;
            lineage.challenge = fresh.challenge;
            lineage.autoRenew = autoRenew;
            lineage.pausedReason.clear();
        } else {
            lineage = fresh;
            lineage.autoRenew = autoRenew;
        }
        auto version = workflow::saveIssuedCertificate(s, lineage, issued, QStringLiteral("issued"),
                                                       QDateTime::currentDateTimeUtc());
        if (!version)
            return Result<QString>(version.error());
        return Result<QString>(s.vault().liveDir(lineageName));
    });
    const Result<QString> folder = co_await job;
    co_return folder;
}

} // namespace certdeck::ui
