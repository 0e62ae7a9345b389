// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QCoroTask>
#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace certdeck::workflow {
class Sandbox;
}

namespace certdeck::ui {

/// The app's one local test CA (DESIGN.md, "Sandbox"): started on first use — never on the GUI
/// thread's critical path — and kept running while the app is open, so the wizard's preflight and
/// issuance and later renewals talk to the same Pebble. Accounts on it live in a temporary folder:
/// Pebble forgets them when it stops.
class SandboxService : public QObject {
    Q_OBJECT
public:
    /// `stateDir`: where the sandbox keeps its listener certificate (the data folder).
    explicit SandboxService(QString stateDir, QObject* parent = nullptr);
    ~SandboxService() override;

    /// Starts Pebble if it is not running yet; concurrent callers share one start. The returned
    /// pointer keeps Pebble alive for whoever holds it.
    QCoro::Task<Result<std::shared_ptr<workflow::Sandbox>>> ensureStarted();

    [[nodiscard]] bool isRunning() const { return m_sandbox != nullptr; }
    /// Why the last start failed (for the UI and tests).
    [[nodiscard]] Error lastError() const { return m_lastError; }
    [[nodiscard]] std::shared_ptr<workflow::Sandbox> sandbox() const { return m_sandbox; }
    [[nodiscard]] QString accountDataDir() const { return m_accounts.path(); }
    [[nodiscard]] QString stateDir() const { return m_stateDir; }

Q_SIGNALS:
    void startFinished();

private:
    QCoro::Task<void> start();

    QString m_stateDir;
    QTemporaryDir m_accounts;
    std::shared_ptr<workflow::Sandbox> m_sandbox;
    std::shared_ptr<workflow::Sandbox> m_pending; ///< started, DNS not answering yet
    Error m_lastError;
    bool m_starting = false;
};

} // namespace certdeck::ui
