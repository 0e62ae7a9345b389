// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/IssueJob.h"

#include "core/acme/AcmeClient.h"
#include "core/acme/Identifier.h"
#include "core/challenge/LocalWebrootSolver.h"
#include "core/challenge/StandaloneSolver.h"
#include "core/common/Async.h"
#include "core/workflow/AccountFiles.h"
#include "core/workflow/CertificateFiles.h"
#include "core/workflow/IssueCertificate.h"
#include "core/workflow/Sandbox.h"
#include "ui/SandboxService.h"

#include <QCoreApplication>
#include <QDir>

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

    std::unique_ptr<acme::ChallengeSolver> solver;
    switch (m_settings.method) {
    case ChallengeMethod::BuiltIn:
        if (sandbox)
            solver = std::make_unique<challenge::StandaloneSolver>(QHostAddress(QHostAddress::LocalHost),
                                                                   sandbox->httpPort());
        else
            solver = std::make_unique<challenge::StandaloneSolver>(QHostAddress(QHostAddress::Any), quint16(80));
        break;
    case ChallengeMethod::LocalWebroot:
        solver = std::make_unique<challenge::LocalWebrootSolver>(m_settings.webroot);
        break;
    case ChallengeMethod::RemoteWebroot:
    case ChallengeMethod::Dns01:
        co_return Error(ErrorCode::InvalidInput,
                        QCoreApplication::translate("IssueJob", "This way of answering the CA is not available yet."));
    }

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
    if (IssuanceSettings::caNeedsEab(m_settings.ca) || !m_settings.eabKeyId.isEmpty()) {
        auto binding = acme::ExternalAccountBinding::fromStrings(m_settings.eabKeyId, m_settings.eabHmacKey.bytes());
        if (!binding)
            co_return binding.error();
        accountOptions.eab = std::move(*binding);
    }
    const CancelToken cancel = m_cancel;
    auto accountTask = workflow::openAccount(client, files, directory, accountOptions, m_progress, cancel);
    auto account = co_await accountTask;
    if (!account)
        co_return account.error();

    workflow::IssueRequest request;
    request.identifiers = *ids;
    request.keyType = m_settings.keyType;
    request.solvers = {solver.get()};
    auto issueTask = workflow::issueCertificate(client, request, m_progress, cancel);
    auto issued = co_await issueTask;
    if (!issued)
        co_return issued.error();

    const QString folder = certificateFolder(m_dataDir, ids->first().value, m_settings.isSandbox());
    m_progress.report(QStringLiteral("save"),
                      QCoreApplication::translate("IssueJob", "Saving the certificate and its key"));
    const acme::CertificateChain chain = issued->chain;
    const crypto::PrivateKey key = issued->key;
    auto write = [folder, chain, key] {
        return workflow::writeCertificateFiles(folder, chain, key);
    };
    auto pendingWrite = runBlocking(std::move(write));
    auto written = co_await pendingWrite;
    if (!written) {
        m_progress.failed(QStringLiteral("save"),
                          QCoreApplication::translate("IssueJob", "Could not save the certificate"));
        co_return written.error();
    }
    m_progress.done(QStringLiteral("save"),
                    QCoreApplication::translate("IssueJob", "Saved in %1").arg(QDir::toNativeSeparators(folder)));

    IssuedCertificate result;
    result.row = CertificateRow::fromCertificate(chain.leaf());
    result.row.location = folder;
    result.row.sandbox = m_settings.isSandbox();
    result.folder = folder;
    co_return result;
}

} // namespace certdeck::ui
